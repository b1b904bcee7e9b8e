import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { packageRoot } from "../package-root.js";
import type { ServerContext } from "./context.js";
import { loopDelayMonitor } from "./event-loop-delay.js";
import { jsonDepth } from "./json-depth.js";
import { withoutUnusedComponents } from "./openapi-components.js";
import { withExamples } from "./openapi-examples.js";
import { HttpProblem, installProblemHandler, limitProblem } from "./problem.js";
import { type OriginPolicy, originPolicy, refusal } from "./request-origin.js";
import { caseRoutes } from "./routes/cases.js";
import { documentRoutes } from "./routes/documents.js";
import { evidenceRoutes } from "./routes/evidence.js";
import { scenarioViewRoutes } from "./routes/scenario-views.js";
import { scenarioRoutes } from "./routes/scenarios.js";
import { simulationRoutes } from "./routes/simulations.js";
import { tournamentRoutes } from "./routes/tournaments.js";
import { StoredScenarios } from "./stored-scenarios.js";

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

/** Whether a write carries the token as `Authorization: Bearer <token>` (compared in constant time; a bare token is not taken). */
function authorised(header: string | undefined, token: string): boolean {
  const bearer = /^Bearer +(\S+)\s*$/i.exec(header ?? "");
  if (!bearer) return false;
  const given = Buffer.from(bearer[1]!);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * The workspace server: the API under /api, its OpenAPI 3.1 document at /openapi.json and a docs
 * page at /docs. Every error is problem+json; bodies are limited in size and JSON in depth;
 * with a token, every write must carry it.
 */
export async function buildApp(
  ctx: ServerContext,
  options: { token?: string; logger?: boolean; origins?: OriginPolicy } = {},
): Promise<FastifyInstance> {
  const timeout = ctx.limits.requestTimeoutMs;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.limits.bodyBytes,
    return503OnClosing: true,
    forceCloseConnections: true,
    // Node checks request timeouts every 30 s unless told otherwise: a slow sender is cut off near
    // its deadline. Idle connections are kept 72 s (fastify's own default; Node's 5 s races clients
    // that reuse a connection just as it closes).
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: timeout,
          headersTimeout: Math.min(timeout, 60_000),
          connectionsCheckingInterval: Math.max(250, Math.min(timeout / 4, 5000)),
          keepAliveTimeout: 72_000,
        },
        handler,
      ),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandler(app);

  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    const depth = jsonDepth(body as string);
    if (depth > ctx.limits.jsonDepth)
      return done(
        limitProblem(
          "limit.json-depth",
          `the JSON nests ${depth} levels deep; the limit is ${ctx.limits.jsonDepth}`,
          "send flatter JSON, or raise PARLEY_MAX_JSON_DEPTH on the server",
          400,
        ),
        undefined,
      );
    parseJson(req, body as string, done);
  });
  app.addContentTypeParser(YAML_TYPES, { parseAs: "string" }, (_req, body, done) => done(null, body));

  await app.register(multipart, {
    limits: {
      fileSize: ctx.limits.uploadBytes,
      files: ctx.limits.files,
      fields: 20,
      fieldSize: 4096,
      parts: ctx.limits.files + 20,
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Parley workspace API",
        version: "0.1.0",
        description:
          "Documents and their evidence, scenarios and their analysis, simulations and tournaments of one Parley workspace. Errors are RFC 9457 problem details.",
      },
      tags: [
        { name: "documents" },
        { name: "evidence" },
        { name: "scenarios" },
        { name: "tournaments" },
        { name: "cases", description: "a followed case: its model versions, what changed, its feeds" },
        { name: "jobs" },
      ],
      ...(options.token
        ? { components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } }, security: [{ token: [] }] }
        : {}),
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (Problem, AnalysisReport, …) are components, referenced where used.
    transformObject: (doc) => withExamples(withoutUnusedComponents(jsonSchemaTransformObject(doc))),
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  // Foreign Host names (DNS rebinding) and writes from other sites' pages are refused first.
  const policy = options.origins ?? originPolicy("127.0.0.1");
  app.addHook("onRequest", async (req) => {
    const refused = refusal(req.method, req.headers, policy);
    if (refused) throw refused;
  });

  if (options.token) {
    const token = options.token;
    app.addHook("onRequest", async (req) => {
      if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return;
      if (!authorised(req.headers.authorization, token)) {
        const bare = req.headers.authorization !== undefined && !/^Bearer /i.test(req.headers.authorization);
        throw new HttpProblem(
          401,
          "auth.token",
          "this server takes writes only with its token",
          [
            {
              code: "auth.token",
              field: "header.authorization",
              message: bare ? "the token is not given as Bearer" : "missing or wrong token",
              hint: "send Authorization: Bearer <PARLEY_TOKEN>",
            },
          ],
          { "www-authenticate": 'Bearer realm="parley"' },
        );
      }
    });
  }

  app.withTypeProvider<ZodTypeProvider>().get("/api", {
    schema: {
      tags: ["jobs"],
      summary: "The workspace: where it is stored and what it holds",
      response: {
        200: z.object({
          store: z.enum(["sqlite", "postgres"]),
          documents: z.number(),
          scenarios: z.array(z.string()),
          queuedTasks: z.number(),
          case: z.string().nullable().describe("the case this server opened on start (its scenario id), if any"),
        }),
      },
    },
    handler: async () => ({
      store: ctx.store.kind,
      documents: (await ctx.store.documentIndex()).length,
      scenarios: (await ctx.store.scenarios()).map((s) => s.id),
      queuedTasks: ctx.work.queued,
      case: ctx.caseId ?? null,
    }),
  });
  const loop = loopDelayMonitor();
  app.addHook("onClose", async () => loop.stop());
  app.withTypeProvider<ZodTypeProvider>().get("/api/health", {
    schema: {
      tags: ["jobs"],
      summary: "Whether the server is up, and how late its request thread has run since the last time this was asked",
      description:
        "The event-loop delay (how much later than asked a 5 ms timer ran) since the previous call or the server's start: ingests, analyses and tournaments run on worker threads, so a high p99 means requests wait.",
      response: {
        200: z.object({
          status: z.literal("ok"),
          eventLoopDelay: z
            .object({
              p50: z.number().describe("median, ms"),
              p99: z.number().describe("99th percentile, ms"),
              max: z.number().describe("longest, ms"),
              seconds: z.number().describe("the window's length"),
            })
            .describe("since the previous call"),
          queuedTasks: z.number(),
        }),
      },
    },
    handler: async () => ({ status: "ok" as const, eventLoopDelay: loop.read(), queuedTasks: ctx.work.queued }),
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  // The web app (built by `npm run build` into dist/web): hashed assets are cached for good, the page is revalidated.
  const web = join(packageRoot(), "dist", "web");
  if (existsSync(join(web, "index.html")))
    await app.register(fastifyStatic, {
      root: web,
      prefix: "/",
      index: "index.html",
      setHeaders: (reply, path) =>
        reply.header(
          "cache-control",
          /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
  else app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.redirect("/docs"));
  documentRoutes(app, ctx);
  evidenceRoutes(app, ctx);
  const scenarios = new StoredScenarios(ctx);
  scenarioRoutes(app, ctx, scenarios);
  scenarioViewRoutes(app, ctx, scenarios);
  simulationRoutes(app, ctx, scenarios);
  tournamentRoutes(app, ctx);
  caseRoutes(app, ctx);
  return app;
}
