import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, GENIUS, ROOT } from "../domains.js";

function parley(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const laptop = GENIUS["LaptopC"]!;
const camera = GENIUS["CameraB"]!;
const folder = (name: string) => GENIUS[name]!.domain.replace(/[\\/][^\\/]*$/, "");
const tmp = mkdtempSync(join(tmpdir(), "parley-sim-"));

describe("parley simulate", () => {
  it("--json: agreement, outcome, utilities, rounds and the trace; byte for byte the same for a seed", () => {
    const args = [
      "simulate",
      "--genius",
      camera.domain,
      ...camera.profiles,
      "--protocol",
      "alternating",
      "--agents",
      "boulware,conceder",
      "--rounds",
      "100",
      "--seed",
      "42",
      "--json",
    ];
    const a = parley(...args);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.agreement).toBe(true);
    expect(Object.keys(out.outcome)).toHaveLength(6);
    expect(out.utilities).toHaveLength(2);
    expect(out.rounds).toBeGreaterThan(0);
    expect(out.rounds).toBeLessThanOrEqual(100);
    expect(out.trace.length).toBeGreaterThan(out.rounds);
    expect(out.trace.at(-1)).toMatchObject({ action: "accept", outcome: out.outcome });
    expect(parley(...args).stdout).toBe(a.stdout);
  });

  it("prints a readable summary with a concession curve, for a scenario YAML and the mediated protocol", () => {
    const r = parley(
      "simulate",
      join(ROOT, "examples", "river-treaty.yaml"),
      "--protocol",
      "single-text",
      "--agents",
      "linear,linear,linear",
      "--seed",
      "5",
      "--rounds",
      "200",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mediated single text (shuttle)");
    expect(r.stdout).toMatch(/agreement in round \d+/);
    expect(r.stdout).toMatch(/Upland\s+linear\s+0\.\d{4}/);
    expect(r.stdout).toMatch(/[▁▂▃▄▅▆▇█]{3,}/);
  });

  const expectOneLine = (r: ReturnType<typeof parley>, pattern: RegExp) => {
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  };
  it("bad input: unknown agent, agents not fitting the parties, unknown protocol, zero or negative rounds, profiles of another domain", () => {
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, ...laptop.profiles, "--agents", "boulware,hagglebot"),
      /unknown agent "hagglebot" — known agents: boulware, conceder, linear, tit-for-tat, random, frontier, opponent-model, red-lines/,
    );
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, ...laptop.profiles, "--agents", "boulware,conceder,linear"),
      /3 agent\(s\) for 2 parties/,
    );
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, ...laptop.profiles, "--protocol", "auction"),
      /unknown protocol "auction" — known protocols: alternating, single-text/,
    );
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, ...laptop.profiles, "--rounds", "0"),
      /--rounds must be an integer ≥ 1, got "0"/,
    );
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, ...laptop.profiles, "--rounds", "-3"),
      /--rounds must be an integer ≥ 1, got "-3"/,
    );
    expectOneLine(
      parley("simulate", "--genius", laptop.domain, camera.profiles[0]!, laptop.profiles[1]!),
      /Camera-B-prof1\.xml:\d+: issue "Maker": the profile names issues "Maker", "Body", "Lens", "Tripod" and 2 more, which the domain .*Laptop-C-domain\.xml lacks — domain issues: Laptop, Harddisk, External Monitor; is this profile for another domain\?/,
    );
  });
});

describe("parley tournament", () => {
  it("runs on worker threads, prints the standings, stores the runs and resumes from them", () => {
    const db = join(tmp, "t.db");
    const args = [
      "tournament",
      folder("LaptopC"),
      folder("CameraB"),
      "--agents",
      "boulware,conceder,tit-for-tat",
      "--repetitions",
      "4",
      "--workers",
      "2",
      "--db",
      db,
    ];
    const r = parley(...args);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/done: 72 of 72 runs stored in .*t\.db/);
    expect(r.stdout).toMatch(
      /agent\s+mean utility\s+agreements\s+within red lines\s+to Pareto\s+to Nash\s+welfare\s+rounds\s+runs/,
    );
    expect(r.stdout.trim().split("\n")).toHaveLength(5);
    const again = parley(...args, "--format", "json");
    expect(again.stderr).toContain("72 resumed");
    const json = JSON.parse(again.stdout);
    expect(json).toMatchObject({ runs: 72, total: 72, complete: true });
    expect(json.agents.map((a: { runs: number }) => a.runs)).toEqual([48, 48, 48]);
    const csv = parley(...args, "--format", "csv")
      .stdout.trim()
      .split("\n");
    expect(csv[0]).toBe("agent,mean utility,agreements,within red lines,to Pareto,to Nash,welfare,rounds,runs");
    expect(csv).toHaveLength(4);
  });

  it("names a folder that is not a GENIUS scenario", () => {
    const r = parley("tournament", ROOT, "--db", join(tmp, "x.db"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected one GENIUS domain and two or more profiles/);
  });
});
