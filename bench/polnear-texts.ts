import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../test/domains.js";

/** The PolNeAR dev texts (news articles, each once): what the evidence benchmarks read. */
export function polnearDevTexts(): string[] {
  return [
    ...new Map(
      readFileSync(join(SHARED, "benchmarks", "polnear-dev-attributions.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { id: string; text: string })
        .map((r) => [r.id, r.text]),
    ).values(),
  ];
}
