import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticModel } from "../../bench/synthetic.js";
import { bargainingSolutions } from "../../src/analysis/bargaining-solutions.js";
import { bruteForce } from "../../src/analysis/brute-force.js";
import { feasibleFrontier } from "../../src/analysis/feasible-frontier.js";
import { type Frontier, paretoFrontier } from "../../src/analysis/pareto.js";
import { zoneOfAgreement } from "../../src/analysis/zopa.js";
import { createDiscreteIssue } from "../../src/model/issue.js";
import { OutcomeSpace } from "../../src/model/outcome-space.js";
import { crossesRedLine } from "../../src/model/red-line.js";
import { createUtilities, utilityOf } from "../../src/model/utilities.js";
import { arbitraryModel } from "./random-model.js";

/** The frontier's points as sorted rows rounded to 1e-9, for set comparison. */
const points = (f: Frontier) =>
  Array.from({ length: f.size }, (_, r) =>
    Array.from(f.utilities.subarray(r * f.parties, (r + 1) * f.parties), (x) => Math.round(x * 1e9)).join(","),
  ).sort();

describe("exact frontier, solutions and zone of agreement equal brute-force enumeration", () => {
  it("without red lines (2–4 parties)", () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const u = createUtilities(model);
        const fast = paretoFrontier(u);
        const slow = bruteForce(model.space, u).frontier;
        expect(points(fast)).toEqual(points(slow));
        // Each frontier point's outcome really reaches it.
        for (let r = 0; r < fast.size; r++) {
          const choices = fast.outcomes.subarray(r * fast.issues, (r + 1) * fast.issues);
          for (let p = 0; p < u.parties; p++)
            expect(utilityOf(u, p, choices)).toBeCloseTo(fast.utilities[r * u.parties + p]!, 12);
        }
        for (const solve of Object.values(bargainingSolutions)) {
          const a = solve(fast, u.reservations),
            b = solve(slow, u.reservations);
          expect(a < 0).toBe(b < 0);
          if (a >= 0)
            for (let p = 0; p < u.parties; p++)
              expect(fast.utilities[a * u.parties + p]).toBeCloseTo(slow.utilities[b * u.parties + p]!, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with unary and coupled red lines, including the exact ZOPA count", () => {
    fc.assert(
      fc.property(arbitraryModel({ redLines: true }), (model) => {
        const u = createUtilities(model);
        const fast = feasibleFrontier(u, model.redLines);
        const slow = bruteForce(model.space, u, model.redLines);
        expect(points(fast)).toEqual(points(slow.frontier));
        for (let r = 0; r < fast.size; r++) {
          const choices = fast.outcomes.subarray(r * fast.issues, (r + 1) * fast.issues);
          expect(model.redLines.some((l) => crossesRedLine(l, choices))).toBe(false);
        }
        const zopa = zoneOfAgreement(u, model.redLines, fast);
        expect(zopa.size).toBe(BigInt(slow.acceptable));
        expect(zopa.exists).toBe(slow.acceptable > 0);
        const nash = bargainingSolutions.nash(fast, u.reservations);
        expect(nash >= 0).toBe(slow.acceptable > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the fast path never enumerates", () => {
  it("finds the exact frontier of a 4^40 space, which no enumeration could reach", () => {
    const issues = Array.from({ length: 40 }, (_, i) => createDiscreteIssue(`i${i}`, ["a", "b", "c", "d"]));
    const space = new OutcomeSpace(issues);
    // Party 0 prefers a > b > c > d on every issue, party 1 the reverse, with different weights.
    const model = {
      name: "chain",
      space,
      parties: [0, 1].map((p) => ({
        name: `p${p}`,
        role: "principal" as const,
        preferences: {
          weights: issues.map((_, i) => (p === 0 ? i + 1 : 40 - i) / 820),
          values: issues.map(() => ({ kind: "table" as const, values: p === 0 ? [1, 0.7, 0.3, 0] : [0, 0.3, 0.7, 1] })),
          reservation: 0,
        },
      })),
      redLines: [],
      proposals: [],
      parameters: [],
    };
    expect(space.size).toBe(4n ** 40n);
    const u = createUtilities(model);
    const f = paretoFrontier(u);
    expect(f.size).toBeGreaterThan(40);
    // Independent check without enumeration: a weighted sum of utilities is separable, so its
    // maximum over the whole space is the sum of per-issue maxima, and a frontier point reaches it.
    for (const lambda of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      let best = 0;
      for (let i = 0; i < u.issues; i++) {
        let m = -Infinity;
        for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++)
          m = Math.max(m, lambda * u.tables[0]![j]! + (1 - lambda) * u.tables[1]![j]!);
        best += m;
      }
      let onFrontier = -Infinity;
      for (let r = 0; r < f.size; r++)
        onFrontier = Math.max(onFrontier, lambda * f.utilities[2 * r]! + (1 - lambda) * f.utilities[2 * r + 1]!);
      expect(onFrontier).toBeCloseTo(best, 12);
    }
    expect(() => bruteForce(space, createUtilities(model))).toThrow(RangeError);
  });

  it("reports a zone too large to count exactly as existing, with a sampled estimate instead of a wrong count", () => {
    const model = syntheticModel(2, 60, 10, 5);
    const u = createUtilities(model);
    u.reservations.fill(0.55);
    const zopa = zoneOfAgreement(u, [], paretoFrontier(u), { samples: 20_000, seed: 3 });
    expect(zopa.exists).toBe(true);
    expect(zopa.size).toBeNull();
    expect(zopa.estimate!.samples).toBe(20_000);
    expect(zopa.estimate!.size).toBeGreaterThanOrEqual(0);
  });
});
