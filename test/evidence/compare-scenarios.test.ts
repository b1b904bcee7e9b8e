import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/evidence/compare-scenarios.js";
import type { ScenarioSpec } from "../../src/model/schema.js";

/** The parts of a scenario the comparison reads: issue names and each party's red lines. */
const spec = (issues: string[], lines: [string, string][]) =>
  ({
    issues: issues.map((name) => ({ name })),
    proposals: [],
    parties: [...new Set(lines.map(([p]) => p))].map((name) => ({
      name,
      redLines: lines.filter(([p]) => p === name).map(([, issue]) => ({ issue })),
    })),
  }) as unknown as ScenarioSpec;

describe("a draft compared with a hand-written scenario", () => {
  const draft = spec(["Territory", "Toll"], [["Malta", "Territory"]]);
  const hand = spec(["Gozo channel", "Tolls"], [["Malta", "Gozo channel"]]);

  it("finds an issue by a word of its name; a different word is another issue, with no case to say otherwise", () => {
    const r = compareScenarios(draft, hand, [], []);
    expect(r.issues.found).toEqual([]);
    expect(r.recovered.redLines).toMatchObject({ found: 0, of: 1 });
    // Plural and singular are one word only when the names share it: "Toll" and "Tolls" do not.
    expect(compareScenarios(spec(["Tolls"], []), hand, [], []).issues.found).toEqual(["Tolls"]);
  });

  it("the hand-written case's topic of an issue's name finds it in a drafted name, red lines too", () => {
    const topics = [{ name: "Gozo channel", pattern: /\b(Gozo|channel|territor(?:y|ies|ial))\b/i }];
    const r = compareScenarios(draft, hand, [], [], topics);
    expect(r.issues.found).toEqual(["Gozo channel"]);
    expect(r.recovered.redLines).toMatchObject({ found: 1, of: 1 });
    expect(r.precision.issues).toMatchObject({ found: 1, of: 2 });
  });
});
