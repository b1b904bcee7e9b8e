import { withBatchDates } from "../evidence/document.js";
import { evidenceJson } from "../evidence/evidence-json.js";
import { extractEvidence } from "../evidence/extract.js";
import { loadAttributionModel } from "../ingest/attribution-model.js";
import { resolveCitations } from "../ingest/validate-citations.js";
import { baseName } from "../model/base-name.js";
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
  // A dispute the scenario writes down replaces the same disagreement found in the evidence: the
  // same values, or two of its sides in the very words the dispute cites.
  const key = (sides: readonly { value: string | number }[]) =>
    sides
      .map((s) => String(s.value))
      .sort()
      .join("\u0000");
  const authored = new Set(disputes.map((d) => key(d.sides)));
  const spans = disputes.flatMap((d) => d.sides.flatMap((s) => s.spans));
  const cited = (side: { spans: readonly { file: string; start: number; end: number }[] }) =>
    side.spans.some((q) =>
      spans.some((w) => baseName(w.file) === baseName(q.file) && w.start < q.end && q.start < w.end),
    );
  const same = (c: (typeof evidence.contradictions)[number]) =>
    authored.has(key(c.sides)) || c.sides.filter(cited).length >= 2;
  return {
    citations,
    assumptions,
    evidence: {
      ...evidence,
      contradictions: [...evidence.contradictions.filter((c) => !same(c)), ...disputes],
    },
  };
}

export type CorpusEvidence = ReturnType<typeof corpusEvidence>;
