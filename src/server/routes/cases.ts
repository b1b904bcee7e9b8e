import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AnalysisReport } from "../../contract/analysis-report.js";
import { Problem as ProblemSchema } from "../../contract/api.js";
import {
  Accepted,
  CaseChanges,
  type CaseChanges as CaseChangesType,
  CaseVersionEntry,
  ChangeReport,
} from "../../contract/case-changes.js";
import { InputError, type Problem } from "../../errors.js";
import { acceptEdit, caseProposal, EditConflict } from "../../workflows/accept-edit.js";
import { caseChanges, NoSuchVersion } from "../../workflows/case-changes.js";
import { currentDocuments } from "../../workflows/case-version.js";
import type { FollowedCase, ServerContext } from "../context.js";
import { openEventStream } from "../event-stream.js";
import { checkSince, HttpProblem, limitProblem, notFound } from "../problem.js";
import { readUpload } from "../uploads.js";

const CaseParams = z.object({ id: z.string().describe("the case's id (its folder's name)") });

const FeedState = z.object({
  url: z.string(),
  lastStatus: z.string().nullable().describe('"ok", "not-modified", or why the last fetch failed'),
  lastError: z.string().nullable(),
  lastFetched: z.string().nullable(),
  failures: z.number().describe("failures in a row (the backoff grows with them)"),
  nextFetch: z.string().nullable(),
  ttlMinutes: z.number().nullable(),
});

const PassAnswer = z.object({
  feeds: z.array(
    z.object({
      url: z.string(),
      status: z.string(),
      error: z.string().nullable(),
      entries: z.number(),
      stored: z.number(),
      failed: z.array(z.object({ link: z.string(), error: z.string() })),
      failures: z.number(),
      nextFetch: z.string().nullable(),
    }),
  ),
  stored: z.number().describe("documents stored by this pass"),
  version: CaseVersionEntry.nullable().describe("the version this pass kept (null: nothing new)"),
  changes: ChangeReport.nullable(),
});

const Pushed = z.object({
  articles: z
    .array(
      z.object({
        text: z.string().min(1),
        url: z
          .string()
          .url()
          .optional()
          .describe("where it was published: a later text at the same address is its new version"),
        title: z.string().max(300).optional(),
        name: z.string().max(200).optional().describe("a name for citations; default from the text"),
        date: z.string().optional().describe("published date, YYYY-MM-DD"),
      }),
    )
    .min(1),
});

/** A version the request names that the case does not keep: 404 with the versions it does. */
async function keptVersions<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NoSuchVersion) throw new HttpProblem(404, "not-found", e.message);
    throw e;
  }
}

export function caseRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The edit the changes propose to the case's scenario (none when the case has no scenario, or one that does not read). */
  const proposedFor = async (id: string, found: Pick<CaseChangesType, "from" | "changes">) => {
    const scenario = await ctx.store.scenario(id);
    if (!scenario) return [];
    try {
      return caseProposal({ name: `${id}.yaml`, text: scenario.text }, found);
    } catch (e) {
      if (e instanceof InputError) return [];
      throw e;
    }
  };
  /** The follower of the open case; another id is a case this server does not follow. */
  const followed = (id: string): FollowedCase => {
    if (!ctx.follower || ctx.follower.caseId !== id) throw notFound("followed case", id);
    return ctx.follower;
  };

  r.get("/api/cases/:id/versions", {
    schema: {
      tags: ["cases"],
      summary:
        "A case's kept model versions, oldest first (a new one after each batch of coverage that stored something)",
      params: CaseParams,
      response: { 200: z.object({ items: z.array(CaseVersionEntry) }) },
    },
    handler: async (req) => ({ items: await ctx.store.caseVersions(req.params.id) }),
  });

  r.get("/api/cases/:id/changes", {
    schema: {
      tags: ["cases"],
      summary:
        "What changed in a case's model: since a date (from the last version at or before it to the latest), or between two versions",
      description:
        "New events, each party's new statements, stances that moved, red lines stated, softened or dropped, new plan versions with their terms against the plan they revise, new contradictions and sources newly quarantined — each with its words and source.",
      params: CaseParams,
      querystring: z.object({
        since: z.string().optional().describe("ISO date or time"),
        from: z.coerce.number().int().min(0).optional().describe("the version to compare from (0: the empty case)"),
        to: z.coerce.number().int().min(1).optional().describe("the version to compare to (default: the latest)"),
      }),
      response: { 200: CaseChanges, 400: ProblemSchema, 404: ProblemSchema },
    },
    handler: async (req) => {
      checkSince(req.query.since);
      const found = await keptVersions(() => caseChanges(ctx.store, req.params.id, req.query));
      if (!found) throw notFound("case with a kept version", req.params.id);
      return { ...found, proposed: await proposedFor(req.params.id, found) };
    },
  });

  r.post("/api/cases/:id/changes/accept", {
    schema: {
      tags: ["cases"],
      summary:
        "Accept items of the edit the changes propose to the case's scenario (by id; the rest are rejected): the scenario's next version, and whether the answer moved",
      description:
        "The changes are chosen as in GET …/changes (since, from, to). The accepted items are written into the scenario's YAML in place (the analyst's layout and comments kept), the scenario is analysed before and after, and the answer says whether the zone, the collisions, the smallest concessions or any plan's standing moved. A scenario changed meanwhile is a 412 and nothing is written.",
      params: CaseParams,
      body: z.object({
        since: z.string().optional(),
        from: z.number().int().min(0).optional(),
        to: z.number().int().min(1).optional(),
        accept: z.array(z.string()).describe("the ids of the items accepted"),
      }),
      response: {
        200: Accepted,
        400: ProblemSchema,
        404: ProblemSchema,
        412: ProblemSchema,
        422: ProblemSchema,
      },
    },
    handler: async (req) => {
      const { since, from, to, accept } = req.body;
      checkSince(since);
      if (!(await ctx.store.scenario(req.params.id))) throw notFound("scenario", req.params.id);
      const analyse = async (scenario: { name: string; text: string }) => {
        const docs = currentDocuments(await ctx.store.documents());
        const text = await ctx.work.run({ kind: "analysis", scenario, docs, seed: 1, samples: 0 });
        return JSON.parse(text) as AnalysisReport;
      };
      try {
        return await keptVersions(() => acceptEdit(ctx.store, req.params.id, { since, from, to }, accept, analyse));
      } catch (e) {
        if (e instanceof EditConflict)
          throw new HttpProblem(
            412,
            "scenario.changed",
            `scenario "${req.params.id}" ${e.message}; nothing was written`,
          );
        throw e;
      }
    },
  });

  app.get("/api/cases/:id/changes/events", {
    schema: {
      tags: ["cases"],
      summary:
        "New model versions of the followed case as Server-Sent Events: `version` {version, changes} as each batch lands",
      params: CaseParams,
      produces: ["text/event-stream"],
      response: {
        200: {
          description: "the event stream, open until the client leaves",
          content: {
            "text/event-stream": {
              schema: z.string().meta({ examples: ['event: version\ndata: {"version":{…},"changes":{…}}\n\n'] }),
            },
          },
        },
        404: ProblemSchema,
      },
    },
    handler: async (req, reply) => {
      const follower = followed((req.params as { id: string }).id);
      const { res, send } = openEventStream(reply);
      res.write(": following\n\n");
      const stop = follower.follow((e) => send("version", e));
      // A comment now and then keeps proxies from closing an idle stream.
      const ping = setInterval(() => res.write(": ping\n\n"), 25_000);
      req.raw.on("close", () => {
        clearInterval(ping);
        stop();
      });
    },
  });

  r.get("/api/cases/:id/feeds", {
    schema: {
      tags: ["cases"],
      summary: "The feeds a case follows, each with how its last fetch went and when the next is due",
      params: CaseParams,
      response: { 200: z.object({ items: z.array(FeedState) }) },
    },
    handler: async (req) => ({ items: await ctx.store.feeds(req.params.id) }),
  });

  r.post("/api/cases/:id/follow", {
    schema: {
      tags: ["cases"],
      summary: "Fetch every feed the open case follows now, due or not, and read its folders; answers with the pass",
      params: CaseParams,
      response: { 200: PassAnswer, 404: ProblemSchema },
    },
    handler: async (req) => {
      const outcome = await followed(req.params.id).pass(true);
      return {
        feeds: outcome.feeds.map((f) => ({ ...f, failed: [...f.failed] })),
        stored: outcome.stored.filter((o) => o.status === "stored").length,
        version: outcome.version,
        changes: outcome.changes,
      };
    },
  });

  r.post("/api/cases/:id/documents", {
    schema: {
      tags: ["cases"],
      summary:
        "Push articles to the followed case (JSON): each stored once, a text at a known address as that source's new version; the case keeps a new version and says what changed",
      params: CaseParams,
      body: Pushed,
      response: {
        200: z.object({
          stored: z.number(),
          unchanged: z.number(),
          version: CaseVersionEntry.nullable(),
          changes: ChangeReport.nullable(),
        }),
        400: ProblemSchema,
        404: ProblemSchema,
        413: ProblemSchema,
      },
    },
    handler: async (req) => {
      const follower = followed(req.params.id);
      const { articles } = req.body;
      if (articles.length > ctx.limits.files)
        throw limitProblem(
          "limit.files",
          `${articles.length} articles in one request; the limit is ${ctx.limits.files}`,
          "push them in several requests, or raise PARLEY_MAX_FILES on the server",
        );
      articles.forEach((a, i) => {
        if (a.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(a.date))
          throw new HttpProblem(400, "request.date", `articles[${i}].date: ${a.date} is not a day`, [
            {
              code: "request.date",
              field: `articles[${i}].date`,
              message: `${a.date} is not YYYY-MM-DD`,
              hint: "e.g. 2025-12-09",
            },
          ]);
      });
      const warnings: Problem[] = [];
      const raw = articles.map((a) => readUpload(a.name ?? "", Buffer.from(a.text, "utf8"), ctx.limits, warnings));
      const docs = await Promise.all(
        raw.map(async (file, i) => {
          const a = articles[i]!;
          const [doc] = await ctx.work.run({ kind: "read", files: [file], ...(a.date ? { date: a.date } : {}) });
          return { ...doc!, ...(a.url ? { url: a.url } : {}), ...(a.title ? { title: a.title } : {}) };
        }),
      );
      const { stored, version, changes } = await follower.push(docs);
      const added = stored.filter((o) => o.status === "stored").length;
      return { stored: added, unchanged: stored.length - added, version, changes };
    },
  });
}
