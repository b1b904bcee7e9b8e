import { z } from "zod";

/** A number, or a range `[low, high]` when it is uncertain (nominal = midpoint), or both. */
export const Uncertain = z.union([
  z.number(),
  z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo <= hi, "range must be [low, high] with low ≤ high"),
  z
    .object({ value: z.number().optional(), low: z.number(), high: z.number() })
    .strict()
    .refine((r) => r.low <= r.high, "low must be ≤ high")
    .refine((r) => r.value === undefined || (r.value >= r.low && r.value <= r.high), "value must lie in [low, high]"),
]);

const name = z.string().trim().min(1, "must be a non-empty name");

/**
 * A citation: a corpus file and a W3C TextQuoteSelector — a short `exact` snippet (at most a
 * dozen words), with `prefix`/`suffix` where the snippet occurs more than once.
 */
export const CiteSchema = z
  .object({
    file: z.string().min(1, "name the corpus file"),
    exact: z
      .string()
      .trim()
      .min(3, "quote at least a few characters")
      .refine((s) => s.split(/\s+/).length <= 12, "quote at most a dozen words"),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  })
  .strict();
const cites = z.array(CiteSchema).min(1).optional();
const citeMap = z.record(z.string(), z.array(CiteSchema).min(1)).optional();
const IssueValueSchema = z.union([z.string(), z.number()]);

/** How sure a drafted item is, and why (`parley draft` sets it; an analyst who checks the item removes it). */
export const ConfidenceSchema = z
  .object({ level: z.enum(["high", "medium", "low"]), reason: z.string() })
  .strict()
  .optional();

const common = {
  name,
  unit: z.string().optional(),
  description: z.string().optional(),
  cite: cites,
  confidence: ConfidenceSchema,
};

export const IssueSchema = z.discriminatedUnion("kind", [
  z
    .object({
      ...common,
      kind: z.literal("discrete"),
      options: z.array(name).min(1, "needs at least one option"),
      optionCites: citeMap,
    })
    .strict(),
  z
    .object({ ...common, kind: z.literal("integer"), lower: z.number().int(), upper: z.number().int() })
    .strict()
    .refine((i) => i.lower <= i.upper, { message: "lower must be ≤ upper", path: ["upper"] }),
  z
    .object({
      ...common,
      kind: z.literal("real"),
      lower: z.number(),
      upper: z.number(),
      steps: z.number().int().min(2).max(10_000).optional(),
    })
    .strict()
    .refine((i) => i.lower <= i.upper, { message: "lower must be ≤ upper", path: ["upper"] }),
]);

/** Value function of a numeric issue: linear (clipped to [0, 1]) or piecewise-linear points. */
export const NumericValueSchema = z.union([
  z.object({ linear: z.object({ slope: z.number(), intercept: z.number() }).strict() }).strict(),
  z
    .object({ points: z.array(z.tuple([z.number(), Uncertain])).min(2, "needs at least two points [x, value]") })
    .strict(),
]);

/** Value function of a discrete issue: option → value in [0, 1] (or a range of values). */
export const DiscreteValueSchema = z.record(z.string(), Uncertain);

const conditionFields = {
  issue: name,
  in: z.array(IssueValueSchema).optional(),
  notIn: z.array(IssueValueSchema).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
};
const hasBound = (c: { in?: unknown; notIn?: unknown; min?: unknown; max?: unknown }) =>
  c.in !== undefined || c.notIn !== undefined || c.min !== undefined || c.max !== undefined;

/** "Issue takes one of `in`, none of `notIn`, and lies within [min, max]" (any of the four). */
export const ConditionSchema = z
  .object(conditionFields)
  .strict()
  .refine(hasBound, { message: "a condition needs at least one of in, notIn, min, max" });

const redLineFields = {
  label: z.string().optional(),
  cite: cites,
  confidence: ConfidenceSchema,
  /** Why the red line stands though its words are not its party's own (an author's, a commentator's): the analyst's reason. */
  voiceOverride: z.string().min(1).optional(),
};

/** A hard constraint: `then` must hold whenever every `if` condition holds; a bare condition always. */
export const RedLineSchema = z.union([
  z
    .object({
      ...redLineFields,
      if: z.union([ConditionSchema, z.array(ConditionSchema).min(1)]),
      then: ConditionSchema,
    })
    .strict(),
  z
    .object({ ...redLineFields, ...conditionFields })
    .strict()
    .refine(hasBound, { message: "a red line needs at least one of in, notIn, min, max (or if/then)" }),
]);

/** How strongly a party holds a position on an issue, strongest first. */
export const STANCE_STRENGTHS = ["red line", "demand", "preference", "acceptable", "rejects"] as const;

/** A party's stance on an issue: how strongly it holds it, toward which values, and the words that say so. */
export const StanceSchema = z
  .object({
    strength: z.enum(STANCE_STRENGTHS),
    /** The values the stance is for (for `rejects`: the values rejected). */
    toward: z.array(IssueValueSchema).min(1).optional(),
    note: z.string().optional(),
    cite: cites,
  })
  .strict();

/** What a party does if there is no agreement, and what that is worth to it (0–1, a range when uncertain). */
export const AlternativeSchema = z
  .object({ name, utility: Uncertain, description: z.string().optional(), cite: cites })
  .strict();

/** A sub-actor inside a party with preferences of its own; the party's are the factions' weighted sum. */
export const FactionSchema = z
  .object({
    name,
    weight: z.number().min(0, "a faction's weight is at least 0").max(1, "a faction's weight is at most 1"),
    description: z.string().optional(),
    weights: z.record(z.string(), Uncertain),
    values: z.record(z.string(), z.union([NumericValueSchema, DiscreteValueSchema])),
    cite: cites,
  })
  .strict();

export const PartySchema = z
  .object({
    name,
    role: z.enum(["principal", "mediator", "guarantor", "observer"]).default("principal"),
    description: z.string().optional(),
    /** Typed in, or derived from `alternatives` (the best of them) when absent; 0 when neither. */
    reservation: Uncertain.optional(),
    discount: z.number().gt(0).max(1).optional(),
    weights: z.record(z.string(), Uncertain).default({}),
    values: z.record(z.string(), z.union([NumericValueSchema, DiscreteValueSchema])).default({}),
    redLines: z.array(RedLineSchema).default([]),
    stances: z.record(z.string(), StanceSchema).optional(),
    alternatives: z.array(AlternativeSchema).min(1).optional(),
    factions: z.array(FactionSchema).min(1).optional(),
    /** Who the party is and speaks for it. */
    cite: cites,
    /** Evidence per issue for the weight and for the ordering of values; for the reservation value. */
    citeWeights: citeMap,
    citeValues: citeMap,
    citeReservation: cites,
    confidence: ConfidenceSchema,
  })
  .strict();

export const ProposalSchema = z
  .object({
    name,
    by: z.string().optional(),
    description: z.string().optional(),
    /** Issue → value; `{oneOf: [a, b]}` where the sources disagree on what the plan says, or a draft cannot tell which way it goes. */
    outcome: z.record(
      z.string(),
      z.union([
        IssueValueSchema,
        z.object({ oneOf: z.array(IssueValueSchema).min(2, "give at least two alternatives") }).strict(),
      ]),
    ),
    cite: cites,
    /** Evidence per issue for the term the proposal sets. */
    citeTerms: citeMap,
    /** The version this one was derived from (its lineage: the analysis shows what changed). */
    derivedFrom: z.string().optional(),
    /** Terms of the version it was derived from that this one removes; any other term it leaves out is only not stated. */
    drops: z.array(name).optional(),
    /** Who objected to this version, to which terms, in whose words. */
    objections: z
      .array(
        z.object({ party: name, terms: z.array(name).optional(), note: z.string().optional(), cite: cites }).strict(),
      )
      .optional(),
    confidence: ConfidenceSchema,
  })
  .strict();

/** Kinds of source, from the strongest record to the weakest. */
export const SOURCE_KINDS = ["official transcript", "wire", "newspaper", "broadcaster", "opinion", "blog"] as const;

/** What the analyst says of a source, overriding what Parley computes. */
export const SourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS).optional(),
    reliability: z.number().min(0).max(1).optional(),
    outlet: z.string().optional(),
    /** Keep the source out of the model (true) or in it despite its findings (false); `note` says why. */
    quarantine: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

/** A term that only takes effect after another, or is given in exchange for it. */
export const SequenceSchema = z
  .object({
    label: z.string().optional(),
    first: ConditionSchema,
    then: ConditionSchema,
    relation: z.enum(["before", "in exchange for"]).default("before"),
    cite: cites,
  })
  .strict();

/** A fact the sources dispute, with each side's words: shown next to the model, never resolved. */
export const DisputeSchema = z
  .object({
    subject: name,
    sides: z
      .array(z.object({ value: z.union([z.string(), z.number()]), cite: z.array(CiteSchema).min(1) }).strict())
      .min(2, "a dispute has two sides or more"),
    note: z.string().optional(),
    confidence: ConfidenceSchema,
  })
  .strict();

/** What the texts say that the model does not encode: context an analyst reads beside the answer, cited. */
export const NoteSchema = z.object({ subject: name, text: z.string().min(1), cite: cites }).strict();

export const ScenarioSchema = z
  .object({
    name,
    description: z.string().optional(),
    issues: z.array(IssueSchema).min(1, "a scenario needs at least one issue"),
    parties: z.array(PartySchema).min(1, "a scenario needs at least one party"),
    proposals: z.array(ProposalSchema).default([]),
    /** Per corpus file: the analyst's word on the source's kind and reliability. */
    sources: z.record(z.string(), SourceSchema).optional(),
    sequencing: z.array(SequenceSchema).optional(),
    disputes: z.array(DisputeSchema).optional(),
    notes: z.array(NoteSchema).optional(),
  })
  .strict();

export type UncertainNumber = z.infer<typeof Uncertain>;
export type NumericValueSpec = z.infer<typeof NumericValueSchema>;
export type ValueSpec = NumericValueSpec | z.infer<typeof DiscreteValueSchema>;
export type CiteSpec = z.infer<typeof CiteSchema>;
export type IssueSpec = z.infer<typeof IssueSchema>;
export type ConditionSpec = z.infer<typeof ConditionSchema>;
export type RedLineSpec = z.infer<typeof RedLineSchema>;
export type PartySpec = z.infer<typeof PartySchema>;
export type ProposalSpec = z.infer<typeof ProposalSchema>;
export type ScenarioSpec = z.infer<typeof ScenarioSchema>;
/** The scenario as written (input side of defaults). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** JSON Schema of the scenario file, for editors and other tools. */
export function scenarioJsonSchema(): unknown {
  return {
    title: "Parley scenario",
    description:
      "Issues, parties (preferences, reservation value, red lines) and proposals of a negotiation. A number may be given as [low, high] when it is uncertain.",
    ...z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any" }),
  };
}
