import type { TextAnalysis } from "../src/evidence/text-analysis.js";
import type { PolnearRecord } from "./polnear.js";

/**
 * The cue lexicon learned from training data: lower-cased words and two-word phrases that are
 * annotated as (part of) a cue at least `minCount` times and in at least `minShare` of their
 * occurrences ("said" always qualifies, "in" — a cue 74 times among thousands — does not).
 */
export function learnCueLexicon(
  docs: readonly { record: PolnearRecord; analysis: TextAnalysis }[],
  minCount = 5,
  minShare = 0.15,
): string[] {
  const asCue = new Map<string, number>(),
    total = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { record, analysis } of docs) {
    const cueRanges = record.attributions.flatMap((r) => r.cue.flatMap((c) => c.spans));
    const tokens = analysis.tokens;
    const inCue = tokens.map((t) => cueRanges.some(([s, e]) => t.start < e && t.end > s));
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.value.toLowerCase();
      if (!/\p{L}/u.test(w)) continue;
      bump(total, w);
      if (inCue[i]) bump(asCue, w);
      if (i + 1 < tokens.length) {
        const pair = `${w} ${tokens[i + 1]!.value.toLowerCase()}`;
        bump(total, pair);
        if (inCue[i] && inCue[i + 1]) bump(asCue, pair);
      }
    }
  }
  return [...asCue]
    .filter(([k, c]) => c >= minCount && c / total.get(k)! >= minShare)
    .map(([k]) => k)
    .sort();
}
