import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nashSolution } from "../../src/analysis/bargaining-solutions.js";
import { feasibleFrontier } from "../../src/analysis/feasible-frontier.js";
import { paretoFrontier } from "../../src/analysis/pareto.js";
import { evaluateProposal } from "../../src/analysis/proposal-evaluation.js";
import { pick, robustness } from "../../src/analysis/robustness.js";
import { WorkBudget } from "../../src/analysis/work-budget.js";
import { zoneOfAgreement } from "../../src/analysis/zopa.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { createUtilities } from "../../src/model/utilities.js";
import { ROOT } from "../domains.js";

const riverText = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
const river = parseScenario(riverText, "river-treaty.yaml").model;
/** The same treaty with every range replaced by its midpoint (the nominal value): nothing left to draw. */
const fixedText = riverText.replace(/\[(0\.\d+), (0\.\d+|1)\]/g, (_, a: string, b: string) =>
  String((Number(a) + Number(b)) / 2),
);
const fixed = parseScenario(fixedText, "fixed.yaml").model;

describe("robustness: Monte Carlo over the uncertain numbers", () => {
  const rb = robustness(river, { samples: 100, seed: 7 });

  it("is the same for the same seed, and differs for another", () => {
    expect(rb.samples).toBe(100);
    expect(rb.requested).toBe(100);
    expect(rb.seed).toBe(7);
    expect(robustness(river, { samples: 100, seed: 7 })).toEqual(rb);
    expect(robustness(river, { samples: 100, seed: 8 })).not.toEqual(rb);
  });

  it("with 0 samples draws nothing and reports no rate", () => {
    const none = robustness(river, { samples: 0, seed: 7 });
    expect(none.samples).toBe(0);
    expect(none.zopaRate).toBeNaN();
    expect(none.acceptableRate).toHaveLength(river.proposals.length);
    for (const x of none.acceptableRate) expect(x).toBeNaN();
    expect(none.nash).toEqual([]);
    for (const q of none.nashUtility) expect([q.p5, q.median, q.p95]).toEqual([NaN, NaN, NaN]);
  });

  it("counts one Nash outcome per draw with a zone, and orders the quantiles", () => {
    expect(rb.parameters).toBe(river.parameters.length);
    expect(rb.parameters).toBeGreaterThan(0);
    expect(rb.zopaRate).toBeGreaterThan(0);
    expect(rb.zopaRate).toBeLessThanOrEqual(1);
    expect(rb.nash.reduce((s, h) => s + h.rate, 0)).toBeCloseTo(rb.zopaRate, 12);
    const rates = rb.nash.map((h) => h.rate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(new Set(rb.nash.map((h) => h.choices.join())).size).toBe(rb.nash.length);
    for (const q of rb.nashUtility) {
      expect(q.p5).toBeLessThanOrEqual(q.median);
      expect(q.median).toBeLessThanOrEqual(q.p95);
    }
    for (const x of rb.acceptableRate) expect(x * 100).toBeCloseTo(Math.round(x * 100), 9);
  });

  it("tells progress after each draw", () => {
    const seen: [number, number][] = [];
    robustness(river, { samples: 5, seed: 1, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it("stops at the work limit and reports the draws made, not an error", () => {
    // Measure the work of the first two and three draws, then allow more than two and less than three.
    const used = (samples: number) => {
      const b = new WorkBudget(Infinity);
      robustness(river, { samples, seed: 7, budget: b });
      return b.used;
    };
    const cut = robustness(river, { samples: 10, seed: 7, budget: new WorkBudget((used(2) + used(3)) / 2) });
    expect(cut.requested).toBe(10);
    expect(cut.samples).toBe(2);
    // The draws made are those an unlimited run makes first.
    const two = robustness(river, { samples: 2, seed: 7 });
    expect(cut.zopaRate).toBe(two.zopaRate);
    expect(cut.nash).toEqual(two.nash);
  });
});

describe("robustness with nothing uncertain: every draw is the nominal analysis", () => {
  it("has no parameters, and its rates are 0 or 1 as the nominal analysis answers", () => {
    expect(fixed.parameters).toHaveLength(0);
    const rb = robustness(fixed, { samples: 20, seed: 3 });
    const u = createUtilities(fixed);
    const feasible = feasibleFrontier(u, fixed.redLines);
    const frontier = paretoFrontier(u);
    const zone = zoneOfAgreement(u, fixed.redLines, feasible).exists;
    expect(rb.zopaRate).toBe(zone ? 1 : 0);
    expect(rb.acceptableRate).toEqual(
      fixed.proposals.map((p) => (evaluateProposal(fixed, u, p, frontier, feasible).acceptable ? 1 : 0)),
    );
    // One Nash outcome, the nominal one, in every draw; its utilities have no spread.
    const row = nashSolution(feasible, u.reservations);
    expect(row).toBeGreaterThanOrEqual(0);
    expect(rb.nash).toHaveLength(1);
    expect(rb.nash[0]!.rate).toBe(1);
    expect([...rb.nash[0]!.choices]).toEqual([...feasible.outcomes.slice(row * u.issues, (row + 1) * u.issues)]);
    rb.nashUtility.forEach((q, p) => {
      const x = feasible.utilities[row * u.parties + p]!;
      expect([q.p5, q.median, q.p95]).toEqual([x, x, x]);
    });
  });
});

describe("contested plan terms: each source's version drawn by its weight", () => {
  const contested = (monitoring: string) =>
    parseScenario(
      riverText.replace(
        "Summer flow: 600, Monitoring: joint commission",
        `Summer flow: 600, Monitoring: ${monitoring}`,
      ),
      "contested.yaml",
    ).model;
  const both = contested("{oneOf: [international observers, joint commission]}");
  const framework = both.proposals.findIndex((p) => p.name === "Bank framework");

  it("reads the plan's monitoring as contested", () => {
    expect(both.proposals[framework]!.alternatives).toHaveLength(1);
  });

  it("with all the weight on one version, rates are those of the plan fixed to that version (same seed)", () => {
    const weights = (w: number[]) => both.proposals.map((_, k) => (k === framework ? w : undefined));
    const first = robustness(both, { samples: 80, seed: 5, versionWeights: weights([1, 0]) });
    const second = robustness(both, { samples: 80, seed: 5, versionWeights: weights([0, 1]) });
    expect(first.acceptableRate).toEqual(
      robustness(contested("international observers"), { samples: 80, seed: 5 }).acceptableRate,
    );
    expect(second.acceptableRate).toEqual(
      robustness(contested("joint commission"), { samples: 80, seed: 5 }).acceptableRate,
    );
    // Observers cross Upland's red line in every draw; the joint commission does not.
    expect(first.acceptableRate[framework]).toBe(0);
    expect(second.acceptableRate[framework]).toBeGreaterThan(0);
    // Alike by default: the rate lies between the two.
    const even = robustness(both, { samples: 80, seed: 5 }).acceptableRate[framework]!;
    expect(even).toBeGreaterThan(0);
    expect(even).toBeLessThan(second.acceptableRate[framework]!);
  });

  it("pick: a uniform draw lands on each version in proportion to its weight", () => {
    expect(pick(0.99, 2, [1, 0])).toBe(0);
    expect(pick(0, 2, [0, 1])).toBe(1);
    expect(pick(0.74, 2, [3, 1])).toBe(0);
    expect(pick(0.76, 2, [3, 1])).toBe(1);
    // Without weights, or with the wrong number of them: all alike.
    expect([0, 0.3, 0.34, 0.66, 0.67, 0.999].map((x) => pick(x, 3))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(pick(0.6, 2, [1, 0, 0])).toBe(1);
    // Over a fine grid of draws, the shares follow the weights.
    const counts = [0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[pick((i + 0.5) / 1000, 3, [1, 2, 7])]!++;
    expect(counts).toEqual([100, 200, 700]);
  });
});
