import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { InputError, type Problem } from "../errors.js";
import { type DocumentMetadata, type EvidenceDocument, noTextWarning, readDocument } from "../evidence/document.js";
import { decodeText, readTextInput } from "../formats/read-input.js";

const EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm"]);

/** Articles above this size are refused unless raised (--max-document-mb): 5 MB is a book, not a news text. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const contentId = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The files a path names: the file itself, or the text, Markdown and HTML files of a folder
 * (recursively, by name). Links are followed to what they point at, and each real file and
 * folder is visited once: a link loop or a second link to one article adds nothing.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const addFile = (path: string) => {
    const real = realpathSync(path);
    if (!seenFiles.has(real)) {
      seenFiles.add(real);
      out.push(path);
    }
  };
  const walk = (dir: string): void => {
    const real = realpathSync(dir);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(path);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(path);
      else if (st.isFile() && EXTENSIONS.has(extname(name).toLowerCase())) addFile(path);
    }
  };
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      throw new InputError([
        {
          code: "input.missing",
          file: p,
          message: "no such file or folder",
          hint: "give article files (.txt, .md, .html), folders of them, or - for standard input",
        },
      ]);
    }
    if (!dir) {
      addFile(p);
      continue;
    }
    const before = out.length,
      visited = seenFolders.has(realpathSync(p));
    walk(p);
    if (out.length === before && !visited)
      throw new InputError([
        {
          code: "input.empty-folder",
          file: p,
          message: "the folder holds no .txt, .md or .html files",
          hint: "give a folder of articles",
        },
      ]);
  }
  return out;
}

export interface ReadDocumentsOptions {
  readonly date?: string;
  /** Per file (by its real path), what a manifest says of it. */
  readonly manifest?: ReadonlyMap<string, DocumentMetadata>;
  readonly stdin?: () => Buffer;
  readonly maxHtmlDepth?: number;
  readonly maxDocumentBytes?: number;
  readonly onWarning?: (problem: Problem) => void;
  /** Called after each file is read: how many of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Reads articles (files, folders, or "-" for standard input) as documents; a date applies to all of them. */
export function readDocuments(paths: readonly string[], options: ReadDocumentsOptions = {}): EvidenceDocument[] {
  const files = expandPaths(paths);
  const what = "article (text, Markdown or HTML)";
  const maxBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  return files.map((file, i) => {
    let raw: string;
    if (file === "-") {
      const bytes = (options.stdin ?? (() => readFileSync(0)))();
      if (bytes.length > maxBytes)
        throw new InputError([
          {
            code: "limit.file-size",
            file: "<stdin>",
            message: `standard input holds ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`,
            hint: `raise it with --max-document-mb ${Math.ceil(bytes.length / 1048576)}`,
          },
        ]);
      raw = bytes.length
        ? decodeText(bytes, "<stdin>", what, {
            lenient: true,
            ...(options.onWarning ? { onWarning: options.onWarning } : {}),
          })
        : "";
      if (!raw.trim())
        throw new InputError([
          {
            code: "input.empty",
            file: "<stdin>",
            message: "standard input is empty",
            hint: "pipe an article into parley",
          },
        ]);
    } else
      raw = readTextInput(file, what, {
        lenient: true,
        maxBytes,
        maxBytesFlag: "--max-document-mb",
        ...(options.onWarning ? { onWarning: options.onWarning } : {}),
      });
    const metadata = file === "-" ? undefined : options.manifest?.get(realpathSync(file));
    const doc = readDocument(file === "-" ? "<stdin>" : file, raw, contentId, {
      ...(options.date ? { date: options.date } : {}),
      ...(options.maxHtmlDepth ? { maxHtmlDepth: options.maxHtmlDepth } : {}),
      ...(metadata ? { metadata } : {}),
    });
    const empty = noTextWarning(doc);
    if (empty) options.onWarning?.(empty);
    options.onProgress?.(i + 1, files.length);
    return doc;
  });
}
