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
] as const;

export interface SignalInput {
  readonly words: readonly string[];
  readonly score: Float64Array;
  readonly source: TokenSpan;
  readonly cue: TokenSpan;
  readonly content: TokenSpan;
  readonly link: Link;
  readonly resolution: Resolution;
  readonly quoted: boolean;
  readonly contents: number;
  /** The source was taken from the clause's subject: the tagger's margins on it say nothing. */
  readonly subject: boolean;
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
  ]);
}

/** A logistic model over the signals: the probability that an attribution names the right source. */
export interface Calibrator {
  readonly weights: readonly number[];
  readonly bias: number;
}

export function calibrated(c: Calibrator, signals: Float64Array): number {
  let z = c.bias;
  for (let i = 0; i < signals.length; i++) z += c.weights[i]! * signals[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** Fits the logistic model by full-batch gradient descent with a little L2: deterministic, and quick for a few thousand examples. */
export function fitCalibrator(
  examples: readonly { signals: Float64Array; right: boolean }[],
  options: { steps?: number; rate?: number; l2?: number } = {},
): Calibrator {
  const d = SIGNALS.length;
  const w = new Float64Array(d);
  let b = 0;
  const steps = options.steps ?? 3000,
    rate = options.rate ?? 0.5,
    l2 = options.l2 ?? 1e-3;
  const n = Math.max(1, examples.length);
  for (let s = 0; s < steps; s++) {
    const gw = new Float64Array(d);
    let gb = 0;
    for (const e of examples) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * e.signals[i]!;
      const err = 1 / (1 + Math.exp(-z)) - (e.right ? 1 : 0);
      for (let i = 0; i < d; i++) gw[i]! += err * e.signals[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (gw[i]! / n + l2 * w[i]!);
    b -= (rate * gb) / n;
  }
  return { weights: Array.from(w, (x) => Math.round(x * 1e6) / 1e6), bias: Math.round(b * 1e6) / 1e6 };
}
