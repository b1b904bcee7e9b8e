import type { OutcomeSpace } from "../model/outcome-space.js";
import { crossesRedLine, type RedLine } from "../model/red-line.js";
import { type Utilities, utilityOf } from "../model/utilities.js";
import { nondominatedK } from "./dominance.js";
import { byUtilities, type Frontier, UTILITY_EPS } from "./pareto.js";

/**
 * The reference answer by enumeration: every outcome's utilities, the frontier of those crossing
 * no red line, and how many are acceptable to all. Only for small spaces — it is the oracle the
 * fast methods are tested and benchmarked against.
 */
export function bruteForce(
  space: OutcomeSpace,
  u: Utilities,
  lines: readonly RedLine[] = [],
): { frontier: Frontier; acceptable: number } {
  const n = space.countIfSmall;
  if (n === undefined || n > 50_000_000)
    throw new RangeError(`brute force over ${space.size} outcomes is out of reach`);
  const k = u.parties;
  const cols = Array.from({ length: k }, () => new Float64Array(n));
  const feasible = new Uint8Array(n);
  const choices = new Int32Array(u.issues);
  let acceptable = 0;
  for (let o = 0; o < n; o++) {
    space.decode(o, choices);
    feasible[o] = lines.some((l) => crossesRedLine(l, choices)) ? 0 : 1;
    let ok = feasible[o] === 1;
    for (let p = 0; p < k; p++) {
      const x = utilityOf(u, p, choices);
      cols[p]![o] = x;
      if (x < u.reservations[p]! - UTILITY_EPS) ok = false;
    }
    if (ok) acceptable++;
  }
  const idx = Int32Array.from({ length: n }, (_, i) => i).filter((i) => feasible[i] === 1);
  const sub = cols.map((c) => Float64Array.from(idx, (i) => c[i]!));
  const keep = byUtilities(sub, nondominatedK(sub, idx.length, UTILITY_EPS));
  const utilities = new Float64Array(keep.length * k);
  const outcomes = new Int32Array(keep.length * u.issues);
  keep.forEach((s, r) => {
    for (let p = 0; p < k; p++) utilities[r * k + p] = sub[p]![s]!;
    outcomes.set(space.decode(idx[s]!), r * u.issues);
  });
  return { frontier: { parties: k, issues: u.issues, size: keep.length, utilities, outcomes }, acceptable };
}
