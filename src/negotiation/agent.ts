import type { Arena } from "./arena.js";

/** An agent's answer to the standing offer: accept it, walk away, or a counter-offer (a candidate ≥ 0). */
export const ACCEPT = -1;
export const END = -2;

export interface AgentContext {
  readonly arena: Arena;
  /** This agent's party index. */
  readonly party: number;
  /** Seeded random stream: the only randomness an agent may use. */
  readonly random: () => number;
  /** Turns the deadline allows in all: `act` is then called at t = turn / turns. */
  readonly turns?: number;
}

/**
 * A negotiation strategy. `act` is the hot path: called once per turn with the standing offer
 * (-1 before the first offer) and the normalised time t ∈ [0, 1]; it must not allocate.
 */
export interface Agent {
  start(ctx: AgentContext): void;
  act(offer: number, t: number): number;
  /** Sees every offer another party makes (for opponent models). */
  observe?(party: number, offer: number, t: number): void;
}

/** A named kind of agent; `param` is what follows the colon in `boulware:0.1`. */
export interface AgentKind {
  readonly name: string;
  readonly description: string;
  create(param?: string): Agent;
}

export { lastAtLeast } from "./ranking.js";
