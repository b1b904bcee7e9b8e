import type { Worker } from "bullmq";
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
