import { redLineStatus } from "../model/red-line.js";
import type { Model, Proposal } from "../model/scenario.js";
import { type Utilities, utilityRange } from "../model/utilities.js";
import { nashSolution, utilitarianSolution } from "./bargaining-solutions.js";
import { feasibleFrontier } from "./feasible-frontier.js";
import { type Frontier, fullMask, UTILITY_EPS } from "./pareto.js";
import type { WorkBudget } from "./work-budget.js";

/** A frontier row (or any outcome) as choices and utilities. */
export interface OutcomePoint {
  readonly choices: Int32Array;
  readonly utilities: Float64Array;
}

export interface ProposalEvaluation {
  readonly proposal: Proposal;
  /** Indices of the issues the proposal leaves open. */
  readonly open: readonly number[];
  /** Per party [least, greatest] utility over its completions (equal when complete). */
  readonly utilities: readonly (readonly [number, number])[];
  /** Red lines it crosses (`crossed`) or may cross depending on open issues (`open`). */
  readonly redLines: readonly { readonly line: number; readonly status: "crossed" | "open" }[];
  /** Every party gets at least its reservation value and no red line is crossed (for some completion, when open). */
  readonly acceptable: boolean;
  /** Complete proposals only: no outcome gives one party more and no party less. */
  readonly paretoEfficient: boolean | null;
  /** The nearest outcome crossing no red line that dominates it, if any. */
  readonly dominatedBy: OutcomePoint | null;
  /** Open proposals only: the completion a Nash bargain would pick (crossing no red line). */
  readonly completion: OutcomePoint | null;
}

export function evaluateProposal(
  model: Model,
  u: Utilities,
  proposal: Proposal,
  frontier: Frontier,
  feasible: Frontier,
  budget?: WorkBudget,
): ProposalEvaluation {
  const k = u.parties;
  const c = proposal.choices;
  const open = [...c.keys()].filter((i) => c[i]! < 0);
  const utilities = model.parties.map((_, p) => utilityRange(u, p, c));
  const redLines = model.redLines.flatMap((line, i) => {
    const status = redLineStatus(line, c);
    return status === "clear" ? [] : [{ line: i, status }];
  });
  if (open.length) {
    const mask = fullMask(u);
    for (let i = 0; i < u.issues; i++)
      if (c[i]! >= 0) for (let j = 0; j < u.cardinalities[i]!; j++) mask[u.offsets[i]! + j] = j === c[i] ? 1 : 0;
    const completions = feasibleFrontier(u, model.redLines, mask, budget);
    let row = nashSolution(completions, u.reservations);
    const acceptable = row >= 0;
    if (row < 0) row = utilitarianSolution(completions, new Float64Array(k).fill(-Infinity));
    const completion = row >= 0 ? pointOf(completions, row) : null;
    return { proposal, open, utilities, redLines, acceptable, paretoEfficient: null, dominatedBy: null, completion };
  }
  const point = Float64Array.from(utilities, ([lo]) => lo);
  const acceptable = redLines.length === 0 && point.every((x, p) => x >= u.reservations[p]! - UTILITY_EPS);
  const paretoEfficient = nearestDominating(frontier, point) < 0;
  const row = nearestDominating(feasible, point);
  return {
    proposal,
    open,
    utilities,
    redLines,
    acceptable,
    paretoEfficient,
    dominatedBy: row >= 0 ? pointOf(feasible, row) : null,
    completion: null,
  };
}

/** The frontier row closest (Euclidean) to `point` among those that dominate it, or -1. */
export function nearestDominating(f: Frontier, point: ArrayLike<number>): number {
  const k = f.parties;
  let best = -1,
    bestD = Infinity;
  for (let r = 0; r < f.size; r++) {
    let ge = true,
      gt = false,
      d = 0;
    for (let p = 0; p < k; p++) {
      const x = f.utilities[r * k + p]!,
        y = point[p]!;
      if (x < y - UTILITY_EPS) ge = false;
      if (x > y + UTILITY_EPS) gt = true;
      d += (x - y) ** 2;
    }
    if (ge && gt && d < bestD) {
      best = r;
      bestD = d;
    }
  }
  return best;
}

export function pointOf(f: Frontier, row: number): OutcomePoint {
  return {
    choices: f.outcomes.slice(row * f.issues, (row + 1) * f.issues),
    utilities: f.utilities.slice(row * f.parties, (row + 1) * f.parties),
  };
}
