import { readFileSync } from "node:fs";
const { fitCalibrator, calibrated } = await import("/work/main/dist/src/evidence/attribution/confidence-x.js");
const data = JSON.parse(readFileSync("/tmp/exp/calx.json", "utf8"));
const KINDS = ["direct", "partial", "reported", "paraphrase"];
// Target encoding: smoothed rate of right per key, from `from` examples.
const M = Number(process.env.M ?? 20);
const te = (from, key, prior, m = M) => { const c = new Map(); for (const e of from) { const k = key(e); const v = c.get(k) ?? [0, 0]; v[0] += e.y; v[1]++; c.set(k, v); } return (e) => { const v = c.get(key(e)) ?? [0, 0]; return (v[0] + m * prior) / (v[1] + m); }; };
const prior = data.train.reduce((a, e) => a + e.y, 0) / data.train.length;
const variants = {
  base: () => (e) => e.s,
  kind: () => (e) => [...e.s, ...KINDS.map((k) => (e.kind === k ? 1 : 0))],
  cue: (ex) => { const f = ex; return (e, enc) => [...e.s, enc.cue(e)]; },
  src: () => (e, enc) => [...e.s, enc.src(e)],
  cuekind: () => (e, enc) => [...e.s, ...KINDS.map((k) => (e.kind === k ? 1 : 0)), enc.cue(e)],
  cuesrc: () => (e, enc) => [...e.s, enc.cue(e), enc.src(e)],
  all: () => (e, enc) => [...e.s, ...KINDS.map((k) => (e.kind === k ? 1 : 0)), enc.cue(e), enc.src(e)],
};
const cueKey = (e) => e.cue, srcKey = (e) => e.src;
function run(name) {
  const feat = variants[name]();
  // Train examples: encodings from the other parity half (no leakage); dev: from all train.
  const halves = [data.train.filter((_, i) => i % 2 === 0), data.train.filter((_, i) => i % 2 === 1)];
  const encOf = (from) => ({ cue: te(from, cueKey, prior), src: te(from, srcKey, prior) });
  const encH = [encOf(halves[1]), encOf(halves[0])];
  const tr = data.train.map((e, i) => ({ signals: Float64Array.from(feat(e, encH[i % 2])), right: e.y === 1 }));
  const encAll = encOf(data.train);
  const cal = fitCalibrator(tr, JSON.parse(process.env.OPT ?? "{}"));
  const scored = data.dev.map((e) => ({ p: calibrated(cal, Float64Array.from(feat(e, encAll))), y: e.y })).sort((a, b) => b.p - a.p);
  let right = 0, best = 0;
  scored.forEach((x, i) => { right += x.y; if (right / (i + 1) >= 0.95) best = i + 1; });
  // AUC
  const pos = scored.filter((x) => x.y).length, neg = scored.length - pos;
  let auc = 0, negSeen = 0;
  for (let i = scored.length - 1; i >= 0; i--) { if (scored[i].y) auc += negSeen; else negSeen++; }
  console.log(name.padEnd(6), "kept@0.95", best, "AUC", (auc / (pos * neg)).toFixed(4));
}
for (const v of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(variants)) run(v);
