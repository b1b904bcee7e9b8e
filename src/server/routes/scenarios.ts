import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AnalysisReport } from "../../contract/analysis-report.js";
import { Problem, ScenarioFull, ScenarioSummary } from "../../contract/api.js";
import { InputError } from "../../errors.js";
import { slug } from "../../formats/file-names.js";
import { baseName } from "../../model/base-name.js";
import { AGENTS } from "../../negotiation/agents/index.js";
import { MEDIATORS } from "../../negotiation/mediators/index.js";
import { MAX_ROUNDS } from "../../negotiation/simulate.js";
import type { StoredScenario } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { withinBudget } from "../heavy-work.js";
import { HttpProblem, limitProblem, notFound } from "../problem.js";
import { corpusKey } from "./evidence.js";

const hash = (...parts: unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

const summary = ({ id, name, version, updated }: StoredScenario) => ({ id, name, version, updated });

const SimulationRequest = z.object({
  agents: z
    .array(z.string())
    .min(2)
    .describe(`one agent per party: ${AGENTS.map((a) => a.name).join(", ")} (name:E sets an exponent)`),
  protocol: z.enum(["alternating", "single-text"]).default("alternating"),
  mediator: z
    .string()
    .default("shuttle")
    .describe(`single-text mediator: ${MEDIATORS.map((m) => m.name).join(", ")}`),
  rounds: z.number().int().min(1).max(MAX_ROUNDS).default(100),
  seed: z.number().int().min(0).default(42),
});

const AnalysisQuery = z.object({
  seed: z.coerce.number().int().min(0).default(1),
  samples: z.coerce.number().int().min(0).max(100_000).default(1000),
});

/** A scenario's text from the request body: YAML as sent (byte for byte), a JSON object written out as JSON. */
function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  if (body && typeof body === "object") return `${JSON.stringify(body, null, 2)}\n`;
  throw new HttpProblem(
    400,
    "request.body",
    "the body must be a scenario in YAML (application/yaml) or JSON (application/json)",
    [{ code: "request.body", field: "body", message: "empty or not a scenario" }],
  );
}

export function scenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Parses, checks and compiles a scenario on the pool: bad YAML, a schema problem or a bad reference is a 422 naming the line and field. */
  const check = (name: string, text: string, digest = hash(text)) =>
    ctx.work.cached(`check:${name}:${digest}`, () => ({ kind: "check", scenario: { name, text } }));

  // A stored scenario's digest by id and version (the store numbers every replacement), so a
  // read does not hash the whole text again.
  const digests = new Map<string, string>();
  const digestOf = (s: StoredScenario) => {
    const at = `${s.id}@${s.version}`;
    let d = digests.get(at);
    if (!d) {
      digests.set(at, (d = hash(s.text)));
      if (digests.size > 256) digests.delete(digests.keys().next().value!);
    }
    return d;
  };

  // Analysis answers as bytes, plain and gzipped, by the key of what they depend on; and the
  // answer for each scenario version, documents' version, seed and samples (a cheap look-up).
  const bodies = new Map<string, { etag: string; plain: Buffer; gzip: Buffer }>();
  const answers = new Map<string, Promise<{ etag: string; plain: Buffer; gzip: Buffer }>>();

  const load = async (id: string) => {
    const s = await ctx.store.scenario(id);
    if (!s) throw notFound("scenario", id);
    return s;
  };

  /** Refuses work on request past the synchronous limit of outcomes. */
  const small = async (s: StoredScenario, what: string) => {
    const c = await check(`${s.id}.yaml`, s.text, digestOf(s));
    if (BigInt(c.outcomes) > BigInt(ctx.limits.syncOutcomes))
      throw limitProblem(
        "limit.outcomes",
        `${s.id} has ${BigInt(c.outcomes).toLocaleString("en-US")} outcomes; ${what} on request is limited to ${ctx.limits.syncOutcomes.toLocaleString("en-US")}`,
        "analyse it with the CLI (parley analyze, which has --max-work), coarsen its real issues, or raise PARLEY_MAX_SYNC_OUTCOMES",
        422,
      );
    return c;
  };

  /**
   * A scenario's corpus: the workspace's documents it cites, by name. Documents it does not cite
   * (another case's, an upload in progress) change neither its analysis nor its ETag.
   */
  const cited = async (s: StoredScenario) => new Set((await check(`${s.id}.yaml`, s.text, digestOf(s))).files);
  const corpusOf = async (s: StoredScenario) => {
    const names = await cited(s);
    return (await ctx.store.documents()).filter((d) => names.has(baseName(d.file)));
  };

  /** The analysis of a scenario on its corpus, cached by everything it depends on; its key is the ETag. */
  const analysis = async (s: StoredScenario, seed: number, samples: number) => {
    const key = hash("analysis", digestOf(s), await corpusKey(ctx, await cited(s)), seed, samples);
    return { etag: `"${key.slice(0, 32)}"`, key };
  };
  const analysisText = async (s: StoredScenario, key: string, seed: number, samples: number) => {
    await small(s, "analysis");
    return withinBudget(
      ctx.work.cached(`analysis:${key}`, async () => ({
        kind: "analysis",
        scenario: { name: `${s.id}.yaml`, text: s.text },
        docs: await corpusOf(s),
        seed,
        samples,
      })),
      ctx.limits.budgetMs,
      `the analysis of ${s.id}`,
    );
  };

  r.get("/api/scenarios", {
    schema: {
      tags: ["scenarios"],
      summary: "The workspace's scenarios",
      response: { 200: z.object({ items: z.array(ScenarioSummary) }) },
    },
    handler: async () => ({ items: (await ctx.store.scenarios()).map(summary) }),
  });

  r.post("/api/scenarios", {
    schema: {
      tags: ["scenarios"],
      summary:
        "Create a scenario from YAML or JSON (or, multipart, from a GENIUS domain file `domain` and its `profile` files)",
      description:
        "The scenario is checked (YAML, schema, references) before it is stored; problems come back as 422 with their line and field. `?id=` chooses the id; by default it is made from the scenario's name.",
      querystring: z.object({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
          .optional(),
      }),
      consumes: ["application/yaml", "application/json", "text/plain", "multipart/form-data"],
      response: { 201: ScenarioSummary, 409: Problem, 413: Problem, 422: Problem },
    },
    handler: async (req, reply) => {
      let text: string;
      if (req.isMultipart()) {
        let domain: { name: string; text: string } | undefined;
        const profiles: { file: string; text: string }[] = [];
        for await (const part of req.parts()) {
          if (part.type === "field") continue;
          const f = part as MultipartFile;
          const t = (await f.toBuffer()).toString("utf8");
          const name = (f.filename ?? f.fieldname).split(/[\\/]/).pop()!;
          if (f.fieldname === "domain") domain = { name, text: t };
          else if (f.fieldname === "profile") profiles.push({ file: name, text: t });
        }
        if (!domain || profiles.length < 2)
          throw new HttpProblem(
            400,
            "request.genius",
            "a GENIUS upload needs one `domain` file and two or more `profile` files",
            [{ code: "request.genius", field: domain ? "profile" : "domain", message: "missing" }],
          );
        text = await ctx.work.run({ kind: "genius", domain, profiles });
      } else text = bodyText(req.body);
      const c = await check(req.query.id ? `${req.query.id}.yaml` : "scenario.yaml", text);
      const base = req.query.id ?? (slug(c.name) || "scenario");
      let id = base;
      if (req.query.id) {
        if (!(await ctx.store.createScenario({ id, name: c.name, text })))
          throw new HttpProblem(409, "scenario.exists", `a scenario "${id}" exists already`, [
            {
              code: "scenario.exists",
              field: "querystring.id",
              message: "taken",
              hint: `replace it with PUT /api/scenarios/${id}, or choose another id`,
            },
          ]);
      } else for (let k = 2; !(await ctx.store.createScenario({ id, name: c.name, text })); k++) id = `${base}-${k}`;
      return reply
        .code(201)
        .header("location", `/api/scenarios/${id}`)
        .send(summary((await ctx.store.scenario(id))!));
    },
  });

  r.get("/api/scenarios/:id", {
    schema: {
      tags: ["scenarios"],
      summary: "A scenario with its text as written (application/yaml when asked for)",
      params: z.object({ id: z.string() }),
      response: { 200: ScenarioFull, 404: Problem },
    },
    handler: async (req, reply) => {
      const s = await load(req.params.id);
      if (/\b(application|text)\/(x-)?yaml\b/.test(req.headers.accept ?? ""))
        return (reply as FastifyReply).type("application/yaml; charset=utf-8").send(s.text);
      return { ...summary(s), text: s.text };
    },
  });

  r.put("/api/scenarios/:id", {
    schema: {
      tags: ["scenarios"],
      summary: "Replace a scenario (YAML or JSON body); checked first — a bad one changes nothing",
      params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) }),
      consumes: ["application/yaml", "application/json", "text/plain"],
      response: { 200: ScenarioSummary, 422: Problem },
    },
    handler: async (req) => {
      const text = bodyText(req.body);
      const c = await check(`${req.params.id}.yaml`, text);
      await ctx.store.putScenario({ id: req.params.id, name: c.name, text });
      return summary((await ctx.store.scenario(req.params.id))!);
    },
  });

  r.get("/api/scenarios/:id/analysis", {
    schema: {
      tags: ["scenarios"],
      summary: "The analysis of a scenario on the documents it cites: the `parley analyze --json` contract",
      description:
        "Its corpus is the workspace's documents it cites by name (their sources' reliability and contradictions are weighed among them). Same scenario, documents, seed and samples: same bytes and the same ETag (If-None-Match answers 304); gzip when asked. Past the request's time budget: 503 with Retry-After while the work goes on.",
      params: z.object({ id: z.string() }),
      querystring: AnalysisQuery,
      response: { 200: AnalysisReport, 404: Problem, 422: Problem, 503: Problem },
    },
    handler: async (req, reply) => {
      const { seed, samples } = req.query;
      // Two small queries say whether anything it depends on changed; if not, the bytes are at hand.
      const version = await ctx.store.scenarioVersion(req.params.id);
      if (version === null) throw notFound("scenario", req.params.id);
      const at = `${req.params.id}@${version}@${await ctx.store.documentsVersion()}@${seed}@${samples}`;
      let answer = answers.get(at);
      if (!answer) {
        // One computation per change, however many requests arrive meanwhile.
        answer = (async () => {
          const s = await load(req.params.id);
          const { etag, key } = await analysis(s, seed, samples);
          let body = bodies.get(key);
          if (!body) {
            const plain = Buffer.from(await analysisText(s, key, seed, samples));
            bodies.set(key, (body = { etag, plain, gzip: gzipSync(plain) }));
            if (bodies.size > 32) bodies.delete(bodies.keys().next().value!);
          }
          return body;
        })();
        answers.set(at, answer);
        if (answers.size > 256) answers.delete(answers.keys().next().value!);
        answer.catch(() => answers.delete(at));
      }
      const served = await answer;
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
      params: z.object({ id: z.string() }),
      response: { 200: z.object({ name: z.string() }).passthrough(), 404: Problem },
    },
    handler: async (req) => {
      const s = await load(req.params.id);
      return ctx.work.cached(`model:${digestOf(s)}`, () => ({
        kind: "model",
        scenario: { name: `${s.id}.yaml`, text: s.text },
      }));
    },
  });

  r.get("/api/scenarios/:id/utility-space", {
    schema: {
      tags: ["scenarios"],
      summary:
        "Two parties' utilities over the outcome space: outcomes counted on a grid, and the pair's exact Pareto frontier (a seeded uniform sample of 2,000,000 outcomes beyond that size)",
      params: z.object({ id: z.string() }),
      querystring: z.object({
        a: z.coerce.number().int().min(0).default(0),
        b: z.coerce.number().int().min(0).default(1),
      }),
      response: {
        200: z.object({
          parties: z.tuple([z.string(), z.string()]).readonly(),
          outcomes: z.number(),
          sampled: z.boolean(),
          bins: z.number(),
          counts: z.array(z.number()).readonly(),
          frontier: z.array(z.tuple([z.number(), z.number()]).readonly()).readonly(),
        }),
        404: Problem,
        422: Problem,
        503: Problem,
      },
    },
    handler: async (req) => {
      const s = await load(req.params.id);
      const { a, b } = req.query;
      if (a === b)
        throw new HttpProblem(400, "request.party", "a and b must be two different parties", [
          { code: "request.party", field: "querystring.b", message: "the same party as a" },
        ]);
      return withinBudget(
        ctx.work.cached(`space:${digestOf(s)}:${a}:${b}`, () => ({
          kind: "utility-space",
          scenario: { name: `${s.id}.yaml`, text: s.text },
          a,
          b,
        })),
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
      params: z.object({ id: z.string() }),
      response: {
        200: z.object({ valid: z.boolean(), problems: z.array(z.record(z.string(), z.unknown())) }).passthrough(),
        404: Problem,
        503: Problem,
      },
    },
    handler: async (req) => {
      const s = await load(req.params.id);
      const key = hash("validation", digestOf(s), await corpusKey(ctx, await cited(s)));
      try {
        const v = await withinBudget(
          ctx.work.cached(`validation:${key}`, async () => ({
            kind: "validation",
            scenario: { name: `${s.id}.yaml`, text: s.text },
            docs: await corpusOf(s),
          })),
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

  r.get("/api/scenarios/:id/simulations", {
    schema: {
      tags: ["scenarios"],
      summary: "The simulation runs of a scenario, oldest first",
      params: z.object({ id: z.string() }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.string(), config: z.unknown(), result: z.unknown(), created: z.string() })),
        }),
        404: Problem,
      },
    },
    handler: async (req) => {
      await load(req.params.id);
      return {
        items: (await ctx.store.simulations(req.params.id)).map(({ id, config, result, created }) => ({
          id,
          config,
          result,
          created,
        })),
      };
    },
  });

  r.post("/api/scenarios/:id/simulations", {
    schema: {
      tags: ["scenarios"],
      summary:
        "Run one negotiation between strategy agents on a scenario and store it: the ending, utilities and the full trace",
      description: "The same scenario text and settings give the same run (and the same id).",
      params: z.object({ id: z.string() }),
      body: SimulationRequest,
      response: {
        201: z.object({ id: z.string(), config: z.unknown(), result: z.unknown(), created: z.string() }),
        404: Problem,
        422: Problem,
        503: Problem,
      },
    },
    handler: async (req, reply) => {
      const s = await load(req.params.id);
      const c = await small(s, "simulation");
      if (req.body.agents.length !== c.parties.length)
        throw new HttpProblem(
          422,
          "simulation.agents",
          `${s.id} has ${c.parties.length} parties (${c.parties.join(", ")}); ${req.body.agents.length} agents were given`,
          [
            {
              code: "simulation.agents",
              field: "body.agents",
              message: "one agent per party, in the scenario's order",
            },
          ],
        );
      const id = `sim-${hash(s.text, req.body).slice(0, 16)}`;
      const result = await withinBudget(
        ctx.work.run({ kind: "simulation", scenario: { name: `${s.id}.yaml`, text: s.text }, settings: req.body }),
        ctx.limits.budgetMs,
        "the simulation",
      );
      const entry = {
        id,
        scenario: s.id,
        config: { ...req.body, scenarioVersion: s.version },
        result,
        created: new Date().toISOString(),
      };
      await ctx.store.addSimulation(entry);
      return reply
        .code(201)
        .header("location", `/api/scenarios/${s.id}/simulations`)
        .send({ id, config: entry.config, result, created: entry.created });
    },
  });

  r.get("/api/scenarios/:id/report", {
    schema: {
      tags: ["scenarios"],
      summary:
        "The briefing on a scenario: bottom line first, red lines, plan versions, concessions, contested facts, citations — Markdown or HTML",
      params: z.object({ id: z.string() }),
      querystring: AnalysisQuery.extend({
        format: z.enum(["md", "html"]).optional().describe("default: from the Accept header, else Markdown"),
      }),
      produces: ["text/markdown", "text/html"],
      response: { 404: Problem, 422: Problem, 503: Problem },
    },
    handler: async (
      req: FastifyRequest<{
        Params: { id: string };
        Querystring: z.infer<typeof AnalysisQuery> & { format?: "md" | "html" };
      }>,
      reply: FastifyReply,
    ) => {
      const s = await load(req.params.id);
      const { seed, samples } = req.query;
      const { key, etag } = await analysis(s, seed, samples);
      await small(s, "a briefing");
      const html = req.query.format === "html" || (!req.query.format && /text\/html/.test(req.headers.accept ?? ""));
      const format = html ? "html" : "md";
      const text = await withinBudget(
        ctx.work.cached(`report:${format}:${key}`, async () => ({
          kind: "report",
          scenario: { name: `${s.id}.yaml`, text: s.text },
          docs: await corpusOf(s),
          seed,
          samples,
          format,
        })),
        ctx.limits.budgetMs,
        `the briefing on ${s.id}`,
      );
      reply.header("etag", `${etag.slice(0, -1)}-${format}"`);
      return html
        ? reply.type("text/html; charset=utf-8").send(text)
        : reply.type("text/markdown; charset=utf-8").send(text);
    },
  });
}
