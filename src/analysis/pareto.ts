import type { Utilities } from "../model/utilities.js";
import { nondominated2, nondominatedK } from "./dominance.js";
import type { WorkBudget } from "./work-budget.js";

/** Work units a partial outcome costs with three or more parties: the k-dimensional dominance check costs about 20 times the two-party sweep. */
const K_PARTY_WEIGHT = 20;

/** Utility vectors that are merged into one Pareto point (GENIUS float noise is ~1e-15). */
export const UTILITY_EPS = 1e-9;
/** Merge tolerance for partial sums, far below UTILITY_EPS so no error accumulates. */
const PARTIAL_EPS = 1e-13;

/** Distinct non-dominated utility vectors, each with one outcome that reaches it. */
export interface Frontier {
  readonly parties: number;
  readonly issues: number;
  readonly size: number;
  /** Row-major `size × parties`. */
  readonly utilities: Float64Array;
  /** Row-major `size × issues`: option index per issue. */
  readonly outcomes: Int32Array;
}

/** A set of allowed options per issue, flat over `Utilities.offsets` (1 = allowed). */
export type OptionMask = Uint8Array;

export function fullMask(u: Utilities): OptionMask {
  return new Uint8Array(u.offsets[u.issues]!).fill(1);
}

/**
 * The exact Pareto frontier of the outcomes allowed by `mask`, without enumerating them:
 * issues are combined one at a time, keeping only the non-dominated partial sums (with a
 * pointer back to how each was reached), so the cost follows the frontier's size rather than
 * the outcome space's. Utilities are capped at 1 at the end, as GENIUS caps them.
 */
export function paretoFrontier(u: Utilities, mask: OptionMask = fullMask(u), budget?: WorkBudget): Frontier {
  return u.parties === 2 ? frontier2(u, mask, budget) : frontierK(u, mask, budget);
}

/** The cost of an issue's step, charged before it is taken. */
function spend(budget: WorkBudget | undefined, i: number, n: number, total: number, weight: number): void {
  budget?.spend(
    total * weight,
    () => `at issue ${i + 1} of ${n} the frontier combines ${total.toLocaleString("en-US")} partial outcomes`,
  );
}

/** Two parties: the merge of sorted runs, keeping only the states and their back-pointers. */
function frontier2(u: Utilities, mask: OptionMask, budget?: WorkBudget): Frontier {
  const n = u.issues;
  const c = new Columns();
  c.a[0] = 0;
  c.b[0] = 0;
  let m = 1;
  const parents: Int32Array[] = [];
  const picks: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const options = usefulOptions(u, i, mask);
    if (!options.length) return emptyFrontier(2, n);
    const q = options.length;
    spend(budget, i, n, m * q, 1);
    const off = u.offsets[i]!;
    const addA = Float64Array.from(options, (o) => u.tables[0]![off + o]!);
    const addB = Float64Array.from(options, (o) => u.tables[1]![off + o]!);
    c.reserve(m * q, q); // at most every candidate; the buffers grow, never shrink
    m = mergeStep2(c, m, addA, addB, q, PARTIAL_EPS);
    parents.push(c.parent.slice(0, m));
    picks.push(Int32Array.from(c.option.subarray(0, m), (o) => options[o]!));
    c.swap();
  }
  return finalFrontier([c.a.subarray(0, m), c.b.subarray(0, m)], m, n, parents, picks);
}

/** Three or more parties: every candidate of a step, then the k-dimensional dominance filter. */
function frontierK(u: Utilities, mask: OptionMask, budget?: WorkBudget): Frontier {
  const k = u.parties;
  const n = u.issues;
  let cols = Array.from({ length: k }, () => new Float64Array(1));
  let m = 1;
  const parents: Int32Array[] = [];
  const picks: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const options = usefulOptions(u, i, mask);
    if (!options.length) return emptyFrontier(k, n);
    const q = options.length;
    const total = m * q;
    spend(budget, i, n, total, K_PARTY_WEIGHT);
    const cand = Array.from({ length: k }, () => new Float64Array(total));
    // Candidate r = (state r / q) + option (r % q).
    for (let p = 0; p < k; p++) {
      const src = cols[p]!,
        dst = cand[p]!,
        t = u.tables[p]!;
      for (let o = 0; o < q; o++) {
        const add = t[u.offsets[i]! + options[o]!]!;
        for (let s = 0; s < m; s++) dst[s * q + o] = src[s]! + add;
      }
    }
    const keep = nondominatedK(cand, total, PARTIAL_EPS);
    const parent = new Int32Array(keep.length);
    const pick = new Int32Array(keep.length);
    const next = Array.from({ length: k }, () => new Float64Array(keep.length));
    for (let r = 0; r < keep.length; r++) {
      const c = keep[r]!;
      parent[r] = Math.floor(c / q);
      pick[r] = options[c % q]!;
      for (let p = 0; p < k; p++) next[p]![r] = cand[p]![c]!;
    }
    parents.push(parent);
    picks.push(pick);
    cols = next;
    m = keep.length;
  }
  return finalFrontier(cols, m, n, parents, picks);
}

/** Utilities capped at 1, points equal within UTILITY_EPS merged, each with its outcome from the back-pointers. */
function finalFrontier(
  cols: Float64Array[],
  m: number,
  n: number,
  parents: readonly Int32Array[],
  picks: readonly Int32Array[],
): Frontier {
  const k = cols.length;
  for (const c of cols) for (let s = 0; s < m; s++) if (c[s]! > 1) c[s] = 1;
  const final = byUtilities(cols, nondominatedK(cols, m, UTILITY_EPS));
  const utilities = new Float64Array(final.length * k);
  const outcomes = new Int32Array(final.length * n);
  final.forEach((s, r) => {
    for (let p = 0; p < k; p++) utilities[r * k + p] = cols[p]![s]!;
    let state = s;
    for (let i = n - 1; i >= 0; i--) {
      outcomes[r * n + i] = picks[i]![state]!;
      state = parents[i]![state]!;
    }
  });
  return { parties: k, issues: n, size: final.length, utilities, outcomes };
}

/** Frontier rows in a canonical order: first party's utility descending, then the next party's. */
export function byUtilities(cols: readonly Float64Array[], rows: Int32Array): Int32Array {
  return rows.sort((x, y) => {
    for (const c of cols) if (c[x] !== c[y]) return c[y]! - c[x]!;
    return 0;
  });
}

export function emptyFrontier(parties: number, issues: number): Frontier {
  return { parties, issues, size: 0, utilities: new Float64Array(0), outcomes: new Int32Array(0) };
}

/** Allowed options of issue i that no other allowed option of it dominates (duplicates kept once). */
function usefulOptions(u: Utilities, i: number, mask: OptionMask): Int32Array {
  const k = u.parties;
  const off = u.offsets[i]!;
  const allowed: number[] = [];
  for (let j = 0; j < u.cardinalities[i]!; j++) if (mask[off + j]) allowed.push(j);
  const cols = u.tables.map((t) => Float64Array.from(allowed, (j) => t[off + j]!));
  const keep = k === 2 ? nondominated2(cols[0]!, cols[1]!, allowed.length, 0) : nondominatedK(cols, allowed.length, 0);
  return Int32Array.from(keep, (r) => allowed[r]!).sort();
}

/** Reusable buffers of the two-party step: the kept states' utilities, double-buffered. */
class Columns {
  a = new Float64Array(1);
  b = new Float64Array(1);
  nextA = new Float64Array(1);
  nextB = new Float64Array(1);
  parent = new Int32Array(1);
  option = new Int32Array(1);
  head = new Int32Array(1);
  heap = new Int32Array(1);

  /** Room for `n` kept states and `q` runs. */
  reserve(n: number, q: number): void {
    if (this.nextA.length < n) {
      const size = Math.max(n, 2 * this.nextA.length);
      this.nextA = new Float64Array(size);
      this.nextB = new Float64Array(size);
      this.parent = new Int32Array(size);
      this.option = new Int32Array(size);
    }
    if (this.head.length < q) {
      this.head = new Int32Array(q);
      this.heap = new Int32Array(q);
    }
  }

  swap(): void {
    [this.a, this.nextA] = [this.nextA, this.a];
    [this.b, this.nextB] = [this.nextB, this.b];
  }
}

/**
 * One issue of the two-party merge: the m states (sorted by first utility, descending) extended
 * by each of the q options make q sorted runs; a binary heap of the runs' heads yields the
 * candidates by first utility descending (then second descending, then run) and the sweep of
 * `nondominated2` keeps the non-dominated ones as they come — O(m·q·log q), and no candidate is
 * stored: only the kept states, in reused buffers (`c.nextA`, `c.nextB`, `c.parent`, `c.option`).
 * Returns how many were kept.
 */
function mergeStep2(c: Columns, m: number, addA: Float64Array, addB: Float64Array, q: number, eps: number): number {
  const { a, b, head, heap, nextA, nextB, parent, option } = c;
  // Run x's head comes before run y's when larger in a, then in b, or equal and x < y.
  const before = (x: number, y: number): boolean => {
    const ax = a[head[x]!]! + addA[x]!,
      ay = a[head[y]!]! + addA[y]!;
    if (ax !== ay) return ax > ay;
    const bx = b[head[x]!]! + addB[x]!,
      by = b[head[y]!]! + addB[y]!;
    return bx !== by ? bx > by : x < y;
  };
  const down = (size: number, at: number) => {
    const x = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && before(heap[child + 1]!, heap[child]!)) child++;
      if (!before(heap[child]!, x)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = x;
  };
  let size = m > 0 ? q : 0;
  for (let o = 0; o < size; o++) {
    heap[o] = o;
    head[o] = 0;
  }
  for (let at = (size >> 1) - 1; at >= 0; at--) down(size, at);
  let kept = 0,
    best = -Infinity;
  while (size > 0) {
    const o = heap[0]!,
      s = head[o]!;
    const x = a[s]! + addA[o]!,
      y = b[s]! + addB[o]!;
    if (y > best + eps) {
      // An earlier point whose first coordinate is within eps and whose second is lower is dominated by this one.
      while (kept > 0 && nextA[kept - 1]! - x <= eps) kept--;
      nextA[kept] = x;
      nextB[kept] = y;
      parent[kept] = s;
      option[kept++] = o;
      best = y;
    }
    if (++head[o]! >= m) heap[0] = heap[--size]!;
    if (size > 0) down(size, 0);
  }
  return kept;
}
