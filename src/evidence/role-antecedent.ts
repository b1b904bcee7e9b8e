import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { escapeRegExp } from "./escape-regexp.js";
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
