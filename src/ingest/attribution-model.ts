import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type AttributionModel, decodeModel } from "../evidence/attribution/model.js";
import { packageRoot } from "../package-root.js";

export { packageRoot };

/** Where the shipped attribution model lives, relative to the package root. */
export const MODEL_PATH = join("models", "attribution.bin.gz");

let cached: AttributionModel | undefined;

/** The trained attribution model shipped with Parley, read once per process (`file` to read another). */
export function loadAttributionModel(
  file = process.env["PARLEY_ATTRIBUTION_MODEL"] ?? join(packageRoot(), MODEL_PATH),
): AttributionModel {
  if (cached && file === join(packageRoot(), MODEL_PATH)) return cached;
  const model = decodeModel(gunzipSync(readFileSync(file)), file);
  if (file === join(packageRoot(), MODEL_PATH)) cached = model;
  return model;
}
