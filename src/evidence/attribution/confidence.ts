import type { Resolution } from "./coreference.js";
import type { Link, TokenSpan } from "./linker.js";

/** Cue words common enough that their attributions are the reliable kind. */
const COMMON_CUES = new Set([
  "said",
  "says",
  "say",
  "told",
  "tells",
  "according",
  "wrote",
  "writes",
  "added",
  "adds",
  "asked",
  "stated",
  "explained",
  "argued",
  "noted",
]);

/** The names of the signals, in the order of `attributionSignals`. */
export const SIGNALS = [
  "source margin (min)",
  "source margin (mean)",
  "cue margin (min)",
  "content margin (mean)",
  "content margin (first token)",
  "resolved by name",
  "resolved as organisation",
  "resolved by role",
  "resolved from a pronoun",
  "unnamed source",
  "resolution's own certainty",
  "linked within the sentence",
  "linked within the paragraph",
  "continues a quote",
  "source before its cue",
  "tokens between source and cue",
  "tokens between content and cue",
  "content length",
  "content in quotation marks",
  "common cue word",
  "source length",
  "capitalised share of the source",
  "contents sharing the cue",
  "source is the clause's subject (no source tagged)",
  "source posterior (min)",
  "cue posterior (min)",
  "content posterior (mean)",
  "content posterior (min)",
  "share right of the cue's attributions in training",
] as const;

export interface SignalInput {
  readonly words: readonly string[];
  readonly score: Float64Array;
  /** Per token, the posterior probability of its tag. */
  readonly posterior: Float64Array;
  readonly source: TokenSpan;
  readonly cue: TokenSpan;
  readonly content: TokenSpan;
  readonly link: Link;
  readonly resolution: Resolution;
  readonly quoted: boolean;
  readonly contents: number;
  /** The source was taken from the clause's subject: the tagger's margins on it say nothing. */
  readonly subject: boolean;
  /** The cue's share of right attributions in training (`cueShare`). */
  readonly cueShare: number;
}

const clip = (x: number, hi: number) => Math.max(-hi, Math.min(hi, x));
const gap = (x: TokenSpan, y: TokenSpan) => (x.to <= y.from ? y.from - x.to : y.to <= x.from ? x.from - y.to : 0);

/** What the confidence of one attribution is computed from: the tagger's margins, how the pieces were linked and the source resolved. */
export function attributionSignals(x: SignalInput): Float64Array {
  const margins = (s: TokenSpan) => {
    let min = Infinity,
      sum = 0;
    for (let t = s.from; t < s.to; t++) (min = Math.min(min, x.score[t]!)), (sum += x.score[t]!);
    return { min: clip(min / 10, 3), mean: clip(sum / Math.max(1, s.to - s.from) / 10, 3) };
  };
  const src = x.subject ? { min: 0, mean: 0 } : margins(x.source),
    cue = margins(x.cue),
    con = margins(x.content);
  const posterior = (s: TokenSpan) => {
    let min = 1,
      sum = 0;
    for (let t = s.from; t < s.to; t++) (min = Math.min(min, x.posterior[t]!)), (sum += x.posterior[t]!);
    return { min, mean: sum / Math.max(1, s.to - s.from) };
  };
  const srcP = x.subject ? { min: 0, mean: 0 } : posterior(x.source),
    cueP = posterior(x.cue),
    conP = posterior(x.content);
  const how = x.resolution.how;
  const sourceWords = x.words.slice(x.source.from, x.source.to);
  return Float64Array.from([
    src.min,
    src.mean,
    cue.min,
    con.mean,
    clip(x.score[x.content.from]! / 10, 3),
    how === "name" ? 1 : 0,
    how === "organisation" ? 1 : 0,
    how === "role" ? 1 : 0,
    how === "pronoun" ? 1 : 0,
    how === "unnamed" ? 1 : 0,
    x.resolution.confidence,
    x.link === "sentence" ? 1 : 0,
    x.link === "paragraph" ? 1 : 0,
    x.link === "continuation" ? 1 : 0,
    x.source.to <= x.cue.from ? 1 : 0,
    Math.min(3, gap(x.source, x.cue) / 5),
    Math.min(3, gap(x.content, x.cue) / 10),
    Math.log1p(x.content.to - x.content.from) / 4,
    x.quoted ? 1 : 0,
    x.words.slice(x.cue.from, x.cue.to).some((w) => COMMON_CUES.has(w.toLowerCase())) ? 1 : 0,
    Math.log1p(sourceWords.length) / 2,
    sourceWords.length ? sourceWords.filter((w) => /^[A-Z]/.test(w)).length / sourceWords.length : 0,
    Math.log1p(x.contents) / 2,
    x.subject ? 1 : 0,
    srcP.min,
    cueP.min,
    conP.mean,
    conP.min,
    x.cueShare,
  ]);
}

/**
 * Gradient-boosted decision trees over the signals (logistic loss): the probability that an
 * attribution names the right source. Trees, not one linear score, because the signals matter in
 * combination (a quoted content with a named source and "said" is a different case from either
 * alone). Each tree is a complete binary tree stored flat: node k splits on signal `feature[k]`
 * at `threshold[k]` (left when ≤), its children are 2k + 1 and 2k + 2; a leaf has feature −1.
 */
export interface Calibrator {
  readonly bias: number;
  readonly rate: number;
  readonly trees: readonly CalibrationTree[];
  readonly cues: CueShares;
}

/**
 * Per cue as written (lower-cased: "said", "according to", "has also said"), the share of
 * training's held-out attributions with it whose source was right, drawn toward the share over
 * all cues in proportion to how rarely the cue was seen. Whether "said" or "suggested" links a
 * source to its words is a property of the word the tagger's margins do not carry.
 */
export interface CueShares {
  readonly share: Readonly<Record<string, number>>;
  /** The share over all attributions: what an unseen cue gets. */
  readonly overall: number;
}

/** How many attributions' weight the overall share has against a cue's own. */
const CUE_PRIOR_WEIGHT = 20;

export function cueShares(examples: readonly { cue: string; right: boolean }[]): CueShares {
  const counts = new Map<string, [right: number, seen: number]>();
  let right = 0;
  for (const e of examples) {
    const c = counts.get(e.cue) ?? counts.set(e.cue, [0, 0]).get(e.cue)!;
    c[0] += e.right ? 1 : 0;
    c[1]++;
    right += e.right ? 1 : 0;
  }
  const overall = round(examples.length ? right / examples.length : 0.5);
  const share: Record<string, number> = {};
  for (const [cue, [r, n]] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    share[cue] = round((r + CUE_PRIOR_WEIGHT * overall) / (n + CUE_PRIOR_WEIGHT));
  return { share, overall };
}

export function cueShare(c: CueShares, cue: string): number {
  // Own keys only: a cue written "constructor" is no property of every object.
  return Object.hasOwn(c.share, cue) ? c.share[cue]! : c.overall;
}

export interface CalibrationTree {
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly value: readonly number[];
}

export function calibrated(c: Calibrator, signals: Float64Array): number {
  let z = c.bias;
  for (const t of c.trees) {
    let k = 0;
    // Left on ≤, else right, taken as a number rather than a branch: which way a quote goes is not
    // predictable, and a mispredicted branch at each of 600 nodes was most of a quote's confidence.
    while (t.feature[k]! >= 0) k = 2 * k + 1 + +!(signals[t.feature[k]!]! <= t.threshold[k]!);
    z += c.rate * t.value[k]!;
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the trees by Newton boosting on histograms (each signal cut at up to 32 of its quantiles,
 * computed once): deterministic, and a few seconds for tens of thousands of examples. `cues` are
 * the cue shares the calibrator will look up (those the examples' signals were computed with
 * come from other data, so that no example sees its own outcome). Leaves hold at least 100
 * attributions and their values are shrunk (λ = 10): with smaller leaves (30, λ = 1) a change of a
 * few training attributions moved the speakers kept at 0.95 on dev by ±20, and fewer were kept.
 */
export function fitCalibrator(
  examples: readonly { signals: Float64Array; right: boolean }[],
  cues: CueShares,
  options: { trees?: number; depth?: number; rate?: number; minLeaf?: number; lambda?: number } = {},
): Calibrator {
  const trees = options.trees ?? 200,
    depth = options.depth ?? 3,
    rate = options.rate ?? 0.1,
    minLeaf = options.minLeaf ?? 100,
    lambda = options.lambda ?? 10;
  const n = examples.length,
    d = SIGNALS.length;
  const y = Float64Array.from(examples, (e) => (e.right ? 1 : 0));
  const mean = n ? Math.min(0.99, Math.max(0.01, y.reduce((a, b) => a + b, 0) / n)) : 0.5;
  const bias = round(Math.log(mean / (1 - mean)));
  // Per signal, its cut points, and per example the bin (number of cuts below its value).
  const cuts: number[][] = [];
  const bin = new Uint8Array(n * d);
  for (let j = 0; j < d; j++) {
    const values = [...new Set(examples.map((e) => e.signals[j]!))].sort((a, b) => a - b);
    const step = Math.max(1, Math.floor(values.length / 32));
    const c: number[] = [];
    for (let i = step; i < values.length; i += step) c.push(round((values[i - 1]! + values[i]!) / 2));
    cuts.push(c);
    for (let i = 0; i < n; i++) {
      const v = examples[i]!.signals[j]!;
      let b = 0;
      while (b < c.length && v > c[b]!) b++;
      bin[i * d + j] = b;
    }
  }
  const score = new Float64Array(n).fill(bias),
    g = new Float64Array(n),
    h = new Float64Array(n);
  const out: CalibrationTree[] = [];
  const nodes = 2 ** (depth + 1) - 1;
  for (let t = 0; t < trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = y[i]! - p;
      h[i] = p * (1 - p);
    }
    const split = new Int32Array(nodes);
    const feature = new Array<number>(nodes).fill(-1),
      threshold = new Array<number>(nodes).fill(0),
      value = new Array<number>(nodes).fill(0);
    const grow = (k: number, members: Int32Array, level: number) => {
      let G = 0,
        H = 0;
      for (const i of members) (G += g[i]!), (H += h[i]!);
      value[k] = round(G / (H + lambda));
      if (level === depth || members.length < 2 * minLeaf) return;
      let best = { gain: 1e-9, j: -1, b: -1 };
      for (let j = 0; j < d; j++) {
        const bins = cuts[j]!.length + 1;
        const gs = new Float64Array(bins),
          hs = new Float64Array(bins),
          ns = new Int32Array(bins);
        for (const i of members) {
          const b = bin[i * d + j]!;
          gs[b]! += g[i]!;
          hs[b]! += h[i]!;
          ns[b]!++;
        }
        let gl = 0,
          hl = 0,
          nl = 0;
        for (let b = 0; b < bins - 1; b++) {
          (gl += gs[b]!), (hl += hs[b]!), (nl += ns[b]!);
          if (nl < minLeaf || members.length - nl < minLeaf) continue;
          const gain = (gl * gl) / (hl + lambda) + ((G - gl) * (G - gl)) / (H - hl + lambda) - (G * G) / (H + lambda);
          if (gain > best.gain) best = { gain, j, b };
        }
      }
      if (best.j < 0) return;
      feature[k] = best.j;
      threshold[k] = cuts[best.j]![best.b]!;
      split[k] = best.b;
      const left = members.filter((i) => bin[i * d + best.j]! <= best.b);
      const right = members.filter((i) => bin[i * d + best.j]! > best.b);
      grow(2 * k + 1, left, level + 1);
      grow(2 * k + 2, right, level + 1);
    };
    grow(
      0,
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    const tree = { feature, threshold, value };
    out.push(tree);
    for (let i = 0; i < n; i++) {
      let k = 0;
      while (feature[k]! >= 0) k = bin[i * d + feature[k]!]! <= split[k]! ? 2 * k + 1 : 2 * k + 2;
      score[i]! += rate * value[k]!;
    }
  }
  return { bias, rate, trees: out, cues };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
