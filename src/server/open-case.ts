import { join } from "node:path";
import type { EvidenceDocument } from "../evidence/document.js";
import { readTextInput } from "../formats/read-input.js";
import { expandPaths } from "../ingest/read-documents.js";
import { baseName } from "../model/base-name.js";
import type { ServerContext } from "./context.js";
import { ingestDocuments } from "./ingest.js";

/**
 * Opens a case folder (`scenario.yaml` and `corpus/`) in the workspace: its texts are ingested
 * (stored ones are left as they are) and its scenario created under the folder's name unless
 * the workspace has one by that id already — an analyst's edits are never replaced.
 */
export async function openCase(
  ctx: ServerContext,
  dir: string,
): Promise<{ id: string; stored: number; created: boolean }> {
  const files = expandPaths([join(dir, "corpus")]);
  const stored = new Set((await ctx.store.documentIndex()).map((d) => d.id));
  const raw = files.map((f) => ({ name: baseName(f), raw: readTextInput(f, "article", { lenient: true }) }));
  const docs = await ctx.work.run<EvidenceDocument[]>({ kind: "read", files: raw });
  const outcome = docs.some((d) => !stored.has(d.id))
    ? await ingestDocuments(ctx.store, ctx.address, ctx.work, docs)
    : [];
  const id = baseName(dir);
  const text = readTextInput(join(dir, "scenario.yaml"), "scenario (YAML)");
  const { name } = await ctx.work.run<{ name: string }>({ kind: "check", scenario: { name: `${id}.yaml`, text } });
  const created = await ctx.store.createScenario({ id, name, text });
  return { id, stored: outcome.filter((o) => o.status === "stored").length, created };
}
