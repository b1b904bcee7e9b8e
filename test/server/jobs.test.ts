import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { Jobs, type JobView } from "../../src/server/jobs.js";
import { HttpProblem } from "../../src/server/problem.js";

/** Work the test finishes by hand: its progress callback, and how to resolve or reject it. */
function manual() {
  let progress!: (done: number, total: number) => void;
  let resolve!: (x: unknown) => void;
  let reject!: (e: unknown) => void;
  let calls = 0;
  const work = (p: (done: number, total: number) => void) => {
    calls++;
    progress = p;
    return new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    work,
    progress: (d: number, t: number) => progress(d, t),
    resolve: (x: unknown) => resolve(x),
    reject: (e: unknown) => reject(e),
    calls: () => calls,
  };
}

/** Lets the job's promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("Jobs: background work clients follow", () => {
  it("starts running, reports progress, then its result", async () => {
    const jobs = new Jobs();
    const m = manual();
    const before = Date.now();
    const started = jobs.start("ingest", "j1", m.work);
    expect(started).toMatchObject({ id: "j1", kind: "ingest", status: "running", done: 0, total: 0, finished: null });
    expect(Date.parse(started.started)).toBeGreaterThanOrEqual(before - 1000);
    expect(started.result).toBeUndefined();
    expect(jobs.get("j1")).toEqual(started);

    m.progress(3, 10);
    expect(jobs.get("j1")).toMatchObject({ status: "running", done: 3, total: 10 });

    m.resolve({ stored: 7 });
    await settle();
    const done = jobs.get("j1")!;
    expect(done).toMatchObject({ status: "done", done: 3, total: 10, result: { stored: 7 }, started: started.started });
    expect(done.error).toBeUndefined();
    expect(Date.parse(done.finished!)).toBeGreaterThanOrEqual(Date.parse(done.started));
  });

  it("fails with the problem that stopped it: a plain error is a 500 naming its message", async () => {
    const jobs = new Jobs();
    const m = manual();
    jobs.start("tournament", "t1", m.work);
    m.reject(new Error("disk full"));
    await settle();
    const j = jobs.get("t1")!;
    expect(j).toMatchObject({
      status: "failed",
      error: { title: "the job failed: disk full", status: 500, errors: [] },
    });
    expect(j.finished).not.toBeNull();
    expect(j.result).toBeUndefined();
  });

  it("bad input is a 422 (413 for a size limit) listing every problem; an HTTP problem keeps its own", async () => {
    const jobs = new Jobs();
    const fail = async (id: string, e: unknown) => {
      const m = manual();
      jobs.start("ingest", id, m.work);
      m.reject(e);
      await settle();
      return jobs.get(id)!.error!;
    };
    const input = await fail(
      "bad",
      new InputError([
        { code: "citation.not-found", message: '"x" does not occur in a.txt', hint: "quote the text word for word" },
        { code: "citation.file", message: 'no file "b.txt"', field: "parties[0].cite[0]" },
      ]),
    );
    expect(input).toEqual({
      title: '"x" does not occur in a.txt (and 1 more problem(s))',
      status: 422,
      errors: [
        { code: "citation.not-found", message: '"x" does not occur in a.txt', hint: "quote the text word for word" },
        { code: "citation.file", field: "parties[0].cite[0]", message: 'no file "b.txt"' },
      ],
    });
    const big = await fail("big", new InputError([{ code: "limit.file-size", message: "the file is too large" }]));
    expect(big.status).toBe(413);
    const http = await fail(
      "http",
      new HttpProblem(409, "conflict", "the workspace changed", [{ code: "conflict", message: "try again" }]),
    );
    expect(http).toEqual({
      title: "the workspace changed",
      status: 409,
      errors: [{ code: "conflict", message: "try again" }],
    });
  });

  it("joins a job already running under the same id instead of starting it twice; runs it anew once it ended", async () => {
    const jobs = new Jobs();
    const first = manual();
    jobs.start("ingest", "same", first.work);
    first.progress(1, 4);
    const second = manual();
    const joined = jobs.start("ingest", "same", second.work);
    expect(second.calls()).toBe(0);
    expect(joined).toMatchObject({ status: "running", done: 1, total: 4 });

    first.resolve("first result");
    await settle();
    expect(jobs.get("same")).toMatchObject({ status: "done", result: "first result" });
    const again = jobs.start("ingest", "same", second.work);
    expect(second.calls()).toBe(1);
    expect(again).toMatchObject({ status: "running", done: 0, total: 0, finished: null });
    expect(again.result).toBeUndefined();
    second.resolve("second result");
    await settle();
    expect(jobs.get("same")).toMatchObject({ status: "done", result: "second result" });
  });

  it("follow: tells the job now and at every change, only for that job, until told to stop", async () => {
    const jobs = new Jobs();
    const a = manual(),
      b = manual();
    jobs.start("ingest", "a", a.work);
    jobs.start("ingest", "b", b.work);
    const seen: JobView[] = [];
    const stop = jobs.follow("a", (j) => seen.push(j));
    expect(seen.map((j) => [j.status, j.done, j.total])).toEqual([["running", 0, 0]]);
    a.progress(1, 2);
    b.progress(5, 5);
    a.progress(2, 2);
    a.resolve("ok");
    await settle();
    expect(seen.map((j) => [j.id, j.status, j.done, j.total])).toEqual([
      ["a", "running", 0, 0],
      ["a", "running", 1, 2],
      ["a", "running", 2, 2],
      ["a", "done", 2, 2],
    ]);
    stop();
    jobs.start("ingest", "a", manual().work);
    expect(seen).toHaveLength(4);
  });

  it("follow before the job exists: nothing now, then every change from its start", async () => {
    const jobs = new Jobs();
    const seen: string[] = [];
    jobs.follow("later", (j) => seen.push(j.status));
    expect(seen).toEqual([]);
    const m = manual();
    jobs.start("tournament", "later", m.work);
    m.reject(new Error("x"));
    await settle();
    expect(seen).toEqual(["running", "failed"]);
  });

  it("lists the jobs of one kind", () => {
    const jobs = new Jobs();
    jobs.start("ingest", "i1", manual().work);
    jobs.start("tournament", "t1", manual().work);
    jobs.start("ingest", "i2", manual().work);
    expect(
      jobs
        .list("ingest")
        .map((j) => j.id)
        .sort(),
    ).toEqual(["i1", "i2"]);
    expect(jobs.list("tournament").map((j) => j.id)).toEqual(["t1"]);
  });

  it("keeps the last 500 finished jobs, forgetting the oldest first, and never a running one", async () => {
    const jobs = new Jobs();
    jobs.start("ingest", "still running", manual().work);
    for (let i = 0; i < 502; i++) jobs.start("tournament", `t${i}`, async () => i);
    await settle();
    expect(jobs.get("t0")).toBeUndefined();
    expect(jobs.get("t1")).toBeUndefined();
    expect(jobs.get("t2")).toMatchObject({ status: "done", result: 2 });
    expect(jobs.get("t501")).toMatchObject({ status: "done", result: 501 });
    expect(jobs.list("tournament")).toHaveLength(500);
    expect(jobs.get("still running")).toMatchObject({ status: "running" });
  });
});
