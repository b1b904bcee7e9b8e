import { withBatchDates } from "../evidence/document.js";
import { evidenceJson } from "../evidence/evidence-json.js";
import { extractEvidence } from "../evidence/extract.js";
import { loadAttributionModel } from "../ingest/attribution-model.js";
import { resolveCitations } from "../ingest/validate-citations.js";
import type { CitedInput } from "./cited-input.js";

/**
 * A scenario's corpus read for analysis: every citation resolved (or every problem at once),
 * the assumptions, and the corpus's evidence — contradictions, and each source's reliability
 * with the scenario's own word on a source's kind or score taken over.
 */
export function corpusEvidence({ loaded, corpus, docs, label, knowledge }: CitedInput) {
  const spec = loaded.spec;
  const { citations, assumptions } = resolveCitations(loaded, corpus, label);
  const evidence = evidenceJson(
    extractEvidence(withBatchDates(docs), loadAttributionModel(), {
      knowledge,
      ...(spec.sources ? { sources: spec.sources } : {}),
    }),
  );
  // Disputes the scenario writes down stand beside those the evidence finds, each side with its cited words.
  const disputes = (spec.disputes ?? []).map((d, i) => ({
    subject: d.subject,
    attribute: "disputed" as const,
    sides: d.sides.map((s, j) => ({
      value: s.value,
      spans: citations
        .filter((c) => c.field.startsWith(`disputes[${i}].sides[${j}]`))
        .map((c) => ({ file: c.file, start: c.start, end: c.end })),
    })),
  }));
  // A dispute the scenario writes down replaces the same disagreement found in the evidence (same values).
  const key = (sides: readonly { value: string | number }[]) =>
    sides
      .map((s) => String(s.value))
      .sort()
      .join("\u0000");
  const authored = new Set(disputes.map((d) => key(d.sides)));
  return {
    citations,
    assumptions,
    evidence: {
      ...evidence,
      contradictions: [...evidence.contradictions.filter((c) => !authored.has(key(c.sides))), ...disputes],
    },
  };
}

export type CorpusEvidence = ReturnType<typeof corpusEvidence>;
