import type { Loaded } from "./load-files.js";
import { readTextInput } from "./read-input.js";
import { parseScenario } from "./scenario-yaml.js";

/** Reads a scenario YAML (or JSON) file. */
export function loadScenarioFile(file: string, options: { discretize?: number } = {}): Loaded {
  return parseScenario(readTextInput(file, "scenario (YAML)"), file, options);
}
