import type { Frontier } from "./pareto.js";
import { UTILITY_EPS } from "./pareto.js";

/**
 * Bargaining solutions over a Pareto frontier, with the disagreement point `d` (reservation
 * values). Each returns a frontier row, or -1 when no frontier point gives every party at least
 * its disagreement utility. Ties go to the earlier row, so results are deterministic.
 */
export type BargainingSolution = (f: Frontier, d: ArrayLike<number>) => number;

function best(f: Frontier, d: ArrayLike<number>, score: (row: number) => number): number {
  let arg = -1,
    top = -Infinity;
  for (let r = 0; r < f.size; r++) {
    if (!isRational(f, r, d)) continue;
    const s = score(r);
    if (s > top + 1e-12) {
      top = s;
      arg = r;
    }
  }
  return arg;
}

/** Gives every party at least its disagreement utility (within UTILITY_EPS). */
export function isRational(f: Frontier, row: number, d: ArrayLike<number>): boolean {
  for (let p = 0; p < f.parties; p++) if (f.utilities[row * f.parties + p]! < d[p]! - UTILITY_EPS) return false;
  return true;
}

/** Nash (1950): maximises the product of gains over the disagreement point. */
export const nashSolution: BargainingSolution = (f, d) =>
  best(f, d, (r) => {
    let prod = 1;
    for (let p = 0; p < f.parties; p++) prod *= Math.max(0, f.utilities[r * f.parties + p]! - d[p]!);
    return prod;
  });

/** Kalai–Smorodinsky (1975): the largest equal share of each party's ideal gain (discrete form: max-min of relative gains). */
export const kalaiSmorodinskySolution: BargainingSolution = (f, d) => {
  const ideal = new Float64Array(f.parties).fill(-Infinity);
  for (let r = 0; r < f.size; r++)
    if (isRational(f, r, d))
      for (let p = 0; p < f.parties; p++) ideal[p] = Math.max(ideal[p]!, f.utilities[r * f.parties + p]!);
  return best(f, d, (r) => {
    let min = Infinity;
    for (let p = 0; p < f.parties; p++) {
      const span = ideal[p]! - d[p]!;
      min = Math.min(min, span > 0 ? (f.utilities[r * f.parties + p]! - d[p]!) / span : 1);
    }
    return min + 1e-9 * sumOf(f, r);
  });
};

/** Egalitarian: maximises the smallest gain over the disagreement point (sum breaks ties). */
export const egalitarianSolution: BargainingSolution = (f, d) =>
  best(f, d, (r) => {
    let min = Infinity;
    for (let p = 0; p < f.parties; p++) min = Math.min(min, f.utilities[r * f.parties + p]! - d[p]!);
    return min + 1e-9 * sumOf(f, r);
  });

/** Utilitarian: maximises the sum of utilities. */
export const utilitarianSolution: BargainingSolution = (f, d) => best(f, d, (r) => sumOf(f, r));

function sumOf(f: Frontier, r: number): number {
  let s = 0;
  for (let p = 0; p < f.parties; p++) s += f.utilities[r * f.parties + p]!;
  return s;
}

export const bargainingSolutions = {
  nash: nashSolution,
  kalaiSmorodinsky: kalaiSmorodinskySolution,
  egalitarian: egalitarianSolution,
  utilitarian: utilitarianSolution,
} as const;
export type SolutionName = keyof typeof bargainingSolutions;
