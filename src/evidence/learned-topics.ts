import LANGUAGE from "../../language/draft.json" with { type: "json" };
import type { Topic } from "./case-knowledge.js";
import { analyseText } from "./text-analysis.js";
import { toRegExp } from "./written-pattern.js";

/** Nouns that name no issue of their own (the talks' own vocabulary, people in general, time). */
const NOT_AN_ISSUE = toRegExp(LANGUAGE.notAnIssue.pattern);

/** Words of a demand or refusal read after its cue: up to the clause's end, at most this many. */
const CLAUSE_WORDS = 12;

/**
 * Topics learned at most, of each kind: the most widely sourced. A negotiation has a few dozen
 * issues at most; without a bound, two copies of one long text made every noun after a cue a
 * topic (1,500 of them for 1,500 paragraphs), each then looked for in every statement.
 */
export const MOST_TOPICS = 40;

/**
 * A learned noun's written forms: the noun, its plurals, and the verb an act noun is made from
 * ("withdrawal" → withdraw, withdraws, withdrawing…; "disarmament" → disarm…; "annexation" → annex…),
 * so "Ruritania will withdraw" speaks of the withdrawal.
 */
export function nounForms(noun: string): string[] {
  const plurals = noun.endsWith("y") ? [noun, `${noun.slice(0, -1)}ies`] : [noun, `${noun}s`, `${noun}es`];
  const stem = /^(.{4,}?)(?:ament|ement|ment|ation|ition|(?<=t)ion|al)$/.exec(noun)?.[1];
  const verbs = stem ? ["", "e", "es", "ed", "s", "ing", "y", "ies", "ied"].map((e) => stem + e) : [];
  return [...new Set([...plurals, ...verbs])];
}

/** A learned noun found again in any sentence by any of its forms; not the noun of an idiom that names nothing negotiated ("in line with", "along these lines"). */
function pattern(noun: string): RegExp {
  return new RegExp(
    `(?<!\\balong\\s+(?:these|those|the\\s+same|similar)\\s+)\\b(?:${nounForms(noun).join("|")})\\b(?! with\\b)`,
    "i",
  );
}

/** A noun's singular, as far as spelling alone tells it ("hostages" → "hostage", "authorities" → "authority"). */
function singular(noun: string): string {
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(noun)) return noun;
  return noun.replace(/(?:(?<=ss|[xz]|ch|sh)es|s)$/, "");
}

/** Words that say what is negotiated, and the source they are from. */
export interface IssueClause {
  readonly text: string;
  readonly file: string;
}

/**
 * Topics learned from what is negotiated, for a case whose knowledge gives none: the nouns of
 * the words after each demand's, refusal's, acceptance's or threat's cue ("refused to lay down its
 * weapons", "must withdraw its troops") and after what a plan is said to hold ("the plan calls for
 * the release of prisoners"), kept when `least` sources or more (two unless told) name the same one,
 * each named by its most frequent modifier and noun ("Palestinian state") and found again in any
 * sentence by the noun alone; a noun one source puts on the table is kept too when the coverage
 * talks about it `widely`. Topics already known (the case's or the generic ones) are not learned
 * twice.
 */
export function learnedTopics(
  clauses: readonly IssueClause[],
  known: readonly Topic[],
  least = 2,
  widely?: (forms: readonly string[]) => boolean,
): Topic[] {
  const sources = new Map<string, Set<string>>();
  const named = new Map<string, Map<string, number>>();
  for (const { text: clause, file } of clauses) {
    const words = clause
      .split(/(?<=[.;!?])\s|[;:]|,\s/)[0]!
      .split(/\s+/)
      .slice(0, CLAUSE_WORDS)
      .join(" ");
    const tokens = analyseText(words).tokens;
    const seen = new Set<string>();
    tokens.forEach((t, i) => {
      // A gerund ("ceding") names an act, not the thing negotiated.
      if (t.pos !== "NOUN" || !/^[a-z][a-z-]+$/i.test(t.value) || /ing$/i.test(t.value)) return;
      // A noun before another modifies it ("troop" in "troop withdrawal"): the compound's last noun is what it is of.
      if (tokens[i + 1]?.pos === "NOUN") return;
      const noun = singular(t.value.toLowerCase());
      if (noun.length < 3 || NOT_AN_ISSUE.test(noun) || known.some((k) => k.pattern.test(t.value))) return;
      seen.add(noun);
      const before = tokens[i - 1];
      // A heading glued to its paragraph by a page's copy ("Sticking Points EmergeTerritorial
      // concessions") lends the modifier only its last word.
      const modifier = before?.value.replace(/^\p{Lu}\p{Ll}{3,}(?=\p{Lu}\p{Ll}{3,}$)/u, "");
      const name = before && (before.pos === "ADJ" || before.pos === "PROPN") ? `${modifier} ${noun}` : noun;
      const names = named.get(noun) ?? named.set(noun, new Map()).get(noun)!;
      names.set(name, (names.get(name) ?? 0) + 1);
    });
    for (const noun of seen) (sources.get(noun) ?? sources.set(noun, new Set()).get(noun)!).add(file);
  }
  return (
    [...sources]
      .filter(([noun, files]) => files.size >= least || (widely?.(nounForms(noun)) ?? false))
      // Most sources first; on a tie, the noun met first (the object right after a cue before the words around it).
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, MOST_TOPICS)
      .map(([noun]) => {
        const name = [...named.get(noun)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
        return {
          name: name.charAt(0).toUpperCase() + name.slice(1),
          pattern: pattern(noun),
        };
      })
  );
}
