import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem, ScenarioParams } from "../../contract/api.js";
import { AGENTS, defaultAgents } from "../../negotiation/agents/index.js";
import { MEDIATORS } from "../../negotiation/mediators/index.js";
import { MAX_ROUNDS } from "../../negotiation/simulate.js";
import type { ServerContext } from "../context.js";
import { withinBudget } from "../heavy-work.js";
import { HttpProblem } from "../problem.js";
import { hash, type StoredScenarios } from "../stored-scenarios.js";

const SimulationRequest = z.object({
  agents: z
    .array(z.string())
    .min(2)
    .optional()
    .describe(
      `one agent per party (default: red-lines for every party when they have red lines, else boulware and conceder in turn): ${AGENTS.map((a) => `${a.name} — ${a.description}`).join("; ")}`,
    ),
  protocol: z.enum(["alternating", "single-text"]).default("alternating"),
  mediator: z
    .string()
    .default("shuttle")
    .describe(`single-text mediator: ${MEDIATORS.map((m) => m.name).join(", ")}`),
  rounds: z.number().int().min(1).max(MAX_ROUNDS).default(100),
  seed: z.number().int().min(0).default(42),
});

/** Negotiations run on a scenario between strategy agents, stored with their traces. */
export function simulationRoutes(app: FastifyInstance, ctx: ServerContext, scenarios: StoredScenarios): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/api/scenarios/:id/simulations", {
    schema: {
      tags: ["scenarios"],
      summary: "The simulation runs of a scenario, oldest first",
      params: ScenarioParams,
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.string(), config: z.unknown(), result: z.unknown(), created: z.string() })),
        }),
        404: Problem,
      },
    },
    handler: async (req) => {
      await scenarios.load(req.params.id);
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
      params: ScenarioParams,
      body: SimulationRequest,
      response: {
        201: z.object({ id: z.string(), config: z.unknown(), result: z.unknown(), created: z.string() }),
        404: Problem,
        422: Problem,
        503: Problem,
      },
    },
    handler: async (req, reply) => {
      const s = await scenarios.load(req.params.id);
      const c = await scenarios.small(s, "simulation");
      const agents = req.body.agents ?? defaultAgents(c.parties.length, c.redLines > 0);
      if (agents.length !== c.parties.length)
        throw new HttpProblem(
          422,
          "simulation.agents",
          `${s.id} has ${c.parties.length} parties (${c.parties.join(", ")}); ${agents.length} agents were given`,
          [
            {
              code: "simulation.agents",
              field: "body.agents",
              message: "one agent per party, in the scenario's order",
            },
          ],
        );
      const settings = { ...req.body, agents };
      const id = `sim-${hash(s.text, settings).slice(0, 16)}`;
      const result = await withinBudget(
        ctx.work.run({ kind: "simulation", scenario: { name: `${s.id}.yaml`, text: s.text }, settings }),
        ctx.limits.budgetMs,
        "the simulation",
      );
      const entry = {
        id,
        scenario: s.id,
        config: { ...settings, scenarioVersion: s.version },
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
}
