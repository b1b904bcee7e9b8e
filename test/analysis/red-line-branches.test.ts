import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullMask, type OptionMask } from "../../src/analysis/pareto.js";
import { forEachFeasibleBox, idealPoint, nonEmpty } from "../../src/analysis/red-line-branches.js";
import { crossesRedLine } from "../../src/model/red-line.js";
import type { Model } from "../../src/model/scenario.js";
import { createUtilities, type Utilities, utilityOf } from "../../src/model/utilities.js";
import { arbitraryModel } from "./random-model.js";

/** Every complete outcome of the model, as option indices per issue. */
function allOutcomes(model: Model): Int32Array[] {
  const n = Number(model.space.size);
  return Array.from({ length: n }, (_, k) => model.space.decode(k));
}

/** Whether the box (a mask over every issue's options) holds the outcome. */
const holds = (u: Utilities, box: OptionMask, o: Int32Array) => [...o].every((j, i) => box[u.offsets[i]! + j] === 1);

/** Outcomes in a box: the product of the options it allows per issue. */
function boxSize(u: Utilities, box: OptionMask): number {
  let n = 1;
  for (let i = 0; i < u.issues; i++) {
    let c = 0;
    for (let j = u.offsets[i]!; j < u.offsets[i + 1]!; j++) c += box[j]!;
    n *= c;
  }
  return n;
}

/** A random mask that keeps at least one option of every issue most of the time. */
function randomBase(u: Utilities, seed: number): OptionMask {
  const mask = fullMask(u);
  let s = seed >>> 0;
  for (let j = 0; j < mask.length; j++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    if (s % 4 === 0) mask[j] = 0;
  }
  return mask;
}

describe("forEachFeasibleBox: the outcomes that cross no red line, split into disjoint boxes", () => {
  it("covers exactly the outcomes crossing no red line, each once (brute force over random small models)", () => {
    fc.assert(
      fc.property(arbitraryModel({ redLines: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (model, seed) => {
        const u = createUtilities(model);
        for (const base of [fullMask(u), randomBase(u, seed)]) {
          const boxes: OptionMask[] = [];
          forEachFeasibleBox(u, model.redLines, base, (b) => boxes.push(b.slice()));
          // Every box visited is non-empty and inside the base.
          for (const b of boxes) {
            expect(nonEmpty(u, b)).toBe(true);
            for (let j = 0; j < b.length; j++) if (b[j]) expect(base[j]).toBe(1);
          }
          const outcomes = allOutcomes(model);
          const feasible = outcomes.filter(
            (o) => holds(u, base, o) && !model.redLines.some((l) => crossesRedLine(l, o)),
          );
          // Each feasible outcome lies in exactly one box; no box holds an infeasible one.
          for (const o of outcomes) {
            const inBoxes = boxes.filter((b) => holds(u, b, o)).length;
            expect(inBoxes).toBe(feasible.includes(o) ? 1 : 0);
          }
          expect(boxes.reduce((n, b) => n + boxSize(u, b), 0)).toBe(feasible.length);
        }
      }),
      { numRuns: 150, seed: 20251202 },
    );
  });

  it("visits no box when the red lines collide, and nothing at all when prune cuts every branch", () => {
    fc.assert(
      fc.property(arbitraryModel({ redLines: true }), (model) => {
        const u = createUtilities(model);
        let visited = 0;
        forEachFeasibleBox(
          u,
          model.redLines,
          fullMask(u),
          () => visited++,
          () => true,
        );
        expect(visited).toBe(0);
      }),
      { numRuns: 50, seed: 7 },
    );
    // A hand-made collision: one party wants option 0 of issue 0, the other bans it.
    const model = fc.sample(arbitraryModel(), { numRuns: 1, seed: 3 })[0]!;
    const card = model.space.issues[0]!.cardinality;
    const only0 = Uint8Array.from({ length: card }, (_, j) => (j === 0 ? 1 : 0));
    const not0 = Uint8Array.from({ length: card }, (_, j) => (j === 0 ? 0 : 1));
    const u = createUtilities(model);
    const boxes: OptionMask[] = [];
    forEachFeasibleBox(
      u,
      [
        { party: 0, label: "only 0", if: [], then: { issue: 0, allowed: only0 } },
        { party: 1, label: "not 0", if: [], then: { issue: 0, allowed: not0 } },
      ],
      fullMask(u),
      (b) => boxes.push(b),
    );
    expect(boxes).toEqual([]);
  });

  it("a coupled line splits the space into the branches 'condition fails' and 'condition holds, consequence holds'", () => {
    const model = fc.sample(arbitraryModel(), { numRuns: 20, seed: 11 }).find((m) => m.space.issues.length >= 2)!;
    const u = createUtilities(model);
    const c0 = model.space.issues[0]!.cardinality,
      c1 = model.space.issues[1]!.cardinality;
    // if issue 0 = option 0 then issue 1 ≠ option 0
    const line = {
      party: 0,
      label: "coupled",
      if: [{ issue: 0, allowed: Uint8Array.from({ length: c0 }, (_, j) => (j === 0 ? 1 : 0)) }],
      then: { issue: 1, allowed: Uint8Array.from({ length: c1 }, (_, j) => (j === 0 ? 0 : 1)) },
    };
    const boxes: OptionMask[] = [];
    forEachFeasibleBox(u, [line], fullMask(u), (b) => boxes.push(b.slice()));
    const total = Number(model.space.size);
    const rest = total / (c0 * c1);
    // Outcomes crossing the line: issue 0 = 0 and issue 1 = 0, whatever the other issues.
    expect(boxes.reduce((n, b) => n + boxSize(u, b), 0)).toBe(total - rest);
    expect(boxes.length).toBe((c0 > 1 ? 1 : 0) + (c1 > 1 ? 1 : 0));
  });
});

describe("nonEmpty and idealPoint", () => {
  it("nonEmpty is false exactly when some issue keeps no option", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (model, seed) => {
        const u = createUtilities(model);
        const box = randomBase(u, seed);
        const someIssueEmpty = [...u.cardinalities.keys()].some((i) =>
          box.subarray(u.offsets[i]!, u.offsets[i + 1]!).every((x) => x === 0),
        );
        expect(nonEmpty(u, box)).toBe(!someIssueEmpty);
        expect(nonEmpty(u, fullMask(u))).toBe(true);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it("idealPoint is each party's best utility over the box's outcomes (additive: reached, capped at 1)", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (model, seed) => {
        const u = createUtilities(model);
        const box = randomBase(u, seed);
        if (!nonEmpty(u, box)) return;
        const inBox = allOutcomes(model).filter((o) => holds(u, box, o));
        const ideal = idealPoint(u, box);
        for (let p = 0; p < u.parties; p++) {
          const best = Math.max(...inBox.map((o) => utilityOf(u, p, o)));
          expect(ideal[p]).toBeCloseTo(best, 12);
          expect(ideal[p]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});
