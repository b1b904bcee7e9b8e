import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem } from "../../contract/api.js";
import type { EvidenceJson } from "../../evidence/evidence-json.js";
import { baseName } from "../../model/base-name.js";
import type { DocumentEntry } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { withinBudget } from "../heavy-work.js";
import { HttpProblem } from "../problem.js";

const PARTS = ["quotes", "dates", "events", "quantities", "claims", "contradictions", "reliability", "actors"] as const;

/** The stored documents' index, read again only when a document has been stored since (a one-row query says). */
const indexes = new WeakMap<ServerContext, { version: number; index: Promise<DocumentEntry[]> }>();
function documentIndex(ctx: ServerContext): Promise<DocumentEntry[]> {
  return ctx.store.documentsVersion().then((version) => {
    let known = indexes.get(ctx);
    if (!known || known.version !== version) {
      indexes.set(ctx, (known = { version, index: ctx.store.documentIndex() }));
      known.index.catch(() => indexes.delete(ctx));
    }
    return known.index;
  });
}

/** The key of what some of the workspace's documents say together (all by default): their ids in storage order. */
export async function corpusKey(ctx: ServerContext, only?: ReadonlySet<string>): Promise<string> {
  // An analyst's edit of a source's names changes what is said of it (names, reliability by outlet).
  const ids = (await documentIndex(ctx))
    .filter((d) => !only || only.has(baseName(d.file)))
    .map((d) => `${d.id}:${d.edited ?? ""}`);
  return createHash("sha256").update(ids.join("\n")).digest("hex");
}

/** The evidence across the workspace's documents (contradictions and reliability need them all), computed once per set of documents. */
export async function workspaceEvidence(ctx: ServerContext): Promise<EvidenceJson> {
  // Cached as the object: each request filters it, none parses it again.
  return ctx.work.cached(`evidence:${await corpusKey(ctx)}`, async () => ({
    kind: "evidence",
    docs: await ctx.store.documents(),
  }));
}

export function evidenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get("/api/evidence", {
    schema: {
      tags: ["evidence"],
      summary:
        "Evidence across the workspace: quotes, dates, events (what happened, each once with its sources), quantities, claims, contradictions between sources, each source's reliability, and the actors with their roles and sides — filtered",
      querystring: z.object({
        include: z
          .string()
          .optional()
          .describe(`comma-separated parts: ${PARTS.join(", ")} (default all)`),
        speaker: z
          .string()
          .optional()
          .describe(
            "quotes whose speaker (or, unsure, candidate) and claims whose source contains this, case-insensitive",
          ),
        document: z.string().optional().describe("only this document (its id or file name)"),
        from: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional()
          .describe("dates and events on or after this day"),
        to: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional()
          .describe("dates and events on or before this day"),
        minConfidence: z.coerce
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe("quotes whose attribution confidence is at least this"),
      }),
      response: {
        200: z.object({
          documents: z.number(),
          ...Object.fromEntries(PARTS.map((p) => [p, z.array(z.unknown()).optional()])),
        } as { documents: z.ZodNumber } & Record<(typeof PARTS)[number], z.ZodOptional<z.ZodArray<z.ZodUnknown>>>),
        400: Problem,
        503: Problem,
      },
    },
    handler: async (req) => {
      const q = req.query;
      const include = q.include ? q.include.split(",").map((s) => s.trim()) : [...PARTS];
      const unknown = include.filter((p) => !(PARTS as readonly string[]).includes(p));
      if (unknown.length) {
        throw new HttpProblem(400, "request.include", `unknown evidence part(s): ${unknown.join(", ")}`, [
          { code: "request.include", field: "querystring.include", message: `known parts: ${PARTS.join(", ")}` },
        ]);
      }
      const ev = await withinBudget(workspaceEvidence(ctx), ctx.limits.budgetMs, "reading the workspace's evidence");
      const doc = q.document ? ev.documents.find((d) => d.id === q.document || d.file === q.document) : undefined;
      const inDoc = (file: string) => !q.document || file === (doc?.file ?? q.document);
      const who = q.speaker?.toLowerCase();
      const out: Partial<Record<(typeof PARTS)[number], unknown[]>> = {};
      if (include.includes("quotes"))
        out.quotes = ev.quotes.filter(
          (x) =>
            inDoc(x.file) &&
            (!who || (x.speaker ?? x.speakerCandidate ?? "").toLowerCase().includes(who)) &&
            (q.minConfidence === undefined || x.confidence >= q.minConfidence),
        );
      if (include.includes("dates"))
        out.dates = ev.dates.filter(
          (x) => inDoc(x.file) && (!q.from || (x.iso ?? "") >= q.from) && (!q.to || (x.iso ?? "9999") <= q.to),
        );
      if (include.includes("events"))
        out.events = ev.events.filter(
          (e) =>
            (!q.document || e.versions.some((v) => inDoc(v.file))) &&
            (!q.from || (e.when ?? "") >= q.from) &&
            (!q.to || (e.when ?? "9999") <= q.to),
        );
      if (include.includes("quantities")) out.quantities = ev.quantities.filter((x) => inDoc(x.file));
      if (include.includes("claims"))
        out.claims = ev.claims.filter(
          (x) => inDoc(x.file) && (!who || (x.attributedTo ?? "").toLowerCase().includes(who)),
        );
      if (include.includes("contradictions"))
        out.contradictions = ev.contradictions.filter((c) => !q.document || c.sides.some((s) => s.files.some(inDoc)));
      if (include.includes("reliability")) out.reliability = ev.reliability.filter((r) => inDoc(r.file));
      if (include.includes("actors")) out.actors = ev.actors.filter((a) => a.files.some(inDoc));
      return { documents: ev.documents.length, ...out };
    },
  });
}
