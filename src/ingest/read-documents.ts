import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { InputError } from "../errors.js";
import { readDocument, type EvidenceDocument } from "../evidence/document.js";
import { readTextInput } from "../formats/read-input.js";

const EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm"]);

export const contentId = (text: string) => createHash("sha256").update(text).digest("hex");

/** The files a path names: the file itself, or the text, Markdown and HTML files of a folder (recursively, by name). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      throw new InputError([{ code: "input.missing", file: p, message: "no such file or folder", hint: "give article files (.txt, .md, .html), folders of them, or - for standard input" }]);
    }
    if (!dir) out.push(p);
    else {
      const inside = readdirSync(p, { recursive: true, encoding: "utf8" }).filter((f) => EXTENSIONS.has(extname(f).toLowerCase())).sort();
      if (!inside.length) throw new InputError([{ code: "input.empty-folder", file: p, message: "the folder holds no .txt, .md or .html files", hint: "give a folder of articles" }]);
      out.push(...inside.map((f) => join(p, f)));
    }
  }
  return out;
}

/** Reads articles (files, folders, or "-" for standard input) as documents; a date applies to all of them. */
export function readDocuments(paths: readonly string[], options: { date?: string; stdin?: () => string } = {}): EvidenceDocument[] {
  return expandPaths(paths).map((file) => {
    const raw = file === "-" ? (options.stdin ?? (() => readFileSync(0, "utf8")))() : readTextInput(file, "article (text, Markdown or HTML)");
    if (file === "-" && !raw.trim()) throw new InputError([{ code: "input.empty", file: "<stdin>", message: "standard input is empty", hint: "pipe an article into parley" }]);
    return readDocument(file === "-" ? "<stdin>" : file, raw, contentId, options.date ? { date: options.date } : {});
  });
}
