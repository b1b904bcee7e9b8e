import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tournamentJobs } from "../../src/negotiation/tournament.js";
import { batchId } from "../../src/parallel/redis-batches.js";
import type { TournamentTask } from "../../src/parallel/tournament-worker.js";
import { CLI, ROOT } from "../domains.js";
import { coordinatorExit, redisBinary, startCoordinator, startRedis, startWorkers } from "../support/redis-server.js";

// Tournaments on BullMQ over a real Redis (Debian's redis-server, started here on a free loopback
// port): two `parley worker` processes take the batches, one is killed midway, its batch is
// retried by the other, and the stored runs are byte for byte those of the local pool.

const tmp = mkdtempSync(join(tmpdir(), "parley-redis-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

const scenario = join(ROOT, "examples", "river-treaty.yaml");
const args = [
  "tournament",
  scenario,
  "--agents",
  "boulware,conceder,frontier",
  "--repetitions",
  "100",
  "--rounds",
  "200",
  "--seed",
  "3",
  "--format",
  "json",
];

/** Every stored run, in key order, as the bytes the database holds. */
const storedRuns = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      "SELECT scenario, agents, repetition, seed, agreement, utilities, rounds, distance_frontier, distance_nash, welfare FROM tournament_runs ORDER BY scenario, agents, repetition",
    )
    .all();
  db.close();
  return JSON.stringify(rows);
};

describe("a batch's job id on the queue", () => {
  it("names the runs it holds: a resumed run's batch that starts at the same run is another job", () => {
    const jobs = tournamentJobs([2], ["boulware", "conceder"], 5, 3);
    const task = (slice: typeof jobs) => ({ ...({} as TournamentTask), jobs: slice });
    const first = batchId("t1", task(jobs.slice(0, 4)));
    expect(batchId("t1", task(jobs.slice(0, 4)))).toBe(first);
    expect(batchId("t1", task([jobs[0]!, ...jobs.slice(2, 5)]))).not.toBe(first);
    expect(batchId("t2", task(jobs.slice(0, 4)))).not.toBe(first);
    expect(first).toMatch(/^t1-[0-9a-f]{16}$/);
  });
});

if (!redisBinary) {
  // Never silently: the reason is printed where the run's output shows it.
  console.warn(
    "Redis worker test skipped: no redis-server on this machine (Debian's redis-server package; .ci/run installs it)",
  );
  describe.skip("tournaments on Redis workers", () => it("needs redis-server", () => undefined));
} else {
  describe("tournaments on Redis workers", () => {
    it("two workers share the batches; one killed midway, its batch is retried; the runs equal the local pool's", async () => {
      const { port } = await startRedis(children);
      const env = { ...process.env, PARLEY_REDIS: `redis://127.0.0.1:${port}` };
      const db = join(tmp, "remote.db");

      const { workers, outputs } = await startWorkers(2, ["--db", db, "--lock-ms", "2000"], env, children);

      const coordinator = startCoordinator([...args, "--db", db], env, children);
      // Settles when the coordinator exits, or fails the test when no worker is left to take its jobs.
      const exited = coordinatorExit(coordinator, workers, outputs, 150_000);
      // Kill the first worker the moment it has taken a batch: it dies holding it.
      const held = await new Promise<string | null>((resolve) => {
        const check = setInterval(() => {
          const taken = [...outputs[0]!.matchAll(/^taking batch (\S+)/gm)].map((m) => m[1]!);
          if (taken.length) {
            clearInterval(check);
            workers[0]!.kill("SIGKILL");
            resolve(taken[taken.length - 1]!);
          }
        }, 2);
        const settled = () => {
          clearInterval(check);
          resolve(null);
        };
        exited.then(settled, settled);
      });
      const code = await exited;
      expect(held, outputs.join("\n---\n") + coordinator.err()).not.toBeNull();
      expect(code, coordinator.err()).toBe(0);
      // The batch the killed worker held was taken again by the other once its lock lapsed.
      expect(outputs[0]).not.toContain(`stored batch ${held}`);
      expect(outputs[1], outputs.join("\n---\n")).toMatch(
        new RegExp(`^taking batch ${held} \\(\\d+ runs\\), attempt 2$`, "m"),
      );
      expect(outputs[1]).toContain(`stored batch ${held}`);
      const remote = JSON.parse(coordinator.out()) as {
        runs: number;
        total: number;
        complete: boolean;
        agents: unknown;
      };
      expect(remote).toMatchObject({ runs: 27 * 100, total: 27 * 100, complete: true });
      expect(outputs[1]).toMatch(/^stored batch /m);

      const local = spawnSync(process.execPath, [CLI, ...args, "--db", join(tmp, "local.db"), "--workers", "1"], {
        encoding: "utf8",
      });
      expect(local.status, local.stderr).toBe(0);
      expect(JSON.parse(local.stdout)).toEqual(remote);
      expect(storedRuns(db)).toBe(storedRuns(join(tmp, "local.db")));
    }, 180_000);

    it("a worker on another workspace says so (not a foreign-key failure); with Redis gone it still stops on SIGTERM", async () => {
      const { port, redis } = await startRedis(children);
      const env = { ...process.env, PARLEY_REDIS: `redis://127.0.0.1:${port}` };
      let output = "";
      const worker = spawn(process.execPath, [CLI, "worker", "--db", join(tmp, "elsewhere.db")], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      worker.stdout!.on("data", (d: Buffer) => (output += d.toString()));
      worker.stderr!.on("data", (d: Buffer) => (output += d.toString()));
      children.push(worker);
      await new Promise((w) => setTimeout(w, 1000));
      const coordinator = spawn(process.execPath, [CLI, ...args, "--db", join(tmp, "coordinator.db")], {
        env,
        stdio: "ignore",
      });
      children.push(coordinator);
      // However slow the machine: the worker may still be starting when the batch is queued.
      for (let t = 0; t < 1200 && !/not in this worker's workspace/.test(output); t++)
        await new Promise((w) => setTimeout(w, 50));
      coordinator.kill("SIGKILL");
      expect(output).toMatch(
        /tournament \w+ is not in this worker's workspace \(sqlite\): a worker must share the coordinator's workspace — give it the same PARLEY_DATABASE_URL, or --db the same SQLite file/,
      );
      expect(output).not.toMatch(/FOREIGN KEY|internal error/);
      // Redis goes away; the worker keeps retrying, but SIGTERM still stops it at once.
      redis.kill("SIGKILL");
      await new Promise((w) => setTimeout(w, 1000));
      const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
      worker.kill("SIGTERM");
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r("still running"), 15_000)),
      ]);
      expect(code, output).toBe(0);
      expect(output).toMatch(/worker stopped/);
    }, 120_000);

    it("with no worker connected the coordinator says so and waits; a worker started later takes the batches", async () => {
      const { port } = await startRedis(children);
      const env = { ...process.env, PARLEY_REDIS: `redis://127.0.0.1:${port}` };
      const db = join(tmp, "late.db");
      const few = args.map((a) => (a === "100" ? "4" : a));
      const coordinator = startCoordinator([...few, "--db", db], env, children);
      for (
        let t = 0;
        t < 1200 && !/no parley worker/.test(coordinator.err()) && coordinator.process.exitCode === null;
        t++
      )
        await new Promise((w) => setTimeout(w, 50));
      expect(coordinator.err()).toContain(
        `parley: no parley worker is connected to redis://127.0.0.1:${port}: 1 batch waits in the queue until one is (PARLEY_REDIS=redis://127.0.0.1:${port} parley worker)`,
      );
      expect(coordinator.process.exitCode).toBeNull();
      const { workers, outputs } = await startWorkers(1, ["--db", db], env, children);
      const code = await coordinatorExit(coordinator, workers, outputs, 100_000);
      expect(code, coordinator.err()).toBe(0);
      expect(JSON.parse(coordinator.out())).toMatchObject({ runs: 27 * 4, total: 27 * 4, complete: true });
      expect(outputs[0]).toMatch(/^stored batch /m);
    }, 180_000);
  });
}
