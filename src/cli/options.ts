import { InvalidArgumentError } from "commander";
import { InputError } from "../errors.js";
import type { Loaded } from "../formats/load-files.js";

/** Values per real issue: as many as a scenario's own `steps` may ask for (the scenario schema's limit). */
export const MAX_STEPS = 10_000;

/** A commander parser for an integer option ≥ min (and ≤ max when given). */
export const integer =
  (min: number, what: string, max = Infinity) =>
  (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${what} must be an integer ≥ ${min}${max < Infinity ? ` and ≤ ${max}` : ""}, got "${value}".`,
      );
    return n;
  };

/** A commander parser for a number ≥ min (1e8 and 100000000 alike). */
export const number = (min: number, what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new InvalidArgumentError(`${what} must be a number ≥ ${min}, got "${value}".`);
  return n;
};

/** The day or time `--since` gives (what Date.parse reads: 2025-12-09, 2025-12-09T10:00Z); else a clear error. */
export function checkSince(since: string | undefined): void {
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw new InputError([
      { code: "cli.date", field: "--since", message: `${since} is not a date`, hint: "e.g. --since 2025-12-09" },
    ]);
}

/**
 * The model from the command line's files: one scenario YAML, or with --genius a domain and its
 * profiles. Each reader is imported when used, so GENIUS input never loads the YAML and schema libraries.
 */
export async function load(files: string[], genius: boolean | undefined, discretize: number): Promise<Loaded> {
  if (genius) {
    if (files.length < 3)
      throw new InputError([
        {
          code: "cli.usage",
          message: `--genius needs a domain and at least two profiles, got ${files.length} file(s)`,
          hint: "--genius DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]",
        },
      ]);
    const { loadGeniusFiles } = await import("../formats/load-files.js");
    return loadGeniusFiles(files[0]!, files.slice(1), { discretize });
  }
  if (files.length !== 1)
    throw new InputError([
      {
        code: "cli.usage",
        message: `expected one scenario file, got ${files.length}`,
        hint: "give SCENARIO.yaml, or --genius DOMAIN.xml PROFILE.xml PROFILE.xml",
      },
    ]);
  const { loadScenarioFile } = await import("../formats/scenario-file.js");
  return loadScenarioFile(files[0]!, { discretize });
}
