import type { Condition, RedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import type { Utilities } from "../model/utilities.js";
import { isRational, nashSolution } from "./bargaining-solutions.js";
import { feasibleFrontier } from "./feasible-frontier.js";
import type { Frontier } from "./pareto.js";
import { pointOf, type OutcomePoint } from "./proposal-evaluation.js";
import type { WorkBudget } from "./work-budget.js";

/** A change that would open a zone of agreement, with the deal it opens (the Nash outcome of the new zone). */
export type Concession =
  | {
      readonly kind: "reservation";
      /** Lowered reservation values: party index, from, to. */
      readonly changes: readonly { readonly party: number; readonly from: number; readonly to: number }[];
      /** Total lowering, the ranking measure. */
      readonly size: number;
      readonly opens: OutcomePoint;
    }
  | {
      readonly kind: "red-line";
      readonly party: number;
      /** Index into `model.redLines`. */
      readonly line: number;
      /** What changes, e.g. `allow Army cap = 700000` or `drop it`. */
      readonly change: string;
      /** Share of the issue's values newly allowed (1 = the line dropped), the ranking measure. */
      readonly size: number;
      readonly opens: OutcomePoint;
    };

/**
 * The smallest changes that would open a zone of agreement when there is none: lowering
 * reservation values (each party alone, and the least total lowering), or relaxing one red line
 * of one party as little as possible. Ranked by size within each kind, reservation changes first.
 */
export function minimalConcessions(model: Model, u: Utilities, feasible: Frontier, budget?: WorkBudget): Concession[] {
  const out: Concession[] = [...reservationConcessions(u, feasible)];
  model.redLines.forEach((line, index) => {
    const c = redLineConcession(model, u, index, line, budget);
    if (c) out.push(c);
  });
  return out.sort((a, b) => (a.kind === b.kind ? a.size - b.size : a.kind === "reservation" ? -1 : 1));
}

function reservationConcessions(u: Utilities, f: Frontier): Concession[] {
  const k = u.parties;
  const single: (Concession | undefined)[] = new Array(k);
  let joint: Concession | undefined;
  for (let r = 0; r < f.size; r++) {
    const changes = [];
    let size = 0;
    for (let p = 0; p < k; p++) {
      const x = f.utilities[r * k + p]!, rv = u.reservations[p]!;
      if (x < rv) {
        changes.push({ party: p, from: rv, to: x });
        size += rv - x;
      }
    }
    if (!changes.length) continue;
    const c: Concession = { kind: "reservation", changes, size, opens: pointOf(f, r) };
    if (changes.length === 1 && size < (single[changes[0]!.party]?.size ?? Infinity)) single[changes[0]!.party] = c;
    if (size < (joint?.size ?? Infinity)) joint = c;
  }
  const list = single.filter((c): c is Concession => c !== undefined);
  if (joint && !list.some((c) => c.size <= joint!.size + 1e-9)) list.push(joint);
  return list;
}

/** The least relaxation of one red line that opens a zone, trying newly allowed values nearest first. */
function redLineConcession(model: Model, u: Utilities, index: number, line: RedLine, budget?: WorkBudget): Concession | undefined {
  const issue = model.space.issues[line.then.issue]!;
  const allowed = line.then.allowed;
  const banned = [...allowed.keys()].filter((j) => !allowed[j]);
  const others = model.redLines.filter((_, i) => i !== index);
  const opens = (lines: readonly RedLine[]): OutcomePoint | undefined => {
    const f = feasibleFrontier(u, lines, undefined, budget);
    const row = nashSolution(f, u.reservations);
    return row >= 0 && isRational(f, row, u.reservations) ? pointOf(f, row) : undefined;
  };
  const numeric = issue.kind !== "discrete";
  const distance = (j: number) => {
    if (!numeric) return 0;
    let d = Infinity;
    for (let a = 0; a < allowed.length; a++) if (allowed[a]) d = Math.min(d, Math.abs(issue.numberAt(a) - issue.numberAt(j)));
    return d;
  };
  const order = banned.sort((a, b) => distance(a) - distance(b) || a - b);
  const relaxed = allowed.slice();
  for (const j of order) {
    // Numeric red lines widen nearest value first; discrete ones admit one option at a time.
    const mask = numeric ? relaxed : allowed.slice();
    mask[j] = 1;
    const then: Condition = { issue: line.then.issue, allowed: mask };
    const opened = opens([...others, { ...line, then }]);
    if (opened) {
      const newly = mask.reduce((n, x, i) => n + (x && !allowed[i] ? 1 : 0), 0);
      const above = [...allowed.keys()].some((a) => allowed[a] && a < j);
      const change = numeric ? `allow ${issue.name} ${above ? "up" : "down"} to ${fmt(issue.valueAt(j))}` : `allow ${issue.name} = ${issue.valueAt(j)}`;
      return { kind: "red-line", party: line.party, line: index, change, size: newly / issue.cardinality, opens: opened };
    }
  }
  const opened = numeric && !line.if.length ? undefined : opens(others);
  return opened && { kind: "red-line", party: line.party, line: index, change: "drop it", size: 1, opens: opened };
}

function fmt(v: string | number): string {
  return typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v;
}
