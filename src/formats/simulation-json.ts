import { crossesRedLine } from "../model/red-line.js";
import type { Arena } from "../negotiation/arena.js";
import type { NegotiationResult } from "../negotiation/outcome.js";
import type { ProtocolName } from "../negotiation/simulate.js";

/** One negotiation as JSON: the settings, the ending, every party's utilities and the full trace. */
export function simulationJson(
  arena: Arena,
  agents: readonly string[],
  o: { protocol: ProtocolName; mediator: string; seed: number },
  r: NegotiationResult,
) {
  const names = arena.model.parties.map((p) => p.name);
  const outcome = (c: number) => (c >= 0 ? arena.model.space.toRecord(arena.choices(c)) : null);
  return {
    protocol: o.protocol,
    ...(o.protocol === "single-text" ? { mediator: o.mediator } : {}),
    parties: names,
    agents,
    seed: o.seed,
    agreement: r.agreement,
    outcome: outcome(r.outcome),
    // The agents judge by utility; an agreement can still cross a party's red line, and says so.
    redLinesCrossed:
      r.outcome >= 0
        ? arena.model.redLines
            .filter((l) => crossesRedLine(l, arena.choices(r.outcome)))
            .map((l) => ({ party: names[l.party]!, label: l.label }))
        : [],
    utilities: Array.from(r.utilities),
    discountedUtilities: Array.from(r.discounted),
    rounds: r.rounds,
    time: r.time,
    ending: r.ending,
    ...(r.walkedAway >= 0 ? { walkedAway: names[r.walkedAway] } : {}),
    ...(arena.restricted
      ? { note: "outcome space too large to enumerate: offers were restricted to Pareto-frontier outcomes" }
      : {}),
    trace: (r.trace ?? []).map((s) => ({
      round: s.round,
      party: s.party >= 0 ? names[s.party] : "mediator",
      action: s.action,
      outcome: outcome(s.offer),
      utilities: s.utilities,
    })),
  };
}
