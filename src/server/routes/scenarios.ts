import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem, ScenarioFull, ScenarioSummary } from "../../contract/api.js";
import { slug } from "../../formats/file-names.js";
import type { StoredScenario } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { HttpProblem } from "../problem.js";
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
      params: z.object({ id: z.string() }),
      response: { 200: ScenarioFull, 404: Problem },
    },
    handler: async (req, reply) => {
      const s = await scenarios.load(req.params.id);
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
      const c = await scenarios.check(`${req.params.id}.yaml`, text);
      await ctx.store.putScenario({ id: req.params.id, name: c.name, text });
      return summary((await ctx.store.scenario(req.params.id))!);
    },
  });
}
