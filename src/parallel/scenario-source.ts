import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { loadGeniusFiles, type Loaded } from "../formats/load-files.js";
import { loadScenarioFile } from "../formats/scenario-file.js";

/** Where a tournament scenario comes from; plain data, so it crosses to worker threads. */
export type ScenarioSource = { readonly kind: "scenario"; readonly file: string } | { readonly kind: "genius"; readonly domain: string; readonly profiles: readonly string[] };

/**
 * A path as a scenario source: a YAML file, or a GENIUS folder whose domain is the one XML file
 * without `<weight` elements and whose profiles are the others, by name.
 */
export function sourceOf(path: string): ScenarioSource {
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch {
    throw new InputError([{ code: "input.missing", file: path, message: "no such file or folder", hint: "give a scenario YAML or a GENIUS folder" }]);
  }
  if (!dir) return { kind: "scenario", file: path };
  const xml = readdirSync(path).filter((f) => f.toLowerCase().endsWith(".xml")).sort().map((f) => join(path, f));
  const domains = xml.filter((f) => !readFileSync(f, "utf8").includes("<weight"));
  if (domains.length !== 1 || xml.length < 3)
    throw new InputError([{ code: "tournament.folder", file: path, message: `expected one GENIUS domain and two or more profiles, found ${domains.length} domain(s) among ${xml.length} XML file(s)`, hint: "a folder of the shared GENIUS set, or give the files of a scenario YAML" }]);
  return { kind: "genius", domain: domains[0]!, profiles: xml.filter((f) => f !== domains[0]) };
}

export function loadSource(source: ScenarioSource, discretize: number): Loaded {
  return source.kind === "scenario" ? loadScenarioFile(source.file, { discretize }) : loadGeniusFiles(source.domain, source.profiles, { discretize });
}

/** The files a source reads. */
export function sourceFiles(source: ScenarioSource): string[] {
  return source.kind === "scenario" ? [source.file] : [source.domain, ...source.profiles];
}

export function sourceName(source: ScenarioSource): string {
  return source.kind === "scenario" ? source.file : source.domain.replace(/[\\/][^\\/]*$/, "");
}
