import { bargainingSolutions } from "../analysis/bargaining-solutions.js";
import { type Frontier, paretoFrontier } from "../analysis/pareto.js";
import type { Deadline } from "./alternating-offers.js";
import type { Arena } from "./arena.js";
import type { NegotiationResult } from "./outcome.js";
import { createSimulation, type ProtocolName } from "./simulate.js";

/** One negotiation of a tournament: which scenario, which agent plays each party, which repetition. */
export interface TournamentJob {
  readonly scenario: number;
  /** Agent spec per party, in profile order. */
  readonly agents: readonly string[];
  readonly repetition: number;
  readonly seed: number;
}

export interface TournamentSettings {
  readonly protocol: ProtocolName;
  readonly mediator?: string;
  readonly deadline: Deadline;
}

/** What a tournament keeps of one run. */
export interface RunRecord extends TournamentJob {
  readonly agreement: boolean;
  /** The agreement crosses a red line of some party: a deal that party, bound by it, would not sign. */
  readonly crossesRedLine: boolean;
  /** Discounted utility per party (what each agent scored). */
  readonly utilities: readonly number[];
  readonly rounds: number;
  /** Euclidean distance of the (undiscounted) utility vector to the nearest Pareto point. */
  readonly distanceToFrontier: number;
  /** Euclidean distance to the Nash solution's utilities. */
  readonly distanceToNash: number;
  /** Sum of the (undiscounted) utilities. */
  readonly welfare: number;
}

/**
 * Every ordered tuple of agents over each scenario's parties (so each pair plays both role
 * orders, and an agent also meets itself), R repetitions each, with a seed per run.
 */
export function tournamentJobs(
  parties: readonly number[],
  agents: readonly string[],
  repetitions: number,
  seed: number,
): TournamentJob[] {
  const jobs: TournamentJob[] = [];
  parties.forEach((n, scenario) => {
    const tuples = agents.length ** n;
    for (let t = 0; t < tuples; t++) {
      const tuple: string[] = [];
      for (let p = 0, x = t; p < n; p++, x = Math.floor(x / agents.length)) tuple.unshift(agents[x % agents.length]!);
      for (let r = 0; r < repetitions; r++)
        jobs.push({ scenario, agents: tuple, repetition: r, seed: runSeed(seed, scenario, t, r) });
    }
  });
  return jobs;
}

function runSeed(seed: number, scenario: number, tuple: number, repetition: number): number {
  let h = seed >>> 0;
  for (const x of [scenario, tuple, repetition]) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return h;
}

/** A stable key of a job (for resuming). */
export const jobKey = (j: Pick<TournamentJob, "scenario" | "agents" | "repetition">) =>
  `${j.scenario}|${j.agents.join(",")}|${j.repetition}`;

/** Reference points of a scenario that runs are scored against. */
export interface ScenarioReference {
  readonly frontier: Frontier;
  readonly nash: Float64Array;
}

export function scenarioReference(arena: Arena): ScenarioReference {
  const frontier = paretoFrontier(arena.tables);
  const row = bargainingSolutions.nash(frontier, arena.reservations);
  const k = arena.parties;
  return {
    frontier,
    nash: row >= 0 ? frontier.utilities.slice(row * k, (row + 1) * k) : Float64Array.from(arena.reservations),
  };
}

/** Runs a batch of jobs on one scenario (agents are created once per distinct tuple). */
export function runJobs(
  arena: Arena,
  reference: ScenarioReference,
  settings: TournamentSettings,
  jobs: readonly TournamentJob[],
): RunRecord[] {
  const sims = new Map<string, ReturnType<typeof createSimulation>>();
  return jobs.map((job) => {
    const key = job.agents.join(",");
    let sim = sims.get(key);
    if (!sim) sims.set(key, (sim = createSimulation(arena, { ...settings, agents: job.agents })));
    return record(job, sim.run(job.seed), reference, arena);
  });
}

function record(job: TournamentJob, r: NegotiationResult, ref: ScenarioReference, arena: Arena): RunRecord {
  const k = r.utilities.length;
  let toFrontier = Infinity;
  for (let s = 0; s < ref.frontier.size; s++) {
    let d = 0;
    for (let p = 0; p < k; p++) d += (ref.frontier.utilities[s * k + p]! - r.utilities[p]!) ** 2;
    toFrontier = Math.min(toFrontier, d);
  }
  let toNash = 0,
    welfare = 0;
  for (let p = 0; p < k; p++) {
    toNash += (ref.nash[p]! - r.utilities[p]!) ** 2;
    welfare += r.utilities[p]!;
  }
  return {
    ...job,
    agreement: r.agreement,
    crossesRedLine: r.agreement && arena.model.redLines.length > 0 && arena.allowed.some((ok) => ok[r.outcome] === 0),
    utilities: Array.from(r.discounted),
    rounds: r.rounds,
    distanceToFrontier: Math.sqrt(toFrontier),
    distanceToNash: Math.sqrt(toNash),
    welfare,
  };
}

/** Per-agent standing: averages over every party it played in every run. */
export interface AgentStanding {
  readonly agent: string;
  readonly runs: number;
  readonly meanUtility: number;
  readonly agreementRate: number;
  /** The share of its runs ending in a deal that crosses no party's red line. */
  readonly withinRedLinesRate: number;
  readonly meanDistanceToFrontier: number;
  readonly meanDistanceToNash: number;
  readonly meanWelfare: number;
  readonly meanRounds: number;
}

export function standings(records: readonly RunRecord[], agents: readonly string[]): AgentStanding[] {
  return agents
    .map((agent) => {
      let runs = 0,
        u = 0,
        agreed = 0,
        within = 0,
        df = 0,
        dn = 0,
        w = 0,
        rounds = 0;
      for (const r of records)
        r.agents.forEach((a, p) => {
          if (a !== agent) return;
          runs++;
          u += r.utilities[p]!;
          agreed += r.agreement ? 1 : 0;
          within += r.agreement && !r.crossesRedLine ? 1 : 0;
          df += r.distanceToFrontier;
          dn += r.distanceToNash;
          w += r.welfare;
          rounds += r.rounds;
        });
      const m = (x: number) => (runs ? x / runs : NaN);
      return {
        agent,
        runs,
        meanUtility: m(u),
        agreementRate: m(agreed),
        withinRedLinesRate: m(within),
        meanDistanceToFrontier: m(df),
        meanDistanceToNash: m(dn),
        meanWelfare: m(w),
        meanRounds: m(rounds),
      };
    })
    .sort((a, b) => b.meanUtility - a.meanUtility);
}
