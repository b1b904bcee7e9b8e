import { type Job, type Queue, QueueEvents, type Worker } from "bullmq";
import { Redis } from "ioredis";
import { InputError } from "../errors.js";

// What every BullMQ queue of Parley shares on Redis: the connection, the check that the server
// answers, the workers' lock and stall settings, and how a worker stops.

/** BullMQ's connection to `url`: its blocking commands must not give up after a number of retries. */
export const connection = (url: string) => ({ url, maxRetriesPerRequest: null });

/** Checks that a Redis server answers at `url` (once, without retrying), else a clear error naming it. */
export async function reachable(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
  });
  let cause: Error | undefined;
  redis.on("error", (e: Error) => (cause ??= e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new InputError(
      [
        {
          code: "redis.connect",
          field: "PARLEY_REDIS",
          message: `cannot reach Redis at ${url}: ${(cause ?? (e as Error)).message}`,
          hint: "start redis-server there, or unset PARLEY_REDIS to run on this machine's threads",
        },
      ],
      { cause: e },
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * The queue `name`'s events, read from the newest one at the time of asking on, however late the
 * reader starts: open it before adding the jobs to wait for, and no outcome of theirs is missed.
 */
export async function eventsFromNow(url: string, name: string, queue: Queue): Promise<QueueEvents> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined); // the command's own failure says it
  try {
    const [newest] = await redis.xrevrange(queue.keys.events!, "+", "-", "COUNT", 1);
    return new QueueEvents(name, { connection: connection(url), lastEventId: newest?.[0] ?? "0-0" });
  } finally {
    redis.disconnect();
  }
}

/** How a job ended: its worker's return value, or why it failed for good. */
export type JobOutcome<R> = { readonly value: R } | { readonly error: string };

/**
 * Resolves once every one of `jobs` has ended, each told to `onOutcome` with its index (a throw
 * there rejects). Outcomes come from `events` (see `eventsFromNow`), and for a job that had
 * already ended when added (an earlier run's, kept) from its state. BullMQ's `waitUntilFinished`
 * takes a job that ended and was removed before the wait began for a missing one, and can miss an
 * outcome sent between its own check and its reader's first read.
 */
export function jobOutcomes<R>(
  queue: Queue,
  events: QueueEvents,
  jobs: readonly Job[],
  onOutcome: (index: number, outcome: JobOutcome<R>) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending = new Map(jobs.map((job, i) => [job.id!, i]));
    if (!pending.size) return resolve();
    const settle = (id: string, outcome: JobOutcome<R>) => {
      const i = pending.get(id);
      if (i === undefined) return;
      pending.delete(id);
      try {
        onOutcome(i, outcome);
      } catch (e) {
        return reject(e);
      }
      if (!pending.size) resolve();
    };
    events.on("completed", ({ jobId, returnvalue }) => settle(jobId, { value: returnvalue as R }));
    events.on("failed", ({ jobId, failedReason }) => settle(jobId, { error: failedReason }));
    Promise.all(
      jobs.map(async (job) => {
        const state = await job.getState();
        if (state !== "completed" && state !== "failed") return;
        const ended = await queue.getJob(job.id!);
        settle(
          job.id!,
          state === "completed" ? { value: ended?.returnvalue as R } : { error: ended?.failedReason ?? "failed" },
        );
      }),
    ).catch(reject);
  });
}

/** One job at a time per worker; a job whose worker stopped renewing its lock goes back to the queue after `lockMs`. */
export const workerOptions = (url: string, lockMs: number) => ({
  connection: connection(url),
  concurrency: 1,
  lockDuration: lockMs,
  stalledInterval: lockMs,
  maxStalledCount: 3,
});

/**
 * Runs a worker until `signal` aborts, then closes it: the job in hand is finished (its result
 * stored) unless Redis has gone — then the worker lets go at once, the job going back to the
 * queue when its lock lapses — and it never waits longer than the lock (by then the job is
 * another worker's anyway). A lost connection is said once, not at every retry.
 */
export async function runUntilStopped(
  worker: Worker,
  lockMs: number,
  options: { signal?: AbortSignal | undefined; log?: ((line: string) => void) | undefined },
): Promise<void> {
  let down = false;
  worker.on("error", (e) => {
    if (!down) options.log?.(`Redis connection lost (${e.message}); retrying`);
    down = true;
  });
  worker.on("ready", () => (down = false));
  await worker.waitUntilReady();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) return resolve();
    options.signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  const closed = worker.close(down).then(
    () => true,
    () => true,
  );
  const tick = () => new Promise<false>((resolve) => setTimeout(() => resolve(false), 250).unref());
  // Redis may also go while the job in hand finishes: stop waiting as soon as it is found gone.
  for (let waited = 0; !(await Promise.race([closed, tick()])) && !down && waited < lockMs; waited += 250);
}
