import { type Arena, createArena } from "../negotiation/arena.js";
import {
  type RunRecord,
  runJobs,
  type ScenarioReference,
  scenarioReference,
  type TournamentJob,
  type TournamentSettings,
} from "../negotiation/tournament.js";
import type { StoreAddress } from "../store/open-store.js";
import { withThreadStore } from "../store/thread-store.js";
import { runInBackground } from "./background-priority.js";
import { loadSource, type ScenarioSource } from "./scenario-source.js";

runInBackground();

export interface TournamentTask {
  readonly source: ScenarioSource;
  readonly discretize: number;
  readonly settings: TournamentSettings;
  readonly jobs: readonly TournamentJob[];
}

/** Arenas are built once per worker and scenario, then reused by every batch. */
const arenas = new Map<string, { arena: Arena; reference: ScenarioReference }>();

/** A batch for a pool thread that stores its runs itself: only the count crosses back. */
export interface StoredBatch {
  readonly task: TournamentTask;
  readonly tournament: string;
  readonly address: StoreAddress;
}

export default async function runAndStore(batch: StoredBatch): Promise<number> {
  const records = runTask(batch.task);
  await withThreadStore(batch.address, (store) => store.addRuns(batch.tournament, records));
  return records.length;
}

export function runTask(task: TournamentTask): RunRecord[] {
  const key = JSON.stringify([task.source, task.discretize]);
  let prepared = arenas.get(key);
  if (!prepared) {
    const arena = createArena(loadSource(task.source, task.discretize).model);
    arenas.set(key, (prepared = { arena, reference: scenarioReference(arena) }));
  }
  return runJobs(prepared.arena, prepared.reference, task.settings, task.jobs);
}
