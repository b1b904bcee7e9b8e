import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { standings, tournamentJobs } from "../../src/negotiation/tournament.js";
import { runTournament, type TournamentConfig } from "../../src/parallel/run-tournament.js";
import { sourceOf } from "../../src/parallel/scenario-source.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { GENIUS, ROOT } from "../domains.js";

const tmp = mkdtempSync(join(tmpdir(), "parley-tournament-"));
const folder = (name: string) => GENIUS[name]!.domain.replace(/[\\/][^\\/]*$/, "");

describe("tournament jobs", () => {
  it("pairs every agent with every agent in both role orders, R times, with distinct seeds", () => {
    const jobs = tournamentJobs([2, 3], ["a", "b", "c"], 2, 7);
    expect(jobs).toHaveLength((9 + 27) * 2);
    const pairs = new Set(jobs.filter((j) => j.scenario === 0).map((j) => j.agents.join(">")));
    expect([...pairs].sort()).toEqual(["a>a", "a>b", "a>c", "b>a", "b>b", "b>c", "c>a", "c>b", "c>c"]);
    expect(new Set(jobs.map((j) => j.seed)).size).toBe(jobs.length);
    expect(tournamentJobs([2, 3], ["a", "b", "c"], 2, 7)).toEqual(jobs);
  });
});

describe("running a tournament", () => {
  const config: TournamentConfig = {
    sources: [
      sourceOf(folder("LaptopC")),
      sourceOf(folder("CameraB")),
      sourceOf(join(ROOT, "examples", "river-treaty.yaml")),
    ],
    agents: ["boulware", "conceder", "frontier"],
    repetitions: 3,
    seed: 5,
    settings: { protocol: "alternating", deadline: { rounds: 60 } },
    discretize: 11,
  };

  it("reads GENIUS folders (domain found by content) and scenario files", () => {
    const laptop = config.sources[0]!;
    expect(
      laptop.kind === "genius" && laptop.domain.endsWith("Laptop-C-domain.xml") && laptop.profiles.length === 2,
    ).toBe(true);
    expect(() => sourceOf(join(tmp, "nothing-here"))).toThrow(/no such file or folder/);
  });

  it("stores every run, scores agents, and resumes after a stop without running anything twice", async () => {
    const whole = new SqliteStore(join(tmp, "whole.db"));
    const full = await runTournament(config, whole, { workers: 0 });
    await whole.close();
    expect(full.total).toBe((9 + 9 + 27) * 3);
    expect(full.records).toHaveLength(full.total);
    expect(full.stopped).toBe(false);

    // Stop after the first stored batch, then run the same tournament again.
    const db = join(tmp, "resume.db");
    const controller = new AbortController();
    const first = new SqliteStore(db);
    const partial = await runTournament(config, first, {
      workers: 0,
      signal: controller.signal,
      onProgress: (done) => done > 0 && controller.abort(),
    });
    await first.close();
    expect(partial.stopped).toBe(true);
    expect(partial.records.length).toBeGreaterThan(0);
    expect(partial.records.length).toBeLessThan(full.total);
    const again = new SqliteStore(db);
    const resumed = await runTournament(config, again, { workers: 0 });
    expect(resumed.resumed).toBe(partial.records.length);
    expect(resumed.records).toEqual(full.records);
    expect(await again.runs(resumed.id)).toHaveLength(full.total);
    await again.close();

    const table = standings(full.records, config.agents);
    expect(table.map((r) => r.agent).sort()).toEqual(["boulware", "conceder", "frontier"]);
    for (const row of table) {
      expect(row.agreementRate).toBeGreaterThan(0);
      expect(row.meanDistanceToFrontier).toBeGreaterThanOrEqual(0);
    }
    // The frontier agent only ever agrees on frontier outcomes when it meets itself.
    const selfPlay = full.records.filter((r) => r.agents.every((a) => a === "frontier") && r.agreement);
    expect(selfPlay.length).toBeGreaterThan(0);
    for (const r of selfPlay) expect(r.distanceToFrontier).toBeLessThan(1e-9);
  });

  it("counts the deals that cross a red line: on the Moscow case every deal does, on GENIUS domains none", async () => {
    const store = new SqliteStore(join(tmp, "red-lines.db"));
    const run = await runTournament(
      {
        ...config,
        sources: [sourceOf(join(ROOT, "cases", "moscow-2025-12", "scenario.yaml")), sourceOf(folder("LaptopC"))],
        agents: ["conceder", "red-lines"],
        repetitions: 1,
      },
      store,
      { workers: 0 },
    );
    // Stored and read back as run.
    expect(await store.runs(run.id)).toEqual(run.records);
    await store.close();
    const moscow = run.records.filter((r) => r.scenario === 0);
    // The red lines collide: every deal there crosses one, and parties all bound by theirs sign none.
    expect(moscow.some((r) => r.agreement)).toBe(true);
    for (const r of moscow) expect(r.crossesRedLine).toBe(r.agreement);
    const bound = moscow.filter((x) => x.agents.every((a) => a === "red-lines"));
    expect(bound).toHaveLength(1);
    expect(bound[0]!.agreement).toBe(false);
    const laptop = run.records.filter((r) => r.scenario === 1);
    expect(laptop.every((r) => !r.crossesRedLine)).toBe(true);
    const table = standings(moscow, ["conceder", "red-lines"]);
    expect(table.find((r) => r.agent === "conceder")).toMatchObject({ withinRedLinesRate: 0 });
    expect(table.find((r) => r.agent === "conceder")!.agreementRate).toBeGreaterThan(0);
    const onLaptop = standings(laptop, ["conceder", "red-lines"]);
    for (const row of onLaptop) expect(row.withinRedLinesRate).toBe(row.agreementRate);
  }, 120_000);

  it("refuses unknown agents and a workspace file that is not a database", async () => {
    const ws = new SqliteStore(join(tmp, "ok.db"));
    await expect(runTournament({ ...config, agents: ["boulware", "hagglebot"] }, ws, { workers: 0 })).rejects.toThrow(
      /unknown agent "hagglebot".*known agents: boulware/s,
    );
    await ws.close();
    const notADb = join(tmp, "notes.db");
    writeFileSync(notADb, "these are notes, not a database\n".repeat(100));
    expect(() => new SqliteStore(notADb)).toThrow(/notes.db: is not a Parley workspace/);
  });
});
