import { descendingOrder } from "./descending-order.js";
import { DominanceIndex } from "./dominance-index.js";
/**
 * Non-dominated filters over utility vectors stored as columns (one Float64Array per party).
 * A point is dropped when another weakly dominates it within `eps` in every coordinate, so
 * float noise never splits one utility vector in two.
 */

/** Indices of the non-dominated points among `n`, in decreasing order of the first coordinate (two parties). */
export function nondominated2(
  a: Float64Array,
  b: Float64Array,
  n: number,
  eps: number,
  order?: Int32Array,
): Int32Array {
  const idx = order ?? sortedBy(a, b, n);
  const kept: number[] = [];
  let best = -Infinity;
  for (let r = 0; r < idx.length; r++) {
    const i = idx[r]!;
    if (b[i]! > best + eps) {
      // An earlier point whose first coordinate is within eps and whose second is lower is dominated by this one.
      while (kept.length && a[kept[kept.length - 1]!]! - a[i]! <= eps) kept.pop();
      kept.push(i);
      best = b[i]!;
    }
  }
  return Int32Array.from(kept);
}

/** Indices `0..n-1` sorted by `a` descending, then `b` descending. */
function sortedBy(a: Float64Array, b: Float64Array, n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((x, y) => a[y]! - a[x]! || b[y]! - b[x]!);
}

/**
 * Indices of the non-dominated points among `n` (any number of parties), in decreasing order of
 * their sum (ties by index). A point can only be weakly dominated by one whose sum is at least its
 * own (up to k·eps), so each point is checked against those kept before it — through a
 * dominance index, not one by one.
 */
export function nondominatedK(cols: readonly Float64Array[], n: number, eps: number): Int32Array {
  const k = cols.length;
  if (k === 2) return nondominated2(cols[0]!, cols[1]!, n, eps);
  const sum = new Float64Array(n);
  for (const c of cols) for (let i = 0; i < n; i++) sum[i]! += c[i]!;
  const idx = descendingOrder(sum);
  const kept = new DominanceIndex(k, eps);
  const q = new Float64Array(k);
  const out: number[] = [];
  for (let r = 0; r < n; r++) {
    const i = idx[r]!;
    for (let p = 0; p < k; p++) q[p] = cols[p]![i]!;
    if (kept.dominates(q)) continue;
    kept.add(q);
    out.push(i);
  }
  return Int32Array.from(out);
}
