import { InputError } from "../errors.js";
import { type Model, proposalVariants } from "../model/scenario.js";
import { createUtilities, nominalWeightSums } from "../model/utilities.js";
import { nashSolution } from "./bargaining-solutions.js";
import { feasibleFrontier } from "./feasible-frontier.js";
import { type Frontier, paretoFrontier } from "./pareto.js";
import { evaluateProposal } from "./proposal-evaluation.js";
import { createRandom } from "./random.js";
import type { WorkBudget } from "./work-budget.js";

export interface Robustness {
  /** Draws made: the samples asked for, or fewer when the work limit stopped the sampling. */
  readonly samples: number;
  /** Draws asked for. */
  readonly requested: number;
  readonly seed: number;
  /** How many uncertain numbers were varied. */
  readonly parameters: number;
  /** Share of draws in which a zone of agreement exists. */
  readonly zopaRate: number;
  /** Per proposal (model order): share of draws in which every party accepts it. */
  readonly acceptableRate: readonly number[];
  /** Where the Nash solution lands: its outcomes by frequency (most frequent first). */
  readonly nash: readonly { readonly choices: Int32Array; readonly rate: number }[];
  /** Per party: the Nash utility's 5th percentile, median and 95th percentile over draws with a zone. */
  readonly nashUtility: readonly { readonly p5: number; readonly median: number; readonly p95: number }[];
}

export interface RobustnessOptions {
  readonly samples?: number;
  readonly seed?: number;
  /** Shared with the rest of the analysis; running out ends the sampling with the draws made. */
  readonly budget?: WorkBudget;
  readonly onProgress?: (done: number, total: number) => void;
  /** Per proposal, how likely each of its versions (`proposalVariants` order) is: by default all alike. */
  readonly versionWeights?: readonly (readonly number[] | undefined)[];
}

/** The index a uniform draw x ∈ [0, 1) picks among n versions, in proportion to their weights (all alike without). */
export function pick(x: number, n: number, weights?: readonly number[]): number {
  if (!weights || weights.length !== n) return Math.floor(x * n);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < n; i++) if (x * total < (acc += weights[i]!)) return i;
  return n - 1;
}

/**
 * Monte Carlo over every range in the scenario (weights, values, reservation values), each
 * drawn uniformly and independently, and over the sources' versions of contested plan terms,
 * seeded. Sampled weights keep each party's weight sum.
 */
export function robustness(model: Model, options: RobustnessOptions = {}): Robustness {
  const requested = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  const budget = options.budget;
  const random = createRandom(seed);
  const sums = nominalWeightSums(model);
  const theta = new Float64Array(model.parameters.length);
  const k = model.parties.length;
  let zopa = 0,
    samples = 0;
  const acceptable = new Array<number>(model.proposals.length).fill(0);
  const nash = new Map<string, { choices: Int32Array; count: number }>();
  const nashU: number[][] = model.parties.map(() => []);
  for (let s = 0; s < requested; s++) {
    model.parameters.forEach((p, i) => (theta[i] = p.low + random() * (p.high - p.low)));
    const u = createUtilities(model, theta, sums);
    let draw: { feasible: Frontier; accepted: boolean[] };
    try {
      const frontier = model.proposals.length ? paretoFrontier(u, undefined, budget) : undefined;
      const feasible = feasibleFrontier(u, model.redLines, undefined, budget);
      // A contested term takes each source's version with equal chance.
      const accepted = model.proposals.map((proposal, k) => {
        const variants = proposalVariants(proposal);
        const version = variants[pick(random(), variants.length, options.versionWeights?.[k])]!;
        return evaluateProposal(model, u, version, frontier!, feasible, budget).acceptable;
      });
      draw = { feasible, accepted };
    } catch (e) {
      // The work limit ends the sampling, not the analysis: the draws made so far are reported.
      if (e instanceof InputError && e.problems[0]?.code === "limit.work") break;
      throw e;
    }
    samples++;
    options.onProgress?.(samples, requested);
    const { feasible, accepted } = draw;
    const row = nashSolution(feasible, u.reservations);
    if (row >= 0) {
      zopa++;
      const choices = feasible.outcomes.slice(row * u.issues, (row + 1) * u.issues);
      const key = choices.join(",");
      const hit = nash.get(key) ?? nash.set(key, { choices, count: 0 }).get(key)!;
      hit.count++;
      for (let p = 0; p < k; p++) nashU[p]!.push(feasible.utilities[row * k + p]!);
    }
    accepted.forEach((yes, i) => yes && acceptable[i]!++);
  }
  const q = (xs: number[], f: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(f * xs.length))]! : NaN);
  const rate = (n: number) => (samples ? n / samples : NaN);
  return {
    samples,
    requested,
    seed,
    parameters: model.parameters.length,
    zopaRate: rate(zopa),
    acceptableRate: acceptable.map(rate),
    nash: [...nash.values()]
      .sort((a, b) => b.count - a.count)
      .map((h) => ({ choices: h.choices, rate: rate(h.count) })),
    nashUtility: nashU.map((xs) => {
      xs.sort((a, b) => a - b);
      return { p5: q(xs, 0.05), median: q(xs, 0.5), p95: q(xs, 0.95) };
    }),
  };
}
