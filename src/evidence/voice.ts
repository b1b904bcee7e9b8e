import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { toRegExp } from "./written-pattern.js";

/**
 * Whose words a cited span is: a party's (its official, named or not, or the party itself; quoted,
 * reported, or relayed by an outlet), a commentator's, the author's own, or a fear or a
 * possibility ("officials fear that …", "may") — which states no one's position.
 */
export interface Voice {
  readonly kind: "party" | "commentator" | "author" | "fear";
  /** The party the words are of (kind party), as the scenario names it. */
  readonly party: string | null;
  /** Who speaks, as the sentence names them ("A Ruritanian official", "Smith, an analyst"), or null. */
  readonly who: string | null;
  /** How the party's words reach the text: quoted, reported by the text, or relayed from an outlet. */
  readonly how: "quoted" | "reported" | "relayed" | null;
}

/** Whom a sentence reports: the subject of its reporting verb, or the source after "according to". */
const REPORTING = toRegExp(LANGUAGE.reporting.pattern);
/** Roles of people who comment on a negotiation without taking part. */
const OBSERVER = toRegExp(LANGUAGE.observer.pattern);
/** Words that make a sentence a fear or a possibility, not a position. */
const FEAR = /\b(?:fears?|feared|fearing|worr(?:y|ies|ied)|may|might|could)\b/i;
/** Outlets and the press, through which a party's words are relayed. */
const PRESS =
  /\b(?:press|media|reports?|reported|newspaper|publication|outlet|Reuters|AP|AFP|Bloomberg|NBC|CNN|BBC|Politico|Wall Street Journal|WSJ|New York Times|Financial Times|Strana|Axios|TASS|Interfax)\b/;
/** A party's position named by its possessive ("Ruritania's demands"). */
const POSITION =
  /\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)['’]s? (?:demands?|insistence|position|refusal|conditions?|red lines?|terms)\b/;
/** A subject that names no one: a pronoun, or nothing at all. */
const PRONOUN = /^(?:he|she|it|they|we|i|you|this|that|these|those)$/i;

/**
 * The voice of words at `at` (an offset into `sentence`): a fear or possibility before them; the
 * one a reporting verb or "according to" names (a commentator by their role, a party by
 * `partyOf`, an outlet as the relay of the sentence's subject); a quote's `quoted` speaker; else
 * the sentence's subject when it names a party (the text reports the party's own act); else the
 * author's.
 */
export function voiceOf(
  sentence: string,
  at: number,
  partyOf: (words: string) => string | null,
  quoted: string | null = null,
  antecedent: (role: string) => string = (role) => role,
): Voice {
  if (FEAR.test(sentence.slice(0, at))) return { kind: "fear", party: null, who: null, how: null };
  const reported = REPORTING.exec(sentence);
  // "The official said": the one named with that role just before.
  const reporter = antecedent((reported?.[1] ?? reported?.[2] ?? "").trim());
  const subject = subjectOf(sentence);
  // "Smith, a maritime analyst, said …": a commentator named before the words, with a reporting verb.
  const lead = sentence.slice(0, at);
  const commentator = OBSERVER.exec(lead);
  if (
    commentator &&
    /\b(?:said|says|told|wrote|writes|argued|argues|noted|notes|added|explained|believes?)\b/.test(lead)
  )
    return { kind: "commentator", party: null, who: commentator[0], how: null };
  if (reporter) {
    if (OBSERVER.test(reporter)) return { kind: "commentator", party: null, who: reporter, how: null };
    const party = partyOf(reporter);
    if (party && !PRESS.test(reporter)) return { kind: "party", party, who: reporter, how: "reported" };
    const relayed = subject ? partyOf(subject) : null;
    if (PRESS.test(reporter) && relayed) return { kind: "party", party: relayed, who: reporter, how: "relayed" };
  }
  if (quoted && PRESS.test(quoted)) {
    // A quote an outlet is credited with relays whom the sentence is about.
    const relayed = subject ? partyOf(subject) : null;
    if (relayed) return { kind: "party", party: relayed, who: quoted, how: "relayed" };
  } else if (quoted) {
    const party = OBSERVER.test(quoted) ? null : partyOf(quoted);
    if (party) return { kind: "party", party, who: quoted, how: "quoted" };
    if (OBSERVER.test(quoted)) return { kind: "commentator", party: null, who: quoted, how: null };
  }
  const party = subject && !PRONOUN.test(subject) ? partyOf(subject) : null;
  if (party) return { kind: "party", party, who: subject, how: "reported" };
  // The name right before a verb nearest the words, up to what they say ("…, Mr Novak has signalled that …").
  const near = nearestSubject(sentence.slice(0, at) + sentence.slice(at).split(/\bthat\b|[“"]/)[0]);
  const nearParty = near ? partyOf(near) : null;
  if (nearParty) return { kind: "party", party: nearParty, who: near, how: "reported" };
  // "Ruritania's demands that …": the text reports the party's own position.
  const position = POSITION.exec(sentence.slice(Math.max(0, at - 40)));
  const owner = position ? partyOf(position[1]!) : null;
  if (owner) return { kind: "party", party: owner, who: position![1]!, how: "reported" };
  return { kind: "author", party: null, who: null, how: null };
}

/** A sentence's subject: its words before the first verb-like word, after any opening phrase ("As reported by …, Valletta …"). */
function subjectOf(sentence: string): string | null {
  // An opening phrase ("After the strike in May, …", "As reported by the press, …") is not the subject.
  const main = sentence.replace(
    /^(?:(?:As|According to|In|On|At|After|Before|Since|When|While|Though|Although|If|Once|Thus|Meanwhile|However|But|And|Still|Yet|Earlier|Later)\b[^,]{0,100},)+\s*/i,
    "",
  );
  const m =
    /^((?:[A-Z“"][\w’'.-]*|the|a|an|of|and|members|officials|delegation)(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for|members|officials|delegation))*)(?=,|\s+(?:also|meanwhile|for|has|have|had|is|are|was|were|will|would|continues?|insist\w*|demand\w*|reject\w*|refus\w*|oppos\w*|want\w*|says?|said|told|concluded|stressed|[a-z]+ed\b))/.exec(
      main,
    );
  return m?.[1]?.trim() || null;
}

/** The last capitalised name in `text` followed by a verb ("Mr Novak has", "Ruritania opposed"). */
function nearestSubject(text: string): string | null {
  const all = [
    ...text.matchAll(
      /\b((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s+(?:has|have|had|is|are|was|were|will|would|continues?|insists?|demands?|rejects?|refuses?|opposes?|[a-z]{3,}ed)\b/g,
    ),
  ];
  return all.at(-1)?.[1] ?? null;
}
