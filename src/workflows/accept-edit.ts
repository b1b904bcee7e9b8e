import { answerChange } from "../analysis/answer-change.js";
import type { AnalysisReport } from "../contract/analysis-report.js";
import type { Accepted, AnswerChange, CaseChanges, EditItem } from "../contract/case-changes.js";
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
 * The edit a case's changes propose to its scenario. The first version's (from the empty case) is
 * the coverage the scenario was written from: it proposes nothing.
 */
export function caseProposal(
  scenario: { readonly name: string; readonly text: string },
  found: Pick<CaseChanges, "from" | "changes">,
): EditItem[] {
  return found.from ? proposedEdit(parseScenario(scenario.text, scenario.name).spec, found.changes) : [];
}

/**
 * A scenario's text with the items of the edit the changes propose that the analyst accepts (by id;
 * `"all"` for every one), the rest rejected; the edited text checked to still be a scenario, and
 * the analysis before and after compared. Nothing is written here: the caller keeps the text.
 */
export async function editedScenario(
  scenario: { readonly name: string; readonly text: string },
  found: Pick<CaseChanges, "from" | "changes">,
  accept: readonly string[],
  analyse: Analyse,
): Promise<{ text: string; applied: EditItem[]; rejected: EditItem[]; answer: AnswerChange }> {
  const items = caseProposal(scenario, found);
  const all = accept.includes("all");
  const unknown = all ? [] : accept.filter((id) => !items.some((i) => i.id === id));
  if (unknown.length)
    throw new InputError(
      unknown.map((id) => ({
        code: "edit.path",
        field: "accept",
        message: `no proposed item ${id} (the proposal holds ${items.map((i) => i.id).join(", ") || "nothing"})`,
        hint: "read the changes again: an item the scenario already holds is no longer proposed",
      })),
    );
  const applied = items.filter((i) => all || accept.includes(i.id));
  const text = applyEdit(
    scenario.text,
    applied.flatMap((i) => i.ops),
    scenario.name,
  );
  // The edited scenario must still be one: checked before anything is written.
  parseScenario(text, scenario.name);
  const [before, after] = await Promise.all([analyse(scenario), analyse({ name: scenario.name, text })]);
  return { text, applied, rejected: items.filter((i) => !applied.includes(i)), answer: answerChange(before, after) };
}

/**
 * Applies the accepted items of a case's proposed edit to the case's scenario in the workspace, as
 * its next version made from the version read (a change saved meanwhile is a conflict, not a lost
 * update), and says whether the answer moved.
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
  const edited = await editedScenario({ name: `${caseId}.yaml`, text: scenario.text }, found, accept, analyse);
  const put = await store.putScenario({ id: caseId, name: scenario.name, text: edited.text }, scenario.version);
  if ("conflict" in put) throw new EditConflict(put.current);
  return { applied: edited.applied, rejected: edited.rejected, version: put.version, answer: edited.answer };
}
