import fc from "fast-check";
import { createDiscreteIssue } from "../../src/model/issue.js";
import { OutcomeSpace } from "../../src/model/outcome-space.js";
import type { Condition, RedLine } from "../../src/model/red-line.js";
import type { Model } from "../../src/model/scenario.js";

/**
 * Random small linear-additive models for property tests: 2–4 parties, 1–5 issues of 1–5
 * options, values on a coarse grid (so ties and duplicate utility vectors occur), weights
 * summing to 1 or to 1.3 (so the cap at 1 matters), reservation values, and optionally unary and coupled red lines.
 */
export function arbitraryModel(options: { redLines?: boolean; parties?: [number, number] } = {}): fc.Arbitrary<Model> {
  const [minP, maxP] = options.parties ?? [2, 4];
  return fc
    .record({
      parties: fc.integer({ min: minP, max: maxP }),
      cards: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      grid: fc.constantFrom(4, 10, 1000),
      // Weights summing above 1 make GENIUS's cap at 1 matter.
      scale: fc.constantFrom(1, 1, 1.3),
    })
    .chain(({ parties, cards, seed, grid, scale }) => {
      const cell = fc.integer({ min: 0, max: grid }).map((x) => x / grid);
      const party = fc.record({
        weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: cards.length, maxLength: cards.length }),
        values: fc.tuple(...cards.map((c) => fc.array(cell, { minLength: c, maxLength: c }))),
        reservation: fc.integer({ min: 0, max: 8 }).map((x) => x / 10),
      });
      const mask = (c: number) =>
        fc.array(fc.boolean(), { minLength: c, maxLength: c }).map((b) => Uint8Array.from(b, Number));
      const condition: fc.Arbitrary<Condition> = fc
        .integer({ min: 0, max: cards.length - 1 })
        .chain((issue) => mask(cards[issue]!).map((allowed) => ({ issue, allowed })));
      const line = fc.record({
        party: fc.integer({ min: 0, max: parties - 1 }),
        if: fc.array(condition, { maxLength: 2 }),
        then: condition,
      });
      return fc
        .record({
          parties: fc.array(party, { minLength: parties, maxLength: parties }),
          lines: options.redLines ? fc.array(line, { maxLength: 3 }) : fc.constant<Omit<RedLine, "label">[]>([]),
          seed: fc.constant(seed),
        })
        .map(({ parties: ps, lines }): Model => {
          const issues = cards.map((c, i) =>
            createDiscreteIssue(
              `i${i}`,
              Array.from({ length: c }, (_, j) => `o${j}`),
            ),
          );
          return {
            name: "random",
            space: new OutcomeSpace(issues),
            parties: ps.map((p, pi) => {
              const sum = p.weights.reduce((a, b) => a + b, 0) || 1;
              return {
                name: `p${pi}`,
                role: "principal" as const,
                preferences: {
                  weights: p.weights.map((w) => (w / sum) * scale),
                  values: p.values.map((v) => ({ kind: "table" as const, values: v })),
                  reservation: p.reservation,
                },
              };
            }),
            redLines: lines.map((l, i): RedLine => ({ ...l, label: `line ${i}` })),
            proposals: [],
            parameters: [],
          };
        });
    });
}
