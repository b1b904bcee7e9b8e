import { createHash } from "node:crypto";
import { type Job, Queue, type QueueEvents, Worker } from "bullmq";
import { Piscina } from "piscina";
import { jobKey } from "../negotiation/tournament.js";
import type { Store, StoreAddress } from "../store/store.js";
import { connection, eventsFromNow, jobOutcomes, reachable, runUntilStopped, workerOptions } from "./redis-queue.js";
import type { RemoteBatches } from "./run-tournament.js";
import type { StoredBatch, TournamentTask } from "./tournament-worker.js";

/** The one queue every coordinator and `parley worker` share on a Redis server. */
export const QUEUE = "parley-tournament-batches";

interface BatchJob {
  readonly tournament: string;
  readonly task: TournamentTask;
}

/**
 * Tournament batches as BullMQ jobs, one per batch. Whichever worker takes a job runs it and stores
 * its runs in the workspace; a worker that dies holding one loses its lock and the job goes back
 * to the queue for another. A job's id is its tournament and the runs it holds, so the same batch
 * queued twice (two coordinators, or a resumed run while the stopped one's batches are still
 * queued) runs once, and a resumed run's batches are never taken for the stopped run's. Runs are
 * stored by key, so a batch run twice stores the same rows once. `warn` hears when no worker is
 * connected: the batches then wait in the queue.
 */
export function redisBatches(url: string, warn?: (line: string) => void): RemoteBatches {
  return async (tournament, tasks, onBatch, signal) => {
    if (!tasks.length) return;
    await reachable(url);
    const queue = new Queue<BatchJob>(QUEUE, { connection: connection(url) });
    let events: QueueEvents | undefined;
    let watch: NodeJS.Timeout | undefined;
    try {
      // Opened before the jobs are added: no outcome of theirs is missed, however busy the machine.
      events = await eventsFromNow(url, QUEUE, queue);
      const jobs = await queue.addBulk(
        tasks.map((task) => ({
          name: "batch",
          data: { tournament, task },
          // A batch that fails (not one whose worker died: that one is re-queued) is tried again.
          opts: { jobId: batchId(tournament, task), attempts: 3, removeOnComplete: true, removeOnFail: 100 },
        })),
      );
      let left = jobs.length;
      const finished = jobOutcomes<number>(queue, events, jobs, (i, outcome) => {
        if ("error" in outcome) throw new Error(outcome.error);
        left--;
        onBatch(tasks[i]!);
      });
      finished.catch(() => undefined); // raced below; a failure before then is not unhandled
      if (warn) {
        let connected = true;
        const look = async () => {
          const now = (await queue.getWorkersCount()) > 0;
          if (!now && connected)
            warn(
              `no parley worker is connected to ${url}: ${left === 1 ? "1 batch waits" : `${left} batches wait`} in the queue until one is (PARLEY_REDIS=${url} parley worker)`,
            );
          connected = now;
        };
        // A server that does not list its clients (some hosted ones) only goes without the notice.
        await look().catch(() => undefined);
        watch = setInterval(() => look().catch(() => undefined), 10_000);
      }
      // Stopping leaves the queued batches to the workers; the workspace keeps what they store.
      const stop = new Promise<void>((resolve) =>
        signal?.aborted ? resolve() : signal?.addEventListener("abort", () => resolve(), { once: true }),
      );
      await Promise.race([finished, stop]);
    } finally {
      clearInterval(watch);
      await Promise.allSettled([events?.close(), queue.close()]);
    }
  };
}

/** A batch's job id: its tournament and a hash of the runs it holds. */
export const batchId = (tournament: string, task: TournamentTask) =>
  `${tournament}-${createHash("sha256").update(task.jobs.map(jobKey).join("\n")).digest("hex").slice(0, 16)}`;

/**
 * A worker: takes batches from the queue, runs them, stores their runs in the workspace at
 * `address` (the one `store` is open on). Runs until `signal` aborts. The lock a worker holds on
 * its batch lapses after `lockMs` without renewal (a killed worker): the batch then goes back to
 * the queue. A batch runs on a thread of its own, so the lock is renewed however long it takes: run
 * on the main thread, a batch longer than the lock (a busy machine) lost it while still running
 * and was taken again, over and over.
 */
export async function runWorker(
  url: string,
  store: Store,
  address: StoreAddress,
  options: { lockMs?: number; signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<void> {
  await reachable(url);
  const lockDuration = options.lockMs ?? 30_000;
  const known = new Set<string>();
  const thread = new Piscina<StoredBatch, number>({
    filename: new URL("./tournament-worker.js", import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
  });
  const worker = new Worker<BatchJob, number>(
    QUEUE,
    async (job: Job<BatchJob>) => {
      await checkShared(store, job.data.tournament, known, options.log);
      options.log?.(
        `taking batch ${job.id} (${job.data.task.jobs.length} runs)${job.attemptsStarted > 1 ? `, attempt ${job.attemptsStarted}` : ""}`,
      );
      const stored = await thread.run({ task: job.data.task, tournament: job.data.tournament, address });
      options.log?.(`stored batch ${job.id}`);
      return stored;
    },
    workerOptions(url, lockDuration),
  );
  await runUntilStopped(worker, lockDuration, options);
  await thread.destroy();
}

/**
 * Refuses a batch of a tournament this worker's store does not hold: the coordinator registered it
 * in its own workspace, so this worker's runs would have nowhere to go (a foreign-key failure).
 * The batch fails here and goes back to the queue for a worker that shares the workspace.
 */
async function checkShared(store: Store, tournament: string, known: Set<string>, log?: (line: string) => void) {
  if (known.has(tournament)) return;
  if ((await store.tournaments()).some((t) => t.id === tournament)) {
    known.add(tournament);
    return;
  }
  const message = `tournament ${tournament} is not in this worker's workspace (${store.kind}): a worker must share the coordinator's workspace — give it the same PARLEY_DATABASE_URL, or --db the same SQLite file`;
  log?.(message);
  throw new Error(message);
}
