import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentMeta } from "./store.js";

/** The `documents` columns a listing reads: all but the text. */
export const META_COLUMNS = "id, file, format, title, outlet, author, published, published_source, url, published_at";

/** The columns an analyst may set (`Store.editDocument`): the source's names, never its text or date. */
export const EDITABLE = ["title", "outlet", "author"] as const;

/** What a listing reads of the text: its length, and its opening (for a source with no title, its name). */
export const TEXT_COLUMNS = "length(text) AS characters, substr(text, 1, 400) AS lede";

/** A listed row (META_COLUMNS and TEXT_COLUMNS) as the document it describes, without its text. */
export function metaFromRow(r: Record<string, unknown>): DocumentMeta {
  const { text: _, ...meta } = documentFromRow({ ...r, text: "" });
  return { ...meta, characters: Number(r["characters"]), lede: String(r["lede"] ?? "") };
}

/** A stored `documents` row (the same columns in SQLite and PostgreSQL) as the document it holds. */
export function documentFromRow(r: Record<string, unknown>): EvidenceDocument {
  const s = (k: string) => (r[k] as string | null | undefined) ?? null;
  return {
    id: s("id")!,
    file: s("file")!,
    format: s("format") as EvidenceDocument["format"],
    title: s("title"),
    outlet: s("outlet"),
    author: s("author"),
    published: s("published"),
    publishedSource: s("published_source") as EvidenceDocument["publishedSource"],
    url: s("url"),
    ...(s("published_at") ? { publishedAt: s("published_at")! } : {}),
    text: s("text")!,
  };
}
