import LANGUAGE from "../../language/statement-cues.json" with { type: "json" };
import { toRegExp } from "./written-pattern.js";

/** What a statement does, in PLOVER's terms (the six that matter for a negotiation's stances), or OTHER. */
export type StatementKind = "DEMAND" | "REJECT" | "AGREE" | "CONCEDE" | "THREATEN" | "CONSULT" | "OTHER";

export const STATEMENT_KINDS: readonly StatementKind[] = [
  "DEMAND",
  "REJECT",
  "AGREE",
  "CONCEDE",
  "THREATEN",
  "CONSULT",
];

/** Cue patterns per kind with their weight (language/statement-cues.json says how they were written). */
const CUES: readonly (readonly [StatementKind, RegExp, number])[] = LANGUAGE.cues.map((c) => [
  checkedKind(c.kind),
  toRegExp(c.pattern),
  c.weight,
]);

/** A kind written in data, checked: a typo fails on load, not silently. */
function checkedKind(kind: string): StatementKind {
  const k = STATEMENT_KINDS.find((x) => x === kind);
  if (!k) throw new Error(`language/statement-cues.json: unknown statement kind "${kind}"`);
  return k;
}

/**
 * The kind of a statement, and the cue that decided it: the strongest kind whose cue occurs
 * (a rejection or threat outranks the talks around it), earliest cue on a tie; OTHER when none
 * does. Negated agreement ("did not agree", would "never accept") is a rejection.
 */
export function statementKind(sentence: string): { kind: StatementKind; cue: string | null; at: number } {
  const negated =
    /\b(?:did not|does not|do not|didn['’]t|doesn['’]t|won['’]t|will not|would not|never|["“']never) ["“']?(?:agree|accept|approve|support)\b/i.exec(
      sentence,
    );
  if (negated) return { kind: "REJECT", cue: negated[0], at: negated.index };
  // Accepting all but some terms refuses those terms ("ready to accept most points, except for three").
  const except = /\baccept\w*\b[^.;]{0,80}?\b(except(?: for)?|but not)\b/i.exec(sentence);
  if (except) return { kind: "REJECT", cue: except[1]!, at: except.index + except[0].length - except[1]!.length };
  let best: { kind: StatementKind; cue: string; weight: number; at: number } | null = null;
  for (const [kind, re, weight] of CUES) {
    const m = re.exec(sentence);
    if (m && (!best || weight > best.weight || (weight === best.weight && m.index < best.at)))
      best = { kind, cue: m[0], weight, at: m.index };
  }
  return best ? { kind: best.kind, cue: best.cue, at: best.at } : { kind: "OTHER", cue: null, at: -1 };
}
