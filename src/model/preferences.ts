/** A number of the model: a constant, or a reference to an uncertain parameter. */
export type Num = number | { readonly param: number };

/** An uncertain number of the scenario, sampled by robustness analysis. */
export interface Parameter {
  /** Where it was written, e.g. `parties[0].weights.price`. */
  readonly field: string;
  readonly low: number;
  readonly high: number;
  readonly nominal: number;
}

/** How a party values the values of one issue. Every variant yields one value per option. */
export type ValueFunction =
  | { readonly kind: "table"; readonly values: readonly Num[] }
  | { readonly kind: "linear"; readonly slope: number; readonly intercept: number }
  | { readonly kind: "points"; readonly xs: readonly number[]; readonly ys: readonly Num[] };

/** Linear-additive preferences: u(o) = min(1, Σ_i weight_i · value_i(o_i)), as in GENIUS. */
export interface PartyPreferences {
  readonly weights: readonly Num[];
  readonly values: readonly ValueFunction[];
  readonly reservation: Num;
  /** When set, the party's utility is Σ_f weight_f · u_f over these, and weights/values above are unused. */
  readonly factions?: readonly Faction[];
}

/** A sub-actor inside a party (differing voices of one government), with its share of the party's position. */
export interface Faction {
  readonly name: string;
  readonly weight: number;
  readonly description?: string;
  readonly preferences: { readonly weights: readonly Num[]; readonly values: readonly ValueFunction[] };
}

export function resolve(n: Num, theta: ArrayLike<number>): number {
  return typeof n === "number" ? n : theta[n.param]!;
}

const clip01 = (x: number) => (x < 0 ? 0 : Math.min(x, 1));

/**
 * Value of each option of an issue whose options sit at the numeric positions `positions(i)`,
 * written to `out` from `at` (a new array by default).
 */
export function evaluateValueFunction(
  fn: ValueFunction,
  positions: (i: number) => number,
  cardinality: number,
  theta: ArrayLike<number>,
  out: Float64Array = new Float64Array(cardinality),
  at = 0,
): Float64Array {
  switch (fn.kind) {
    case "table":
      for (let i = 0; i < cardinality; i++) out[at + i] = resolve(fn.values[i]!, theta);
      break;
    case "linear":
      for (let i = 0; i < cardinality; i++) out[at + i] = clip01(fn.slope * positions(i) + fn.intercept);
      break;
    case "points": {
      const ys = fn.ys.map((y) => resolve(y, theta));
      for (let i = 0; i < cardinality; i++) out[at + i] = interpolate(fn.xs, ys, positions(i));
      break;
    }
  }
  return out;
}

/** Piecewise-linear through sorted points, constant beyond either end. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let k = 1;
  while (xs[k]! < x) k++;
  const x0 = xs[k - 1]!,
    x1 = xs[k]!;
  return x1 === x0 ? ys[k]! : ys[k - 1]! + ((ys[k]! - ys[k - 1]!) * (x - x0)) / (x1 - x0);
}

/** The nominal value of every parameter. */
export function nominalTheta(parameters: readonly Parameter[]): ArrayLike<number> {
  return parameters.length ? Float64Array.from(parameters, (p) => p.nominal) : NO_PARAMETERS;
}
const NO_PARAMETERS: readonly number[] = [];
