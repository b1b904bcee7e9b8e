import type { RedLine } from "../model/red-line.js";
import type { Utilities } from "../model/utilities.js";
import { nondominatedK } from "./dominance.js";
import {
  byUtilities,
  emptyFrontier,
  type Frontier,
  fullMask,
  type OptionMask,
  paretoFrontier,
  UTILITY_EPS,
} from "./pareto.js";
import { forEachFeasibleBox, idealPoint } from "./red-line-branches.js";
import type { WorkBudget } from "./work-budget.js";

/**
 * The exact Pareto frontier of the outcomes that cross none of the red lines (within `base`).
 * Unary red lines only mask options; coupled ones split the space into disjoint boxes, and a
 * box whose ideal point is already weakly dominated by a found point is never expanded.
 */
export function feasibleFrontier(
  u: Utilities,
  lines: readonly RedLine[],
  base: OptionMask = fullMask(u),
  budget?: WorkBudget,
): Frontier {
  const parts: Frontier[] = [];
  const k = u.parties;
  const dominatedByFound = (box: OptionMask) => {
    const ideal = idealPoint(u, box);
    return parts.some((f) => {
      for (let r = 0; r < f.size; r++) {
        let all = true;
        for (let p = 0; p < k && all; p++) all = f.utilities[r * k + p]! >= ideal[p]! - UTILITY_EPS;
        if (all) return true;
      }
      return false;
    });
  };
  forEachFeasibleBox(u, lines, base, (box) => parts.push(paretoFrontier(u, box, budget)), dominatedByFound);
  return mergeFrontiers(parts, k, u.issues);
}

/** The non-dominated union of several frontiers. */
export function mergeFrontiers(parts: readonly Frontier[], parties: number, issues: number): Frontier {
  const nonEmpty = parts.filter((f) => f.size > 0);
  if (nonEmpty.length === 0) return emptyFrontier(parties, issues);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const total = nonEmpty.reduce((n, f) => n + f.size, 0);
  const cols = Array.from({ length: parties }, () => new Float64Array(total));
  const outcomes = new Int32Array(total * issues);
  let at = 0;
  for (const f of nonEmpty) {
    for (let r = 0; r < f.size; r++, at++)
      for (let p = 0; p < parties; p++) cols[p]![at] = f.utilities[r * parties + p]!;
    outcomes.set(f.outcomes, (at - f.size) * issues);
  }
  const keep = byUtilities(cols, nondominatedK(cols, total, UTILITY_EPS));
  const utilities = new Float64Array(keep.length * parties);
  const kept = new Int32Array(keep.length * issues);
  keep.forEach((s, r) => {
    for (let p = 0; p < parties; p++) utilities[r * parties + p] = cols[p]![s]!;
    kept.set(outcomes.subarray(s * issues, (s + 1) * issues), r * issues);
  });
  return { parties, issues, size: keep.length, utilities, outcomes: kept };
}
