import type { Condition, RedLine } from "../model/red-line.js";
import type { Utilities } from "../model/utilities.js";
import type { OptionMask } from "./pareto.js";

/**
 * Splits the outcomes that cross none of `lines` into disjoint boxes (a set of allowed options
 * per issue), so additive methods run exactly on each box. A line "if C₁ ∧ … ∧ Cₙ then D" holds
 * on the disjoint union ¬C₁ | C₁∧¬C₂ | … | C₁∧…∧Cₙ∧D; lines already decided by a box are skipped,
 * and `prune(box)` may cut a whole branch (branch and bound with an optimistic bound).
 */
export function forEachFeasibleBox(
  u: Utilities,
  lines: readonly RedLine[],
  base: OptionMask,
  visit: (box: OptionMask) => void,
  prune: (box: OptionMask) => boolean = () => false,
): void {
  const box = base.slice();
  const coupled: RedLine[] = [];
  for (const line of lines) {
    if (line.if.length) coupled.push(line);
    else restrict(u, box, line.then, true);
  }
  const recurse = (b: OptionMask, from: number) => {
    if (!nonEmpty(u, b) || prune(b)) return;
    for (let c = from; c < coupled.length; c++) {
      const line = coupled[c]!;
      if (line.if.some((cond) => !overlaps(u, b, cond, true))) continue; // condition can never hold
      if (!overlaps(u, b, line.then, false)) continue; // consequence always holds
      for (let t = 0; t <= line.if.length; t++) {
        const branch = b.slice();
        for (let s = 0; s < t; s++) restrict(u, branch, line.if[s]!, true);
        if (t < line.if.length) restrict(u, branch, line.if[t]!, false);
        else restrict(u, branch, line.then, true);
        recurse(branch, c + 1);
      }
      return;
    }
    visit(b);
  };
  recurse(box, 0);
}

/** Keeps the options where the condition holds (`holds`) or fails (`!holds`). */
function restrict(u: Utilities, box: OptionMask, cond: Condition, holds: boolean): void {
  const off = u.offsets[cond.issue]!;
  for (let j = 0; j < cond.allowed.length; j++) if (!cond.allowed[j] === holds) box[off + j] = 0;
}

/** Whether some option allowed by the box satisfies (`holds`) or violates (`!holds`) the condition. */
function overlaps(u: Utilities, box: OptionMask, cond: Condition, holds: boolean): boolean {
  const off = u.offsets[cond.issue]!;
  for (let j = 0; j < cond.allowed.length; j++) if (box[off + j] && !cond.allowed[j] !== holds) return true;
  return false;
}

export function nonEmpty(u: Utilities, box: OptionMask): boolean {
  for (let i = 0; i < u.issues; i++) {
    let any = false;
    for (let j = u.offsets[i]!; j < u.offsets[i + 1]! && !any; j++) any = box[j] === 1;
    if (!any) return false;
  }
  return true;
}

/** Best utility each party can reach inside the box (an optimistic bound), capped at 1. */
export function idealPoint(u: Utilities, box: OptionMask): Float64Array {
  return Float64Array.from(u.tables, (t) => {
    let s = 0;
    for (let i = 0; i < u.issues; i++) {
      let mx = -Infinity;
      for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++) if (box[j] && t[j]! > mx) mx = t[j]!;
      s += mx;
    }
    return Math.min(1, s);
  });
}
