import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { caseBeside } from "../formats/case-file.js";
import type { Loaded } from "../formats/load-files.js";
import { loadScenarioFile } from "../formats/scenario-file.js";
import { readDocuments } from "../ingest/read-documents.js";
import { readCorpus } from "../ingest/validate-citations.js";
import { baseName } from "../model/base-name.js";

/** A scenario and the documents its citations point into, with what is known of its case. */
export interface CitedInput {
  readonly loaded: Loaded;
  /** The texts its citations name, by file name. */
  readonly corpus: ReadonlyMap<string, string>;
  readonly docs: readonly EvidenceDocument[];
  /** Where the corpus lies, as problems name it ("the workspace", a folder). */
  readonly label: string;
  readonly knowledge: CaseKnowledge;
}

/**
 * A scenario file (read already, or read here) and a folder of articles; the case knowledge is
 * the case.yaml beside the scenario, if any.
 */
export function citedInputFromFolder(
  scenarioFile: string,
  corpusDir: string,
  loaded: Loaded = loadScenarioFile(scenarioFile),
): CitedInput {
  return {
    loaded,
    corpus: readCorpus(corpusDir),
    docs: readDocuments([corpusDir]),
    label: corpusDir,
    knowledge: caseBeside(scenarioFile),
  };
}

/** A scenario and documents held elsewhere (a workspace), each cited by its file name. */
export function citedInputFromDocuments(
  loaded: Loaded,
  docs: readonly EvidenceDocument[],
  label: string,
  knowledge: CaseKnowledge,
): CitedInput {
  const corpus = new Map<string, string>();
  // The first document stored under a name is the one its citations mean.
  for (const d of docs) if (!corpus.has(baseName(d.file))) corpus.set(baseName(d.file), d.text);
  return { loaded, corpus, docs, label, knowledge };
}
