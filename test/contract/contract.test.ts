import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { utilitySpace } from "../../src/analysis/utility-space.js";
import { AnalysisReport } from "../../src/contract/analysis-report.js";
import { CorpusEvidence, EvidenceJson } from "../../src/contract/evidence.js";
import { UtilitySpace } from "../../src/contract/utility-space.js";
import { loadCase } from "../../src/formats/case-file.js";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { readDocuments } from "../../src/ingest/read-documents.js";
import { citedAnalysis } from "../../src/workflows/cited-analysis.js";
import { citedInputFromFolder } from "../../src/workflows/cited-input.js";
import { corpusEvidence } from "../../src/workflows/corpus-evidence.js";
import { batchEvidence } from "../../src/workflows/evidence.js";
import { ROOT } from "../domains.js";

// Each contract schema, read strictly: what the code produces parses to itself (nothing the
// schema lacks is dropped, nothing it requires is missing), on real inputs.
const moscow = join(ROOT, "cases", "moscow-2025-12");

describe("the contract describes what the code produces", () => {
  it("the analysis report of the example scenario, and its utility space", () => {
    const loaded = loadScenarioFile(join(ROOT, "examples", "river-treaty.yaml"));
    const report = analyze(loaded.model, { samples: 50, seed: 1 });
    expect(AnalysisReport.parse(report)).toEqual(report);
    const space = utilitySpace(loaded.model, 0, 1);
    expect(UtilitySpace.parse(space)).toEqual(space);
  });

  it("the cited analysis and the corpus evidence of the Moscow case", () => {
    const input = citedInputFromFolder(join(moscow, "scenario.yaml"), join(moscow, "corpus"));
    const { report } = citedAnalysis(input, { samples: 20, seed: 1 });
    expect(report.citations?.length).toBeGreaterThan(100);
    expect(AnalysisReport.parse(report)).toEqual(report);
    const corpus = corpusEvidence(input).evidence;
    expect(corpus.contradictions.length).toBeGreaterThan(0);
    expect(CorpusEvidence.parse(corpus)).toEqual(corpus);
  });

  it("the evidence of the Moscow texts with the case's knowledge", () => {
    const docs = readDocuments([join(moscow, "corpus")]);
    const evidence = batchEvidence(docs, loadAttributionModel(), loadCase(moscow));
    expect(evidence.claims.some((c) => c.watched)).toBe(true);
    expect(EvidenceJson.parse(evidence)).toEqual(evidence);
  });

  it("refuses what it does not describe", () => {
    const loaded = loadScenarioFile(join(ROOT, "examples", "river-treaty.yaml"));
    const report = analyze(loaded.model, { samples: 0 });
    expect(AnalysisReport.safeParse({ ...report, zopa: { exists: "no" } }).success).toBe(false);
    expect(AnalysisReport.safeParse({ ...report, concessions: [{ kind: "bribe", size: 1 }] }).success).toBe(false);
  });
});
