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

/**
 * Cue patterns per kind, strongest first within each, written from what each PLOVER category
 * means (not fitted to any test data): a demand insists on something from another, a rejection
 * refuses it, an agreement commits to it, a concession gives ground, a threat conditions harm,
 * a consultation meets or talks.
 */
const CUES: readonly [StatementKind, RegExp, number][] = [
  [
    "REJECT",
    /\b(reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|turn(?:s|ed)? down|dismiss(?:es|ed)?|will not (?:accept|agree|allow|give|recogni[sz]e|cede|withdraw|compromise|budge|yield)|won['’]t (?:accept|agree|allow)|would never|will never|cannot accept|can['’]t accept|non-negotiable|not negotiable|out of the question|unacceptable|ruled? out|balk(?:s|ed)? at|denounc(?:e|es|ed)|veto(?:es|ed)?|opposes?|opposed)\b/i,
    3,
  ],
  [
    "THREATEN",
    /\b(threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)? (?:that|of)|ultimatum|or (?:else|face)|would (?:respond|retaliate)|retaliat(?:e|ion)|by force of arms|will (?:cut|ban|impose|withdraw|suspend|boycott)|plans? to impose|could (?:impose|cut))\b/i,
    3,
  ],
  [
    "DEMAND",
    /\b(demand(?:s|ed|ing)?|insist(?:s|ed|ing)? (?:on|that)|call(?:s|ed)? (?:on|for)|urg(?:e|es|ed|ing)|press(?:es|ed|ing) (?:for|to)|must (?:\w+\s){0,2}(?:withdraw|hand|give|drop|stop|leave|cede|cooperate|allocate|accept|recogni[sz]e)|ordered|requir(?:e|es|ed) that|want(?:s|ed)? .{0,40}\b(?:to (?:withdraw|leave|give up|hand over|cede))|need(?:s|ed)? (?:international )?recognition|adamant that)\b/i,
    2,
  ],
  [
    "CONCEDE",
    /\b(concede(?:s|d)?|concession|eas(?:e|es|ed|ing) (?:\w+\s){0,2}(?:sanctions|restrictions|measures|curfew)|lift(?:s|ed|ing)? (?:\w+\s){0,2}(?:sanctions|curfew|ban|blockade|emergency|restrictions)|withdr(?:aw|ew|awn) (?:its|their|from)|gave up|give up|cancel(?:s|led|ed)|allow(?:s|ed)? .{0,30}\bto\b|relax(?:es|ed)?|back(?:s|ed)? down|yield(?:s|ed)?|accept(?:s|ed)? (?:the )?demands?)\b/i,
    2,
  ],
  [
    "AGREE",
    /\b(agree(?:s|d|ment)?|accept(?:s|ed)?|sign(?:s|ed)? (?:an? |the )?(?:deal|agreement|accord|treaty|memorandum)|reach(?:es|ed)? (?:an? )?(?:agreement|consensus|deal)|will support|willing to|offer(?:s|ed)? to|pledg(?:e|es|ed) to|endors(?:e|es|ed)|approv(?:e|es|ed)|could (?:very well )?serve as the foundation|consensus)\b/i,
    1,
  ],
  [
    "CONSULT",
    /\b(met|meet(?:s|ing)?|talks?|held (?:talks|a meeting|meetings|consultations)|telephon(?:e|ed)|phoned|call(?:ed)? (?:him|her)|visit(?:s|ed)?|hosted|arriv(?:e|ed|es) in|negotiat(?:e|es|ed|ions)|consult(?:s|ed|ations)|mediat(?:e|ed|ion)|discuss(?:es|ed|ions)?|summit)\b/i,
    1,
  ],
];

/**
 * The kind of a statement, and the cue that decided it: the strongest kind whose cue occurs
 * (a rejection or threat outranks the talks around it), earliest cue on a tie; OTHER when none
 * does. Negated agreement ("did not agree") is a rejection.
 */
export function statementKind(sentence: string): { kind: StatementKind; cue: string | null; at: number } {
  const negated =
    /\b(?:did not|does not|do not|didn['’]t|doesn['’]t|won['’]t|will not|would not) (?:agree|accept|approve|support)\b/i.exec(
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
