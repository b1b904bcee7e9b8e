import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseText } from "../src/evidence/text-analysis.js";
import { loadAttributionModel } from "../src/ingest/attribution-model.js";
import { onePerArticle, type PolnearRecord } from "../train/polnear.js";
import { type AttributionScores, atThreshold, scoreAttribution } from "../train/score-attribution.js";

export type { RoleScore } from "../train/score-attribution.js";

/**
 * The shipped attribution model on the PolNeAR dev split (one annotation per article): per role,
 * the tagger's spans against the annotated ones (exact and overlapping); per relation, content
 * with the right source; and speaker precision at the model's confidence threshold — the share
 * of quotes given a speaker whose source is the annotated one (and, where that source is a name,
 * the same person).
 */
export function evaluateAttribution(
  shared: string,
): AttributionScores & { threshold: number; speakers: ReturnType<typeof atThreshold>; candidates: number } {
  const records = onePerArticle(
    readFileSync(join(shared, "benchmarks", "polnear-dev-attributions.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as PolnearRecord),
  );
  const model = loadAttributionModel();
  const scores = scoreAttribution(
    records.map((record) => ({ record, analysis: analyseText(record.text) })),
    model,
  );
  return {
    ...scores,
    threshold: model.threshold,
    speakers: atThreshold(scores.quotes, model.threshold),
    candidates: scores.quotes.length,
  };
}
