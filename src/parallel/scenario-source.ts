import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { type Loaded, loadGeniusFiles } from "../formats/load-files.js";
import { loadScenarioFile } from "../formats/scenario-file.js";
import { parseScenario } from "../formats/scenario-yaml.js";

/** Where a tournament scenario comes from; plain data, so it crosses to worker threads and queues. */
export type ScenarioSource =
  | { readonly kind: "scenario"; readonly file: string }
  | { readonly kind: "genius"; readonly domain: string; readonly profiles: readonly string[] }
  /** A scenario's text held in the workspace (the server's scenarios), named for messages. */
  | { readonly kind: "text"; readonly name: string; readonly text: string };

/**
 * A path as a scenario source: a YAML file, or a GENIUS folder whose domain is the one XML file
 * without `<weight` elements and whose profiles are the others, by name.
 */
export function sourceOf(path: string): ScenarioSource {
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch {
    throw new InputError([
      {
        code: "input.missing",
        file: path,
        message: "no such file or folder",
        hint: "give a scenario YAML or a GENIUS folder",
      },
    ]);
  }
  if (!dir) return { kind: "scenario", file: path };
  const xml = readdirSync(path)
    .filter((f) => f.toLowerCase().endsWith(".xml"))
    .sort()
    .map((f) => join(path, f));
  const domains = xml.filter((f) => !readFileSync(f, "utf8").includes("<weight"));
  if (domains.length !== 1 || xml.length < 3)
    throw new InputError([
      {
        code: "tournament.folder",
        file: path,
        message: `expected one GENIUS domain and two or more profiles, found ${domains.length} domain(s) among ${xml.length} XML file(s)`,
        hint: "a folder of the shared GENIUS set, or give the files of a scenario YAML",
      },
    ]);
  return { kind: "genius", domain: domains[0]!, profiles: xml.filter((f) => f !== domains[0]) };
}

export function loadSource(source: ScenarioSource, discretize: number): Loaded {
  if (source.kind === "text") return parseScenario(source.text, source.name, { discretize });
  return source.kind === "scenario"
    ? loadScenarioFile(source.file, { discretize })
    : loadGeniusFiles(source.domain, source.profiles, { discretize });
}

/** What a source holds, hashed: an edited file is a new tournament. */
export function sourceContentHashes(source: ScenarioSource): string[] {
  const hash = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
  if (source.kind === "text") return [hash(source.text)];
  return (source.kind === "scenario" ? [source.file] : [source.domain, ...source.profiles]).map((f) =>
    hash(readFileSync(f)),
  );
}
