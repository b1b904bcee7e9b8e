/**
 * What to look for in a negotiation's coverage: each item turns the quantities, dates or
 * statements of matching sentences into claims about one attribute of one subject. Generic in
 * form; the default list is for peace negotiations.
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
  /** Subject suffix from a place named in the sentence (dates of a meeting in Moscow vs Geneva). */
  readonly byPlace?: boolean;
}

export const PEACE_TALKS: readonly WatchItem[] = [
  {
    subject: "meeting",
    attribute: "date",
    from: "date",
    cue: /\b(met|meets|meet|meeting|talks|held|hosted|received|receives|entered)\b/i,
    byPlace: true,
  },
  {
    subject: "Ukraine's army",
    attribute: "size cap",
    from: "quantity",
    cue: /\b(cap|caps|capping|capped|limit|limits|limiting|limited|ceiling|maximum|restrict\w*|reduc\w*|up to)\b/i,
    nouns: /^(troops?|soldiers?|army|armies|forces?|military|personnel|servicemen)$/,
    qualifiers: [[/\bIstanbul\b/, " (Istanbul 2022)"]],
  },
  {
    subject: "US peace plan",
    attribute: "number of points",
    from: "quantity",
    cue: /\b(plan|document|framework|proposal|draft|peace)\b/i,
    nouns: /^points?$/,
  },
  {
    subject: "frozen Russian assets",
    attribute: "amount",
    from: "quantity",
    cue: /\bfrozen\b|\bassets\b/i,
    units: ["USD", "EUR"],
  },
  {
    subject: "frozen Russian assets",
    attribute: "US share of profits",
    from: "quantity",
    cue: /\bprofits?\b/i,
    units: ["%"],
  },
  {
    subject: "territory",
    attribute: "Ukrainian withdrawal from Donbas",
    from: "statement",
    cue: /\bDonbas+\b.*\b(withdraw\w*|cede|ceding|hand(?:ing)? over|give up|leave|pull out|liberate)\b|\b(withdraw\w*|cede|ceding|hand(?:ing)? over|give up|leave|pull out|liberate)\b.*\bDonbas+\b/i,
    value: "demanded",
  },
  {
    subject: "sanctions",
    attribute: "relief for Russia",
    from: "statement",
    cue: /\bsanctions?\b.*\b(relief|lift\w*|eas\w*|remov\w*)\b|\b(relief|lift\w*|eas\w*|remov\w*)\b.*\bsanctions?\b/i,
    value: "on the table",
  },
  {
    subject: "meeting",
    attribute: "Russian description of the talks",
    from: "quote",
    cue: /\b(described|describ\w+|called|calls|labell?ed|termed|characteri[sz]ed|revealed|said)\b[\s\S]*\b(talks|meeting|discussions?|conversation)\b|\b(talks|meeting|discussions?|conversation)\b[\s\S]*\b(described|called|labell?ed|termed|characteri[sz]ed|was|were)\b/i,
    speaker: /^(Russia|Kremlin|Yuri Ushakov|Yury Ushakov|Dmitry Peskov|Kirill Dmitriev|Vladimir Putin)$/,
  },
  {
    subject: "meeting",
    attribute: "Lavrov took part",
    from: "statement",
    cue: /^(?=[\s\S]*\bLavrov\b)(?=[\s\S]*\b(attend\w*|present|took part|take part|participat\w*|joined|delegation|accompan\w*|absen\w*|missing|excluded)\b)/i,
    value: "yes",
    negation:
      /\b(absen\w*|not present|did not (?:attend|take part|participate)|was not (?:there|at)|missing|excluded|without)\b/i,
  },
];

/** Places that name where a meeting was held (the Kremlin is in Moscow). */
export const VENUES: readonly (readonly [RegExp, string])[] = [
  [/\b(Moscow|Kremlin)\b/i, "Moscow"],
  [/\bGeneva\b/, "Geneva"],
  [/\b(Miami|Florida)\b/, "Florida"],
  [/\bIstanbul\b/, "Istanbul"],
  [/\bAnchorage\b|\bAlaska\b/, "Alaska"],
  [/\bBishkek\b/, "Bishkek"],
];
