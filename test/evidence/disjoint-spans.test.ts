import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DisjointSpans } from "../../src/evidence/disjoint-spans.js";
import { lowerBound } from "../../src/evidence/lower-bound.js";

describe("the indexes that keep long texts linear", () => {
  it("lowerBound finds what a scan finds: the first index not below", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (xs, x) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const scan = sorted.findIndex((v) => v >= x);
        expect(lowerBound(sorted.length, (i) => sorted[i]! < x)).toBe(scan < 0 ? sorted.length : scan);
      }),
    );
  });

  it("DisjointSpans answers overlaps as a scan of every span held does", () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), fc.array(span, { maxLength: 30 }), (adds, probes) => {
        const held = new DisjointSpans();
        const naive: [number, number][] = [];
        const overlaps = (s: number, e: number) => naive.some(([a, b]) => s < b && e > a);
        for (const [s, len] of adds) {
          expect(held.overlaps(s, s + len)).toBe(overlaps(s, s + len));
          if (!overlaps(s, s + len)) {
            held.add(s, s + len);
            naive.push([s, s + len]);
          }
        }
        for (const [s, len] of probes) expect(held.overlaps(s, s + len)).toBe(overlaps(s, s + len));
      }),
    );
  });
});
