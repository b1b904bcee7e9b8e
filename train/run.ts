/**
 * `npm run train`: trains the attribution model on PolNeAR train (../shared/benchmarks), picks
 * the confidence threshold on PolNeAR dev for a speaker precision of 0.95, and writes
 * models/attribution.bin.gz (or the file after `--out`). Deterministic for a seed: the same data and
 * seed give the same bytes.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { findActors } from "../src/evidence/actors.js";
import {
  type Calibrator,
  cueShare,
  cueShares,
  fitCalibrator,
  SIGNALS,
} from "../src/evidence/attribution/confidence.js";
import { trainCrf } from "../src/evidence/attribution/crf-training.js";
import { tokenFeatures } from "../src/evidence/attribution/features.js";
import { type AttributionModel, decodeModel, encodeModel } from "../src/evidence/attribution/model.js";
import { paragraphRanges, sliceFeatures } from "../src/evidence/attribution/tagger.js";
import { quoteCandidates } from "../src/evidence/quotes.js";
import { analyseText } from "../src/evidence/text-analysis.js";
import { MODEL_PATH, packageRoot } from "../src/ingest/attribution-model.js";
import { SHARED } from "../test/domains.js";
import { learnCueLexicon } from "./cue-lexicon.js";
import { goldTags, onePerArticle, type PolnearRecord } from "./polnear.js";
import { atThreshold, judgeAgainst, scoreAttribution, thresholdFor } from "./score-attribution.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
/** Passes and first step, chosen on PolNeAR dev among steps from 0.0005 to 0.008 and 10 to 40 passes. */
const ITERATIONS = arg("iterations", 20);
const RATE = arg("rate", 0.004);
const SEED = arg("seed", 1);
const BUCKETS = 1 << arg("bucket-bits", 19);
const TARGET_PRECISION = 0.95;

const file = (name: string) => join(SHARED, "benchmarks", name);
const read = (name: string) => {
  const raw = readFileSync(file(name), "utf8");
  return {
    sha256: createHash("sha256").update(raw).digest("hex"),
    records: onePerArticle(
      raw
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as PolnearRecord),
    ),
  };
};
const say = (s: string) => process.stderr.write(`${s}\n`);

const outArg = process.argv.indexOf("--out");
if (outArg >= 0 && !process.argv[outArg + 1]) {
  say("--out needs the file to write the model to (e.g. --out /tmp/attribution.bin.gz)");
  process.exit(2);
}
const out = outArg >= 0 ? process.argv[outArg + 1]! : join(packageRoot(), MODEL_PATH);

const t0 = performance.now();
const train = read("polnear-train-attributions.jsonl");
const dev = read("polnear-dev-attributions.jsonl");
const analysed = (records: PolnearRecord[]) =>
  records.map((record) => ({ record, analysis: analyseText(record.text) }));
const devDocs = analysed(dev.records),
  trainDocs = analysed(train.records);
say(
  `analysed ${trainDocs.length} train and ${devDocs.length} dev articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const cues = new Set(learnCueLexicon(trainDocs));
const sequencesOf = (docs: typeof trainDocs) =>
  docs.flatMap(({ record, analysis }) => {
    const features = tokenFeatures(analysis, cues),
      gold = goldTags(analysis, record.attributions);
    return paragraphRanges(analysis).map(([from, to]) => ({
      features: sliceFeatures(features, from, to),
      gold: gold.subarray(from, to),
    }));
  });
const trainOn = (docs: typeof trainDocs, label: string) => {
  const sequences = sequencesOf(docs);
  say(`${label}: ${docs.length} articles, ${sequences.length} paragraphs, ${ITERATIONS} iterations (seed ${SEED})`);
  return trainCrf(sequences, {
    buckets: BUCKETS,
    iterations: ITERATIONS,
    seed: SEED,
    rate: RATE,
    onIteration: (i, ll, tokens) => say(`  iteration ${i}: log-likelihood per token ${(ll / tokens).toFixed(4)}`),
  });
};
const noCalibration: Calibrator = { bias: 0, rate: 0, trees: [], cues: { share: {}, overall: 0.5 } };

// The confidence calibrator learns from attributions the tagger makes on text it was not
// trained on: two halves of train, each tagged by a tagger trained on the other half.
const examples: { signals: Float64Array; right: boolean; cue: string; fold: number }[] = [];
for (const fold of [0, 1]) {
  const held = trainDocs.filter((_, i) => i % 2 === fold),
    rest = trainDocs.filter((_, i) => i % 2 !== fold);
  const half: AttributionModel = {
    version: "fold",
    weights: trainOn(rest, `fold ${fold + 1} of 2`),
    cues,
    calibrator: noCalibration,
    threshold: 0,
    provenance: {},
  };
  for (const { record, analysis } of held) {
    const judge = judgeAgainst(record);
    for (const c of quoteCandidates(record.id, analysis, findActors(record.id, analysis), half))
      if (c.signals)
        examples.push({ signals: c.signals, right: judge(c.quote, c.resolved ?? ""), cue: c.quote.cue!, fold });
  }
}
// A cue's share right, for an example, is counted on the other half's examples: never its own outcome.
const cueSignal = SIGNALS.length - 1;
for (const fold of [0, 1]) {
  const other = cueShares(examples.filter((e) => e.fold !== fold));
  for (const e of examples) if (e.fold === fold) e.signals[cueSignal] = cueShare(other, e.cue);
}
const calibrator = fitCalibrator(examples, cueShares(examples));
say(`calibrator fitted on ${examples.length} held-out attributions (${examples.filter((e) => e.right).length} right)`);

const weights = trainOn(trainDocs, "all of train");
// The threshold is read off the weights as they ship (quantised to 16 bits), not as trained.
const draft = decodeModel(encodeModel({ version: "1", weights, cues, calibrator, threshold: 0, provenance: {} }));
const scores = scoreAttribution(devDocs, draft);
const threshold = thresholdFor(scores.quotes, TARGET_PRECISION);
const at = atThreshold(scores.quotes, threshold);
const provenance = {
  trainedOn: { file: "polnear-train-attributions.jsonl", sha256: train.sha256, articles: trainDocs.length },
  tunedOn: { file: "polnear-dev-attributions.jsonl", sha256: dev.sha256, articles: devDocs.length },
  iterations: ITERATIONS,
  learner: "conditional random field, averaged stochastic gradient",
  rate: RATE,
  seed: SEED,
  buckets: BUCKETS,
  calibration: { examples: examples.length, signals: SIGNALS },
  dev: {
    roles: Object.fromEntries(
      scores.roles.map((r) => [r.role, { exactF1: round(r.exact.f1), overlapF1: round(r.overlap.f1) }]),
    ),
    contentWithSourceF1: round(scores.contentWithSource.f1),
    speakerPrecision: round(at.precision),
    speakersKept: `${at.attributed} of ${scores.quotes.length}`,
  },
};
const model: AttributionModel = { ...draft, threshold, provenance };
const bytes = gzipSync(encodeModel(model), { level: 9 });
writeFileSync(`${out}.tmp`, bytes);
renameSync(`${out}.tmp`, out);
say(
  `threshold ${threshold} → dev speaker precision ${at.precision.toFixed(3)} (${at.attributed} of ${scores.quotes.length} quotes keep a speaker)`,
);
say(`wrote ${out}: ${(bytes.length / 1048576).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.stdout.write(`${JSON.stringify(provenance, null, 2)}\n`);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
