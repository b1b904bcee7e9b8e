import { existsSync } from "node:fs";
import { join } from "node:path";
import { CASE_FILE, parseCaseFile } from "../formats/case-file.js";
import { readTextInput } from "../formats/read-input.js";
import { expandPaths } from "../ingest/read-documents.js";
import { baseName } from "../model/base-name.js";
import type { ServerContext } from "./context.js";
import { ingestOnPool } from "./ingest.js";

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
  const docs = await ctx.work.run({ kind: "read", files: raw });
  const outcome = docs.some((d) => !stored.has(d.id)) ? await ingestOnPool(ctx.store, ctx.address, ctx.work, docs) : [];
  const id = caseIdOf(dir);
  const text = readTextInput(join(dir, "scenario.yaml"), "scenario (YAML)");
  const { name } = await ctx.work.run({ kind: "check", scenario: { name: `${id}.yaml`, text } });
  const created = await ctx.store.createScenario({ id, name, text });
  return { id, stored: outcome.filter((o) => o.status === "stored").length, created };
}

/** A case folder's case.yaml, checked here so that a bad one stops the start with its problems; none when absent. */
export function readCaseFile(dir: string): { name: string; text: string } | undefined {
  const file = join(dir, CASE_FILE);
  if (!existsSync(file)) return undefined;
  const text = readTextInput(file, "case file (YAML)");
  parseCaseFile(text, file);
  return { name: file, text };
}

/** A case's scenario id: its folder's name. */
export const caseIdOf = (dir: string) => baseName(dir);
