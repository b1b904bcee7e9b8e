import { InputError } from "../errors.js";
import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { compareScenarios } from "../evidence/compare-scenarios.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { draftScenario } from "../evidence/draft.js";
import { dominantScript } from "../evidence/text-script.js";
import { caseBeside } from "../formats/case-file.js";
import { loadScenarioFile } from "../formats/scenario-file.js";
import { parseScenario, scenarioToYaml } from "../formats/scenario-yaml.js";
import { readCorpus, resolveCitations, validateCitations } from "../ingest/validate-citations.js";
import type { ScenarioInput } from "../model/schema.js";
import { batchEvidence } from "./evidence.js";

/** A scenario skeleton drafted from a corpus's evidence alone, as YAML headed by where it came from, and what it could not decide. */
export function draftYaml(
  corpusDir: string,
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  knowledge: CaseKnowledge,
): { yaml: string; undecided: string[] } {
  const draft = draftScenario(batchEvidence(docs, model, knowledge), docs, undefined, knowledge);
  if (!draft.parties.length || !draft.issues.length) throw nothingToDraft(corpusDir, docs, draft);
  return {
    undecided: undecided(draft),
    yaml: `# Drafted by parley draft --corpus ${corpusDir}: an analyst's starting point, not a model.\n${scenarioToYaml(parseScenario(JSON.stringify(draft)).spec)}`,
  };
}

/** What the draft leaves to the analyst: plans drafted without terms, issues no party takes a stance on, parties with no stance. */
function undecided(draft: ScenarioInput): string[] {
  const list = (what: string, names: readonly string[]) =>
    names.length ? [`${names.length} ${what}: ${names.join(", ")}`] : [];
  const held = new Set(draft.parties.flatMap((p) => Object.keys(p.stances ?? {})));
  return [
    ...list(
      "proposal(s) drafted without terms",
      (draft.proposals ?? []).filter((p) => !Object.keys(p.outcome).length).map((p) => p.name),
    ),
    ...list(
      "issue(s) no party takes a stance on",
      draft.issues.filter((i) => !held.has(i.name)).map((i) => i.name),
    ),
    ...list(
      "party(ies) with no stance drafted (their values are placeholders)",
      draft.parties.filter((p) => !Object.keys(p.stances ?? {}).length).map((p) => p.name),
    ),
  ];
}

/**
 * Why a corpus gave no draft, said as such (not as a schema error of an empty scenario): texts in
 * a script Parley's English language data does not read, or coverage that names no negotiation.
 */
function nothingToDraft(corpusDir: string, docs: readonly EvidenceDocument[], draft: ScenarioInput): InputError {
  const foreign = docs.filter((d) => {
    const script = dominantScript(d.text);
    return script !== null && script !== "Latin";
  });
  const missing = [!draft.parties.length && "no party", !draft.issues.length && "no issue"]
    .filter(Boolean)
    .join(" and ");
  if (foreign.length * 2 >= docs.length)
    return new InputError([
      {
        code: "draft.no-english",
        file: corpusDir,
        message: `no English text found: ${foreign.length} of ${docs.length} document(s) are written in ${[...new Set(foreign.map((d) => dominantScript(d.text)))].join(" and ")} script, which Parley's language data does not read, so the draft holds ${missing}`,
        hint: "give English coverage (or English translations) of the negotiation",
      },
    ]);
  return new InputError([
    {
      code: "draft.empty",
      file: corpusDir,
      message: `the evidence of ${docs.length} document(s) gives ${missing}: no one is quoted demanding, refusing or agreeing to anything a party could negotiate`,
      hint: "draft needs news coverage of the talks themselves; or write the scenario by hand (see examples/)",
    },
  ]);
}

/** How close a draft comes to a hand-written scenario of the same corpus, by where their citations point and the topics of the case.yaml beside it. */
export function compareDraft(yaml: string, draftName: string, scenarioFile: string, corpusDir: string) {
  const parsed = parseScenario(yaml, draftName);
  return compareScenarios(
    parsed.spec,
    loadScenarioFile(scenarioFile).spec,
    resolveCitations(parsed, readCorpus(corpusDir), corpusDir).citations,
    validateCitations(scenarioFile, corpusDir).citations,
    caseBeside(scenarioFile).topics,
  );
}
