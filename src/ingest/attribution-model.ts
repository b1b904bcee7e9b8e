import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { type AttributionModel, decodeModel } from "../evidence/attribution/model.js";

/** Where the shipped attribution model lives, relative to the package root. */
export const MODEL_PATH = join("models", "attribution.bin.gz");

let cached: AttributionModel | undefined;

/** The package root: the nearest folder above this module holding Parley's package.json (the compiled and the bundled CLI sit at different depths). */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "parley") return dir;
    if (dirname(dir) === dir) throw new Error(`Parley's package.json not found above ${from}`);
  }
}

/** The trained attribution model shipped with Parley, read once per process (`file` to read another). */
export function loadAttributionModel(
  file = process.env["PARLEY_ATTRIBUTION_MODEL"] ?? join(packageRoot(), MODEL_PATH),
): AttributionModel {
  if (cached && file === join(packageRoot(), MODEL_PATH)) return cached;
  const model = decodeModel(gunzipSync(readFileSync(file)), file);
  if (file === join(packageRoot(), MODEL_PATH)) cached = model;
  return model;
}
