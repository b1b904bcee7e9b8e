import { z } from "zod";
import { EvidenceDocument } from "./evidence.js";

/** The shapes the API answers with: one source for validation, the TypeScript types and the OpenAPI document. */

/** One thing at fault in a request: where (field path, file, line) and what to do. */
export const ProblemDetail = z
  .object({
    code: z.string(),
    field: z.string().optional(),
    file: z.string().optional(),
    line: z.number().optional(),
    column: z.number().optional(),
    message: z.string(),
    hint: z.string().optional(),
  })
  .meta({ id: "ProblemDetail" });

export const Problem = z
  .object({
    type: z.string().describe("urn:parley:problem:<code>"),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(ProblemDetail).optional().describe("every field, file or line at fault"),
  })
  .describe("RFC 9457 problem details (application/problem+json)")
  .meta({ id: "Problem" });

/** A stored document as the workspace lists it: the evidence contract's document, without its evidence. */
export const DocumentSummary = EvidenceDocument.pick({
  id: true,
  file: true,
  format: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  published: true,
  publishedSource: true,
  characters: true,
  name: true,
}).meta({ id: "DocumentSummary" });

export const IngestAnswer = z
  .object({
    documents: z.array(
      z.object({
        id: z.string(),
        file: z.string().describe("the name it is stored and cited under"),
        renamedFrom: z.string().optional().describe("the name it was sent under, when another document held that name"),
        storedAs: z
          .string()
          .optional()
          .describe("unchanged content sent under another name: the name it is stored and cited under"),
        status: z.enum(["stored", "unchanged"]),
        duplicateOf: z.string().nullable(),
        counts: z
          .object({
            quotes: z.number(),
            dates: z.number(),
            quantities: z.number(),
            claims: z.number(),
            corroborated: z.number().optional().describe("of its claims, how many a stored source makes too"),
            contested: z.number().optional().describe("of its claims, how many a stored source contradicts"),
          })
          .nullable(),
      }),
    ),
    warnings: z.array(
      z
        .object({
          code: z.string(),
          file: z.string().optional(),
          line: z.number().optional(),
          message: z.string(),
          hint: z.string().optional(),
        })
        .passthrough(),
    ),
  })
  .meta({ id: "IngestAnswer" });

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["ingest", "tournament"]),
    status: z.enum(["running", "done", "failed"]),
    done: z.number(),
    total: z.number(),
    started: z.string(),
    finished: z.string().nullable(),
    result: z.unknown().optional(),
    error: z.object({ title: z.string(), status: z.number(), errors: z.array(ProblemDetail) }).optional(),
  })
  .meta({ id: "Job" });

export const ScenarioSummary = z
  .object({ id: z.string(), name: z.string(), version: z.number(), updated: z.string() })
  .meta({ id: "ScenarioSummary" });

export const ScenarioVersion = z
  .object({ version: z.number(), name: z.string(), updated: z.string() })
  .meta({ id: "ScenarioVersion" });

export const ScenarioFull = ScenarioSummary.extend({
  text: z.string().describe("the scenario as written, YAML or JSON"),
}).meta({ id: "Scenario" });

/** An agent's standing; the means are null while it has no run stored. */
export const AgentStanding = z
  .object({
    agent: z.string(),
    meanUtility: z.number().nullable(),
    agreementRate: z.number().nullable(),
    withinRedLinesRate: z
      .number()
      .nullable()
      .describe("the share of its runs ending in a deal that crosses no party's red line"),
    meanDistanceToFrontier: z.number().nullable(),
    meanDistanceToNash: z.number().nullable(),
    meanWelfare: z.number().nullable(),
    meanRounds: z.number().nullable(),
    runs: z.number(),
  })
  .meta({ id: "AgentStanding" });

/** The path parameters the routes share: a scenario's, a tournament's and a job's id. */
export const ScenarioParams = z.object({
  id: z.string().describe("the scenario's id, as GET /api/scenarios lists it (e.g. moscow-2025-12)"),
});
export const TournamentParams = z.object({
  id: z.string().describe("the tournament's id, as POST /api/tournaments answered it"),
});
export const JobParams = z.object({
  id: z.string().describe("the job's id, from the Location of a 202 answer"),
});
