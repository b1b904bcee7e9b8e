import { randomUUID } from "node:crypto";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DocumentSummary, IngestAnswer, JobParams, JobSchema, Problem as ProblemSchema } from "../../contract/api.js";
import type { Problem } from "../../errors.js";
import type { EvidenceDocument } from "../../evidence/document.js";
import { noTextWarning } from "../../evidence/document.js";
import { sourceName } from "../../evidence/source-name.js";
import { checkDateTime } from "../../ingest/date-time.js";
import type { ServerContext } from "../context.js";
import { withinBudget } from "../heavy-work.js";
import { ingestOnPool } from "../ingest.js";
import { HttpProblem, limitProblem, notFound } from "../problem.js";
import { type RawArticle, readUpload } from "../uploads.js";

const Paste = z.object({
  name: z
    .string()
    .max(200)
    .optional()
    .describe("a name for the article (it is what citations name); default pasted-<hash>.txt"),
  text: z.string().min(1).describe("the article's text"),
  date: z
    .string()
    .optional()
    .describe("published date, YYYY-MM-DD or YYYY-MM-DDTHH:MM, when the text does not state it"),
});

const summary = (d: Omit<EvidenceDocument, "text"> & { readonly characters: number; readonly lede: string }) => ({
  id: d.id,
  file: d.file,
  name: sourceName(d),
  format: d.format,
  title: d.title,
  outlet: d.outlet,
  author: d.author,
  url: d.url ?? null,
  published: d.published,
  publishedSource: d.publishedSource,
  characters: d.characters,
});

/** A stored document's id from its id or from the name citations use (the first stored under it); null when neither. */
async function documentId(ctx: ServerContext, idOrFile: string): Promise<string | null> {
  if (await ctx.store.hasDocument(idOrFile)) return idOrFile;
  return (await ctx.store.documentIndex()).find((d) => d.file === idOrFile)?.id ?? null;
}

function checkDate(date: string | undefined, field: string): void {
  const bad = date === undefined ? null : checkDateTime(date);
  if (bad)
    throw new HttpProblem(400, "request.date", `${field}: ${bad}`, [
      { code: "request.date", field, message: bad, hint: "e.g. 2025-12-02 or 2025-12-02T21:00" },
    ]);
}

export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/api/documents", {
    schema: {
      tags: ["documents"],
      summary: "The workspace's documents, in the order they were stored, a page at a time",
      querystring: z.object({
        offset: z.coerce.number().int().min(0).default(0).describe("how many documents to skip, in storage order"),
        limit: z.coerce.number().int().min(1).max(500).default(50).describe("how many to list, at most 500"),
      }),
      response: {
        200: z.object({ total: z.number(), offset: z.number(), limit: z.number(), items: z.array(DocumentSummary) }),
      },
    },
    handler: async (req) => {
      const page = await ctx.store.documentPage(req.query.offset, req.query.limit);
      return { total: page.total, offset: req.query.offset, limit: req.query.limit, items: page.items.map(summary) };
    },
  });

  r.get("/api/documents/:id", {
    schema: {
      tags: ["documents"],
      summary:
        "One document by its id or by the name citations use: its text and its evidence (quotes, dates, quantities, claims, actor mentions) with offsets into the text",
      params: z.object({ id: z.string().describe("the document's id, or its file name (the first stored under it)") }),
      response: {
        200: DocumentSummary.extend({
          text: z.string(),
          evidence: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
        }),
        404: ProblemSchema,
      },
    },
    handler: async (req) => {
      const id = await documentId(ctx, req.params.id);
      const doc = id ? await ctx.store.document(id) : null;
      if (!doc) throw notFound("document", req.params.id);
      const evidence: Record<string, Record<string, unknown>[]> = {
        quote: [],
        date: [],
        quantity: [],
        claim: [],
        actor: [],
      };
      for (const e of await ctx.store.evidence(doc.id)) evidence[e.kind]!.push(e.data);
      return { ...summary({ ...doc, characters: [...doc.text].length, lede: doc.text }), text: doc.text, evidence };
    },
  });

  // Empty words clear a field ("not stated"); a name too long for a reader is refused.
  const named = (what: string) =>
    z
      .string()
      .trim()
      .max(300, `at most 300 characters for the ${what}`)
      .transform((x) => x || null)
      .nullable()
      .optional()
      .describe(`the source's ${what} as the analyst names it (null or "" clears it)`);
  r.patch("/api/documents/:id", {
    schema: {
      tags: ["documents"],
      summary:
        "Name a source as the analyst knows it: its title, outlet or author. Every view, the briefing and the analysis use the names given; the text and its evidence are unchanged, and each edit is kept in the document's history",
      params: z.object({ id: z.string().describe("the document's id, or its file name") }),
      body: z
        .object({ title: named("title"), outlet: named("outlet"), author: named("author") })
        .strict()
        .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one of title, outlet, author"),
      response: { 200: DocumentSummary, 400: ProblemSchema, 404: ProblemSchema },
    },
    handler: async (req) => {
      const id = await documentId(ctx, req.params.id);
      const doc = id ? await ctx.store.editDocument(id, req.body) : null;
      if (!doc) throw notFound("document", req.params.id);
      return summary(doc);
    },
  });

  r.post("/api/documents", {
    schema: {
      tags: ["documents"],
      summary:
        "Store articles: multipart upload (field `file`, one or more .txt/.md/.html; optional field `date`) or a JSON paste {name, text, date}",
      description:
        "Each article's evidence is extracted off the event loop and stored in its own transaction. 201 with the outcome per article when done within the request's budget; otherwise 202 with a job to poll (Location). The same content twice is stored once.",
      consumes: ["multipart/form-data", "application/json"],
      response: {
        201: IngestAnswer,
        202: JobSchema,
        400: ProblemSchema,
        413: ProblemSchema,
        415: ProblemSchema,
        422: ProblemSchema,
      },
    },
    handler: async (req, reply) => {
      const warnings: Problem[] = [];
      const articles: RawArticle[] = [];
      let date: string | undefined;
      if (req.isMultipart()) {
        for await (const part of req.parts()) {
          if (part.type === "field") {
            if (part.fieldname === "date") date = String(part.value);
            continue;
          }
          const file = part as MultipartFile;
          if (file.fieldname !== "file")
            throw new HttpProblem(400, "request.field", `unexpected file field "${file.fieldname}"`, [
              { code: "request.field", field: file.fieldname, message: "articles are uploaded in the field `file`" },
            ]);
          const bytes = await file.toBuffer();
          articles.push(readUpload(file.filename, bytes, ctx.limits, warnings));
        }
      } else {
        const paste = Paste.safeParse(req.body);
        if (!paste.success)
          throw new HttpProblem(
            400,
            "request.invalid",
            "a paste is a JSON object {name?, text, date?}",
            paste.error.issues.map((i) => ({
              code: "request.invalid",
              field: ["body", ...i.path.map(String)].join("."),
              message: i.message,
            })),
          );
        date = paste.data.date;
        articles.push(readUpload(paste.data.name ?? "", Buffer.from(paste.data.text, "utf8"), ctx.limits, warnings));
      }
      if (!articles.length)
        throw new HttpProblem(400, "request.no-files", "no article in the request", [
          { code: "request.no-files", field: "file", message: "upload one or more files in the field `file`" },
        ]);
      if (articles.length > ctx.limits.files)
        throw limitProblem(
          "limit.files",
          `${articles.length} files in one request; the limit is ${ctx.limits.files}`,
          "upload them in several requests, or raise PARLEY_MAX_FILES on the server",
        );
      checkDate(date, "date");
      const docs = await ctx.work.run({ kind: "read", files: articles, ...(date ? { date } : {}) });
      for (const d of docs) {
        const empty = noTextWarning(d);
        if (empty) warnings.push(empty);
      }
      const job = ctx.jobs.start("ingest", `ingest-${randomUUID()}`, async (progress) => {
        const documents = await ingestOnPool(ctx.store, ctx.address, ctx.work, docs, progress);
        // The open case keeps a new version with what these articles changed (its followers are told).
        if (documents.some((d) => d.status === "stored")) await ctx.follower?.documentsAdded();
        return { documents, warnings };
      });
      const done = new Promise((resolve, reject) => {
        const stop = ctx.jobs.follow(job.id, (j) => {
          if (j.status === "running") return;
          queueMicrotask(() => stop());
          if (j.status === "done") resolve(j.result);
          else {
            const { status, title, errors } = j.error!;
            // The server's own trouble (a full disk) passes under its own code: ask again later.
            if (status === 503)
              reject(new HttpProblem(503, errors[0]?.code ?? "ingest.failed", title, errors, { "retry-after": "30" }));
            else reject(new HttpProblem(status, "ingest.failed", title, errors));
          }
        });
      });
      try {
        const result = await withinBudget(done, ctx.limits.budgetMs, "storing the articles");
        return reply.code(201).send(result as z.infer<typeof IngestAnswer>);
      } catch (e) {
        if (!(e instanceof HttpProblem) || e.code !== "busy.budget") throw e;
        done.catch(() => undefined);
        return reply.code(202).header("location", `/api/jobs/${job.id}`).send(ctx.jobs.get(job.id)!);
      }
    },
  });

  r.get("/api/jobs/:id", {
    schema: {
      tags: ["jobs"],
      summary:
        "A background job (an ingest past its request's budget, a tournament): progress, then its result or problem",
      params: JobParams,
      response: { 200: JobSchema, 404: ProblemSchema },
    },
    handler: async (req) => {
      const job = ctx.jobs.get(req.params.id);
      if (!job) throw notFound("job", req.params.id);
      return job;
    },
  });
}
