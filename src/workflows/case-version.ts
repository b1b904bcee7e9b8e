import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { type CaseSnapshot, caseSnapshot } from "../evidence/case-snapshot.js";
import { type ChangeReport, changeReport } from "../evidence/change-report.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { draftScenario } from "../evidence/draft.js";
import type { CaseVersionEntry, Store } from "../store/store.js";
import { batchEvidence } from "./evidence.js";

/** Makes a case's snapshot from its current documents: in this thread, or on a server's pool. */
export type Snapshotter = (docs: readonly EvidenceDocument[]) => Promise<CaseSnapshot>;

/** The case's model now: the current documents' evidence, and the scenario drafted from it (none while it names no party). */
export function snapshotOf(
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  knowledge: CaseKnowledge,
): CaseSnapshot {
  const evidence = batchEvidence(docs, model, knowledge);
  // A living case takes a party's latest word on an issue, not its strongest ever.
  const draft = draftScenario(evidence, docs, undefined, knowledge, { latestStance: true });
  return caseSnapshot(evidence, draft.parties.length ? draft : null);
}

/** One document per source: of the versions stored under one address, the latest (the earlier ones stay stored). */
export function currentDocuments(docs: readonly EvidenceDocument[]): EvidenceDocument[] {
  const latest = new Map<string, EvidenceDocument>();
  for (const d of docs) if (d.url) latest.set(d.url, d);
  return docs.filter((d) => !d.url || latest.get(d.url) === d);
}

/**
 * Keeps the case's model as its next version, made from the documents stored now, and says what
 * changed against the version before (from the empty case for the first).
 */
export async function keepCaseVersion(
  store: Store,
  caseId: string,
  snapshot: Snapshotter,
): Promise<{ version: CaseVersionEntry; changes: ChangeReport }> {
  const last = (await store.caseVersions(caseId)).at(-1);
  const before = last ? ((await store.caseVersion(caseId, last.version))?.snapshot as CaseSnapshot) : null;
  const docs = currentDocuments(await store.documents());
  const after = await snapshot(docs);
  const version = await store.addCaseVersion(caseId, docs.length, after);
  return { version, changes: changeReport(before, after) };
}
