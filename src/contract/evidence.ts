import { z } from "zod";

// The evidence as it crosses every boundary — `parley evidence --json`, the API's evidence
// answers, the briefing's input, the web client — defined once here. Offsets are UTF-16 code
// units, as String.prototype.slice; every located item carries a W3C TextQuoteSelector.

const Selector = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

/** A located piece of a document. */
export const Located = z.object({
  file: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  selector: Selector,
});

export const SourceKind = z.enum(["official transcript", "wire", "newspaper", "broadcaster", "opinion", "blog"]);

export const EvidenceDocument = z.object({
  file: z.string(),
  id: z.string().describe("SHA-256 of the text"),
  format: z.enum(["text", "markdown", "html"]),
  title: z.string().nullable(),
  name: z.string().describe("what a reader calls the source: its title, else the start of its first sentence"),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  publishedAt: z.string().optional(),
  publishedSource: z.enum(["given", "manifest", "stated", "file name", "inferred", "batch", "unknown"]),
  publishedEvidence: Located.optional().describe("the words an inferred date came from"),
  duplicateOf: z.string().optional().describe("the earlier document this one copies"),
  similarity: z.number().optional(),
  characters: z.number(),
});

export const Quote = Located.extend({
  kind: z
    .enum(["direct", "partial", "reported", "paraphrase"])
    .describe(
      "direct: their words in quotation marks; partial: a few of their words quoted in the author's sentence; reported: a clause giving what they said; paraphrase: the author's words for it, no clause of theirs",
    ),
  confirmedBy: z
    .string()
    .optional()
    .describe("the file whose confident attribution of the same words confirms this quote's speaker"),
  cappedFrom: z
    .number()
    .optional()
    .describe("the quote ran longer (an unclosed quotation mark, a run-on paragraph): its length before it was cut"),
  within: z
    .object({ start: z.number(), end: z.number() })
    .optional()
    .describe("for a partial quote, the reported speech or paraphrase around it"),
  speaker: z.string().nullable().describe("null below the confidence threshold"),
  speakerCandidate: z.string().nullable(),
  confidence: z.number().describe("the probability that the speaker is right"),
  resolvedBy: z.enum(["name", "organisation", "role", "pronoun", "unnamed"]).nullable(),
  cue: z.string().nullable(),
  speakerSpan: z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable(),
  relayedBy: z
    .string()
    .nullable()
    .describe("the outlet the text relays the words from ('according to NBC News, …'); the words are its source's"),
  cueSpan: z.object({ start: z.number(), end: z.number() }).nullable(),
});

export const DateMention = Located.extend({
  kind: z.enum(["date", "range", "duration"]),
  iso: z.string().nullable(),
  isoEnd: z.string().optional(),
  reference: z.string().nullable().describe("the date it was resolved against"),
  yearFrom: z
    .literal("batch")
    .optional()
    .describe("a day and month without a year, dated with the batch's year (the text's own date unknown)"),
});

export const Quantity = Located.extend({
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string().nullable(),
  noun: z.string().nullable(),
});

export const Statement = Located.extend({
  kind: z.enum(["DEMAND", "REJECT", "AGREE", "CONCEDE", "THREATEN", "CONSULT", "OTHER"]),
  cue: Located,
  source: Located.nullable(),
  target: Located.nullable(),
});

const EventKind = z.enum([
  "met",
  "signed",
  "proposed",
  "approved",
  "agreed",
  "rejected",
  "released",
  "withdrew",
  "took effect",
  "announced",
  "attacked",
  "demanded",
  "conceded",
  "threatened",
]);

/** What happened, once however many sources tell it, with each source's telling side by side. */
export const NegotiationEvent = z.object({
  kind: EventKind,
  when: z.string().nullable().describe("the date most tellings give, ISO at the precision given"),
  where: z.string().nullable(),
  who: z.string().nullable(),
  whom: z.string().nullable(),
  planned: z.boolean().describe("told as still to happen"),
  disputed: z.array(z.enum(["date", "place"])).describe("what the tellings disagree on"),
  versions: z.array(
    Located.extend({
      cue: z.string(),
      who: z.string().nullable(),
      whom: z.string().nullable(),
      where: z.string().nullable(),
      when: z
        .object({
          text: z.string(),
          iso: z.string().nullable(),
          resolvedAgainst: z.string().nullable().describe("the text's date a relative date was read against"),
          yearFrom: z.literal("batch").optional().describe("the year is the batch's: the text gives none"),
        })
        .nullable(),
    }),
  ),
});
export type NegotiationEvent = z.infer<typeof NegotiationEvent>;

export const Actor = z.object({
  name: z.string(),
  kind: z.string(),
  roles: z.array(z.string()),
  affiliation: z
    .string()
    .nullable()
    .describe("the country or body a person's roles place them with ('the ministry's envoy' → its country), else null"),
  aliases: z.array(z.string()),
  files: z.array(z.string()),
  mentions: z.array(Located),
});

const Value = z.union([z.string(), z.number()]);

export const Claim = Located.extend({
  subject: z.string(),
  attribute: z.string(),
  value: Value,
  unit: z.string().nullable(),
  polarity: z.boolean(),
  time: z.string().nullable(),
  attributedTo: z.string().nullable(),
  watched: z.boolean().describe("from the case's watch list, not a generic counted quantity"),
  sentence: Located,
  reliability: z.object({ score: z.number(), reasons: z.array(z.string()) }),
});

export const Contradiction = z.object({
  subject: z.string(),
  attribute: z.string(),
  sides: z.array(
    z.object({
      value: Value,
      unit: z.string().nullable(),
      polarity: z.boolean(),
      files: z.array(z.string()),
      quotes: z.array(Located.extend({ attributedTo: z.string().nullable() })),
      spans: z
        .array(z.object({ file: z.string(), start: z.number(), end: z.number(), text: z.string() }))
        .describe("the words that carry the value itself"),
    }),
  ),
});

export const SourceStats = z.object({
  file: z.string(),
  claims: z.number(),
  corroborated: z.number(),
  contested: z.number(),
  unique: z.number(),
});

export const SourceReliability = z.object({
  file: z.string(),
  kind: SourceKind,
  kindReason: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  corroborated: z.number(),
  contested: z.number(),
  unique: z.number(),
  hedges: z.number(),
  named: z.number(),
  overridden: z.boolean(),
  /** What the text says against itself: acts dated after its own date, one figure given two ways, garbled names. */
  findings: z.array(z.string()),
  /** Kept out of the model (its claims unverified, never options, red lines or plan terms), and why. */
  quarantined: z.boolean(),
  quarantineReason: z.string().nullable(),
});

/** What `parley evidence --json` prints. */
export const EvidenceJson = z
  .object({
    documents: z.array(EvidenceDocument),
    quotes: z.array(Quote),
    dates: z.array(DateMention),
    quantities: z.array(Quantity),
    statements: z.array(Statement).describe("sentences read for what they do (PLOVER's event types)"),
    events: z.array(NegotiationEvent).describe("what happened, in time order (undated last)"),
    actors: z.array(Actor),
    claims: z.array(Claim),
    contradictions: z.array(Contradiction),
    corroborated: z.array(
      z.object({
        subject: z.string(),
        attribute: z.string(),
        value: Value,
        unit: z.string().nullable(),
        polarity: z.boolean(),
        files: z.array(z.string()),
      }),
    ),
    sources: z.array(SourceStats),
    reliability: z.array(SourceReliability),
  })
  .meta({ id: "EvidenceJson" });
export type EvidenceJson = z.infer<typeof EvidenceJson>;

/** A disagreement a scenario writes down (`disputes:`), each side with the words its citations point at. */
export const Dispute = z.object({
  subject: z.string(),
  attribute: z.literal("disputed"),
  sides: z.array(
    z.object({
      value: Value,
      spans: z.array(z.object({ file: z.string(), start: z.number(), end: z.number(), text: z.string().optional() })),
    }),
  ),
});

/** A scenario's corpus evidence: the evidence, its contradictions beside the disputes the scenario writes down. */
export const CorpusEvidence = EvidenceJson.extend({ contradictions: z.array(z.union([Contradiction, Dispute])) });
export type CorpusEvidence = z.infer<typeof CorpusEvidence>;
