import { ACCEPT, type Agent, END } from "./agent.js";
import { agentRandom, type RunOptions, turnsOf } from "./alternating-offers.js";
import type { Arena } from "./arena.js";
import type { Mediator } from "./mediator.js";
import { finish, type NegotiationResult, type TraceStep, utilitiesAt } from "./outcome.js";

/**
 * The mediated single negotiating text procedure (Fisher; Raiffa 1982): each round the mediator
 * puts one text to every party; a party accepts it, walks away, or answers with a
 * counter-proposal that the mediator reads as its objection; the mediator amends the text. All
 * parties accepting the same text is the agreement. A round is one text; time t = round / rounds.
 */
export function runSingleText(
  arena: Arena,
  agents: readonly Agent[],
  mediator: Mediator,
  options: RunOptions,
): NegotiationResult {
  if (arena.restricted)
    throw new RangeError("the single-text protocol amends texts issue by issue and needs an enumerable outcome space");
  const n = agents.length;
  const rounds = Math.max(1, Math.floor(turnsOf(options.deadline, n) / n));
  agents.forEach((a, p) => a.start({ arena, party: p, random: agentRandom(options.seed, p), turns: rounds }));
  mediator.start({ arena, random: agentRandom(options.seed, n) });
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;
  const answers = new Int32Array(n);
  let text = mediator.first();
  for (let r = 0; r < rounds; r++) {
    const t = r / rounds;
    trace?.push({ round: r + 1, party: -1, action: "offer", offer: text, utilities: utilitiesAt(arena, text) });
    let accepted = 0;
    for (let p = 0; p < n; p++) {
      const a = agents[p]!.act(text, t);
      answers[p] = a;
      if (a === ACCEPT) accepted++;
      trace?.push({
        round: r + 1,
        party: p,
        action: a === ACCEPT ? "accept" : a === END ? "end" : "reject",
        offer: a >= 0 ? a : text,
        utilities: utilitiesAt(arena, a >= 0 ? a : text),
      });
      if (a === END) return finish(arena, -1, (r + 1) / rounds, r + 1, "walk-away", p, trace);
    }
    if (accepted === n) return finish(arena, text, (r + 1) / rounds, r + 1, "agreement", -1, trace);
    for (let p = 0; p < n; p++)
      if (answers[p]! >= 0) for (let q = 0; q < n; q++) if (q !== p) agents[q]!.observe?.(p, answers[p]!, t);
    text = mediator.amend(text, answers, t);
  }
  return finish(arena, -1, 1, rounds, "deadline", -1, trace);
}
