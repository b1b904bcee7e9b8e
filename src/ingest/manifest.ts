import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError, type Problem } from "../errors.js";
import type { DocumentMetadata } from "../evidence/document.js";
import { readTextInput } from "../formats/read-input.js";
import { checkDateTime } from "./date-time.js";

const FIELDS = ["file", "date", "outlet", "url", "title", "author"] as const;

/**
 * A batch's manifest: per article file, what is known of it (date, outlet, url, title, author).
 * CSV with a header row naming the columns, or JSON (a list of objects, or an object keyed by
 * file). Files are named relative to the manifest's folder. Every problem is reported at once,
 * with its line or entry.
 */
export function readManifest(path: string): Map<string, DocumentMetadata> {
  const text = readTextInput(path, "manifest (CSV or JSON)");
  const rows: { at: string; line?: number; entry: Record<string, unknown> }[] = [];
  if (/^\s*[[{]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new InputError([
        {
          code: "manifest.json",
          file: path,
          message: `not valid JSON: ${(e as Error).message}`,
          hint: "a list of {file, date, outlet, url}",
        },
      ]);
    }
    const list = Array.isArray(data)
      ? data
      : Object.entries(data as Record<string, unknown>).map(([file, v]) => ({ ...(v as object), file }));
    list.forEach((entry, i) => rows.push({ at: `[${i}]`, entry: entry as Record<string, unknown> }));
  } else {
    const [header, ...records] = parseCsv(text);
    const names = (header ?? []).map((h) => h.trim().toLowerCase());
    if (!names.includes("file"))
      throw new InputError([
        {
          code: "manifest.header",
          file: path,
          line: 1,
          message: "the CSV has no file column",
          hint: `a header row such as: ${FIELDS.join(",")}`,
        },
      ]);
    records.forEach((r, i) => {
      if (r.every((c) => !c.trim())) return;
      rows.push({
        at: `row ${i + 2}`,
        line: i + 2,
        entry: Object.fromEntries(names.map((n, k) => [n, r[k]?.trim() ?? ""])),
      });
    });
  }
  const problems: Problem[] = [];
  const out = new Map<string, DocumentMetadata>();
  const base = dirname(path);
  for (const { at, line, entry } of rows) {
    const where = { file: path, ...(line ? { line } : {}), field: at };
    const file = typeof entry["file"] === "string" ? entry["file"] : "";
    if (!file) {
      problems.push({
        ...where,
        code: "manifest.file",
        message: "an entry names no file",
        hint: "give each entry the article's file name",
      });
      continue;
    }
    const target = resolve(base, file);
    if (!existsSync(target)) {
      problems.push({
        ...where,
        code: "manifest.missing",
        message: `no file "${file}" next to the manifest`,
        hint: "name files relative to the manifest's folder",
      });
      continue;
    }
    const meta: Record<string, string> = {};
    for (const f of FIELDS.slice(1)) if (typeof entry[f] === "string" && entry[f]) meta[f] = entry[f];
    if (meta["date"]) {
      const bad = checkDateTime(meta["date"]);
      if (bad)
        problems.push({ ...where, code: "manifest.date", message: bad, hint: "YYYY-MM-DD, or YYYY-MM-DDTHH:MM" });
    }
    out.set(realpathSync(target), meta);
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = "",
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      (row = []), (field = "");
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
