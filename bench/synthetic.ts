import { createRandom } from "../src/analysis/random.js";
import { createDiscreteIssue } from "../src/model/issue.js";
import { OutcomeSpace } from "../src/model/outcome-space.js";
import type { Model } from "../src/model/scenario.js";

/** A seeded random linear-additive model: `parties` parties, `issues` issues of `options` options each. */
export function syntheticModel(parties: number, issues: number, options: number, seed: number): Model {
  const random = createRandom(seed);
  const list = Array.from({ length: issues }, (_, i) =>
    createDiscreteIssue(
      `issue ${i + 1}`,
      Array.from({ length: options }, (_, j) => `option ${j + 1}`),
    ),
  );
  return {
    name: `synthetic ${parties}×${issues}×${options}`,
    space: new OutcomeSpace(list),
    parties: Array.from({ length: parties }, (_, p) => {
      const w = list.map(() => random());
      const sum = w.reduce((a, b) => a + b, 0);
      return {
        name: `party ${p + 1}`,
        role: "principal" as const,
        preferences: {
          weights: w.map((x) => x / sum),
          values: list.map(() => ({ kind: "table" as const, values: Array.from({ length: options }, () => random()) })),
          reservation: 0,
        },
      };
    }),
    redLines: [],
    proposals: [],
    parameters: [],
  };
}
