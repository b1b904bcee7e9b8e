import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { utilitySpace } from "../../src/analysis/utility-space.js";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { createUtilities, utilityOf } from "../../src/model/utilities.js";
import { utilityChart } from "../../src/report/utility-chart.js";
import { ROOT } from "../domains.js";

describe("the utility space of two parties", () => {
  const { model } = loadScenarioFile(join(ROOT, "examples", "river-treaty.yaml"));

  it("counts every outcome once and finds exactly the pair's non-dominated outcomes", () => {
    const s = utilitySpace(model, 0, 1, { bins: 20 });
    expect(s.sampled).toBe(false);
    expect(s.outcomes).toBe(1470);
    expect(s.counts.reduce((x, y) => x + y, 0)).toBe(1470);
    // Brute force: every outcome's pair of utilities, and those no other beats on both.
    const u = createUtilities(model);
    const points = Array.from({ length: 1470 }, (_, k) => {
      const c = model.space.decode(k);
      return [utilityOf(u, 0, c), utilityOf(u, 1, c)] as const;
    });
    const dominated = (p: readonly number[]) =>
      points.some((q) => q[0]! >= p[0]! && q[1]! >= p[1]! && (q[0]! > p[0]! || q[1]! > p[1]!));
    const expected = [...new Set(points.filter((p) => !dominated(p)).map((p) => p.join(",")))].sort();
    expect(s.frontier.map((p) => p.join(",")).sort()).toEqual(expected);
  });

  it("draws a seeded uniform sample of a space larger than the limit", () => {
    const a = utilitySpace(model, 1, 2, { limit: 500, seed: 3 });
    expect(a).toMatchObject({ sampled: true, outcomes: 500, parties: ["Lowland", "Donor bank"] });
    expect(utilitySpace(model, 1, 2, { limit: 500, seed: 3 })).toEqual(a);
  });
});

describe("the utility space drawn on a server-side DOM", () => {
  it("shades the outcomes that cross no red line, without the canvas a colour legend would need", () => {
    const { model } = loadScenarioFile(join(ROOT, "examples", "river-treaty.yaml"));
    const space = utilitySpace(model, 0, 1);
    expect(space.allowed!.some((n) => n > 0)).toBe(true);
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const figure = utilityChart(space, analyze(model, { samples: 0 }), 0, 1, 500, document);
    const html = String(Reflect.get(figure, "outerHTML"));
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toMatch(/Blue: outcomes that cross no party's red line/);
    expect(html).not.toContain("<canvas");
    // The zone's size is a count of outcomes, said as one (it was once printed as 1400 %).
    expect(html).toContain("A zone of agreement: 14 of 1,470 outcomes (1.0%) every party accepts");
  });
});
