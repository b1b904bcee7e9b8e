import { z } from "zod";
import { SourceReliability as EvidenceSourceReliability } from "./evidence.js";

// The analysis report as it crosses every boundary — `parley analyze --json`, the API's analysis
// answer, the briefing's input, the web client's views — defined once here. The core builds
// values of these types; the OpenAPI document describes them from these schemas.

const IssueValue = z.union([z.string(), z.number()]);
const PartyLine = z.object({ party: z.string(), label: z.string() });

/** An outcome as the user reads it: issue name → value, and each party's utility. */
export const PointReport = z.object({
  outcome: z.record(z.string(), IssueValue),
  utilities: z.array(z.number()),
});
export type PointReport = z.infer<typeof PointReport>;

/** A citation resolved in the corpus: the field it supports and the words it points at. */
export const Cited = z.object({
  field: z.string(),
  file: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  source: z
    .object({ kind: z.string(), score: z.number(), name: z.string().optional() })
    .optional()
    .describe("with the corpus's reliability: the kind, score and name of the source the words come from"),
});
export type Cited = z.infer<typeof Cited>;

const CrossedLine = z.object({
  party: z.string(),
  label: z.string(),
  status: z.enum(["crossed", "open"]),
});

export const ProposalReport = z.object({
  name: z.string(),
  by: z.string().optional(),
  open: z.array(z.string()).describe("issues the plan leaves open"),
  stated: z.number().describe("how many issues the plan states a term on (0: nothing to evaluate)"),
  utilities: z
    .array(z.number())
    .describe("each party's utility of the plan; where it leaves issues open, the low ends of `utilityRanges`"),
  utilityRanges: z
    .array(z.tuple([z.number(), z.number()]))
    .optional()
    .describe("where the plan leaves issues open: each party's utility over every completion"),
  redLinesCrossed: z.array(CrossedLine.extend({ evidence: z.array(Cited).optional() })),
  acceptable: z.boolean(),
  paretoEfficient: z.boolean().nullable(),
  dominatedBy: PointReport.nullable(),
  completion: PointReport.nullable(),
  contested: z
    .array(
      z.object({
        terms: z.record(z.string(), IssueValue),
        utilities: z.array(z.number()),
        acceptable: z.boolean(),
        redLinesCrossed: z.array(CrossedLine),
      }),
    )
    .optional()
    .describe("terms the sources disagree on, and what the answer is under each source's version"),
  dependsOnSources: z
    .boolean()
    .optional()
    .describe("whether acceptability or the red lines crossed change with the version"),
});

export const Concession = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("reservation"),
    changes: z.array(z.object({ party: z.string(), from: z.number(), to: z.number() })),
    size: z.number(),
    opens: PointReport,
  }),
  z.object({
    kind: z.literal("red-line"),
    party: z.string(),
    redLine: z.string(),
    change: z.string(),
    size: z.number(),
    opens: PointReport,
  }),
  z.object({
    kind: z.literal("red-lines"),
    changes: z.array(z.object({ party: z.string(), redLine: z.string(), change: z.string(), size: z.number() })),
    size: z.number(),
    opens: PointReport,
  }),
]);

export const StanceStrength = z.enum(["red line", "demand", "preference", "acceptable", "rejects"]);

/** Parties × issues: how strongly each party holds its position on each issue, and toward what. */
export const StanceMatrix = z.object({
  parties: z.array(z.string()),
  issues: z.array(z.string()),
  cells: z
    .array(
      z.array(
        z
          .object({
            strength: StanceStrength,
            toward: z.array(z.string()),
            cited: z.boolean(),
            implied: z.boolean(),
            note: z.string().optional(),
          })
          .nullable(),
      ),
    )
    .describe("cells[p][i], null where the scenario says nothing"),
});

const Term = z.object({ issue: z.string(), value: IssueValue });

/** A derived plan version against the one it came from. */
export const PlanDiff = z.object({
  proposal: z.string(),
  from: z.string(),
  added: z.array(Term),
  dropped: z.array(Term).describe("terms the version removes (its drops)"),
  notStated: z.array(Term).describe("terms of the earlier version this one does not state: unknown, not removed"),
  changed: z.array(z.object({ issue: z.string(), from: IssueValue, to: IssueValue })),
  unchanged: z.number(),
  objections: z.array(z.object({ party: z.string(), terms: z.array(z.string()), note: z.string().optional() })),
});

export const Robustness = z.object({
  samples: z.number(),
  requested: z.number().optional().describe("present when the work limit stopped the draws early"),
  stoppedBy: z.string().optional(),
  seed: z.number(),
  parameters: z.number(),
  zopaRate: z.number(),
  proposals: z.array(z.object({ name: z.string(), acceptableRate: z.number() })),
  nash: z.array(z.object({ outcome: z.record(z.string(), IssueValue), rate: z.number() })),
  nashUtility: z.array(z.object({ party: z.string(), p5: z.number(), median: z.number(), p95: z.number() })),
  versionWeights: z
    .array(z.object({ proposal: z.string(), versions: z.array(z.object({ terms: z.string(), weight: z.number() })) }))
    .optional()
    .describe("contested plan versions drawn in proportion to their sources' reliability"),
});

/** A source's reliability as the report carries it: the evidence's, its kind any word a scenario gives. */
export const SourceReliability = EvidenceSourceReliability.extend({
  kind: z.string(),
  kindReason: z
    .string()
    .optional()
    .describe("why the source is of that kind: the words it was read off, or the scenario"),
});

/** Everything `parley analyze` reports (with `--corpus`, its evidence too), as plain JSON. */
export const AnalysisReport = z
  .object({
    scenario: z.string(),
    outcomes: z.union([z.number(), z.string()]).describe("size of the outcome space (a string when beyond 2^53)"),
    issues: z.array(z.object({ name: z.string(), kind: z.string(), values: z.string(), unit: z.string().optional() })),
    parties: z.array(z.string()),
    reservations: z.array(z.number()),
    discounts: z.array(z.number().nullable()),
    redLines: z.array(PartyLine),
    uncertainNumbers: z.number().describe("how many of the scenario's numbers are uncertain ranges"),
    frontier: z.array(PointReport),
    unconstrainedFrontierSize: z.number().optional().describe("when red lines exist: the frontier ignoring them"),
    solutions: z.object({
      nash: PointReport.nullable(),
      kalaiSmorodinsky: PointReport.nullable(),
      egalitarian: PointReport.nullable(),
      utilitarian: PointReport.nullable(),
    }),
    zopa: z.object({
      exists: z.boolean(),
      size: z.union([z.number(), z.string()]).nullable(),
      estimate: z.object({ size: z.number(), samples: z.number(), hits: z.number() }).optional(),
      probability: z.number().describe("share of robustness draws with a zone (1 or 0 when nothing is uncertain)"),
    }),
    proposals: z.array(ProposalReport),
    concessions: z.array(Concession),
    citations: z.array(Cited).optional().describe("with a corpus: every citation of the scenario, resolved"),
    assumptions: z.array(z.string()).optional().describe("with a corpus: what rests on no citation"),
    contestedFacts: z
      .array(
        z.object({
          subject: z.string(),
          attribute: z.string(),
          values: z.array(IssueValue),
          fields: z.array(z.string()),
          changesAnswers: z.boolean().nullable(),
          why: z.string().optional(),
        }),
      )
      .optional()
      .describe("with a corpus: the sources' contradictions, and which of the scenario's fields cite either side"),
    explanation: z.object({
      collidingRedLines: z
        .array(PartyLine)
        .nullable()
        .describe("when the red lines alone leave no outcome: the smallest set of them that collides"),
      collisions: z
        .array(z.array(PartyLine))
        .optional()
        .describe("every collision to break; the first is collidingRedLines"),
      summary: z.string(),
    }),
    stances: StanceMatrix.optional(),
    lineage: z.array(PlanDiff).optional(),
    sequencing: z.array(z.object({ label: z.string(), relation: z.enum(["before", "in exchange for"]) })).optional(),
    notes: z
      .array(z.object({ subject: z.string(), text: z.string() }))
      .optional()
      .describe("what the texts say beside the model, not encoded in it (each cited at notes[i].cite)"),
    alternatives: z
      .array(
        z.object({
          party: z.string(),
          alternatives: z.array(z.object({ name: z.string(), low: z.number(), high: z.number() })),
        }),
      )
      .optional(),
    robustness: Robustness.optional(),
    reliability: z
      .array(SourceReliability)
      .optional()
      .describe("with a corpus: each source's reliability, with its reasons"),
    weakFields: z
      .array(z.object({ field: z.string(), reason: z.string() }))
      .optional()
      .describe("with a corpus: model fields resting only on a weak source, or on one source"),
    quarantine: z
      .array(
        z.object({
          file: z.string(),
          reason: z.string(),
          findings: z.array(z.string()),
          alone: z
            .array(z.object({ field: z.string(), path: z.string(), words: z.string() }))
            .describe("options, red lines, plan and sequencing terms resting on it alone: `validate` refuses them"),
          alongside: z
            .array(z.string())
            .describe(
              "the other fields that cite it (stances, values, or next to other sources): what it would change if believed",
            ),
        }),
      )
      .optional()
      .describe("with a corpus: the sources kept out of the model, why, and what of the model cites them"),
  })
  .meta({ id: "AnalysisReport" });
export type AnalysisReport = z.infer<typeof AnalysisReport>;
