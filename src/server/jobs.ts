import { EventEmitter } from "node:events";
import { InputError } from "../errors.js";
import { fromInputError, HttpProblem, type ProblemDetail } from "./problem.js";

export type JobKind = "ingest" | "tournament";

export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: "running" | "done" | "failed";
  readonly done: number;
  readonly total: number;
  readonly started: string;
  readonly finished: string | null;
  readonly result?: unknown;
  readonly error?: { readonly title: string; readonly status: number; readonly errors: ProblemDetail[] };
}

/** Finished jobs kept for clients to read; the oldest are forgotten first (their results stay in the workspace). */
const KEPT = 500;

/**
 * Background work a request started and clients follow: progress as it goes (for Server-Sent
 * Events), then a result or the problem that stopped it.
 */
export class Jobs {
  private readonly jobs = new Map<string, JobView>();
  private readonly events = new EventEmitter().setMaxListeners(0);

  /** Starts `work` under `id`; a job already running under that id is joined, not started twice. */
  start(
    kind: JobKind,
    id: string,
    work: (progress: (done: number, total: number) => void) => Promise<unknown>,
  ): JobView {
    const running = this.jobs.get(id);
    if (running?.status === "running") return running;
    this.set({ id, kind, status: "running", done: 0, total: 0, started: new Date().toISOString(), finished: null });
    const progress = (done: number, total: number) => this.set({ ...this.jobs.get(id)!, done, total });
    work(progress).then(
      (result) => this.set({ ...this.jobs.get(id)!, status: "done", finished: new Date().toISOString(), result }),
      (e: unknown) => {
        const p =
          e instanceof HttpProblem
            ? e
            : e instanceof InputError
              ? fromInputError(e)
              : new HttpProblem(500, "internal", `the job failed: ${(e as Error).message}`);
        this.set({
          ...this.jobs.get(id)!,
          status: "failed",
          finished: new Date().toISOString(),
          error: { title: p.title, status: p.status, errors: [...p.errors] },
        });
      },
    );
    return this.jobs.get(id)!;
  }

  get(id: string): JobView | undefined {
    return this.jobs.get(id);
  }

  list(kind: JobKind): JobView[] {
    return [...this.jobs.values()].filter((j) => j.kind === kind);
  }

  /** Calls `listener` with the job now and at every change until it ends; returns how to stop listening. */
  follow(id: string, listener: (job: JobView) => void): () => void {
    const on = (job: JobView) => job.id === id && listener(job);
    this.events.on("change", on);
    const now = this.jobs.get(id);
    if (now) listener(now);
    return () => this.events.off("change", on);
  }

  private set(job: JobView): void {
    this.jobs.delete(job.id);
    this.jobs.set(job.id, job);
    const finished = [...this.jobs.values()].filter((j) => j.status !== "running");
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT))) this.jobs.delete(old.id);
    this.events.emit("change", job);
  }
}
