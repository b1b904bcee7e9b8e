import ACTORS from "../../language/actors.json" with { type: "json" };
import { toRegExp } from "./written-pattern.js";

/** Without a case's own allegiances: countries by name, demonym, capital or government. */
export const COUNTRIES: readonly (readonly [RegExp, string])[] = ACTORS.parties.allegiances.map(([p, party]) => [
  toRegExp(p!),
  party!,
]);
