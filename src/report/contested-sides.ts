import type { CorpusEvidence } from "../contract/evidence.js";
/** A contested fact as the analysis gives it, and what the evidence and the scenario say of its sides. */
export interface ContestedFact {
  readonly subject: string;
  readonly attribute: string;
  readonly values: readonly (string | number)[];
  readonly fields: readonly string[];
  readonly changesAnswers: boolean | null;
  readonly why?: string | undefined;
}

/** A contradiction the evidence found, or a dispute the scenario writes down. */
export type FoundContradiction = CorpusEvidence["contradictions"][number];

export interface SideWords {
  readonly value: string | number;
  readonly words: readonly {
    readonly file: string;
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[];
}

const same = (a: string | number, b: string | number) =>
  String(a).replace(/[\s,]/g, "").toLowerCase() === String(b).replace(/[\s,]/g, "").toLowerCase();

/**
 * Each side of a contested fact with its exact words: the citations the scenario's own dispute
 * gives that side, else the words the evidence found for that value.
 */
export function contestedSides(
  fact: ContestedFact,
  disputes: readonly { readonly subject: string }[],
  citations: readonly {
    readonly field: string;
    readonly file: string;
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[],
  found: readonly FoundContradiction[],
): SideWords[] {
  const d = disputes.findIndex((x) => x.subject === fact.subject);
  const evidence =
    found.find((c) => c.subject === fact.subject && c.attribute === fact.attribute) ??
    found.find((c) => fact.values.every((v) => c.sides.some((s) => same(s.value, v))));
  return fact.values.map((value, j) => {
    const authored = d >= 0 ? citations.filter((c) => c.field.startsWith(`disputes[${d}].sides[${j}].`)) : [];
    const side = evidence?.sides.find((s) => same(s.value, value));
    const words = authored.length
      ? authored.map(({ file, start, end, text }) => ({ file, start, end, text }))
      : (side?.spans ?? []).map((s) => ({ file: s.file, start: s.start, end: s.end, text: s.text ?? "" }));
    return { value, words };
  });
}
