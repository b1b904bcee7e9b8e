/**
 * `npm run eval`: the extractors scored on data no one here wrote (../shared/benchmarks). Prints
 * the tables and writes them, with what they measure, to docs/evaluation.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { ROOT, SHARED } from "../test/domains.js";
import { evaluateAttribution } from "./attribution.js";
import { evaluateDates } from "./dates.js";
import { evaluateStatementKinds } from "./statement-kinds.js";

const f = (x: number) => x.toFixed(3);
// Two decimals: a share just under a target (1,428 of 2,381 is 59.97 %) must not print as reaching it.
const percent = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(2)} %`;

/** The first line of docs/evaluation.md. */
const EVALUATION_HEADER =
  "_Written by `eval/run.ts` (`npm run eval`) — do not edit by hand; the next run replaces this file._";

/** Each table as printed, in order, for docs/evaluation.md. */
const tables: string[] = [];

function print(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const text = rows
    .map((r) => r.map((x, c) => (c ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join("  "))
    .join("\n");
  tables.push(text);
  process.stdout.write(`${text}\n\n`);
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
  [
    "Speakers",
    "threshold",
    "quotes with a source",
    "given a speaker",
    "right",
    "speaker precision",
    "annotated relations given their speaker",
  ],
  [
    "  confidence ≥ threshold",
    f(attribution.threshold),
    String(attribution.candidates),
    `${attribution.speakers.attributed} (${percent(attribution.speakers.attributed, attribution.candidates)})`,
    String(attribution.speakers.right),
    f(attribution.speakers.precision),
    `${attribution.speakers.relations} of ${attribution.attributions} (${percent(attribution.speakers.relations, attribution.attributions)})`,
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

writeEvaluationPage(tables);

/** docs/evaluation.md: fixed text around this run's tables (dates, attribution ×3, statements ×2). */
function writeEvaluationPage([dates, roles, relations, speakers, statements, actors]: string[]): void {
  const block = (table: string | undefined) => `\`\`\`text\n${table ?? ""}\n\`\`\``;
  const page = `${EVALUATION_HEADER}

# Evaluation of the extractors

How well Parley's evidence layer reads text, scored on annotated data that no one here wrote.
The data is read from \`../shared/benchmarks/\` (or \`$PARLEY_SHARED/benchmarks/\`) and never
copied into this repository. What the extractors do is described in [evidence.md](evidence.md).

Run of ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${availableParallelism()} cores.
To reproduce: \`npm run eval\` (builds, then runs \`TZ=UTC node dist/eval/run.js\`, which prints these
tables and rewrites this file).

## Dates: AQUAINT TimeML (TempEval-3)

\`aquaint-timeml-timex3.jsonl\`: the AQUAINT articles with their TIMEX3 annotations. Only DATE and
TIME expressions count; a prediction is right when its span overlaps an annotated one.
Day-level normalisation is scored on the detected expressions whose annotated value is a day:
the share resolved to that day, each text's creation time as the reference date. Parley's
\`findDates\` is compared with plain chrono-node, run on the same texts with the same reference
dates in the same run. The date rules were tuned on AQUAINT, so these figures are not held out.

${block(dates)}

## Attribution: PolNeAR dev

\`polnear-dev-attributions.jsonl\`: the PolNeAR **dev** split, one annotation per article. The
attribution model (\`models/attribution.bin.gz\`) was trained on the train split; the confidence
threshold was chosen on dev for a speaker precision of 0.95; the test split was never looked at.
Source, cue and content spans are scored exactly and by overlap.

${block(roles)}

A relation is right when the predicted content overlaps an annotated content whose source
overlaps the predicted source.

${block(relations)}

A quote is given a speaker when its confidence reaches the threshold and its source names
someone (a source naming nobody — "this cap", a pronoun with no antecedent — or words said not to
have been said are never given one, and count as not given). "Right" means the quote's
content overlaps an annotated content whose source overlaps the quote's source and, where that
source is a name, the resolved speaker carries it. PolNeAR does not annotate a pronoun's
antecedent, so a speaker resolved from a pronoun is checked only to the pronoun; a body named
for its country ("the White House" → United States) is right when its own phrase carries the
annotated name. The last column counts the other way round: of the annotated relations (with a
source and a content), those that a quote given a speaker gets right.

${block(speakers)}

## Statements: PLOVER gold records

\`plover-gsr-cameo.json\`: each record's sentence against its coded event type. The six types a
negotiation's stances are read from (DEMAND, REJECT, AGREE, CONCEDE, THREATEN, CONSULT) are
scored; every other type counts as OTHER. The cue lexicon (\`src/evidence/statement-kind.ts\`)
was written from PLOVER's type definitions after reading about a dozen coded event words per
type in this file, so these figures are not fully held out.

${block(statements)}

An actor counts as right when the statement's source (target) shares a content word with the
coded one.

${block(actors)}
`;
  const out = join(ROOT, "docs", "evaluation.md");
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  writeFileSync(out, page);
  process.stderr.write(`wrote ${out}\n`);
}
