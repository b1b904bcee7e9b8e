import { InputError } from "../errors.js";
import type { Agent } from "./agent.js";
import { createAgent } from "./agents/index.js";
import { type Deadline, runAlternatingOffers, turnsOf } from "./alternating-offers.js";
import type { Arena } from "./arena.js";
import type { Mediator } from "./mediator.js";
import { createMediator } from "./mediators/index.js";
import type { NegotiationResult } from "./outcome.js";
import { runSingleText } from "./single-text.js";

export const PROTOCOLS = ["alternating", "single-text"] as const;

/** Deadlines longer than this many rounds are refused unless the limit is raised: far beyond any competition's, and a traced run's memory grows with it. */
export const MAX_ROUNDS = 100_000;
export type ProtocolName = (typeof PROTOCOLS)[number];

export interface SimulationSetup {
  readonly protocol: ProtocolName;
  /** One agent spec per party, in profile order (`boulware`, `conceder:3`, …). */
  readonly agents: readonly string[];
  readonly mediator?: string;
  readonly deadline: Deadline;
  /** The round limit (default MAX_ROUNDS). */
  readonly maxRounds?: number;
}

/** A checked, ready-to-run negotiation: agents created once, reusable across seeds. */
export interface Simulation {
  run(seed: number, trace?: boolean): NegotiationResult;
}

/** Validates the setup against the arena (every problem at once) and returns a runner. */
export function createSimulation(arena: Arena, setup: SimulationSetup): Simulation {
  const problems = [];
  if (!PROTOCOLS.includes(setup.protocol))
    problems.push({
      code: "simulate.protocol",
      message: `unknown protocol "${setup.protocol}"`,
      hint: `known protocols: ${PROTOCOLS.join(", ")}`,
    });
  if (setup.agents.length && setup.agents.length !== arena.parties)
    problems.push({
      code: "simulate.agents",
      message: `${setup.agents.length} agent(s) for ${arena.parties} parties`,
      hint: `give one agent per profile, e.g. --agents ${Array.from({ length: arena.parties }, (_, i) => (i % 2 ? "conceder" : "boulware")).join(",")}`,
    });
  if (arena.parties < 2)
    problems.push({ code: "simulate.parties", message: "a negotiation needs at least two parties" });
  if (setup.protocol === "single-text" && arena.restricted)
    problems.push({
      code: "simulate.space",
      message: `the single-text protocol needs an enumerable outcome space; this one has ${arena.model.space.size} outcomes`,
      hint: "use --protocol alternating",
    });
  const rounds = setup.deadline.rounds ?? setup.deadline.seconds;
  if (!(rounds !== undefined && rounds > 0))
    problems.push({
      code: "simulate.deadline",
      message: "the deadline must be a positive number of rounds or seconds",
    });
  const maxRounds = setup.maxRounds ?? MAX_ROUNDS;
  const turns = turnsOf(setup.deadline, Math.max(1, arena.parties));
  if (turns > maxRounds * Math.max(1, arena.parties))
    problems.push({
      code: "limit.rounds",
      message: `the deadline allows ${Math.ceil(turns / Math.max(1, arena.parties)).toLocaleString("en-US")} rounds; the limit is ${maxRounds.toLocaleString("en-US")}`,
      hint: `raise the limit to ${Math.ceil(turns / Math.max(1, arena.parties))}, or give a shorter deadline`,
    });
  if (!setup.agents.length)
    problems.push({
      code: "simulate.agents",
      message: "no agents given",
      hint: `give one per party, e.g. --agents ${Array.from({ length: Math.max(2, arena.parties) }, (_, i) => (i % 2 ? "conceder" : "boulware")).join(",")}`,
    });
  const agents: Agent[] = [];
  for (const spec of setup.agents) {
    try {
      agents.push(createAgent(spec));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  let mediator: Mediator | undefined;
  if (setup.protocol === "single-text") {
    try {
      mediator = createMediator(setup.mediator ?? "shuttle");
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  return {
    run: (seed, trace = false) =>
      mediator
        ? runSingleText(arena, agents, mediator, { deadline: setup.deadline, seed, trace })
        : runAlternatingOffers(arena, agents, { deadline: setup.deadline, seed, trace }),
  };
}
