import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { validateCitations } from "../../src/formats/validate-citations.js";
import { CLI, ROOT, SHARED } from "../domains.js";

const scenario = join(ROOT, "cases", "moscow-2025-12", "scenario.yaml");
const corpus = join(SHARED, "corpus", "moscow-2025-12");
const tmp = mkdtempSync(join(tmpdir(), "parley-moscow-"));

describe("the Moscow scenario", () => {
  it("validates against the corpus: every citation resolves to exactly one place", () => {
    const r = validateCitations(scenario, corpus);
    expect(r.citations.length).toBeGreaterThanOrEqual(45);
    for (const c of r.citations) {
      const text = readFileSync(join(corpus, c.file), "utf8");
      expect(text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(r.assumptions).toContain("Russia: weight of Donbas");
    expect(r.assumptions).toContain("Ukraine: red line no de jure recognition of annexed regions");
  });

  const report = analyze(loadScenarioFile(scenario).model, { samples: 200, seed: 3 });
  const crossed = (name: string) => report.proposals.find((p) => p.name === name)!.redLinesCrossed.map((l) => `${l.party}: ${l.status}: ${l.label}`);

  it("pins which red lines each plan version crosses", () => {
    expect(crossed("Russia's ideal deal")).toEqual(["Ukraine: crossed: no full withdrawal from Donbas", "Ukraine: crossed: no de jure recognition of annexed regions"]);
    expect(crossed("Leaked 28-point plan")).toEqual([
      "Russia: open: recognition of its territorial claims",
      "Russia: open: a treaty, not a deal",
      "Ukraine: crossed: no full withdrawal from Donbas",
      "Ukraine: open: no de jure recognition of annexed regions",
    ]);
    expect(crossed("20-point framework (blog only)")).toEqual([
      "Russia: crossed: Donbas under Russian control",
      "Russia: open: limits on Ukraine's armed forces",
      "Russia: open: recognition of its territorial claims",
      "Russia: open: a treaty, not a deal",
      "Ukraine: open: no de jure recognition of annexed regions",
    ]);
    expect(crossed("US talking points, Moscow 2 December")).toEqual(["Russia: open: Donbas under Russian control", "Russia: crossed: a treaty, not a deal", "Ukraine: open: no full withdrawal from Donbas"]);
    for (const p of report.proposals) expect(p.acceptable).toBe(false);
  });

  it("runs the plan over both sources' army cap (600,000 in 001, 800,000 in 000): the answer does not depend on it", () => {
    const plan = report.proposals.find((p) => p.name === "US plan as the sources report it")!;
    expect(plan.contested!.map((v) => v.terms["Army cap"])).toEqual(["600,000", "800,000"]);
    expect(plan.contested!.every((v) => !v.acceptable)).toBe(true);
    expect(plan.dependsOnSources).toBe(false);
    expect(plan.contested![0]!.utilities[1]).toBeLessThan(plan.contested![1]!.utilities[1]!);
  });

  it("finds no zone of agreement — Donbas is where the red lines collide — and the concessions that would open one", () => {
    expect(report.zopa).toMatchObject({ exists: false, size: 0, probability: 0 });
    expect(report.robustness!.zopaRate).toBe(0);
    const moves = report.concessions.map((c) => (c.kind === "red-line" ? `${c.party}: ${c.redLine}: ${c.change}` : "reservation"));
    expect(moves).toEqual(["Russia: Donbas under Russian control: allow Donbas = Ukraine keeps its part", "Ukraine: no full withdrawal from Donbas: allow Donbas = Ukraine withdraws"]);
  });
});

describe("parley analyze --corpus", () => {
  it("answers with the evidence: citations, assumptions, the zone's probability, and the words behind each red line crossed", () => {
    const r = spawnSync(process.execPath, [CLI, "analyze", scenario, "--corpus", corpus, "--json", "--samples", "100"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.zopa).toMatchObject({ exists: false, probability: 0 });
    expect(out.citations.length).toBeGreaterThanOrEqual(45);
    expect(out.assumptions).toContain("European allies: reservation value");
    const ideal = out.proposals.find((p: { name: string }) => p.name === "Russia's ideal deal");
    const donbas = ideal.redLinesCrossed.find((l: { label: string }) => l.label === "no full withdrawal from Donbas");
    expect(donbas.evidence).toEqual([expect.objectContaining({ file: "003_b6488645339004c2.txt", text: "balked at ceding Donbas fully" })]);
    expect(ideal.redLinesCrossed.find((l: { label: string }) => l.label.startsWith("no de jure")).evidence).toEqual([]);
    const facts = Object.fromEntries(out.contestedFacts.map((f: { attribute: string }) => [f.attribute, f]));
    expect(facts["size cap"]).toMatchObject({ values: [600000, 800000], changesAnswers: false });
    expect(facts["size cap"].fields).toContain('proposals[3].citeTerms["Army cap"]');
    expect(facts["date"]).toMatchObject({ values: ["2025-12-02", "2025-12-03"], fields: [], changesAnswers: false });
  });
});

describe("parley draft", () => {
  it("drafts a scenario from the evidence alone whose every citation resolves, and says how close it comes to the hand-written one", () => {
    const out = join(tmp, "draft.yaml");
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
    const r = cli("draft", "--corpus", corpus, "--out", out, "--compare", scenario);
    expect(r.status).toBe(0);
    const draft = loadScenarioFile(out).spec;
    expect(draft.parties.map((p) => p.name).sort()).toEqual(["Russia", "Ukraine", "United States"]);
    expect(draft.issues.find((i) => i.name === "Ukraine's army · size cap")).toMatchObject({ options: ["800000", "600000"] });
    expect(validateCitations(out, corpus).citations.length).toBeGreaterThan(20);
    // The YAML went to --out; the comparison is a report, on standard error.
    const c = JSON.parse(r.stderr);
    expect(c.issues.found).toEqual(expect.arrayContaining(["Donbas", "Army cap", "Sanctions", "Frozen assets"]));
    expect(c.proposals.found).toContain("Leaked 28-point plan");
    expect(c.citations.inCommon).toBeGreaterThan(0);
    // Contested facts stay side by side as alternatives.
    const disagreement = draft.proposals.find((p) => p.name === "What the sources disagree on")!;
    expect(disagreement.outcome["meeting in Moscow · date"]).toEqual({ oneOf: ["2025-12-02", "2025-12-03"] });
  });
});

describe("parley validate: bad citations and corpora", () => {
  const original = readFileSync(scenario, "utf8");
  const run = (text: string, dir = corpus) => {
    const f = join(tmp, `s${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, text);
    const r = spawnSync(process.execPath, [CLI, "validate", f, "--corpus", dir], { encoding: "utf8" });
    return { code: r.status, stderr: r.stderr, lines: r.stderr.trim().split("\n"), file: f, text };
  };
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a changed word is not tolerated; spacing and quote marks are", () => {
    const changed = run(original.replace('exact: "this cap was suggested at 800,000 troops"}]\n      "600,000"', 'exact: "this cap was proposed at 800,000 troops"}]\n      "600,000"'));
    expect(changed.code).toBe(2);
    expect(changed.lines).toHaveLength(1);
    expect(changed.lines[0]).toContain(`:${lineOf(changed.text, "this cap was proposed")}:`);
    expect(changed.lines[0]).toMatch(/issues\[1\]\.optionCites\["800,000"\]\[0\]: "this cap was proposed at 800,000 troops" does not occur in 000_5421cbf47a010d17\.txt/);
    const loose = run(original.replace('exact: "He demands a legally binding treaty"}\n', "exact: 'He  demands a legally   binding treaty'}\n").replace("Putin refuses a mere ‘deal’", "Putin refuses a mere 'deal'"));
    expect(loose.code).toBe(0);
  });
  it("an ambiguous snippet, a file not in the corpus, a corpus folder that does not exist", () => {
    const ambiguous = run(original.replace('{file: 002_20543ffbdaedb161.txt, exact: "give up all of the partially occupied Donbass", prefix: "has demanded that Ukraine"}', '{file: 002_20543ffbdaedb161.txt, exact: "partially occupied Donbass"}'));
    expect(ambiguous.lines).toEqual([expect.stringMatching(/issues\[0\]\.cite\[0\]: "partially occupied Donbass" occurs 2 times in 002_20543ffbdaedb161\.txt — add a prefix or suffix/)]);
    const file = run(original.replace("file: 003_b6488645339004c2.txt", "file: 005_missing.txt"));
    expect(file.lines).toEqual([expect.stringMatching(/parties\[1\]\.redLines\[0\]\.cite\[0\]: no file "005_missing\.txt" in the corpus/)]);
    const dir = run(original, join(tmp, "no-such-corpus"));
    expect(dir.code).toBe(2);
    expect(dir.lines).toEqual([expect.stringMatching(/no-such-corpus: no such corpus folder/)]);
  });
  it("a proposal naming an unknown issue, a red line over an unknown issue", () => {
    const issue = run(original.replace("outcome: {Donbas: Ukraine withdraws, Army cap: \"600,000\"", "outcome: {Crimea: Ukraine withdraws, Army cap: \"600,000\""));
    expect(issue.code).toBe(2);
    expect(issue.lines[0]).toMatch(/proposals\[0\]\.outcome\.Crimea: unknown issue "Crimea" — known issues: Donbas/);
    const line = run(original.replace("        issue: Recognition\n        notIn: [none]", "        issue: Elections\n        notIn: [none]"));
    expect(line.lines[0]).toMatch(/parties\[0\]\.redLines\[2\]\.issue: unknown issue "Elections"/);
    expect(line.lines[0]).toContain(`:${lineOf(line.text, "issue: Elections")}:`);
  });
  it("a range with low above high, and a proposal naming an unknown option, name the field", () => {
    const range = run(original.replace("reservation: [0.45, 0.6]", "reservation: [0.6, 0.45]"));
    expect(range.lines[0]).toMatch(/parties\[0\]\.reservation: range must be \[low, high\] with low ≤ high/);
    const option = run(original.replace('Army cap: "600,000", NATO', 'Army cap: "650,000", NATO'));
    expect(option.lines[0]).toMatch(/proposals\[0\]\.outcome\["Army cap"\]: "650,000" is not a value of issue "Army cap"/);
  });
});
