import type { Arena } from "./arena.js";

/** How a negotiation ended. */
export type Ending = "agreement" | "deadline" | "walk-away";

/** One action in a trace: who acted, what, and every party's utility for the offer concerned. */
export interface TraceStep {
  readonly round: number;
  readonly party: number;
  readonly action: "offer" | "accept" | "reject" | "end";
  /** The candidate offered or accepted (-1 for none). */
  readonly offer: number;
  readonly utilities: readonly number[];
}

/** The result of one negotiation run. */
export interface NegotiationResult {
  readonly agreement: boolean;
  /** The agreed candidate, or -1. */
  readonly outcome: number;
  /** Undiscounted utilities of the agreement (reservation values without one). */
  readonly utilities: Float64Array;
  /** Utilities discounted as GENIUS does: u · d^t at the normalised time t of the end. */
  readonly discounted: Float64Array;
  /** Rounds used (a round = every party acting once). */
  readonly rounds: number;
  /** Normalised time of the end. */
  readonly time: number;
  readonly ending: Ending;
  /** The party that walked away, or -1. */
  readonly walkedAway: number;
  readonly trace?: readonly TraceStep[];
}

export function finish(
  arena: Arena,
  outcome: number,
  time: number,
  rounds: number,
  ending: Ending,
  walkedAway: number,
  trace?: TraceStep[],
): NegotiationResult {
  const k = arena.parties;
  const utilities = new Float64Array(k),
    discounted = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    const u = outcome >= 0 ? arena.utilities[p]![outcome]! : arena.reservations[p]!;
    utilities[p] = u;
    const d = arena.discounts[p]!;
    discounted[p] = d === 1 ? u : u * d ** time;
  }
  return {
    agreement: outcome >= 0,
    outcome,
    utilities,
    discounted,
    rounds,
    time,
    ending,
    walkedAway,
    ...(trace ? { trace } : {}),
  };
}

export function utilitiesAt(arena: Arena, candidate: number): number[] {
  return arena.utilities.map((u) => (candidate >= 0 ? u[candidate]! : NaN));
}
