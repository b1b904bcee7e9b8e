import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem, ScenarioFull, ScenarioParams, ScenarioSummary, ScenarioVersion } from "../../contract/api.js";
import { slug } from "../../formats/file-names.js";
import type { ExpectedVersion, StoredScenario } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { HttpProblem, notFound } from "../problem.js";
import type { StoredScenarios } from "../stored-scenarios.js";

const summary = ({ id, name, version, updated }: StoredScenario) => ({ id, name, version, updated });

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

/** The workspace's scenarios: listed, created (YAML, JSON or a GENIUS upload), read, replaced. */
export function scenarioRoutes(app: FastifyInstance, ctx: ServerContext, scenarios: StoredScenarios): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
          .optional()
          .describe("the id to store it under (lower-case letters, digits, hyphens); default: made from its name"),
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
      const c = await scenarios.check(req.query.id ? `${req.query.id}.yaml` : "scenario.yaml", text);
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
      description:
        'The ETag names the version (`"v3"`): send it back as If-Match with a PUT so that a change made meanwhile is not overwritten.',
      params: ScenarioParams,
      response: { 200: ScenarioFull, 404: Problem },
    },
    handler: async (req, reply) => {
      const s = await scenarios.load(req.params.id);
      reply.header("etag", versionTag(s.version));
      if (/\b(application|text)\/(x-)?yaml\b/.test(req.headers.accept ?? ""))
        return (reply as FastifyReply).type("application/yaml; charset=utf-8").send(s.text);
      return { ...summary(s), text: s.text };
    },
  });

  r.get("/api/scenarios/:id/versions", {
    schema: {
      tags: ["scenarios"],
      summary: "Every stored version of a scenario, oldest first",
      params: ScenarioParams,
      response: { 200: z.object({ items: z.array(ScenarioVersion) }), 404: Problem },
    },
    handler: async (req) => {
      const items = await ctx.store.scenarioVersions(req.params.id);
      if (!items.length) throw notFound("scenario", req.params.id);
      return { items };
    },
  });

  r.get("/api/scenarios/:id/versions/:version", {
    schema: {
      tags: ["scenarios"],
      summary: "One stored version of a scenario, with its text as written",
      params: ScenarioParams.extend({
        version: z.coerce.number().int().min(1).describe("the version, 1 for the first (GET …/versions lists them)"),
      }),
      response: { 200: ScenarioFull, 404: Problem },
    },
    handler: async (req, reply) => {
      const s = await ctx.store.scenarioAt(req.params.id, req.params.version);
      if (!s) throw notFound("scenario version", `${req.params.id} v${req.params.version}`);
      reply.header("etag", versionTag(s.version));
      return { ...summary(s), text: s.text };
    },
  });

  r.put("/api/scenarios/:id", {
    schema: {
      tags: ["scenarios"],
      summary: "Replace a scenario (YAML or JSON body), or create it; checked first — a bad one changes nothing",
      description:
        'With `If-Match: "vN"` (the ETag of the version read) the scenario is replaced only if it is still version N, else 412 and nothing changes; `If-None-Match: *` creates it only if it does not exist. Without either, the last writer wins. Every version is kept (GET …/versions). 201 when the PUT created the scenario, 200 when it replaced one.',
      params: z.object({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
          .describe("the scenario's id: lower-case letters, digits and hyphens, at most 64"),
      }),
      headers: z.object({
        "if-match": z.string().optional().describe('"vN", the ETag of the version read: replace only that version'),
        "if-none-match": z.string().optional().describe("*: create only, never replace"),
      }),
      consumes: ["application/yaml", "application/json", "text/plain"],
      response: { 200: ScenarioSummary, 201: ScenarioSummary, 412: Problem, 422: Problem },
    },
    handler: async (req, reply) => {
      const { id } = req.params;
      const expected = expectedVersion(req.headers["if-match"], req.headers["if-none-match"]);
      const text = bodyText(req.body);
      const c = await scenarios.check(`${id}.yaml`, text);
      const outcome =
        expected === "exists"
          ? await putExisting(ctx, { id, name: c.name, text })
          : await ctx.store.putScenario({ id, name: c.name, text }, expected);
      if ("conflict" in outcome) throw changed(id, outcome.current);
      reply.header("etag", versionTag(outcome.version));
      if (outcome.created) reply.code(201).header("location", `/api/scenarios/${id}`);
      // The version this PUT wrote (read back, it could already be a later writer's).
      return { id, name: c.name, version: outcome.version, updated: outcome.updated };
    },
  });
}

const versionTag = (version: number) => `"v${version}"`;

/**
 * What a PUT's conditions expect: a version (`If-Match: "v3"`), an existing scenario
 * (`If-Match: *`), none (`If-None-Match: *`), or nothing (the last writer wins).
 */
function expectedVersion(ifMatch?: string, ifNoneMatch?: string): ExpectedVersion | "exists" | undefined {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === "*") return "absent";
    throw badCondition("if-none-match", "only If-None-Match: * (create, never replace) is understood");
  }
  if (ifMatch === undefined) return undefined;
  if (ifMatch.trim() === "*") return "exists";
  const m = /^\s*(?:W\/)?"v(\d+)"\s*$/.exec(ifMatch);
  if (!m) throw badCondition("if-match", 'give the ETag of the version you read, for example If-Match: "v3"');
  return Number(m[1]);
}

/** `If-Match: *`: replace whatever version stands, but never create. */
async function putExisting(ctx: ServerContext, s: { id: string; name: string; text: string }) {
  const current = await ctx.store.scenarioVersion(s.id);
  return current === null ? { conflict: true as const, current } : ctx.store.putScenario(s, current);
}

function badCondition(header: string, hint: string): HttpProblem {
  return new HttpProblem(400, "request.precondition", `the ${header} header cannot be read`, [
    { code: "request.precondition", field: `headers.${header}`, message: "not an ETag of this API", hint },
  ]);
}

function changed(id: string, current: number | null): HttpProblem {
  return new HttpProblem(
    412,
    "scenario.changed",
    current === null
      ? `there is no scenario "${id}" to replace`
      : `scenario "${id}" is at version ${current}, not the one this change was made from`,
    [
      {
        code: "scenario.changed",
        field: "headers.if-match",
        message:
          current === null
            ? "no such scenario"
            : `version ${current} was saved after the one this change was made from`,
        hint:
          current === null
            ? "create it with POST /api/scenarios?id=…, or PUT without If-Match"
            : `read it again (GET /api/scenarios/${id}), redo the change on that version and send If-Match: "v${current}"`,
      },
    ],
    current === null ? {} : { etag: versionTag(current) },
  );
}
