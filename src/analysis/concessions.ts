import type { Condition, RedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import type { Utilities } from "../model/utilities.js";
import { isRational, nashSolution } from "./bargaining-solutions.js";
import { feasibleFrontier } from "./feasible-frontier.js";
import type { Frontier } from "./pareto.js";
import { type OutcomePoint, pointOf } from "./proposal-evaluation.js";
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
    }
  | {
      /** Several red lines relaxed together: one of each collision. */
      readonly kind: "red-lines";
      readonly changes: readonly {
        readonly party: number;
        readonly line: number;
        readonly change: string;
        readonly size: number;
      }[];
      /** Total share of values newly allowed. */
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
  model.redLines.forEach((_, index) => {
    const c = redLineConcession(model, u, index, budget);
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
      const x = f.utilities[r * k + p]!,
        rv = u.reservations[p]!;
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

/** One way to relax a red line: the line as relaxed, the change in words, and its share of the issue's values newly allowed. */
interface Relaxation {
  readonly line: RedLine;
  readonly change: string;
  readonly size: number;
}

/**
 * The ways to relax one red line, least first: numeric lines widen to the nearest banned value,
 * then the next; discrete ones admit one banned option at a time; a conditional or discrete line
 * can also be dropped.
 */
function relaxations(model: Model, line: RedLine): Relaxation[] {
  const issue = model.space.issues[line.then.issue]!;
  const allowed = line.then.allowed;
  const banned = [...allowed.keys()].filter((j) => !allowed[j]);
  const numeric = issue.kind !== "discrete";
  const distance = (j: number) => {
    if (!numeric) return 0;
    let d = Infinity;
    for (let a = 0; a < allowed.length; a++)
      if (allowed[a]) d = Math.min(d, Math.abs(issue.numberAt(a) - issue.numberAt(j)));
    return d;
  };
  const out: Relaxation[] = [];
  const relaxed = allowed.slice();
  for (const j of banned.sort((a, b) => distance(a) - distance(b) || a - b)) {
    const mask = numeric ? relaxed : allowed.slice();
    mask[j] = 1;
    const newly = mask.reduce((n, x, i) => n + (x && !allowed[i] ? 1 : 0), 0);
    const above = [...allowed.keys()].some((a) => allowed[a] && a < j);
    const change = numeric
      ? `allow ${issue.name} ${above ? "up" : "down"} to ${fmt(issue.valueAt(j))}`
      : `allow ${issue.name} = ${issue.valueAt(j)}`;
    out.push({
      line: { ...line, then: { issue: line.then.issue, allowed: mask.slice() } satisfies Condition },
      change,
      size: newly / issue.cardinality,
    });
  }
  if (!numeric || line.if.length)
    out.push({
      line: { ...line, if: [], then: { issue: line.then.issue, allowed: allowed.map(() => 1) } },
      change: "drop it",
      size: 1,
    });
  return out;
}

/** The Nash outcome of the zone the lines leave, when there is one. */
function opensWith(u: Utilities, lines: readonly RedLine[], budget?: WorkBudget): OutcomePoint | undefined {
  const f = feasibleFrontier(u, lines, undefined, budget);
  const row = nashSolution(f, u.reservations);
  return row >= 0 && isRational(f, row, u.reservations) ? pointOf(f, row) : undefined;
}

/** The least relaxation of one red line that opens a zone, trying newly allowed values nearest first. */
function redLineConcession(model: Model, u: Utilities, index: number, budget?: WorkBudget): Concession | undefined {
  const others = model.redLines.filter((_, i) => i !== index);
  for (const r of relaxations(model, model.redLines[index]!)) {
    const opened = opensWith(u, [...others, r.line], budget);
    if (opened)
      return {
        kind: "red-line",
        party: model.redLines[index]!.party,
        line: index,
        change: r.change,
        size: r.size,
        opens: opened,
      };
  }
  return undefined;
}

/** More choices than this of one line per collision are not searched. */
const MAX_JOINT = 64;

/**
 * When red lines collide more than once, no single relaxation can open a zone: one line of each
 * collision has to give. For each choice of one line per collision, the relaxations with the
 * least total size that open a zone.
 */
export function jointRedLineConcessions(
  model: Model,
  u: Utilities,
  collisions: readonly (readonly number[])[],
  budget?: WorkBudget,
): Concession[] {
  let choices: number[][] = [[]];
  for (const c of collisions) choices = choices.flatMap((ch) => c.map((i) => [...ch, i]));
  if (choices.length > MAX_JOINT) return [];
  const out: Concession[] = [];
  for (const chosen of choices) {
    const others = model.redLines.filter((_, i) => !chosen.includes(i));
    let combos: Relaxation[][] = [[]];
    for (const i of chosen)
      combos = combos.flatMap((co) => relaxations(model, model.redLines[i]!).map((r) => [...co, r]));
    const total = (co: Relaxation[]) => co.reduce((t, r) => t + r.size, 0);
    for (const co of combos.sort((a, b) => total(a) - total(b))) {
      const opened = opensWith(u, [...others, ...co.map((r) => r.line)], budget);
      if (!opened) continue;
      out.push({
        kind: "red-lines",
        changes: chosen.map((line, k) => ({
          party: model.redLines[line]!.party,
          line,
          change: co[k]!.change,
          size: co[k]!.size,
        })),
        size: total(co),
        opens: opened,
      });
      break;
    }
  }
  return out.sort((a, b) => a.size - b.size);
}

function fmt(v: string | number): string {
  return typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v;
}
