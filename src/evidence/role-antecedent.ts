import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { escapeRegExp } from "./escape-regexp.js";
import { lowerBound } from "./lower-bound.js";
import type { TextAnalysis } from "./text-analysis.js";
import { toRegExp } from "./written-pattern.js";

/** A definite role that stands for someone named just before ("the official"). */
const ROLE = toRegExp(LANGUAGE.role.pattern);

/** How far back a definite role looks for the one the text named with it. */
const ROLE_LOOKBACK = 800;

/**
 * Whom a definite role written at `at` in `text` stands for: "the official" is the one the text
 * named with that role just before ("an official from the ministry"); any other phrase is itself.
 */
export function roleAntecedent(phrase: string, text: string, at: number): string {
  const role = ROLE.exec(phrase.trim())?.[1];
  if (!role) return phrase;
  const before = text.slice(Math.max(0, at - ROLE_LOOKBACK), at);
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

/**
 * `roleAntecedent` for a phrase written at `at` in an analysed text, cut at the name's first verb,
 * so it reads as a name: "the official" after "a senior US official said …" is "a senior US
 * official", after "an official from the ministry told …", "an official from the ministry".
 */
export function roleAntecedentIn(a: TextAnalysis, phrase: string, at: number): string {
  const named = roleAntecedent(phrase, a.text, at);
  if (named === phrase) return phrase;
  const start = a.text.lastIndexOf(named, at - named.length),
    end = start + named.length;
  let last = -1;
  for (let t = lowerBound(a.tokens.length, (i) => a.tokens[i]!.start < start); t < a.tokens.length; t++) {
    const token = a.tokens[t]!;
    if (token.end > end || token.pos === "VERB" || token.pos === "AUX" || !/[\p{L}\p{N}]/u.test(token.value)) break;
    last = token.end;
  }
  return last > start ? a.text.slice(start, last) : phrase;
}
