import type { TextAnalysis } from "../text-analysis.js";
import type { TokenFeatures } from "./features.js";

/**
 * The attribution tagger: a linear-chain model over BIO tags for source, cue and content
 * (PolNeAR is univocal: each token has one role), trained as a conditional random field
 * (`crf-training.ts`) and decoded with Viterbi under BIO constraints (an I- tag only continues its own span).
 * Emission weights live in a hashed table: feature hash → one weight per tag.
 */
export const TAGS = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"] as const;
// Seven, checked as the code is compiled: Viterbi and forward–backward write their sums over the tags out term by term.
export const T = TAGS.length satisfies 7;

export interface TaggerWeights {
  /** Hash buckets (a power of two); `emission[bucket * T + tag]`. */
  readonly buckets: number;
  readonly emission: Float32Array;
  /** `transition[from * T + to]`; `start[tag]` for the first token. */
  readonly transition: Float32Array;
  readonly start: Float32Array;
}

/** An I- tag may only follow its B- or I- tag. */
export function allowed(from: number, to: number): boolean {
  if (to === 2) return from === 1 || from === 2;
  if (to === 4) return from === 3 || from === 4;
  if (to === 6) return from === 5 || from === 6;
  return true;
}
const startAllowed = (tag: number) => tag !== 2 && tag !== 4 && tag !== 6;

export function newWeights(buckets: number): TaggerWeights {
  return {
    buckets,
    emission: new Float32Array(buckets * T),
    transition: new Float32Array(T * T),
    start: new Float32Array(T),
  };
}

/** Per token, the score of each tag from the token's features alone. */
export function emissions(w: TaggerWeights, f: TokenFeatures): Float32Array {
  const n = f.offsets.length - 1;
  const out = new Float32Array(n * T);
  const mask = w.buckets - 1,
    e = w.emission;
  // One local per tag: summing in registers, not into the output array, is three times faster;
  // each sum rounded as the Float32Array did, so tags and training stay bit for bit as they were.
  for (let t = 0; t < n; t++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0;
    for (let k = f.offsets[t]!; k < f.offsets[t + 1]!; k++) {
      const b = (f.hashes[k]! & mask) * T;
      s0 = Math.fround(s0 + e[b]!);
      s1 = Math.fround(s1 + e[b + 1]!);
      s2 = Math.fround(s2 + e[b + 2]!);
      s3 = Math.fround(s3 + e[b + 3]!);
      s4 = Math.fround(s4 + e[b + 4]!);
      s5 = Math.fround(s5 + e[b + 5]!);
      s6 = Math.fround(s6 + e[b + 6]!);
    }
    const o = t * T;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
  }
  return out;
}

/**
 * Working arrays for one paragraph, reused from one to the next and grown to the longest met (up
 * to KEPT_TOKENS): a typed array's allocation costs about a microsecond, and a text has dozens of
 * paragraphs. A longer paragraph (a pasted text with no line breaks) gets arrays of its own, so a
 * long-running process never keeps more than a few megabytes here.
 */
const KEPT_TOKENS = 16_384;
let scratch = newScratch(256);
function newScratch(tokens: number) {
  return {
    tokens,
    delta: new Float64Array(tokens * T),
    back: new Uint8Array(tokens * T),
    psi: new Float64Array(tokens * T),
    alpha: new Float64Array(tokens * T),
    beta: new Float64Array(tokens * T),
    scale: new Float64Array(tokens),
    shift: new Float64Array(tokens),
    tr: new Float64Array(T * T),
  };
}
function scratchFor(tokens: number): typeof scratch {
  if (tokens > KEPT_TOKENS) return newScratch(tokens);
  if (tokens > scratch.tokens) scratch = newScratch(Math.min(KEPT_TOKENS, Math.max(tokens, 2 * scratch.tokens)));
  return scratch;
}

/**
 * The best tag sequence, and per token the margin of its tag over the best other tag there (a
 * confidence signal), written into `tags` and `score` (a paragraph's part of a text's arrays).
 */
export function viterbi(
  w: TaggerWeights,
  em: Float32Array,
  tags = new Uint8Array(em.length / T),
  score = new Float64Array(em.length / T),
): { tags: Uint8Array; score: Float64Array } {
  const n = em.length / T;
  if (!n) return { tags, score };
  // Every cell of the working arrays below the paragraph's length is written before it is read.
  const { delta, back, tr } = scratchFor(n);
  // A forbidden transition scores −∞, so the inner loop needs no test.
  for (let x = 0; x < T; x++)
    for (let y = 0; y < T; y++) tr[x * T + y] = allowed(x, y) ? w.transition[x * T + y]! : -Infinity;
  for (let y = 0; y < T; y++) delta[y] = startAllowed(y) ? w.start[y]! + em[y]! : -Infinity;
  for (let t = 1; t < n; t++) {
    const o = t * T,
      p = o - T;
    // The previous token's scores held in locals (as in forwardBackward): the first best wins, as a loop's would.
    const d0 = delta[p]!,
      d1 = delta[p + 1]!,
      d2 = delta[p + 2]!,
      d3 = delta[p + 3]!,
      d4 = delta[p + 4]!,
      d5 = delta[p + 5]!,
      d6 = delta[p + 6]!;
    for (let y = 0; y < T; y++) {
      let best = d0 + tr[y]!,
        arg = 0,
        v = d1 + tr[T + y]!;
      if (v > best) (best = v), (arg = 1);
      v = d2 + tr[2 * T + y]!;
      if (v > best) (best = v), (arg = 2);
      v = d3 + tr[3 * T + y]!;
      if (v > best) (best = v), (arg = 3);
      v = d4 + tr[4 * T + y]!;
      if (v > best) (best = v), (arg = 4);
      v = d5 + tr[5 * T + y]!;
      if (v > best) (best = v), (arg = 5);
      v = d6 + tr[6 * T + y]!;
      if (v > best) (best = v), (arg = 6);
      delta[o + y] = best + em[o + y]!;
      back[o + y] = arg;
    }
  }
  let last = 0;
  for (let y = 1; y < T; y++) if (delta[(n - 1) * T + y]! > delta[(n - 1) * T + last]!) last = y;
  tags[n - 1] = last;
  for (let t = n - 1; t > 0; t--) tags[t - 1] = back[t * T + tags[t]!]!;
  // Margin: the token's emission for its tag over the best other emission (0 = a toss-up).
  for (let t = 0; t < n; t++) {
    const own = em[t * T + tags[t]!]!;
    let other = -Infinity;
    for (let y = 0; y < T; y++) if (y !== tags[t] && em[t * T + y]! > other) other = em[t * T + y]!;
    score[t] = own - other;
  }
  return { tags, score };
}

/**
 * Per token, the probability of its tag in `tags` when the tagger's scores, divided by
 * `temperature`, are read as log-potentials of a linear-chain model (forward–backward within the
 * allowed transitions, rescaled at each step). Unlike a token's own margin this weighs the whole
 * sequence: a source token whose neighbours could as well be content is doubtful.
 */
export function posteriors(
  w: TaggerWeights,
  em: Float32Array,
  tags: Uint8Array,
  temperature: number,
  out = new Float64Array(em.length / T),
): Float64Array {
  const n = em.length / T;
  if (!n) return out;
  const { alpha, beta } = forwardBackward(w, em, temperature, scratchFor(n));
  for (let t = 0; t < n; t++) {
    let z = 0;
    for (let y = 0; y < T; y++) z += alpha[t * T + y]! * beta[t * T + y]!;
    out[t] = z ? (alpha[t * T + tags[t]!]! * beta[t * T + tags[t]!]!) / z : 0;
  }
  return out;
}

/** Forward–backward's arrays over a sequence: see `forwardBackward`. */
interface Lattice {
  psi: Float64Array;
  tr: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  scale: Float64Array;
  shift: Float64Array;
}

/**
 * Forward–backward over one sequence of emissions, the scores divided by `temperature` and read
 * as log-potentials within the allowed transitions. Each step is rescaled: `alpha` at t sums to
 * 1 (its factor kept in `scale[t]`), `beta` at t to 1; the exponentials are taken over each
 * token's largest emission (`shift[t]`) and the largest allowed transition (`trShift`), so that
 * log Z = Σ log scale + Σ shift / temperature + (n − 1) · trShift / temperature.
 */
export function forwardBackward(
  w: TaggerWeights,
  em: Float32Array,
  temperature: number,
  /** Arrays to work in (at least n tokens long, left as they are by the caller until it is done with the answer); new ones when absent. */
  into?: Lattice,
): Lattice & { trShift: number } {
  const n = em.length / T;
  let trShift = -Infinity;
  for (let i = 0; i < T * T; i++) if (allowed(Math.floor(i / T), i % T)) trShift = Math.max(trShift, w.transition[i]!);
  const tr = into?.tr ?? new Float64Array(T * T);
  for (let x = 0; x < T; x++)
    for (let y = 0; y < T; y++)
      tr[x * T + y] = allowed(x, y) ? Math.exp((w.transition[x * T + y]! - trShift) / temperature) : 0;
  const psi = into?.psi ?? new Float64Array(n * T),
    shift = into?.shift ?? new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const o = t * T;
    let max = -Infinity;
    for (let y = 0; y < T; y++) max = Math.max(max, em[o + y]!);
    shift[t] = max;
    for (let y = 0; y < T; y++) psi[o + y] = Math.exp((em[o + y]! - max) / temperature);
  }
  const alpha = into?.alpha ?? new Float64Array(n * T),
    beta = into?.beta ?? new Float64Array(n * T),
    scale = into?.scale ?? new Float64Array(n);
  let sum = 0;
  for (let y = 0; y < T; y++) sum += alpha[y] = startAllowed(y) ? Math.exp(w.start[y]! / temperature) * psi[y]! : 0;
  scale[0] = sum;
  for (let y = 0; y < T; y++) alpha[y]! /= sum;
  // The sums over the previous (next) token's tags are written out, the seven terms in the same
  // order as a loop would add them (so the figures stay bit for bit), held in locals: twice as fast.
  for (let t = 1; t < n; t++) {
    const o = t * T,
      p = o - T;
    const a0 = alpha[p]!,
      a1 = alpha[p + 1]!,
      a2 = alpha[p + 2]!,
      a3 = alpha[p + 3]!,
      a4 = alpha[p + 4]!,
      a5 = alpha[p + 5]!,
      a6 = alpha[p + 6]!;
    sum = 0;
    for (let y = 0; y < T; y++) {
      const v =
        a0 * tr[y]! +
        a1 * tr[T + y]! +
        a2 * tr[2 * T + y]! +
        a3 * tr[3 * T + y]! +
        a4 * tr[4 * T + y]! +
        a5 * tr[5 * T + y]! +
        a6 * tr[6 * T + y]!;
      sum += alpha[o + y] = v * psi[o + y]!;
    }
    scale[t] = sum;
    const d = sum || 1;
    for (let y = 0; y < T; y++) alpha[o + y]! /= d;
  }
  for (let y = 0; y < T; y++) beta[(n - 1) * T + y] = 1;
  for (let t = n - 2; t >= 0; t--) {
    const o = t * T,
      q = o + T;
    const p0 = psi[q]!,
      p1 = psi[q + 1]!,
      p2 = psi[q + 2]!,
      p3 = psi[q + 3]!,
      p4 = psi[q + 4]!,
      p5 = psi[q + 5]!,
      p6 = psi[q + 6]!;
    const b0 = beta[q]!,
      b1 = beta[q + 1]!,
      b2 = beta[q + 2]!,
      b3 = beta[q + 3]!,
      b4 = beta[q + 4]!,
      b5 = beta[q + 5]!,
      b6 = beta[q + 6]!;
    sum = 0;
    for (let x = 0; x < T; x++) {
      const r = x * T;
      sum += beta[o + x] =
        tr[r]! * p0 * b0 +
        tr[r + 1]! * p1 * b1 +
        tr[r + 2]! * p2 * b2 +
        tr[r + 3]! * p3 * b3 +
        tr[r + 4]! * p4 * b4 +
        tr[r + 5]! * p5 * b5 +
        tr[r + 6]! * p6 * b6;
    }
    const d = sum || 1;
    for (let x = 0; x < T; x++) beta[o + x]! /= d;
  }
  return { psi, tr, alpha, beta, scale, shift, trShift };
}

/** The spans of each role in a tag sequence, as token ranges [from, to). */
export function tagSpans(tags: Uint8Array): { role: "source" | "cue" | "content"; from: number; to: number }[] {
  const out: { role: "source" | "cue" | "content"; from: number; to: number }[] = [];
  const roleOf = (y: number) => (y === 1 || y === 2 ? "source" : y === 3 || y === 4 ? "cue" : "content");
  for (let t = 0; t < tags.length; t++) {
    const y = tags[t]!;
    if (y === 0) continue;
    if (y % 2 === 1) out.push({ role: roleOf(y), from: t, to: t + 1 });
    else out[out.length - 1]!.to = t + 1;
  }
  return out;
}

/** Token ranges [from, to) of a text's paragraphs: the tagger reads one paragraph at a time (long sequences train badly). */
export function paragraphRanges(a: TextAnalysis): [number, number][] {
  const out: [number, number][] = [];
  const starts = paragraphStarts(a);
  let from = 0;
  for (let i = 1; i <= starts.length; i++) {
    if (i === starts.length || starts[i]) {
      out.push([from, i]);
      from = i;
    }
  }
  return out;
}

/**
 * Per token, 1 where a paragraph starts after the first token: a line break stands in the token or
 * in the space before it. One scan for line breaks, no slices.
 */
export function paragraphStarts(a: TextAnalysis): Uint8Array {
  const toks = a.tokens,
    text = a.text;
  const out = new Uint8Array(toks.length);
  for (let i = 1, nl = text.indexOf("\n"); i < toks.length && nl >= 0; i++) {
    if (nl < toks[i - 1]!.end) nl = text.indexOf("\n", toks[i - 1]!.end);
    if (nl >= 0 && nl < toks[i]!.end) out[i] = 1;
  }
  return out;
}

/** The features of tokens [from, to) as a sequence of their own. */
export function sliceFeatures(f: TokenFeatures, from: number, to: number): TokenFeatures {
  const base = f.offsets[from]!;
  return {
    hashes: f.hashes.subarray(base, f.offsets[to]!),
    offsets: Uint32Array.from(f.offsets.subarray(from, to + 1), (x) => x - base),
  };
}

/**
 * The temperature the tag posteriors are read at: 1, as the weights are trained (the scores are
 * the conditional random field's own log-potentials, so its marginals need no rescaling).
 */
export const POSTERIOR_TEMPERATURE = 1;

/** Tags, margins and tag posteriors of a whole text, decoded paragraph by paragraph. */
export function tagText(
  w: TaggerWeights,
  a: TextAnalysis,
  f: TokenFeatures,
): { tags: Uint8Array; score: Float64Array; posterior: Float64Array } {
  const n = a.tokens.length;
  const tags = new Uint8Array(n),
    score = new Float64Array(n),
    posterior = new Float64Array(n);
  const em = emissions(w, f);
  for (const [from, to] of paragraphRanges(a)) {
    const part = em.subarray(from * T, to * T);
    const own = tags.subarray(from, to);
    viterbi(w, part, own, score.subarray(from, to));
    // Posteriors are read on tagged spans only: a paragraph the tagger left all O needs none.
    if (own.some((y) => y !== 0)) posteriors(w, part, own, POSTERIOR_TEMPERATURE, posterior.subarray(from, to));
  }
  return { tags, score, posterior };
}
