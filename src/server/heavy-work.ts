import { Piscina } from "piscina";
import { InputError } from "../errors.js";
import type { HeavyRequest, HeavyResult, HeavyResults, HeavyTask, ScenarioText } from "./heavy-worker.js";
import { HttpProblem } from "./problem.js";

/** Results kept per key (analyses, workspace evidence): enough for a team's open scenarios. */
const CACHE_SIZE = 64;

/**
 * The server's heavy work on a piscina pool. Results worth keeping are cached by a key that
 * holds everything they depend on (scenario text, documents, seed): the same key gives the same
 * bytes, so it doubles as the ETag. A request waits for work at most its budget; past it the
 * work goes on and the request is answered 503 with Retry-After — asked again, it gets the result.
 */
export class HeavyWork {
  private readonly pool: Piscina<HeavyRequest, HeavyResult>;
  private readonly cache = new Map<string, Promise<unknown>>();

  /** Computations a client asked for that are not answered yet, by client. */
  private readonly waiting = new Map<string, number>();

  /**
   * `caseFile`: the open case's knowledge (its case.yaml), sent with every task. `admission`:
   * how many computations one client may have waiting, and how many tasks the pool may queue.
   */
  constructor(
    threads: number,
    private readonly caseFile?: ScenarioText,
    private readonly admission: { readonly perClient: number; readonly queue: number } = {
      perClient: Infinity,
      queue: Infinity,
    },
  ) {
    this.pool = new Piscina({
      filename: new URL("./heavy-worker.js", import.meta.url).href,
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  /** Runs a task; its result has the type of its kind; bad input comes back as the InputError it was. */
  async run<K extends HeavyTask["kind"]>(task: Extract<HeavyTask, { kind: K }>): Promise<HeavyResults[K]> {
    const r = await this.pool.run(this.caseFile ? { ...task, case: this.caseFile } : task);
    if ("problems" in r) throw new InputError([...r.problems]);
    // The worker's handler for this kind produced it (heavy-worker.ts: HeavyResults).
    return r.ok as HeavyResults[K];
  }

  /** A cached task's result: computed once per key, shared by everyone asking meanwhile. */
  cached<K extends HeavyTask["kind"]>(
    key: string,
    task: () => Extract<HeavyTask, { kind: K }> | Promise<Extract<HeavyTask, { kind: K }>>,
    client?: string,
  ): Promise<HeavyResults[K]> {
    let p = this.cache.get(key);
    if (p) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, p);
      return p as Promise<HeavyResults[K]>;
    }
    // New work only: an answer at hand (above) is never refused, however busy the pool.
    this.admit(client);
    p = Promise.resolve(task()).then((t) => this.run<K>(t));
    this.cache.set(key, p);
    if (client !== undefined) {
      this.waiting.set(client, (this.waiting.get(client) ?? 0) + 1);
      const done = () => {
        const n = (this.waiting.get(client) ?? 1) - 1;
        if (n > 0) this.waiting.set(client, n);
        else this.waiting.delete(client);
      };
      p.then(done, done);
    }
    // Bad input is the answer for that key; any other failure is not kept: the next request tries again.
    p.catch((e: unknown) => e instanceof InputError || this.cache.delete(key));
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return p as Promise<HeavyResults[K]>;
  }

  /** Refuses new work (503 with Retry-After) past a client's share or when the pool's queue is full. */
  private admit(client: string | undefined): void {
    const retry = { "retry-after": "10" };
    if (client !== undefined && (this.waiting.get(client) ?? 0) >= this.admission.perClient)
      throw new HttpProblem(
        503,
        "busy.client",
        `this client has ${this.admission.perClient} computations waiting already; ask again when they are answered`,
        [
          {
            code: "busy.client",
            message: `at most ${this.admission.perClient} computations waiting per client (PARLEY_MAX_QUEUE_PER_CLIENT)`,
            hint: "retry after 10 s",
          },
        ],
        retry,
      );
    if (this.pool.queueSize >= this.admission.queue)
      throw new HttpProblem(
        503,
        "busy.queue",
        `the server has ${this.pool.queueSize} tasks waiting; ask again shortly`,
        [
          {
            code: "busy.queue",
            message: `at most ${this.admission.queue} tasks waiting (PARLEY_MAX_QUEUE)`,
            hint: "retry after 10 s",
          },
        ],
        retry,
      );
  }

  get queued(): number {
    return this.pool.queueSize;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** Waits for work at most `ms`; past it, 503 with Retry-After (the work itself goes on). */
export async function withinBudget<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const retry = Math.max(1, Math.ceil(ms / 1000));
      reject(
        new HttpProblem(
          503,
          "busy.budget",
          `${what} takes longer than this request's budget of ${ms} ms; it goes on — ask again in ${retry} s`,
          [
            {
              code: "busy.budget",
              message: `time budget ${ms} ms (PARLEY_BUDGET_MS) exceeded`,
              hint: `retry after ${retry} s`,
            },
          ],
          { "retry-after": String(retry) },
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
