import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AnalysisReport } from "../../contract/analysis-report.js";
import { Problem, ScenarioParams } from "../../contract/api.js";
import { UtilitySpace } from "../../contract/utility-space.js";
import { InputError } from "../../errors.js";
import { caseChanges, versionRange } from "../../workflows/case-changes.js";
import type { ServerContext } from "../context.js";
import { withinBudget } from "../heavy-work.js";
import { checkSince, HttpProblem } from "../problem.js";
import { hash, type StoredScenarios } from "../stored-scenarios.js";
import { corpusKey } from "./evidence.js";

const AnalysisQuery = z.object({
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .default(1)
    .describe("seed of the robustness draws: the same seed, the same answer"),
  samples: z.coerce
    .number()
    .int()
    .min(0)
    .default(1000)
    .describe("robustness draws of the uncertain numbers (0 skips them); at most PARLEY_MAX_SAMPLES (default 10,000)"),
});

/** What the workspace computes from a scenario: its analysis, model, utility space, validation and briefing. */
export function scenarioViewRoutes(app: FastifyInstance, ctx: ServerContext, scenarios: StoredScenarios): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/api/scenarios/:id/analysis", {
    schema: {
      tags: ["scenarios"],
      summary: "The analysis of a scenario on the documents it cites: the `parley analyze --json` contract",
      description:
        "Its corpus is the workspace's documents it cites by name (their sources' reliability and contradictions are weighed among them). Same scenario, documents, seed and samples: same bytes and the same ETag (If-None-Match answers 304); gzip when asked. Past the request's time budget: 503 with Retry-After while the work goes on.",
      params: ScenarioParams,
      querystring: AnalysisQuery,
      response: { 200: AnalysisReport, 404: Problem, 422: Problem, 503: Problem },
    },
    handler: async (req, reply) => {
      const { seed, samples } = req.query;
      scenarios.checkSamples(samples);
      const served = await scenarios.analysisAnswer(req.params.id, seed, samples, req.ip);
      // The analysis is sent as the bytes computed (already JSON), not serialized again.
      const raw = (reply as FastifyReply)
        .header("etag", served.etag)
        .header("cache-control", "no-cache")
        .header("vary", "accept-encoding");
      if (req.headers["if-none-match"] === served.etag) return raw.code(304).send();
      raw.type("application/json; charset=utf-8");
      return /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")
        ? raw.header("content-encoding", "gzip").send(served.gzip)
        : raw.send(served.plain);
    },
  });

  r.get("/api/scenarios/:id/model", {
    schema: {
      tags: ["scenarios"],
      summary:
        "The scenario as data: its issues, parties, red lines, plan versions and the rest, as the JSON Schema (schema/scenario.schema.json) describes",
      params: ScenarioParams,
      response: { 200: z.object({ name: z.string() }).passthrough(), 404: Problem },
    },
    handler: async (req) => {
      const s = await scenarios.load(req.params.id);
      return ctx.work.cached(
        `model:${scenarios.digestOf(s)}`,
        () => ({ kind: "model", scenario: { name: `${s.id}.yaml`, text: s.text } }),
        req.ip,
      );
    },
  });

  r.get("/api/scenarios/:id/utility-space", {
    schema: {
      tags: ["scenarios"],
      summary:
        "Two parties' utilities over the outcome space: outcomes counted on a grid, and the pair's exact Pareto frontier (a seeded uniform sample of 2,000,000 outcomes beyond that size)",
      params: ScenarioParams,
      querystring: z.object({
        a: z.coerce.number().int().min(0).default(0).describe("the party across: its index in the scenario's parties"),
        b: z.coerce.number().int().min(0).default(1).describe("the party up: its index in the scenario's parties"),
      }),
      response: {
        200: UtilitySpace,
        404: Problem,
        422: Problem,
        503: Problem,
      },
    },
    handler: async (req) => {
      const s = await scenarios.load(req.params.id);
      const { a, b } = req.query;
      if (a === b)
        throw new HttpProblem(400, "request.party", "a and b must be two different parties", [
          { code: "request.party", field: "querystring.b", message: "the same party as a" },
        ]);
      return withinBudget(
        ctx.work.cached(
          `space:${scenarios.digestOf(s)}:${a}:${b}`,
          () => ({ kind: "utility-space", scenario: { name: `${s.id}.yaml`, text: s.text }, a, b }),
          req.ip,
        ),
        ctx.limits.budgetMs,
        "the utility space",
      );
    },
  });

  r.get("/api/scenarios/:id/validation", {
    schema: {
      tags: ["scenarios"],
      summary:
        "Every citation of a scenario resolved in the workspace's documents, or every problem listed; assumptions; fields resting on a weak or single source",
      params: ScenarioParams,
      response: {
        200: z.object({ valid: z.boolean(), problems: z.array(z.record(z.string(), z.unknown())) }).passthrough(),
        404: Problem,
        503: Problem,
      },
    },
    handler: async (req) => {
      const s = await scenarios.load(req.params.id);
      const key = hash("validation", scenarios.digestOf(s), await corpusKey(ctx, await scenarios.cited(s)));
      try {
        const v = await withinBudget(
          ctx.work.cached(
            `validation:${key}`,
            async () => ({
              kind: "validation",
              scenario: { name: `${s.id}.yaml`, text: s.text },
              docs: await scenarios.corpusOf(s),
            }),
            req.ip,
          ),
          ctx.limits.budgetMs,
          `the validation of ${s.id}`,
        );
        return { valid: true, problems: [], ...v };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { valid: false, problems: e.problems.map((p) => ({ ...p })) };
      }
    },
  });

  r.get("/api/scenarios/:id/report", {
    schema: {
      tags: ["scenarios"],
      summary:
        "The briefing on a scenario: a dated two-page core (bottom line, latest meeting, plan history, each side's lines, the gap, what to watch, source warnings, two charts), then the annex — Markdown, HTML or PDF (printed by the server's Chromium)",
      params: ScenarioParams,
      querystring: AnalysisQuery.extend({
        format: z
          .enum(["md", "html", "pdf"])
          .optional()
          .describe("default: from the Accept header (text/html, application/pdf), else Markdown"),
        since: z
          .string()
          .optional()
          .describe(
            "for a followed case: the time of the last briefing (ISO); its first section says what changed since (default: what the last batch changed)",
          ),
      }),
      produces: ["text/markdown", "text/html", "application/pdf"],
      response: {
        200: {
          description: "the briefing: as Markdown, as one HTML page, or as a PDF file",
          content: {
            "text/markdown": {
              schema: z.string().meta({ examples: ["# Briefing: …\n\n*As of 2 December 2025 · 5 source(s) …*\n"] }),
            },
            "text/html": { schema: z.string().meta({ examples: ['<!doctype html>\n<html lang="en">…'] }) },
            "application/pdf": { schema: z.string().describe("the PDF's bytes (A4, tagged, page numbers)") },
          },
        },
        404: Problem,
        422: Problem,
        503: Problem,
      },
    },
    handler: async (
      req: FastifyRequest<{
        Params: { id: string };
        Querystring: z.infer<typeof AnalysisQuery> & { format?: "md" | "html" | "pdf"; since?: string };
      }>,
      reply: FastifyReply,
    ) => {
      const s = await scenarios.load(req.params.id);
      const { seed, samples } = req.query;
      scenarios.checkSamples(samples);
      const { key, etag } = await scenarios.analysisKey(s, seed, samples);
      await scenarios.small(s, "a briefing");
      const accept = req.headers.accept ?? "";
      const pdf = req.query.format === "pdf" || (!req.query.format && /application\/pdf/.test(accept));
      const html = pdf || req.query.format === "html" || (!req.query.format && /text\/html/.test(accept));
      const format = html ? "html" : "md";
      // A followed case's briefing opens with what changed since the last one (the client says when that was).
      const { since: after } = req.query;
      checkSince(after);
      // The versions compared name the answer; their snapshots are read only when it is computed.
      const versions = await ctx.store.caseVersions(s.id);
      const range = versions.length ? versionRange(s.id, versions, { since: after }) : null;
      // Against no earlier version (the case's first) there is no news: no section.
      const which = range?.from ? { from: range.from.version, to: range.to.version } : null;
      const changed = which ? `:${which.from}-${which.to}` : "";
      const text = await withinBudget(
        ctx.work.cached(
          `report:${format}:${key}${changed}`,
          async () => ({
            kind: "report",
            scenario: { name: `${s.id}.yaml`, text: s.text },
            docs: await scenarios.corpusOf(s),
            seed,
            samples,
            format,
            ...(which ? { since: (await caseChanges(ctx.store, s.id, which))! } : {}),
          }),
          req.ip,
        ),
        ctx.limits.budgetMs,
        `the briefing on ${s.id}`,
      );
      if (pdf) {
        // Printed from the cached HTML by Chromium in its own process: the event loop only waits.
        const { printPdf } = await import("../../report/print-pdf.js");
        const file = await printPdf(text);
        reply.header("etag", `${etag.slice(0, -1)}${changed}-pdf"`);
        reply.header("content-disposition", `attachment; filename="${s.id}-briefing.pdf"`);
        return reply.type("application/pdf").send(file);
      }
      reply.header("etag", `${etag.slice(0, -1)}${changed}-${format}"`);
      return html
        ? reply.type("text/html; charset=utf-8").send(text)
        : reply.type("text/markdown; charset=utf-8").send(text);
    },
  });
}
