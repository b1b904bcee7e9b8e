import { createRandom } from "../analysis/random.js";
import { ACCEPT, type Agent, END } from "./agent.js";
import type { Arena } from "./arena.js";
import { finish, type NegotiationResult, type TraceStep, utilitiesAt } from "./outcome.js";

export interface Deadline {
  /** Rounds: each party acts once per round. */
  readonly rounds?: number;
  /** Or simulated seconds, each turn taking `turnSeconds` (default 1 s). */
  readonly seconds?: number;
  readonly turnSeconds?: number;
}

export interface RunOptions {
  readonly deadline: Deadline;
  readonly seed: number;
  /** Record every action (off for speed). */
  readonly trace?: boolean;
}

/** Per-party seeded streams, so one agent's randomness never shifts another's. */
export function agentRandom(seed: number, party: number): () => number {
  return createRandom((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + party * 0x27d4eb2f) >>> 0);
}

/** Turns allowed by a deadline with n parties. */
export function turnsOf(deadline: Deadline, n: number): number {
  if (deadline.rounds !== undefined) return deadline.rounds * n;
  return Math.max(1, Math.floor((deadline.seconds ?? 0) / (deadline.turnSeconds ?? 1)));
}

/**
 * The stacked alternating offers protocol of the ANAC competitions (Aydoğan et al. 2017): the
 * parties act in turn; each accepts the standing offer, makes a counter-offer (which becomes
 * the standing offer) or walks away. An offer accepted by every other party in a row is the
 * agreement. Time t = turns taken / turns allowed. Deterministic for a seed.
 */
export function runAlternatingOffers(arena: Arena, agents: readonly Agent[], options: RunOptions): NegotiationResult {
  const n = agents.length;
  const turns = turnsOf(options.deadline, n);
  agents.forEach((a, p) => a.start({ arena, party: p, random: agentRandom(options.seed, p), turns }));
  const observers = agents.map((a, p) => (a.observe ? p : -1)).filter((p) => p >= 0);
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;
  let offer = -1,
    accepts = 0;
  for (let turn = 0; turn < turns; turn++) {
    const p = turn % n;
    const t = turn / turns;
    const action = agents[p]!.act(offer, t);
    const round = Math.floor(turn / n) + 1;
    if (action === ACCEPT && offer >= 0) {
      trace?.push({ round, party: p, action: "accept", offer, utilities: utilitiesAt(arena, offer) });
      if (++accepts === n - 1) return finish(arena, offer, (turn + 1) / turns, round, "agreement", -1, trace);
    } else if (action === END || action === ACCEPT) {
      // Accepting when nothing is on the table is no move at all: treated as walking away.
      trace?.push({ round, party: p, action: "end", offer: -1, utilities: utilitiesAt(arena, -1) });
      return finish(arena, -1, (turn + 1) / turns, round, "walk-away", p, trace);
    } else {
      offer = action;
      accepts = 0;
      trace?.push({ round, party: p, action: "offer", offer, utilities: utilitiesAt(arena, offer) });
      for (const q of observers) if (q !== p) agents[q]!.observe!(p, offer, t);
    }
  }
  return finish(arena, -1, 1, Math.ceil(turns / n), "deadline", -1, trace);
}
