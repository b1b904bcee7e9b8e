import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticModel } from "../../bench/synthetic.js";
import { analysisJson } from "../../src/analysis/analysis-json.js";
import { analyze } from "../../src/analysis/analyze.js";
import { loadGeniusFiles } from "../../src/formats/load-files.js";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { createDiscreteIssue } from "../../src/model/issue.js";
import { OutcomeSpace } from "../../src/model/outcome-space.js";
import type { Model } from "../../src/model/scenario.js";
import { GENIUS, ROOT } from "../domains.js";
import { arbitraryModel } from "./random-model.js";

const streamed = (report: ReturnType<typeof analyze>) => [...analysisJson(report)].join("");

describe("the analysis written in pieces", () => {
  it("is the same text as JSON.stringify, on a 10^60 space, GENIUS domains and a case with red lines", () => {
    const models: Model[] = [
      syntheticModel(2, 60, 10, 5),
      syntheticModel(3, 6, 5, 9),
      loadGeniusFiles(GENIUS["Travel"]!.domain, GENIUS["Travel"]!.profiles).model,
      loadScenarioFile(`${ROOT}/cases/moscow-2025-12/scenario.yaml`).model,
    ];
    for (const [i, model] of models.entries()) {
      // Streamed first: it must not need the built frontier.
      const report = analyze(model, { samples: 0 });
      const text = streamed(report);
      expect(text).toBe(JSON.stringify(report));
      // The Moscow case's red lines leave no outcome, so no frontier.
      expect((JSON.parse(text) as { frontier: unknown[] }).frontier.length > 0).toBe(i < 3);
    }
  });

  it("falls back to JSON.stringify where a record would reorder its keys (issues named 2 and 10)", () => {
    const base = syntheticModel(2, 3, 3, 1);
    const issues = ["b", "10", "2"].map((name) => createDiscreteIssue(name, ["x", "y", "z"]));
    const model: Model = { ...base, space: new OutcomeSpace(issues) };
    const report = analyze(model, { samples: 0 });
    expect(streamed(report)).toBe(JSON.stringify(report));
    expect(
      Object.keys((JSON.parse(streamed(report)) as { frontier: { outcome: object }[] }).frontier[0]!.outcome),
    ).toEqual(["2", "10", "b"]);
  });

  it("matches JSON.stringify on arbitrary models", () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const report = analyze(model, { samples: 0 });
        expect(streamed(report)).toBe(JSON.stringify(report));
      }),
      { numRuns: 60 },
    );
  });
});
