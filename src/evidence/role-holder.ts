import { affiliationOf } from "./affiliation.js";
import { COUNTRIES } from "./countries.js";
import { escapeRegExp } from "./escape-regexp.js";

/** A person of the batch, with every role the batch's texts give them. */
export interface RoleBearer {
  readonly name: string;
  readonly kind: string;
  readonly roles: Iterable<string>;
}

/**
 * Offices one person holds per country, which a text may name alone ("the prime minister"). Not
 * the actors' role words at large: a country has many aides, officials and envoys.
 */
const OFFICE =
  /^(?:the\s+)?(?:(\p{Lu}[\p{L}-]*)(?:['’]s)?\s+)?(prime minister|president|foreign minister|defen[cs]e minister|chancellor|secretary of state|secretary-general|king|emir|crown prince)$/iu;

/** The country a word names ("Malta's", "Maltese"), where the language data knows it. */
const countryOf = (word: string | undefined) =>
  word ? (COUNTRIES.find(([pattern]) => pattern.test(word))?.[1] ?? null) : null;

/**
 * Whom an office named without a name stands for, across the batch: "Malta's prime minister" is
 * the one person any text of the batch calls a prime minister of Malta; "the prime minister",
 * in a text that called the office someone's before (`before`: the text before the phrase, read
 * only then), the holder of that country's. Null when the batch has none, or more than one, such holder — three
 * prime ministers in the batch and no country in the text leave "the prime minister" as written.
 */
export function roleHolder(phrase: string, before: () => string, people: readonly RoleBearer[]): string | null {
  const office = OFFICE.exec(phrase.trim());
  if (!office) return null;
  const role = office[2]!.toLowerCase();
  let country = countryOf(office[1]);
  if (!country && office[1]) return null;
  if (!country) {
    // The office last named with a country in the text before it ("… Malta's prime minister …").
    const named = [
      ...before().matchAll(new RegExp(`(\\p{Lu}[\\p{L}-]*)(?:['’]s)?\\s+${escapeRegExp(role)}\\b`, "giu")),
    ].findLast((m) => countryOf(m[1]));
    country = named ? countryOf(named[1]) : null;
  }
  if (!country) return null;
  const holders = people.filter(
    (p) =>
      p.kind === "person" &&
      [...p.roles].some((r) => r.toLowerCase().includes(role) && !/\bformer\b/i.test(r)) &&
      affiliationOf(p.kind, p.roles) === country,
  );
  return holders.length === 1 ? holders[0]!.name : null;
}
