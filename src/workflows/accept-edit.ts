import { answerChange } from "../analysis/answer-change.js";
import type { AnalysisReport } from "../contract/analysis-report.js";
import type { Accepted } from "../contract/case-changes.js";
import { InputError } from "../errors.js";
import { proposedEdit } from "../evidence/proposed-edit.js";
import { applyEdit } from "../formats/apply-edit.js";
import { parseScenario } from "../formats/scenario-yaml.js";
import type { Store } from "../store/store.js";
import { type ChangesQuery, caseChanges } from "./case-changes.js";

/** Analyses a scenario's text (in this thread, or on a server's pool) against the workspace's documents. */
export type Analyse = (scenario: { name: string; text: string }) => Promise<AnalysisReport>;

export type { Accepted };

/** Thrown when the scenario changed since the edit was read: nothing is written. */
export class EditConflict extends Error {
  constructor(readonly current: number | null) {
    super(`the scenario was changed meanwhile (it is at version ${current})`);
  }
}

/**
 * Applies the items of a case's proposed edit the analyst accepts (by id) to the case's scenario
 * — the others are rejected, never applied — as the scenario's next version, made from the version
 * read (a change saved meanwhile is a conflict, not a lost update); then analyses the scenario
 * before and after and says whether the answer moved.
 */
export async function acceptEdit(
  store: Store,
  caseId: string,
  query: ChangesQuery,
  accept: readonly string[],
  analyse: Analyse,
): Promise<Accepted> {
  const scenario = await store.scenario(caseId);
  const found = await caseChanges(store, caseId, query);
  if (!scenario || !found)
    throw new InputError([
      {
        code: "edit.path",
        field: "case",
        message: `${caseId} has no scenario or no kept version to edit`,
        hint: "open the case with its scenario.yaml",
      },
    ]);
  const name = `${caseId}.yaml`;
  const items = proposedEdit(parseScenario(scenario.text, name).spec, found.changes);
  const unknown = accept.filter((id) => !items.some((i) => i.id === id));
  if (unknown.length)
    throw new InputError(
      unknown.map((id) => ({
        code: "edit.path",
        field: "accept",
        message: `no proposed item ${id} (the proposal holds ${items.map((i) => i.id).join(", ") || "nothing"})`,
        hint: "read the changes again: an item the scenario already holds is no longer proposed",
      })),
    );
  const applied = items.filter((i) => accept.includes(i.id));
  const text = applyEdit(
    scenario.text,
    applied.flatMap((i) => i.ops),
    name,
  );
  // The edited scenario must still be one: checked before anything is written.
  parseScenario(text, name);
  const [before, after] = await Promise.all([analyse({ name, text: scenario.text }), analyse({ name, text })]);
  const put = await store.putScenario({ id: caseId, name: scenario.name, text }, scenario.version);
  if ("conflict" in put) throw new EditConflict(put.current);
  return {
    applied,
    rejected: items.filter((i) => !accept.includes(i.id)),
    version: put.version,
    answer: answerChange(before, after),
  };
}
