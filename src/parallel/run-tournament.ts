import { createHash } from "node:crypto";
import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { InputError } from "../errors.js";
import { createAgent } from "../negotiation/agents/index.js";
import { MAX_ENUMERATED } from "../negotiation/arena.js";
import { createMediator } from "../negotiation/mediators/index.js";
import { MAX_ROUNDS } from "../negotiation/simulate.js";
import { jobKey, type RunRecord, type TournamentSettings, tournamentJobs } from "../negotiation/tournament.js";
import type { Store, StoreAddress } from "../store/store.js";
import { loadSource, type ScenarioSource, sourceContentHashes } from "./scenario-source.js";
import { runTask, type StoredBatch, type TournamentTask } from "./tournament-worker.js";

export interface TournamentConfig {
  readonly sources: readonly ScenarioSource[];
  readonly agents: readonly string[];
  readonly repetitions: number;
  readonly seed: number;
  readonly settings: TournamentSettings;
  readonly discretize: number;
}

export interface TournamentRun {
  readonly id: string;
  readonly total: number;
  /** Runs found already stored (resumed). */
  readonly resumed: number;
  readonly records: RunRecord[];
  readonly stopped: boolean;
}

/** Jobs per task: large enough to amortise messaging, small enough to store progress often. */
const BATCH = 200;

/**
 * Runs a tournament's batches away from the calling thread — on this process's worker threads or
 * on BullMQ workers elsewhere: each batch's runs are stored in the workspace by whoever runs it,
 * and `onBatch` is told as each one is.
 */
export type RemoteBatches = (
  tournament: string,
  tasks: readonly TournamentTask[],
  onBatch: (task: TournamentTask) => void,
  signal?: AbortSignal,
) => Promise<void>;

/** Batches on `workers` piscina threads of this process, each storing its own runs (only counts cross back). */
function poolBatches(workers: number, address: StoreAddress): RemoteBatches {
  return async (tournament, tasks, onBatch, signal) => {
    // Every queued task listens to the one stop signal.
    if (signal) setMaxListeners(tasks.length + 16, signal);
    const pool = new Piscina<StoredBatch, number>({
      filename: new URL("./tournament-worker.js", import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
    });
    try {
      await Promise.all(
        tasks.map((task) =>
          pool.run({ task, tournament, address }, signal ? { signal } : {}).then(
            () => onBatch(task),
            (e: unknown) => {
              if (!signal?.aborted) throw e;
            },
          ),
        ),
      );
    } finally {
      await pool.destroy();
    }
  };
}

/** Runs one tournament may hold unless raised (--max-runs): each is a stored row. */
export const MAX_RUNS = 1_000_000;

/**
 * Runs a tournament on worker threads (`workers` = 0 runs in this thread), storing every batch
 * in the workspace as it finishes and skipping runs already stored, so a stopped tournament
 * resumes. Validates everything before the first run.
 */
export async function runTournament(
  config: TournamentConfig,
  workspace: Store,
  options: {
    workers?: number;
    maxRuns?: number;
    maxRounds?: number;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    onStart?: (id: string, total: number) => void;
    remote?: RemoteBatches;
  } = {},
): Promise<TournamentRun> {
  const problems = [];
  const cores = availableParallelism();
  if (options.workers !== undefined && options.workers > cores)
    problems.push({
      code: "limit.workers",
      field: "--workers",
      message: `${options.workers} worker threads on a machine with ${cores} cores`,
      hint: `give at most ${cores}: more threads than cores only adds memory and switching`,
    });
  const maxRounds = options.maxRounds ?? MAX_ROUNDS;
  const rounds = config.settings.deadline.rounds ?? 0;
  if (rounds > maxRounds)
    problems.push({
      code: "limit.rounds",
      field: "--rounds",
      message: `${rounds.toLocaleString("en-US")} rounds; the limit is ${maxRounds.toLocaleString("en-US")}`,
      hint: `raise it with --max-rounds ${rounds}, or give a shorter deadline`,
    });
  if (!config.agents.length)
    problems.push({
      code: "tournament.agents",
      field: "--agents",
      message: "no agents given",
      hint: "e.g. --agents boulware,conceder",
    });
  // Runs are keyed by their agents' names: the same agent twice would make runs that overwrite
  // each other, and a tournament that never completes.
  const twice = config.agents.filter((a, i) => config.agents.indexOf(a) !== i);
  if (twice.length)
    problems.push({
      code: "tournament.agents",
      field: "--agents",
      message: `${[...new Set(twice)].join(", ")} named more than once`,
      hint: "name each agent once (boulware:0.1 and boulware:0.3 are two agents); every agent meets every other, itself included",
    });
  // Unknown agents and an unknown mediator are refused here, before any run (a job failing later would say less).
  const checks = [
    ...config.agents.map((a) => () => createAgent(a)),
    ...(config.settings.mediator === undefined ? [] : [() => createMediator(config.settings.mediator!)]),
  ];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  const models = config.sources.map((s) => loadSource(s, config.discretize).model);
  const maxRuns = options.maxRuns ?? MAX_RUNS;
  const total = models.reduce((n, m) => n + config.agents.length ** m.parties.length * config.repetitions, 0);
  if (total > maxRuns)
    throw new InputError([
      {
        code: "limit.runs",
        message: `the tournament would hold ${total.toLocaleString("en-US")} runs; the limit is ${maxRuns.toLocaleString("en-US")}`,
        hint: `raise it with --max-runs ${total}, or give fewer agents, scenarios or --repetitions`,
      },
    ]);
  models.forEach((m, i) => {
    if (m.parties.length < 2)
      problems.push({
        code: "tournament.parties",
        message: `scenario ${i + 1} (${m.name}) has ${m.parties.length} party`,
        hint: "a negotiation needs two parties or more",
      });
    if (config.settings.protocol === "single-text" && !(m.space.size <= BigInt(MAX_ENUMERATED)))
      problems.push({
        code: "tournament.space",
        message: `${m.name}: the single-text protocol needs an enumerable outcome space (${m.space.size} outcomes)`,
        hint: "use --protocol alternating",
      });
  });
  if (problems.length) throw new InputError(problems);

  // Keyed by what the scenarios hold, not only their paths: an edited file is a new tournament.
  const contents = config.sources.map(sourceContentHashes);
  // A text source's content is in its hash already; the id does not carry the whole text twice.
  const described = {
    ...config,
    sources: config.sources.map((s) => (s.kind === "text" ? { kind: s.kind, name: s.name } : s)),
  };
  const id = createHash("sha256")
    .update(JSON.stringify({ ...described, contents }))
    .digest("hex")
    .slice(0, 16);
  const jobs = tournamentJobs(
    models.map((m) => m.parties.length),
    config.agents,
    config.repetitions,
    config.seed,
  );
  // The number of runs it holds when complete is stored with it: a tournament stopped midway and
  // read back later (another process, after a restart) is then known to be incomplete.
  const stored = await workspace.openTournament(id, { ...described, total: jobs.length });
  options.onStart?.(id, jobs.length);
  const done = new Set(stored.map(jobKey));
  const records = stored.slice();
  const todo = jobs.filter((j) => !done.has(jobKey(j)));
  options.onProgress?.(records.length, jobs.length);

  const tasks: TournamentTask[] = [];
  config.sources.forEach((source, scenario) => {
    const mine = todo.filter((j) => j.scenario === scenario);
    for (let i = 0; i < mine.length; i += BATCH)
      tasks.push({ source, discretize: config.discretize, settings: config.settings, jobs: mine.slice(i, i + BATCH) });
  });
  const workers = options.workers ?? availableParallelism();
  // Batches run elsewhere (threads that keep the calling thread free, or other machines) store
  // their own runs; the workspace is then the one account of them.
  const elsewhere = options.remote ?? (workers > 0 ? poolBatches(workers, workspace.address) : undefined);
  if (elsewhere) {
    let done = records.length;
    await elsewhere(id, tasks, (task) => options.onProgress?.((done += task.jobs.length), jobs.length), options.signal);
    const all = await workspace.runs(id);
    return {
      id,
      total: jobs.length,
      resumed: stored.length,
      records: sortRecords(all),
      stopped: all.length < jobs.length,
    };
  }
  for (const task of tasks) {
    if (options.signal?.aborted) break;
    const batch = runTask(task);
    await workspace.addRuns(id, batch);
    records.push(...batch);
    options.onProgress?.(records.length, jobs.length);
  }
  return {
    id,
    total: jobs.length,
    resumed: stored.length,
    records: sortRecords(records),
    stopped: records.length < jobs.length,
  };
}

function sortRecords(records: RunRecord[]): RunRecord[] {
  return records.sort((a, b) => a.scenario - b.scenario || jobKey(a).localeCompare(jobKey(b)));
}
