import ACTORS from "../../language/actors.json" with { type: "json" };
import { toRegExp } from "./written-pattern.js";

const parsed = (list: readonly (readonly string[])[]) => list.map(([p, party]) => [toRegExp(p!), party!] as const);

/** Countries whose name, demonym, capital or government also tell a country's words from a person's name. */
export const GOVERNMENTS: readonly (readonly [RegExp, string])[] = parsed(ACTORS.parties.allegiances);

/**
 * Without a case's own allegiances, the party a mention speaks for: every country, by name and
 * demonym (those of GOVERNMENTS also by capital or government).
 */
export const COUNTRIES: readonly (readonly [RegExp, string])[] = [...GOVERNMENTS, ...parsed(ACTORS.parties.byName)];
