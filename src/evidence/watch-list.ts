/**
 * What to look for in a negotiation's coverage: each item turns the quantities, dates or
 * statements of matching sentences into claims about one attribute of one subject. Generic in
 * form; a case's own list comes with its case file (see case-knowledge.ts).
 */
export interface WatchItem {
  readonly subject: string;
  readonly attribute: string;
  /** What carries the value: a quantity, a day-precise date, or the sentence itself (a stance). */
  readonly from: "quantity" | "date" | "statement" | "quote";
  /** The sentence must match this (cue words). */
  readonly cue: RegExp;
  /** For quantities: head nouns (or units) that count. */
  readonly nouns?: RegExp;
  readonly units?: readonly string[];
  /** Clause words that make the claim about another subject: [pattern, subject suffix]. */
  readonly qualifiers?: readonly (readonly [RegExp, string])[];
  /** For statements: the value the claim records, and words that negate it. */
  readonly value?: string;
  readonly negation?: RegExp;
  /** For quotes: whose words count (the quote's resolved speaker). */
  readonly speaker?: RegExp;
  /** Subject suffix from a place named in the sentence (dates of a meeting in one city vs another). */
  readonly byPlace?: boolean;
}
