import { evaluateValueFunction, type Num, nominalTheta, resolve, type ValueFunction } from "./preferences.js";
import type { Model } from "./scenario.js";

/**
 * Every party's utility as columns: per party one flat table of weight·value over all options
 * of all issues (`offsets[i]` is where issue i starts), so u(o) = min(1, Σ_i table[offsets[i]+o_i]).
 */
export interface Utilities {
  readonly parties: number;
  readonly issues: number;
  readonly cardinalities: Int32Array;
  readonly offsets: Int32Array;
  readonly tables: readonly Float64Array[];
  readonly reservations: Float64Array;
}

/**
 * Evaluates the model's preferences for one draw `theta` of its parameters (nominal by default).
 * With `weightSums`, each party's weights are rescaled to that sum: a sampled weight then moves
 * importance between issues instead of inflating the party's whole scale.
 */
export function createUtilities(
  model: Model,
  theta: ArrayLike<number> = nominalTheta(model.parameters),
  weightSums?: ArrayLike<number>,
  storage?: Float64Array,
): Utilities {
  const issues = model.space.issues;
  const n = issues.length,
    k = model.parties.length;
  const cardinalities = model.space.cardinalities;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + cardinalities[i]!;
  const width = offsets[n]!;
  // One buffer for every table and the reservations (`utilitiesStorage` doubles, or the caller's):
  // a negotiation built from scratch pays for one allocation, not one per party and issue.
  const buffer = storage ?? new Float64Array(utilitiesStorage(model));
  // Writes w·value of one set of preferences into `table` (scaled, and added when `add`).
  const fill = (
    prefs: { weights: readonly Num[]; values: readonly ValueFunction[] },
    table: Float64Array,
    scale: number,
    add: boolean,
    share = 1,
  ) => {
    const scratch = add ? new Float64Array(width) : table;
    for (let i = 0; i < n; i++) {
      const issue = issues[i]!,
        off = offsets[i]!;
      evaluateValueFunction(prefs.values[i]!, issue.numberAt, issue.cardinality, theta, scratch, off);
      const w = resolve(prefs.weights[i]!, theta) * scale * share;
      for (let j = off; j < off + issue.cardinality; j++) table[j] = (add ? table[j]! : 0) + w * scratch[j]!;
    }
  };
  const weightSum = (weights: readonly Num[], t: ArrayLike<number>) =>
    weights.reduce((s: number, w) => s + resolve(w, t), 0);
  const tables = model.parties.map((party, pi) => {
    const prefs = party.preferences;
    const table = buffer.subarray(pi * width, (pi + 1) * width);
    if (prefs.factions) {
      // The party's utility is its factions' weighted sum; a sampled weight keeps each faction's scale.
      const nominal = weightSums ? nominalTheta(model.parameters) : undefined;
      for (const f of prefs.factions) {
        const sum = weightSum(f.preferences.weights, theta);
        const scale = nominal && sum > 0 ? weightSum(f.preferences.weights, nominal) / sum : 1;
        fill(f.preferences, table, scale, true, f.weight);
      }
      return table;
    }
    const sum = weightSum(prefs.weights, theta);
    fill(prefs, table, weightSums && sum > 0 ? weightSums[pi]! / sum : 1, false);
    return table;
  });
  const reservations = buffer.subarray(k * width);
  model.parties.forEach((p, pi) => (reservations[pi] = resolve(p.preferences.reservation, theta)));
  return { parties: k, issues: n, cardinalities, offsets, tables, reservations };
}

/** Doubles `createUtilities` stores: every party's table and the reservations. */
export function utilitiesStorage(model: Model): number {
  let width = 0;
  for (const c of model.space.cardinalities) width += c;
  return (width + 1) * model.parties.length;
}

/** Utility of party `p` for a complete outcome, GENIUS-style: capped at 1. */
export function utilityOf(u: Utilities, p: number, choices: ArrayLike<number>): number {
  const t = u.tables[p]!;
  let s = 0;
  for (let i = 0; i < u.issues; i++) s += t[u.offsets[i]! + choices[i]!]!;
  return Math.min(s, 1);
}

/** Least and greatest utility of party `p` over the completions of a partial outcome (-1 = open). */
export function utilityRange(u: Utilities, p: number, choices: ArrayLike<number>): [number, number] {
  const t = u.tables[p]!;
  let lo = 0,
    hi = 0;
  for (let i = 0; i < u.issues; i++) {
    const c = choices[i]!;
    if (c >= 0) {
      lo += t[u.offsets[i]! + c]!;
      hi += t[u.offsets[i]! + c]!;
    } else {
      let mn = Infinity,
        mx = -Infinity;
      for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++) {
        mn = Math.min(mn, t[j]!);
        mx = Math.max(mx, t[j]!);
      }
      lo += mn;
      hi += mx;
    }
  }
  return [Math.min(lo, 1), Math.min(hi, 1)];
}

/** Each party's nominal sum of weights (the scale robustness sampling keeps). */
export function nominalWeightSums(model: Model): Float64Array {
  const theta = nominalTheta(model.parameters);
  return Float64Array.from(model.parties, (p) =>
    p.preferences.weights.reduce((s: number, w) => s + resolve(w, theta), 0),
  );
}
