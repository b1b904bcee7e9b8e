import type { TokenFeatures } from "./features.js";
import { emissions, forwardBackward, newWeights, T, type TaggerWeights } from "./tagger.js";

/** One paragraph of training data: its features and its gold tags. */
export interface TrainingDocument {
  readonly features: TokenFeatures;
  readonly gold: Uint8Array;
}

/**
 * Conditional random field training of the tagger's weights: stochastic gradient ascent on each
 * paragraph's log-likelihood (the gold tags' score less the log-sum over all allowed sequences,
 * by forward–backward) in a seeded order, with a step that decays over passes (`rate` / (1 +
 * pass / 4)); the returned weights are the average over all steps (lazily, by timestamps), which
 * generalises far better than the last ones. Each step moves every tag's weights by how far its
 * marginal probability is from the gold tag, so the scores are log-potentials and the tag
 * posteriors probabilities. Measured on PolNeAR dev against the averaged passive-aggressive
 * steps used before (40 passes): content with the right source F1 0.741, 0.739, 0.737 over seeds
 * 1–3 against 0.725; the tagger's spans (overlap F1) source 0.777 against 0.766, cue 0.775
 * against 0.762, content 0.852 against 0.842. More passes overfit (40 passes: F1 0.729).
 */
export function trainCrf(
  docs: readonly TrainingDocument[],
  options: {
    buckets: number;
    iterations: number;
    seed: number;
    rate: number;
    onIteration?: (i: number, logLikelihood: number, tokens: number) => void;
  },
): TaggerWeights {
  const w = newWeights(options.buckets);
  const sum = newWeights(options.buckets);
  const mask = options.buckets - 1;
  let step = 1;
  let random = options.seed >>> 0 || 1;
  const next = () => ((random = Math.imul(random ^ (random >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296;
  const order = docs.map((_, i) => i);
  let rate = options.rate;
  // A step on one weight, and on its running sum for the average.
  const bump = (arr: Float32Array, acc: Float32Array, at: number, g: number) => {
    arr[at]! += rate * g;
    acc[at]! += step * rate * g;
  };
  for (let it = 0; it < options.iterations; it++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    rate = options.rate / (1 + it / 4);
    let logLikelihood = 0,
      tokens = 0;
    for (const d of order) {
      const { features: f, gold } = docs[d]!;
      const n = gold.length;
      if (!n) continue;
      tokens += n;
      const em = emissions(w, f);
      const { psi, tr, alpha, beta, scale, shift, trShift } = forwardBackward(w, em, 1);
      // The gold sequence's score less log Z (see forwardBackward).
      logLikelihood += w.start[gold[0]!]! - (n - 1) * trShift;
      for (let t = 0; t < n; t++) logLikelihood += em[t * T + gold[t]!]! - shift[t]! - Math.log(scale[t]!);
      for (let t = 1; t < n; t++) logLikelihood += w.transition[gold[t - 1]! * T + gold[t]!]!;
      // Emission gradient per token and tag: the gold indicator less the tag's marginal.
      const grad = new Float64Array(n * T);
      for (let t = 0; t < n; t++) {
        let z = 0;
        for (let y = 0; y < T; y++) z += alpha[t * T + y]! * beta[t * T + y]!;
        for (let y = 0; y < T; y++)
          grad[t * T + y] = (gold[t] === y ? 1 : 0) - (alpha[t * T + y]! * beta[t * T + y]!) / z;
      }
      for (let t = 0; t < n; t++)
        for (let k = f.offsets[t]!; k < f.offsets[t + 1]!; k++) {
          const b = (f.hashes[k]! & mask) * T;
          for (let y = 0; y < T; y++) {
            const g = grad[t * T + y]!;
            if (g > -1e-6 && g < 1e-6) continue;
            bump(w.emission, sum.emission, b + y, g);
          }
        }
      for (let y = 0; y < T; y++) bump(w.start, sum.start, y, grad[y]!);
      // Transition gradient: gold pairs less the pair marginals, α(t−1, x)·tr(x, y)·ψ(t, y)·β(t, y) normalised.
      const pair = new Float64Array(T * T);
      for (let t = 1; t < n; t++) {
        let z = 0;
        for (let x = 0; x < T; x++)
          for (let y = 0; y < T; y++)
            z += pair[x * T + y] = alpha[(t - 1) * T + x]! * tr[x * T + y]! * psi[t * T + y]! * beta[t * T + y]!;
        for (let i = 0; i < T * T; i++) {
          if (pair[i]) bump(w.transition, sum.transition, i, -pair[i]! / z);
        }
        bump(w.transition, sum.transition, gold[t - 1]! * T + gold[t]!, 1);
      }
      step++;
    }
    options.onIteration?.(it + 1, logLikelihood, tokens);
  }
  for (const key of ["emission", "transition", "start"] as const) {
    const a = w[key],
      s = sum[key];
    for (let i = 0; i < a.length; i++) a[i] = a[i]! - s[i]! / step;
  }
  return w;
}
