import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { feasibleFrontier } from "../../src/analysis/feasible-frontier.js";
import { zoneOfAgreement } from "../../src/analysis/zopa.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import type { RedLine } from "../../src/model/red-line.js";
import { createUtilities } from "../../src/model/utilities.js";
import { ROOT } from "../domains.js";

const load = (file: string) => parseScenario(readFileSync(join(ROOT, file), "utf8"), file).model;

describe("the bundled example (Kura river treaty): key results pinned", () => {
  const model = load("examples/river-treaty.yaml");
  const report = analyze(model, { samples: 300, seed: 7 });

  it("finds the zone of agreement and its exact size", () => {
    expect(report.outcomes).toBe(1470);
    expect(report.zopa).toMatchObject({ exists: true, size: 14 });
    expect(report.zopa.probability).toBe(report.robustness!.zopaRate);
    expect(report.frontier.length).toBe(54);
    expect(report.unconstrainedFrontierSize).toBe(100);
  });

  it("places the Nash solution inside the zone, crossing no red line", () => {
    expect(report.solutions.nash!.outcome).toEqual({
      "Summer flow": 800,
      "Dam height": 120,
      Monitoring: "joint commission",
      Compensation: 200,
      Form: "binding treaty",
    });
    report.solutions.nash!.utilities.forEach((x, p) => expect(x).toBeGreaterThanOrEqual(report.reservations[p]!));
  });

  it("names the red lines each plan version crosses", () => {
    const crossed = Object.fromEntries(
      report.proposals.map((p) => [p.name, p.redLinesCrossed.map((l) => `${l.party}: ${l.status}: ${l.label}`)]),
    );
    expect(crossed).toEqual({
      "Upland draft": [
        "Lowland: crossed: summer flow of at least 450 m³/s",
        "Lowland: crossed: a dam above 100 m only under joint or international monitoring",
        "Donor bank: crossed: compensation of 150 M$/yr or more only in a binding treaty",
      ],
      "Lowland counter": ["Upland: crossed: no international observers on Upland soil"],
      "Bank framework": ["Upland: open: the dam is at least 90 m (national energy plan)"],
    });
    const counter = report.proposals[1]!;
    expect([counter.acceptable, counter.paretoEfficient]).toEqual([false, false]);
    expect(counter.dominatedBy!.outcome["Monitoring"]).toBe("joint commission");
    const framework = report.proposals[2]!;
    expect(framework.open).toEqual(["Dam height", "Compensation"]);
    expect(framework.acceptable).toBe(true);
    expect(framework.completion!.outcome["Summer flow"]).toBe(600);
  });

  it("reports robustness over the uncertain numbers, the same for the same seed", () => {
    const rb = report.robustness!;
    expect(rb.parameters).toBe(4);
    expect(rb.zopaRate).toBeGreaterThan(0.5);
    expect(rb.zopaRate).toBeLessThan(1);
    expect(rb.proposals.map((p) => p.acceptableRate)).toEqual([0, 0, expect.any(Number)]);
    expect(analyze(model, { samples: 300, seed: 7 }).robustness).toEqual(rb);
    expect(analyze(model, { samples: 300, seed: 8 }).robustness).not.toEqual(rb);
  });
});

describe("contested plan terms", () => {
  it("evaluates every source's version and says when the answer depends on which is right", () => {
    const text = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8").replace(
      "Monitoring: international observers, Compensation: 50",
      "Monitoring: {oneOf: [international observers, joint commission]}, Compensation: 50",
    );
    const model = parseScenario(text, "contested.yaml").model;
    const counter = analyze(model, { samples: 50, seed: 1 }).proposals.find((p) => p.name === "Lowland counter")!;
    expect(counter.contested!.map((v) => [v.terms["Monitoring"], v.redLinesCrossed.map((l) => l.label)])).toEqual([
      ["international observers", ["no international observers on Upland soil"]],
      ["joint commission", []],
    ]);
    expect(counter.dependsOnSources).toBe(true);
  });
});

describe("minimal concessions (port concession deadlock)", () => {
  const model = load("test/fixtures/deadlock.yaml");
  const report = analyze(model, { samples: 0 });

  it("has no zone of agreement, and lists concessions ranked within each kind", () => {
    expect(report.zopa.exists).toBe(false);
    expect(report.concessions.length).toBeGreaterThan(0);
    const sizes = (kind: string) => report.concessions.filter((c) => c.kind === kind).map((c) => c.size);
    expect(sizes("reservation")).toEqual([...sizes("reservation")].sort((a, b) => a - b));
    expect(sizes("red-line")).toEqual([...sizes("red-line")].sort((a, b) => a - b));
  });

  it("every concession, applied, really opens a zone — and a smaller one would not", () => {
    const u = createUtilities(model);
    for (const c of report.concessions) {
      if (c.kind === "reservation") {
        const r = u.reservations.slice();
        for (const x of c.changes) r[report.parties.indexOf(x.party)] = x.to;
        const feasible = feasibleFrontier(u, model.redLines);
        expect(zoneOfAgreement({ ...u, reservations: r }, model.redLines, feasible).exists).toBe(true);
        const less = r.slice();
        for (const x of c.changes) less[report.parties.indexOf(x.party)] = x.to + 0.01;
        if (c.changes.length === 1)
          expect(zoneOfAgreement({ ...u, reservations: less }, model.redLines, feasible).exists).toBe(false);
      } else {
        // The deal it opens crosses none of the other red lines and gives everyone its reservation value.
        const relaxed = c.kind === "red-line" ? [c.redLine] : c.changes.map((x) => x.redLine);
        const others = model.redLines.filter((l) => !relaxed.includes(l.label));
        const outcome = model.space.issues.map((issue) => issue.indexOf(c.opens.outcome[issue.name]!));
        expect(
          others.every(
            (l: RedLine) => !l.if.every((x) => x.allowed[outcome[x.issue]!]) || l.then.allowed[outcome[l.then.issue]!],
          ),
        ).toBe(true);
        c.opens.utilities.forEach((x, p) => expect(x).toBeGreaterThanOrEqual(u.reservations[p]! - 1e-9));
      }
    }
  });

  it("relaxes a numeric red line by the smallest step that opens a zone", () => {
    const lease = report.concessions.filter((c) => c.kind === "red-line" && c.redLine.startsWith("Lease years"));
    expect(lease.map((c) => (c.kind === "red-line" ? `${c.party}: ${c.change}` : ""))).toEqual([
      "Ministry: allow Lease years up to 24",
    ]);
    // Up to 23 is not enough.
    const u = createUtilities(model);
    const lines = model.redLines.map((l) => {
      if (!l.label.startsWith("Lease years ≤")) return l;
      const allowed = l.then.allowed.slice();
      allowed.fill(1, 0, 23 - 10 + 1);
      return { ...l, then: { ...l.then, allowed } };
    });
    expect(zoneOfAgreement(u, lines, feasibleFrontier(u, lines)).exists).toBe(false);
    allowed24(lines);
    expect(zoneOfAgreement(u, lines, feasibleFrontier(u, lines)).exists).toBe(true);
  });
});

function allowed24(lines: RedLine[]): void {
  for (const l of lines) if (l.label.startsWith("Lease years ≤")) l.then.allowed[24 - 10] = 1;
}
