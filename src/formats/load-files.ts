import { InputError, type Problem } from "../errors.js";
import { compileScenario } from "../model/compile-scenario.js";
import type { Model } from "../model/scenario.js";
import type { ScenarioSpec } from "../model/schema.js";
import { geniusToScenario, parseGeniusDomain } from "./genius-xml.js";
import { readTextInput } from "./read-input.js";

export interface Loaded {
  readonly spec: ScenarioSpec;
  readonly model: Model;
  /** File, line and column of a field of the scenario file (scenarios read from YAML only). */
  readonly locate?: (path: readonly (string | number)[]) => Problem;
}

/** Reads a GENIUS domain and its profiles (two or more) as a scenario. No YAML or schema library is loaded. */
export function loadGeniusFiles(
  domainFile: string,
  profileFiles: readonly string[],
  options: { discretize?: number } = {},
): Loaded {
  const domain = parseGeniusDomain(readTextInput(domainFile, "GENIUS domain XML"), domainFile);
  const profiles = profileFiles.map((file) => ({ file, text: readTextInput(file, "GENIUS profile XML") }));
  const spec = geniusToScenario(domain, profiles, options);
  try {
    return { spec, model: compileScenario(spec, options) };
  } catch (e) {
    // Problems found when compiling concern the domain's issues or a profile's values: name the domain file.
    if (e instanceof InputError)
      throw new InputError(
        e.problems.map((p) => ({ ...p, file: p.file ?? domainFile })),
        { cause: e },
      );
    throw e;
  }
}
