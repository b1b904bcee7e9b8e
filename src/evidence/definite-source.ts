import type { ActorKind } from "./actors.js";
import { BODY_NOUN, onlyOpening, type Resolution } from "./attribution/coreference.js";
import { roleAntecedentIn } from "./role-antecedent.js";
import type { TextAnalysis } from "./text-analysis.js";

/** A source met earlier in the same text: who it was taken for, where it stands, and whether it names a body. */
export interface EarlierSource {
  readonly who: string;
  readonly at: number;
  /** An organisation, or a bare name the text gives no person (a movement, a party). */
  readonly body: boolean;
}

/** Role words a definite source repeats from the source it stands for ("the advisers", "the former union official"). */
const ROLE =
  /^the\s+((?:[\p{L}-]+\s+){0,3}?)(officials?|advis[eo]rs?|aides?|envoys?|negotiators?|diplomats?|spokes(?:man|men|woman|women|person|people)|sources?|ministers?|analysts?|experts?)$/iu;
/** Where a source phrase's head ends: before its modifier ("two senior advisers | to President …"). */
const MODIFIER = /\s+(?:to|from|of|for|in|at|with|on|who|familiar|close|briefed)\s.*$|,.*$/isu;

/**
 * Whom a definite description used as a source stands for, within its text: "the official" is
 * the official the text named with that role just before (`roleAntecedentIn`); "the advisers",
 * "the former union official" the last earlier source with that head and those words ("two
 * senior advisers to Prime Minister Maria Vella", "a former union official"); "the organisation"
 * or "the militant group" the last earlier body. Any other phrase, or one with nothing before it
 * to stand for, is itself.
 */
export function definiteSource(a: TextAnalysis, phrase: string, at: number, earlier: readonly EarlierSource[]): string {
  // (An earlier "The official" is the same unresolved role, not a name for it.)
  const named = roleAntecedentIn(a, phrase, at);
  if (!/^the\s/i.test(named)) return named;
  const before = earlier.filter((x) => x.at < at && !/^the\s/i.test(x.who));
  const role = ROLE.exec(phrase.trim());
  if (role) {
    const words = role[1]!.trim().toLowerCase();
    const head = role[2]!.toLowerCase();
    const match = before.findLast((x) => {
      const core = x.who.replace(MODIFIER, "").toLowerCase();
      return (core === head || core.endsWith(` ${head}`)) && (!words || core.includes(`${words} ${head}`));
    });
    return match?.who ?? phrase;
  }
  // The resolution takes "the group" for a body it remembers by its name; one it knew only as a
  // bare name ("Gozitana") is found here, among the sources quoted before. A bare "the group" is
  // as often a poll's respondents ("the group also views …") and stays.
  if (BODY_NOUN.test(phrase.trim()) && !/^(?:the|this)\s+group$/i.test(phrase.trim()))
    return before.findLast((x) => x.body)?.who ?? phrase;
  return phrase;
}

/**
 * Whether a source a quote was given names a body: an organisation, or a bare name the text knows
 * no actor by and writes as a name mid-sentence too ("Gozitana", not "Aid"); never a country.
 */
export function namesBody(
  a: TextAnalysis,
  who: string,
  how: Resolution["how"] | undefined,
  kinds: ReadonlyMap<string, ActorKind>,
): boolean {
  return (
    kinds.get(who) === "organisation" ||
    (how === "name" && /^\p{Lu}[\p{L}-]+$/u.test(who) && !kinds.has(who) && !onlyOpening(a.text, who))
  );
}
