import { createArena, type Arena } from "../negotiation/arena.js";
import { runJobs, scenarioReference, type RunRecord, type ScenarioReference, type TournamentJob, type TournamentSettings } from "../negotiation/tournament.js";
import { loadSource, type ScenarioSource } from "./scenario-source.js";
import { runInBackground } from "./background-priority.js";

runInBackground();

export interface TournamentTask {
  readonly source: ScenarioSource;
  readonly discretize: number;
  readonly settings: TournamentSettings;
  readonly jobs: readonly TournamentJob[];
}

/** Arenas are built once per worker and scenario, then reused by every batch. */
const arenas = new Map<string, { arena: Arena; reference: ScenarioReference }>();

export default function runTask(task: TournamentTask): RunRecord[] {
  const key = JSON.stringify([task.source, task.discretize]);
  let prepared = arenas.get(key);
  if (!prepared) {
    const arena = createArena(loadSource(task.source, task.discretize).model);
    arenas.set(key, (prepared = { arena, reference: scenarioReference(arena) }));
  }
  return runJobs(prepared.arena, prepared.reference, task.settings, task.jobs);
}
