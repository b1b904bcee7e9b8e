import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CaseKnowledge, caseKnowledge, NO_CASE } from "../evidence/case-knowledge.js";
import { readTextInput } from "./read-input.js";
import { MAX_YAML_ALIASES, readYaml } from "./scenario-yaml.js";

/** The file in a case's folder that holds what is specific to its negotiation. */
export const CASE_FILE = "case.yaml";

/** A case file's text (YAML or JSON) checked and compiled; problems name the file, line or field. */
export function parseCaseFile(text: string, file = CASE_FILE): CaseKnowledge {
  return caseKnowledge(readYaml(text, file).doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), file);
}

/** The case file of a case folder (or the file itself when given one). */
export function caseFileOf(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, CASE_FILE) : path;
}

/** Reads a case's knowledge from its folder or file (`--case DIR`). */
export function loadCase(path: string): CaseKnowledge {
  const file = caseFileOf(path);
  return parseCaseFile(readTextInput(file, "case file (YAML)"), file);
}

/** The case knowledge beside a scenario file (its folder's case.yaml), or none. */
export function caseBeside(scenarioFile: string): CaseKnowledge {
  const file = join(dirname(scenarioFile), CASE_FILE);
  return existsSync(file) ? loadCase(file) : NO_CASE;
}
