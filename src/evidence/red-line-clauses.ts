import { type Located, locate } from "./span.js";
import { doerAndTarget, timeTest } from "./statements.js";
import { analyseText } from "./text-analysis.js";

/** A clause worded as non-negotiable, with the words that say so and who its subject is. */
export interface RedLineClause {
  readonly sentence: Located;
  readonly cue: Located;
  readonly kind: "REJECT" | "DEMAND";
  /** The subject of the cue's clause as the sentence writes it ("Mr Novak", "the group"), or null. */
  readonly doer: string | null;
  /** The cue obliges its subject ("must", "has no choice but"): the subject is demanded of, not demanding. */
  readonly obliges: boolean;
  /** Who the sentence reports, as it writes them ("an official from the ministry"), or null. */
  readonly reported: string | null;
}

/**
 * Every clause of the sentences worded as a refusal or a standing demand (`redLine`; `refusal`
 * tells which refuse), with its subject read as a statement's is, whether the cue obliges its
 * subject ("must", "has to": the subject is demanded of), and whom the sentence reports (the subject
 * of its "said", or the source after "according to").
 */
export function redLineClauses(
  sentences: readonly Located[],
  texts: ReadonlyMap<string, string>,
  words: { redLine: RegExp; refusal: RegExp; obligation: RegExp; reporting: RegExp },
): RedLineClause[] {
  const out: RedLineClause[] = [];
  for (const s of sentences) {
    const cues = [...s.text.matchAll(new RegExp(words.redLine.source, `${words.redLine.flags.replace("g", "")}g`))];
    if (!cues.length) continue;
    const report = words.reporting.exec(s.text);
    const a = analyseText(s.text);
    const isTime = timeTest(a);
    for (const m of cues) {
      const { doer } = doerAndTarget(a.tokens, m.index!, m.index! + m[0].length, isTime);
      const text = texts.get(s.file) ?? "";
      out.push({
        sentence: s,
        cue: locate(s.file, text, s.start + m.index!, s.start + m.index! + m[0].length),
        kind: words.refusal.test(m[0]) ? "REJECT" : "DEMAND",
        doer: doer ? s.text.slice(doer[0]!.start, doer[doer.length - 1]!.end) : null,
        obliges: words.obligation.test(m[0]),
        reported: report ? (report[1] ?? report[2] ?? null) : null,
      });
    }
  }
  return out;
}
