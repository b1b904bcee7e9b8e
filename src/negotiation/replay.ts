import type { Arena } from "./arena.js";
import { finish, type NegotiationResult, type TraceStep } from "./outcome.js";

/**
 * Re-derives a stacked-alternating-offers result from its trace alone, applying the protocol's
 * rules to the recorded actions: an audit that the trace says what the run concluded.
 */
export function replayAlternatingOffers(arena: Arena, trace: readonly TraceStep[], rounds: number): NegotiationResult {
  const n = arena.parties;
  const turns = rounds * n;
  let offer = -1,
    accepts = 0;
  for (let turn = 0; turn < trace.length; turn++) {
    const step = trace[turn]!;
    if (step.party !== turn % n) throw new Error(`trace step ${turn}: party ${step.party} acted out of turn`);
    if (step.action === "accept") {
      if (step.offer !== offer)
        throw new Error(`trace step ${turn}: accepted ${step.offer}, but ${offer} was on the table`);
      if (++accepts === n - 1) return finish(arena, offer, (turn + 1) / turns, step.round, "agreement", -1);
    } else if (step.action === "end") return finish(arena, -1, (turn + 1) / turns, step.round, "walk-away", step.party);
    else {
      offer = step.offer;
      accepts = 0;
    }
  }
  return finish(arena, -1, 1, rounds, "deadline", -1);
}
