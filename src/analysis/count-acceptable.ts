import type { Utilities } from "../model/utilities.js";
import type { OptionMask } from "./pareto.js";
import { UTILITY_EPS } from "./pareto.js";

/**
 * Exactly counts the outcomes of a box that give every party p at least `thresholds[p]`,
 * without enumerating them: a dynamic programme over issues whose states are the distinct
 * partial utility vectors (with multiplicities). A state that can no longer reach a threshold is
 * dropped, and one that reaches every threshold whatever follows is counted in bulk. Returns
 * undefined when more than `maxStates` states would be needed.
 */
export function countAcceptable(
  u: Utilities,
  box: OptionMask,
  thresholds: ArrayLike<number>,
  maxStates = 250_000,
): bigint | undefined {
  const k = u.parties,
    n = u.issues;
  for (let p = 0; p < k; p++) if (thresholds[p]! > 1 + UTILITY_EPS) return 0n;
  // Suffix bounds: the least and greatest utility still to come after issue i, and how many completions.
  const minRest = new Float64Array((n + 1) * k),
    maxRest = new Float64Array((n + 1) * k);
  const rest: bigint[] = new Array<bigint>(n + 1).fill(1n);
  for (let i = n - 1; i >= 0; i--) {
    let count = 0;
    for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++) count += box[j]!;
    if (count === 0) return 0n;
    rest[i] = rest[i + 1]! * BigInt(count);
    for (let p = 0; p < k; p++) {
      let mn = Infinity,
        mx = -Infinity;
      const t = u.tables[p]!;
      for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++)
        if (box[j]) {
          mn = Math.min(mn, t[j]!);
          mx = Math.max(mx, t[j]!);
        }
      minRest[i * k + p] = minRest[(i + 1) * k + p]! + mn;
      maxRest[i * k + p] = maxRest[(i + 1) * k + p]! + mx;
    }
  }
  const need = Float64Array.from({ length: k }, (_, p) => thresholds[p]! - UTILITY_EPS);
  let total = 0n;
  let sums = new Float64Array(k),
    mult = [1];
  for (let i = 0; i < n; i++) {
    const index = new Map<string, number>();
    const nextSums: number[] = [],
      nextMult: number[] = [];
    const s = new Float64Array(k);
    for (let st = 0; st < mult.length; st++) {
      for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++) {
        if (!box[j]) continue;
        let reachable = true,
          certain = true;
        for (let p = 0; p < k; p++) {
          s[p] = sums[st * k + p]! + u.tables[p]![j]!;
          if (s[p]! + maxRest[(i + 1) * k + p]! < need[p]!) reachable = false;
          if (s[p]! + minRest[(i + 1) * k + p]! < need[p]!) certain = false;
        }
        if (!reachable) continue;
        if (certain) {
          total += BigInt(mult[st]!) * rest[i + 1]!;
          continue;
        }
        // Partial sums equal up to float noise are one state.
        let key = "";
        for (let p = 0; p < k; p++) key += `${Math.round(s[p]! * 1e11)},`;
        const at = index.get(key);
        if (at === undefined) {
          index.set(key, nextMult.length);
          nextMult.push(mult[st]!);
          for (let p = 0; p < k; p++) nextSums.push(s[p]!);
          if (nextMult.length > maxStates) return undefined;
        } else {
          nextMult[at]! += mult[st]!;
          if (nextMult[at]! > Number.MAX_SAFE_INTEGER) return undefined;
        }
      }
    }
    sums = Float64Array.from(nextSums);
    mult = nextMult;
  }
  return total;
}
