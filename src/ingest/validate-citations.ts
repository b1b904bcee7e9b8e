import { statSync } from "node:fs";
import { relative } from "node:path";
import { formatPath, InputError, type Problem } from "../errors.js";
import { resolveSelector } from "../evidence/resolve-citation.js";
import type { Loaded } from "../formats/load-files.js";
import { readTextInput } from "../formats/read-input.js";
import { loadScenarioFile } from "../formats/scenario-file.js";
import { baseName } from "../model/base-name.js";
import { listAssumptions, listCitations } from "../model/citations.js";
import { expandPaths } from "./read-documents.js";

/** The corpus's text files by their path relative to the folder (and by bare name). */
export function readCorpus(dir: string): Map<string, string> {
  let ok = false;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok)
    throw new InputError([
      {
        code: "corpus.missing",
        file: dir,
        message: "no such corpus folder",
        hint: "give --corpus the folder of the articles the scenario cites",
      },
    ]);
  const files = new Map<string, string>();
  for (const path of expandPaths([dir])) {
    const text = readTextInput(path, "article", { lenient: true });
    files.set(relative(dir, path), text);
    files.set(baseName(path), text);
  }
  return files;
}

/** Every citation of a scenario file resolved in the corpus folder: where each lands, or every problem at once. */
export function validateCitations(scenarioFile: string, corpusDir: string) {
  return resolveCitations(loadScenarioFile(scenarioFile), readCorpus(corpusDir), corpusDir);
}

/** Every citation of a loaded scenario resolved in a corpus read already. */
export function resolveCitations(loaded: Loaded, corpus: ReadonlyMap<string, string>, corpusDir: string) {
  const problems: Problem[] = [];
  const resolved = listCitations(loaded.spec).flatMap(({ path, cite }) => {
    const where = { ...loaded.locate!(path), code: "citation", field: formatPath(path) };
    const text = corpus.get(cite.file);
    if (text === undefined) {
      problems.push({
        ...where,
        code: "citation.file",
        message: `no file "${cite.file}" in the corpus ${corpusDir}`,
        hint: "cite a file of the corpus folder by its name",
      });
      return [];
    }
    const r = resolveSelector(text, cite);
    if ("error" in r) {
      problems.push(
        r.error === "not-found"
          ? {
              ...where,
              code: "citation.not-found",
              message: `"${cite.exact}" does not occur in ${cite.file}`,
              hint: "quote the text word for word (spacing and quote marks may differ)",
            }
          : {
              ...where,
              code: "citation.ambiguous",
              message: `"${cite.exact}" occurs ${r.count} times in ${cite.file}`,
              hint: "add a prefix or suffix to say which one",
            },
      );
      return [];
    }
    return [{ field: formatPath(path), file: cite.file, start: r.start, end: r.end, text: text.slice(r.start, r.end) }];
  });
  if (problems.length) throw new InputError(problems);
  return { citations: resolved, assumptions: listAssumptions(loaded.spec) };
}
