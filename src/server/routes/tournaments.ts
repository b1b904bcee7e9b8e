import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AgentStanding, JobSchema, Problem, TournamentParams } from "../../contract/api.js";
import { AGENTS } from "../../negotiation/agents/index.js";
import { MEDIATORS } from "../../negotiation/mediators/index.js";
import { MAX_ROUNDS } from "../../negotiation/simulate.js";
import { type RunRecord, standings } from "../../negotiation/tournament.js";
import { runTournament, type TournamentConfig, type TournamentRun } from "../../parallel/run-tournament.js";
import type { ServerContext } from "../context.js";
import { openEventStream } from "../event-stream.js";
import type { JobView } from "../jobs.js";
import { HttpProblem, notFound } from "../problem.js";

const TournamentRequest = z.object({
  scenarios: z.array(z.string()).min(1).describe("ids of the workspace's scenarios"),
  agents: z
    .array(z.string())
    .min(1)
    .default(AGENTS.map((a) => a.name)),
  repetitions: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(10)
    .describe("the tournament's runs are limited too (PARLEY_MAX_RUNS)"),
  seed: z.number().int().min(0).default(1),
  protocol: z.enum(["alternating", "single-text"]).default("alternating"),
  mediator: z.string().default("shuttle"),
  rounds: z.number().int().min(1).max(MAX_ROUNDS).default(100),
});

const TournamentResult = z.object({
  id: z.string(),
  total: z.number(),
  runs: z.number(),
  complete: z.boolean(),
  standings: z.array(AgentStanding),
});

/** Standings as JSON: a mean over no runs is null, not NaN. */
const standingsOf = (records: readonly RunRecord[], agents: readonly string[]) =>
  standings(records, agents).map(
    (r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === "number" && !Number.isFinite(v) ? null : v]),
      ) as z.infer<typeof AgentStanding>,
  );

const resultOf = (run: TournamentRun, agents: readonly string[]) => ({
  id: run.id,
  total: run.total,
  runs: run.records.length,
  complete: !run.stopped,
  standings: standingsOf(run.records, agents),
});

export function tournamentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post("/api/tournaments", {
    schema: {
      tags: ["tournaments"],
      summary:
        "Start a tournament in the background: every agent pair (or n-tuple) on every scenario, both role orders, R repetitions",
      description:
        "Checked first (422 with every problem); then 202 with the job, its progress at /api/tournaments/{id}/events (Server-Sent Events) and its result at /api/tournaments/{id}. Runs are stored as they finish: the same tournament again resumes. With PARLEY_REDIS set, batches run on `parley worker` processes.",
      body: TournamentRequest,
      response: { 202: JobSchema, 404: Problem, 422: Problem },
    },
    handler: async (req, reply) => {
      const b = req.body;
      const sources = [];
      for (const id of b.scenarios) {
        const s = await ctx.store.scenario(id);
        if (!s) throw notFound("scenario", id);
        sources.push({ kind: "text" as const, name: `${s.id}.yaml`, text: s.text });
      }
      const config: TournamentConfig = {
        sources,
        agents: b.agents,
        repetitions: b.repetitions,
        seed: b.seed,
        settings: {
          protocol: b.protocol,
          ...(b.protocol === "single-text" ? { mediator: b.mediator } : {}),
          deadline: { rounds: b.rounds },
        },
        discretize: 11,
      };
      let progress: ((done: number, total: number) => void) | undefined;
      const remote = ctx.redis ? (await import("../../parallel/redis-batches.js")).redisBatches(ctx.redis) : undefined;
      const started = new Promise<JobView>((resolve, reject) => {
        const run = runTournament(config, ctx.store, {
          workers: ctx.tournamentWorkers,
          maxRuns: ctx.limits.tournamentRuns,
          ...(remote ? { remote } : {}),
          onStart: (id, total) =>
            resolve(
              ctx.jobs.start("tournament", id, async (p) => {
                progress = p;
                p(0, total);
                return resultOf(await run, b.agents);
              }),
            ),
          onProgress: (done, total) => progress?.(done, total),
        });
        run.catch(reject);
      });
      const job = await started;
      return reply.code(202).header("location", `/api/tournaments/${job.id}`).send(job);
    },
  });

  r.get("/api/agents", {
    schema: {
      tags: ["tournaments"],
      summary: "The strategy agents and single-text mediators simulations and tournaments can use",
      response: {
        200: z.object({
          agents: z.array(z.object({ name: z.string(), description: z.string() })),
          mediators: z.array(z.object({ name: z.string(), description: z.string() })),
        }),
      },
    },
    handler: async () => ({
      agents: AGENTS.map(({ name, description }) => ({ name, description })),
      mediators: MEDIATORS.map(({ name, description }) => ({ name, description })),
    }),
  });

  r.get("/api/tournaments", {
    schema: {
      tags: ["tournaments"],
      summary: "The workspace's tournaments: runs stored, and whether one is running here",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              created: z.string(),
              runs: z.number(),
              running: z.boolean(),
              config: z.unknown(),
            }),
          ),
        }),
      },
    },
    handler: async () => ({
      items: (await ctx.store.tournaments()).map((t) => ({ ...t, running: ctx.jobs.get(t.id)?.status === "running" })),
    }),
  });

  r.get("/api/tournaments/:id", {
    schema: {
      tags: ["tournaments"],
      summary: "A tournament's result: the standings over the runs stored (and the job, while it runs)",
      params: TournamentParams,
      response: { 200: TournamentResult.extend({ job: JobSchema.nullable() }), 404: Problem },
    },
    handler: async (req) => {
      const entry = (await ctx.store.tournaments()).find((t) => t.id === req.params.id);
      if (!entry) throw notFound("tournament", req.params.id);
      const config = entry.config as { agents: string[]; sources: unknown[]; repetitions: number; total?: number };
      const records = await ctx.store.runs(entry.id);
      const job = ctx.jobs.get(entry.id) ?? null;
      // Tournaments stored before their total was kept count what they hold.
      const total = job?.total || config.total || records.length;
      return {
        id: entry.id,
        total,
        runs: records.length,
        complete: job ? job.status === "done" : records.length >= total,
        standings: standingsOf(records, config.agents),
        job,
      };
    },
  });

  app.get("/api/tournaments/:id/events", {
    schema: {
      tags: ["tournaments"],
      summary:
        "A tournament's progress as Server-Sent Events: `progress` {done, total} as batches are stored, then `done` with the result (or `failed` with the problem)",
      params: TournamentParams,
      produces: ["text/event-stream"],
      response: {
        200: {
          description: "the event stream, open until `done` or `failed`",
          content: {
            "text/event-stream": {
              schema: z.string().meta({
                examples: [
                  'event: progress\ndata: {"done":48,"total":480}\n\nevent: done\ndata: {"id":"t-…","standings":[…]}\n\n',
                ],
              }),
            },
          },
        },
        404: Problem,
      },
    },
    handler: async (req, reply) => {
      const { id } = req.params as { id: string };
      const job = ctx.jobs.get(id);
      if (!job) {
        if ((await ctx.store.tournaments()).some((t) => t.id === id))
          throw new HttpProblem(
            404,
            "tournament.not-running",
            `tournament ${id} is not running on this server; its stored result is at /api/tournaments/${id}`,
          );
        throw notFound("tournament", id);
      }
      const { res, send } = openEventStream(reply);
      let last = -1;
      const stop = ctx.jobs.follow(id, (j) => {
        if (j.status === "running") {
          if (j.done !== last) send("progress", { done: (last = j.done), total: j.total });
          return;
        }
        send(j.status === "done" ? "done" : "failed", j.status === "done" ? j.result : j.error);
        queueMicrotask(() => {
          stop();
          res.end();
        });
      });
      req.raw.on("close", () => stop());
    },
  });
}
