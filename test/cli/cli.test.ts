import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, GENIUS, NONLINEAR, ROOT } from "../domains.js";

/** Runs the built CLI as a user would (npm test builds it first). */
function parley(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "parley-cli-"));
const laptop = GENIUS["LaptopC"]!;

describe("parley analyze", () => {
  it("--genius --json prints one object with the contract's fields", () => {
    const r = parley("analyze", "--genius", laptop.domain, ...laptop.profiles, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.outcomes).toBe(27);
    expect(out.parties).toEqual(["Laptop-C-prof1", "Laptop-C-prof2"]);
    expect(out.frontier).toHaveLength(4);
    expect(Object.keys(out.frontier[0].outcome)).toEqual(["Laptop", "Harddisk", "External Monitor"]);
    expect(Object.keys(out.solutions).sort()).toEqual(["egalitarian", "kalaiSmorodinsky", "nash", "utilitarian"]);
    expect(out.solutions.nash.utilities[0]).toBeCloseTo(1, 6);
    expect(out.solutions.nash.utilities[1]).toBeCloseTo(0.815105, 6);
    expect(out.zopa).toEqual({ exists: true, size: 27, probability: 1 });
  });

  it("keeps the utilities in the order the profiles were given", () => {
    const swapped = JSON.parse(
      parley("analyze", "--genius", laptop.domain, laptop.profiles[1]!, laptop.profiles[0]!, "--json").stdout,
    );
    expect(swapped.solutions.nash.utilities[0]).toBeCloseTo(0.815105, 6);
  });

  it("prints aligned tables for a scenario, with units", () => {
    const r = parley("analyze", join(ROOT, "examples", "river-treaty.yaml"), "--samples", "100");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Zone of possible agreement: yes — 14 of 1,470 outcomes");
    // Four of its numbers are ranges: utilities show two decimals (--json has them in full).
    expect(r.stdout).toMatch(/Nash\s+0\.63\s+0\.66\s+0\.92\s+Summer flow=800 m³\/s/);
    expect(r.stdout).toContain("Robustness: 100 draws over 4 uncertain numbers");
    expect(r.stdout).toMatch(/^Answer: A zone of agreement exists/m);
    // Wrapped to 100 columns when not on a terminal; --wide keeps the full lines.
    expect(Math.max(...r.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    const wide = parley("analyze", join(ROOT, "examples", "river-treaty.yaml"), "--samples", "100", "--wide");
    expect(Math.max(...wide.stdout.split("\n").map((l) => l.length))).toBeGreaterThan(100);
  });

  it("gives the same JSON for the same seed, byte for byte", () => {
    const a = parley(
      "analyze",
      join(ROOT, "examples", "river-treaty.yaml"),
      "--json",
      "--samples",
      "200",
      "--seed",
      "3",
    );
    const b = parley(
      "analyze",
      join(ROOT, "examples", "river-treaty.yaml"),
      "--json",
      "--samples",
      "200",
      "--seed",
      "3",
    );
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("parley convert", () => {
  it("writes a scenario as GENIUS XML that analyses to the same frontier", () => {
    const dir = join(tmp, "genius");
    const r = parley("convert", join(ROOT, "examples", "river-treaty.yaml"), "--out", dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("red line");
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(4);
    const domain = join(dir, files.find((f) => f.endsWith("-domain.xml"))!);
    const profiles = ["upland", "lowland", "donor-bank"].map((p) =>
      join(dir, files.find((f) => f.endsWith(`-${p}.xml`))!),
    );
    const back = JSON.parse(parley("analyze", "--genius", domain, ...profiles, "--json", "--samples", "0").stdout);
    const original = JSON.parse(
      parley("analyze", join(ROOT, "examples", "river-treaty.yaml"), "--json", "--samples", "0").stdout,
    );
    expect(back.frontier.length).toBe(original.unconstrainedFrontierSize);
  });

  it("writes GENIUS XML as a scenario YAML that loads again", () => {
    const out = join(tmp, "camera.yaml");
    const c = GENIUS["CameraB"]!;
    expect(parley("convert", "--genius", c.domain, ...c.profiles, "--out", out).code).toBe(0);
    const again = JSON.parse(parley("analyze", out, "--json").stdout);
    expect([again.outcomes, again.frontier.length]).toEqual([3600, 16]);
  });
});

describe("bad input: one clear line on stderr, exit code 2, no stack trace", () => {
  const expectOneLine = (r: ReturnType<typeof parley>, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };
  const profile = readFileSync(laptop.profiles[0]!, "utf8");
  const write = (name: string, text: string | Buffer) => {
    const f = join(tmp, name);
    writeFileSync(f, text);
    return f;
  };

  it("malformed XML", () => {
    const f = write("malformed.xml", profile.replace("</issue>", "</isue>"));
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, f, laptop.profiles[1]!),
      /malformed\.xml:\d+:\d+: malformed XML: .*isue/,
    );
  });
  it("a profile naming an issue the domain lacks", () => {
    const f = write("battery.xml", profile.replace('name="Harddisk"', 'name="Battery"'));
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, f, laptop.profiles[1]!),
      /battery\.xml:\d+: issue "Battery": the profile names issue "Battery", which the domain .* lacks — /,
    );
  });
  it("a negative weight, a weight that is not a number", () => {
    const neg = write("neg.xml", profile.replace('value="0.37808251708013424"', 'value="-0.4"'));
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, neg, laptop.profiles[1]!),
      /neg\.xml:\d+: weight of "Harddisk": weight "-0\.4" is negative — weights are numbers ≥ 0/,
    );
    const nan = write("nan.xml", profile.replace('value="0.37808251708013424"', 'value="NaN"'));
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, nan, laptop.profiles[1]!),
      /nan\.xml:\d+: weight of "Harddisk": weight "NaN" is not a number/,
    );
  });
  it("an evaluation for an unknown option", () => {
    const f = write("lenovo.xml", profile.replace('value="Macintosh"', 'value="Lenovo"'));
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, f, laptop.profiles[1]!),
      /lenovo\.xml:\d+: issue "Laptop": evaluation for "Lenovo", which is not a value of issue "Laptop"/,
    );
  });
  it("a YAML scenario with an unknown issue in a proposal", () => {
    const text = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8").replace(
      "outcome: {Summer flow: 700,",
      "outcome: {Flow: 700,",
    );
    const f = write("unknown-issue.yaml", text);
    const line = text.split("\n").findIndex((l) => l.includes("{Flow: 700")) + 1;
    expectOneLine(
      parley("analyze", f),
      new RegExp(
        `unknown-issue\\.yaml:${line}:\\d+: proposals\\[1\\]\\.outcome\\.Flow: unknown issue "Flow" — known issues: Summer flow`,
      ),
    );
  });
  it("an empty file, a binary file, a 100 MB file, a missing file", () => {
    expectOneLine(parley("analyze", write("empty.yaml", "")), /empty\.yaml: the file is empty/);
    expectOneLine(
      parley("analyze", write("binary.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]))),
      /binary\.yaml: the file is binary, not text/,
    );
    const huge = write("huge.xml", "");
    truncateSync(huge, 100 * 1024 * 1024);
    expectOneLine(
      parley("analyze", "--genius", huge, ...laptop.profiles),
      /huge\.xml: the file is 100\.0 MB; the limit is 20 MB/,
    );
    expectOneLine(parley("analyze", join(tmp, "nope.yaml")), /nope\.yaml: no such file/);
  });
  it("a non-linear GENIUS profile, usage errors and bad option values", () => {
    expectOneLine(
      parley("analyze", "--genius", NONLINEAR.domain, ...NONLINEAR.profiles),
      /profile-1\.xml:\d+: non-linear \(hyperRectangle\) utility spaces are not supported/,
    );
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, laptop.profiles[0]!),
      /--genius needs a domain and at least two profiles/,
    );
    expectOneLine(
      parley("analyze", "--genius", laptop.domain, ...laptop.profiles, "--discretize", "1"),
      /--discretize must be an integer ≥ 2/,
    );
    expectOneLine(parley("frobnicate"), /parley: unknown command 'frobnicate'/);
  });
});
