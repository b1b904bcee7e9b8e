// Dumps held-out train attributions (fold taggers) and dev attributions (shipped model) with signals and extras.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
const D = "/work/main/dist";
const { findActors } = await import(`${D}/src/evidence/actors.js`);
const { trainCrf } = await import(`${D}/src/evidence/attribution/crf-training.js`);
const { tokenFeatures } = await import(`${D}/src/evidence/attribution/features.js`);
const { paragraphRanges, sliceFeatures } = await import(`${D}/src/evidence/attribution/tagger.js`);
const { quoteCandidates } = await import(`${D}/src/evidence/quotes.js`);
const { analyseText } = await import(`${D}/src/evidence/text-analysis.js`);
const { loadAttributionModel } = await import(`${D}/src/ingest/attribution-model.js`);
const { goldTags, onePerArticle } = await import(`${D}/train/polnear.js`);
const { judgeAgainst } = await import(`${D}/train/score-attribution.js`);
const read = (n) => onePerArticle(readFileSync(`/work/shared/benchmarks/${n}`, "utf8").trim().split("\n").map((l) => JSON.parse(l)));
const model = loadAttributionModel();
const cues = model.cues;
const train = read("polnear-train-attributions.jsonl").map((record) => ({ record, analysis: analyseText(record.text) }));
const dev = read("polnear-dev-attributions.jsonl").map((record) => ({ record, analysis: analyseText(record.text) }));
const seqs = (docs) => docs.flatMap(({ record, analysis }) => { const f = tokenFeatures(analysis, cues), g = goldTags(analysis, record.attributions); return paragraphRanges(analysis).map(([a, b]) => ({ features: sliceFeatures(f, a, b), gold: g.subarray(a, b) })); });
const extras = (c, a) => ({ cue: c.quote.cue ?? "", kind: c.quote.kind, src: (c.quote.speakerSpan?.text ?? "").toLowerCase().split(/\s+/).at(-1) ?? "", how: c.resolution?.how ?? "" });
const out = { train: [], dev: [] };
for (const fold of [0, 1]) {
  const held = train.filter((_, i) => i % 2 === fold), rest = train.filter((_, i) => i % 2 !== fold);
  const weights = trainCrf(seqs(rest), { buckets: 1 << 19, iterations: 20, seed: 1, rate: 0.004 });
  const half = { version: "fold", weights, cues, calibrator: { bias: 0, rate: 0, trees: [] }, threshold: 0, provenance: {} };
  for (const { record, analysis } of held) {
    const judge = judgeAgainst(record);
    for (const c of quoteCandidates(record.id, analysis, findActors(record.id, analysis), half))
      if (c.signals) out.train.push({ s: [...c.signals], y: judge(c.quote, c.resolved ?? "") ? 1 : 0, ...extras(c, analysis) });
  }
  process.stderr.write(`fold ${fold} done\n`);
}
for (const { record, analysis } of dev) {
  const judge = judgeAgainst(record);
  for (const c of quoteCandidates(record.id, analysis, findActors(record.id, analysis), model))
    if (c.signals) out.dev.push({ s: [...c.signals], y: judge(c.quote, c.resolved ?? "") ? 1 : 0, ...extras(c, analysis) });
}
writeFileSync("/tmp/exp/calx.json", JSON.stringify(out));
process.stderr.write(`train ${out.train.length} dev ${out.dev.length}\n`);
