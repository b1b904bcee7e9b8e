import { type AnalyzeOptions, analyze } from "../analysis/analyze.js";
import { utilitySpace } from "../analysis/utility-space.js";
import { weakFields, withEvidence } from "../formats/cited-report.js";
import type { Loaded } from "../formats/load-files.js";
import { versionWeights } from "../formats/version-weights.js";
import { renderBriefing } from "../report/render-briefing.js";
import type { CitedInput } from "./cited-input.js";
import { type CorpusEvidence, corpusEvidence } from "./corpus-evidence.js";

/**
 * The cited analysis every surface gives: the corpus's evidence first (its sources' reliability
 * weighs disputed plan terms), the exact analysis, then every citation, assumption,
 * contradiction and source attached.
 */
export function citedAnalysis(input: CitedInput, options: AnalyzeOptions = {}) {
  const { loaded } = input;
  const corpus = corpusEvidence(input);
  const weights = versionWeights(loaded.model, loaded.spec, corpus.evidence.reliability);
  const analysis = analyze(loaded.model, { ...options, versionWeights: weights });
  return { corpus, report: attachEvidence(loaded, corpus, analysis) };
}

/** The analysis with its corpus's evidence attached. */
export function attachEvidence(loaded: Loaded, corpus: CorpusEvidence, analysis: ReturnType<typeof analyze>) {
  return withEvidence(
    analysis,
    loaded.spec,
    corpus.citations,
    corpus.assumptions,
    corpus.evidence.contradictions,
    corpus.evidence.reliability,
  );
}

/** The briefing (Markdown or one HTML page) on a cited analysis, with the first two parties' utility space. */
export function briefing(input: CitedInput, options: { seed: number; samples: number }, format: "md" | "html") {
  const { corpus, report } = citedAnalysis(input, options);
  const model = input.loaded.model;
  return renderBriefing(
    {
      analysis: report,
      spec: input.loaded.spec,
      evidence: corpus.evidence,
      ...(model.parties.length >= 2 ? { space: utilitySpace(model, 0, 1) } : {}),
    },
    format,
  );
}

/** Every citation resolved, the assumptions, the fields resting on weak or single sources, and each source's standing. */
export function validation(input: CitedInput) {
  const { citations, assumptions, evidence } = corpusEvidence(input);
  return {
    citations,
    assumptions,
    weakFields: weakFields(input.loaded.spec, citations, evidence.reliability),
    reliability: evidence.reliability.map(({ file, kind, score, reasons }) => ({ file, kind, score, reasons })),
  };
}
