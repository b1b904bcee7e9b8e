import { COUNTRIES } from "./countries.js";

/**
 * The country or body a person's roles place them with, when a role names one ("Maltese Prime
 * Minister" → Malta where the language data knows Malta), else null. The first serving role that
 * names one decides; an observer's ("exiled Maltese analyst") does not.
 */
export function affiliationOf(kind: string, roles: Iterable<string>): string | null {
  if (kind !== "person") return null;
  for (const role of roles) {
    if (OBSERVER.test(role)) continue;
    for (const [pattern, party] of COUNTRIES) if (pattern.test(role)) return party;
  }
  return null;
}

/** A role that observes rather than serves ("exiled Maltese analyst"): a nationality, not an allegiance. */
const OBSERVER =
  /\b(?:analysts?|researchers?|experts?|exiled|former|commentators?|journalists?|reporters?|correspondents?|scholars?|professors?|critics?|dissidents?)\b/i;
