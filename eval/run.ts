/** `npm run eval`: the extractors scored on data no one here wrote (../shared/benchmarks). */
import { SHARED } from "../test/domains.js";
import { evaluateAttribution } from "./attribution.js";
import { evaluateDates } from "./dates.js";
import { evaluateStatementKinds } from "./statement-kinds.js";

const f = (x: number) => x.toFixed(3);

function print(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  process.stdout.write(
    `${rows.map((r) => r.map((x, c) => (c ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join("  ")).join("\n")}\n\n`,
  );
}

const dates = evaluateDates(SHARED);
print([
  ["AQUAINT TimeML dates (DATE+TIME, span overlap)", "predictions", "precision", "recall", "day-level normalisation"],
  ...(["parley", "chrono"] as const).map((k) => {
    const s = dates[k];
    return [
      k === "parley" ? "  Parley (findDates)" : "  plain chrono-node (baseline)",
      String(s.predictions),
      f(s.precision),
      `${f(s.recall)} of ${s.gold}`,
      `${f(s.dayNormalised)} of ${s.dayMatched}`,
    ];
  }),
]);

const attribution = evaluateAttribution(SHARED);
print([
  [
    `PolNeAR dev attribution (${attribution.documents} articles, ${attribution.relations} relations)`,
    "predicted",
    "gold",
    "exact P",
    "exact R",
    "exact F1",
    "overlap P",
    "overlap R",
    "overlap F1",
  ],
  ...attribution.roles.map((r) => [
    `  ${r.role}`,
    String(r.predicted),
    String(r.gold),
    f(r.exact.precision),
    f(r.exact.recall),
    f(r.exact.f1),
    f(r.overlap.precision),
    f(r.overlap.recall),
    f(r.overlap.f1),
  ]),
]);
const c = attribution.contentWithSource;
print([
  ["PolNeAR dev relations", "predicted", "gold", "precision", "recall", "F1"],
  [
    "  content (overlap) with the right source",
    String(c.predicted),
    String(c.gold),
    f(c.precision),
    f(c.recall),
    f(c.f1),
  ],
]);
print([
  ["Speakers", "threshold", "quotes with a source", "given a speaker", "right", "speaker precision"],
  [
    "  confidence ≥ threshold",
    f(attribution.threshold),
    String(attribution.candidates),
    String(attribution.speakers.attributed),
    String(attribution.speakers.right),
    f(attribution.speakers.precision),
  ],
]);

const kinds = evaluateStatementKinds(SHARED);
print([
  [
    `PLOVER gold records: what statements do (${kinds.records} sentences; other types count as OTHER)`,
    "gold",
    "predicted",
    "precision",
    "recall",
    "F1",
  ],
  ...kinds.kinds.map((k) => [`  ${k.kind}`, String(k.gold), String(k.predicted), f(k.precision), f(k.recall), f(k.f1)]),
  ["  macro average over the six", "", "", "", "", f(kinds.macroF1)],
  ["  accuracy over all seven classes", "", "", "", "", f(kinds.accuracy)],
]);
print([
  [`PLOVER actors (${kinds.actors.statements} sentences read as statements)`, "gold", "right", "accuracy"],
  [
    "  source actor",
    String(kinds.actors.source.gold),
    String(kinds.actors.source.right),
    f(kinds.actors.source.right / kinds.actors.source.gold),
  ],
  [
    "  target actor",
    String(kinds.actors.target.gold),
    String(kinds.actors.target.right),
    f(kinds.actors.target.right / kinds.actors.target.gold),
  ],
]);
