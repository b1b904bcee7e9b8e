import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { type EvidenceDocument, withBatchDates } from "../evidence/document.js";
import { evidenceJson } from "../evidence/evidence-json.js";
import { extractEvidence } from "../evidence/extract.js";

/** A batch's evidence as the `evidence --json` contract: each document's, then lined up across sources. */
export function batchEvidence(
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  knowledge: CaseKnowledge,
  onProgress?: (done: number, total: number) => void,
) {
  return evidenceJson(
    extractEvidence(withBatchDates(docs), model, { knowledge, ...(onProgress ? { onProgress } : {}) }),
  );
}
