import type { TextAnalysis } from "../src/evidence/text-analysis.js";

/** A PolNeAR annotation record (the JSONL format of ../shared/benchmarks). */
export interface PolnearRecord {
  readonly id: string;
  readonly annotator: string;
  readonly text: string;
  readonly attributions: readonly PolnearRelation[];
}

export type PolnearSpan = readonly [number, number];

export interface PolnearRelation {
  readonly kind: string;
  readonly source: readonly { readonly spans: readonly PolnearSpan[]; readonly text: string }[];
  readonly cue: readonly { readonly spans: readonly PolnearSpan[]; readonly text: string }[];
  readonly content: readonly { readonly spans: readonly PolnearSpan[]; readonly text: string }[];
}

/** One annotation per article (the first annotator's, where two annotated it). */
export function onePerArticle(records: readonly PolnearRecord[]): PolnearRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
}

const ROLE_TAG = { source: 1, cue: 3, content: 5 } as const;

/**
 * Gold BIO tags of a text's tokens: a token inside a role's span takes that role (B- where a
 * span starts, I- inside it); where spans of two roles cover one token, the narrower role wins
 * (a cue inside a content span is a cue).
 */
export function goldTags(a: TextAnalysis, relations: readonly PolnearRelation[]): Uint8Array {
  const n = a.tokens.length;
  const tags = new Uint8Array(n);
  const width = new Float64Array(n).fill(Infinity);
  const pieces: { role: keyof typeof ROLE_TAG; start: number; end: number }[] = [];
  for (const r of relations)
    for (const role of ["source", "cue", "content"] as const)
      for (const x of r[role]) for (const [start, end] of x.spans) pieces.push({ role, start, end });
  for (const p of pieces) {
    let first = true;
    for (let t = 0; t < n; t++) {
      const tok = a.tokens[t]!;
      if (tok.end <= p.start || tok.start >= p.end) continue;
      const span = p.end - p.start;
      if (span < width[t]!) {
        width[t] = span;
        tags[t] = ROLE_TAG[p.role] + (first ? 0 : 1);
      }
      first = false;
    }
  }
  // Repair what overlapping spans break: an I- tag must continue its own span.
  for (let t = 0; t < n; t++) {
    const y = tags[t]!;
    if (y === 2 || y === 4 || y === 6) {
      const prev = t ? tags[t - 1]! : 0;
      if (prev !== y && prev !== y - 1) tags[t] = y - 1;
    }
  }
  return tags;
}
