import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descendingOrder } from "../../src/analysis/descending-order.js";
import { DominanceIndex } from "../../src/analysis/dominance-index.js";
import { loadGeniusFiles } from "../../src/formats/load-files.js";
import { createUtilities, utilityOf } from "../../src/model/utilities.js";
import { lastAtLeast } from "../../src/negotiation/agent.js";
import { createArena } from "../../src/negotiation/arena.js";
import { Ranking } from "../../src/negotiation/ranking.js";
import { GENIUS } from "../domains.js";
import { arbitraryModel } from "./random-model.js";

const byComparator = (v: Float64Array) =>
  Array.from(Int32Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b));

// Values with many ties, values an ulp apart, negatives and -0: what utilities look like.
const value = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((x) => x / 40),
  fc.double({ min: -1, max: 2, noNaN: true }),
  fc.constantFrom(0.1 + 0.2, 0.3, -0, 0, 1, 1 - Number.EPSILON),
);

describe("descendingOrder", () => {
  it("orders like a comparator sort, ties by index, on small and bucketed sizes", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 3000, size: "max" }), (xs) => {
        const v = Float64Array.from(xs);
        expect(Array.from(descendingOrder(v))).toEqual(byComparator(v));
      }),
      { numRuns: 200 },
    );
  });
});

describe("Ranking", () => {
  it("finds what a search of the whole sorted order finds, sorting only where it lands", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3000, size: "max" }),
        // Targets at a value, just off it, or anywhere; `end` anywhere.
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(0, 1e-12, -1e-12, 0.003),
            value,
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (xs, draws) => {
          const searches = draws.map(([i, nudge, any, share], d): [number, number] =>
            d % 3 === 2 ? [any, share] : [xs[i % xs.length]! + nudge, share],
          );
          const v = Float64Array.from(xs);
          const ref = byComparator(v);
          const refSorted = Float64Array.from(ref, (c) => v[c]!);
          const ranking = new Ranking(v, new Int32Array(v.length), new Float64Array(v.length));
          for (const [target, share] of searches) {
            const end = Math.max(1, Math.round(share * v.length));
            const at = ranking.lastAtLeast(target, end);
            expect(at).toBe(lastAtLeast(refSorted, target, end));
            // Valid where the search landed, and at the top.
            expect([ranking.order[at], ranking.sorted[at]]).toEqual([ref[at], refSorted[at]]);
            expect([ranking.order[0], ranking.sorted[0]]).toEqual([ref[0], refSorted[0]]);
          }
          ranking.complete();
          expect(Array.from(ranking.order)).toEqual(ref);
          expect(Array.from(ranking.sorted)).toEqual(Array.from(refSorted));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("DominanceIndex", () => {
  it("answers as a scan over every point added", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 700 }),
        fc.constantFrom(0, 1e-9, 0.05),
        (k, rows, eps) => {
          const index = new DominanceIndex(k, eps, 4);
          const added: number[][] = [];
          for (const row of rows) {
            const q = row.slice(0, k);
            const scan = added.some((p) => p.every((x, d) => x >= q[d]! - eps));
            expect(index.dominates(q)).toBe(scan);
            if (!scan || added.length % 3 === 0) {
              index.add(q);
              added.push(q);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("arena", () => {
  it("holds every outcome's utility as utilityOf computes it, to the last bit, and the order of a comparator sort", () => {
    const check = (model: Parameters<typeof createArena>[0]) => {
      const arena = createArena(model);
      const u = createUtilities(model);
      const buf = new Int32Array(u.issues);
      for (let p = 0; p < arena.parties; p++) {
        const col = arena.utilities[p]!,
          ref = byComparator(col);
        let wrong = 0;
        for (let c = 0; c < arena.size; c++) if (col[c] !== utilityOf(u, p, model.space.decode(c, buf))) wrong++;
        for (let i = 0; i < arena.size; i++)
          if (arena.order[p]![i] !== ref[i] || arena.sorted[p]![i] !== col[ref[i]!]) wrong++;
        expect(wrong).toBe(0);
      }
    };
    for (const name of ["LaptopC", "CameraB", "Travel", "group2-politics"])
      check(loadGeniusFiles(GENIUS[name]!.domain, GENIUS[name]!.profiles).model);
    fc.assert(fc.property(arbitraryModel(), check), { numRuns: 100 });
  });
});
