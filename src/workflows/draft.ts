import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { compareScenarios } from "../evidence/compare-scenarios.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { draftScenario } from "../evidence/draft.js";
import { loadScenarioFile } from "../formats/scenario-file.js";
import { parseScenario, scenarioToYaml } from "../formats/scenario-yaml.js";
import { readCorpus, resolveCitations, validateCitations } from "../ingest/validate-citations.js";
import { batchEvidence } from "./evidence.js";

/** A scenario skeleton drafted from a corpus's evidence alone, as YAML headed by where it came from. */
export function draftYaml(
  corpusDir: string,
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  knowledge: CaseKnowledge,
): string {
  const draft = draftScenario(batchEvidence(docs, model, knowledge), docs, undefined, knowledge);
  return `# Drafted by parley draft --corpus ${corpusDir}: an analyst's starting point, not a model.\n${scenarioToYaml(parseScenario(JSON.stringify(draft)).spec)}`;
}

/** How close a draft comes to a hand-written scenario of the same corpus, by where their citations point. */
export function compareDraft(yaml: string, draftName: string, scenarioFile: string, corpusDir: string) {
  const parsed = parseScenario(yaml, draftName);
  return compareScenarios(
    parsed.spec,
    loadScenarioFile(scenarioFile).spec,
    resolveCitations(parsed, readCorpus(corpusDir), corpusDir).citations,
    validateCitations(scenarioFile, corpusDir).citations,
  );
}
