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
    budget?.spend(
      total * (k === 2 ? 1 : K_PARTY_WEIGHT),
      () => `at issue ${i + 1} of ${n} the frontier combines ${total.toLocaleString("en-US")} partial outcomes`,
    );
    const cand = Array.from({ length: k }, () => new Float64Array(total));
    // Candidate r = (state r / q) + option (r % q); with two parties, states are sorted by the
    // first utility, so each option's shifted copy is sorted too and a q-way merge orders them.
    for (let p = 0; p < k; p++) {
      const src = cols[p]!,
        dst = cand[p]!,
        t = u.tables[p]!;
      for (let o = 0; o < q; o++) {
        const add = t[u.offsets[i]! + options[o]!]!;
        for (let s = 0; s < m; s++) dst[s * q + o] = src[s]! + add;
      }
    }
    const keep =
      k === 2
        ? nondominated2(cand[0]!, cand[1]!, total, PARTIAL_EPS, mergeOrder(cand[0]!, cand[1]!, m, q))
        : nondominatedK(cand, total, PARTIAL_EPS);
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

/**
 * Order of the `m·q` candidates by first utility descending (then second descending, then run),
 * merging the q runs, each sorted already, through a binary heap of the runs' heads: O(m·q·log q),
 * so an issue with a million options costs a sort, not a million scans of a million heads.
 */
function mergeOrder(a: Float64Array, b: Float64Array, m: number, q: number): Int32Array {
  const out = new Int32Array(m * q);
  const head = new Int32Array(q);
  const heap = new Int32Array(q);
  // Run x comes before run y when its head is larger (a, then b), or equal and x < y.
  const before = (x: number, y: number): boolean => {
    const cx = head[x]! * q + x,
      cy = head[y]! * q + y;
    const ax = a[cx]!,
      ay = a[cy]!;
    if (ax !== ay) return ax > ay;
    const bx = b[cx]!,
      by = b[cy]!;
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
  for (let o = 0; o < size; o++) heap[o] = o;
  for (let at = (size >> 1) - 1; at >= 0; at--) down(size, at);
  for (let r = 0; r < out.length; r++) {
    const o = heap[0]!;
    out[r] = head[o]! * q + o;
    if (++head[o]! >= m) heap[0] = heap[--size]!;
    if (size > 0) down(size, 0);
  }
  return out;
}
