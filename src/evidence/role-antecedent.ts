import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { escapeRegExp } from "./escape-regexp.js";
import { lowerBound } from "./lower-bound.js";
import type { TextAnalysis } from "./text-analysis.js";
import { toRegExp } from "./written-pattern.js";

/** A definite role that stands for someone named just before ("the official"). */
const ROLE = toRegExp(LANGUAGE.role.pattern);

/**
 * Whom a definite role stands for: "the official" is the one the text named with that role in the
 * words `before` it ("an official from the ministry"); any other phrase is itself.
 */
export function roleAntecedent(phrase: string, before: string): string {
  const role = ROLE.exec(phrase.trim())?.[1];
  if (!role) return phrase;
  const named = [
    ...before.matchAll(
      new RegExp(
        `\\b(?:an?|the)\\s+(?:[\\w-]+\\s+){0,4}?${escapeRegExp(role)}\\b(?:\\s+(?:from|of|for|at)\\s+[^.,;:"“”]{1,60})?`,
        "gi",
      ),
    ),
  ].at(-1)?.[0];
  return named ?? phrase;
}

/** How far back a definite role looks for the one the text named with it. */
export const ROLE_LOOKBACK = 800;

/**
 * `roleAntecedent` for a phrase written at `at` in an analysed text, cut at the name's first verb,
 * so it reads as a name: "the official" after "a senior US official said …" is "a senior US
 * official", after "an official from the ministry told …", "an official from the ministry".
 */
export function roleAntecedentIn(a: TextAnalysis, phrase: string, at: number): string {
  const from = Math.max(0, at - ROLE_LOOKBACK);
  const before = a.text.slice(from, at);
  const named = roleAntecedent(phrase, before);
  if (named === phrase) return phrase;
  const start = from + before.lastIndexOf(named),
    end = start + named.length;
  let last = -1;
  for (let t = lowerBound(a.tokens.length, (i) => a.tokens[i]!.start < start); t < a.tokens.length; t++) {
    const token = a.tokens[t]!;
    if (token.end > end || token.pos === "VERB" || token.pos === "AUX" || !/[\p{L}\p{N}]/u.test(token.value)) break;
    last = token.end;
  }
  return last > start ? a.text.slice(start, last) : phrase;
}
