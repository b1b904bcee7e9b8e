import { type EvidenceDocument, readDocument } from "../evidence/document.js";
import { contentId } from "../ingest/read-documents.js";
import type { FeedItem } from "./feed-items.js";
import { FetchFailure, type FetchLimits, safeFetch } from "./safe-fetch.js";

/** Article types read from a link: a page, or plain text. */
export const ARTICLE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown"];

/** Shorter than this, a feed's own content is a summary: the article is fetched from its link. */
const WHOLE_ARTICLE = 1500;

/**
 * A feed entry as a document: the article its link points to (a page read by Readability, or
 * text), or the entry's own content when it carries the whole article or has no link. The
 * document's url is the entry's link (where a reader finds it); its name comes from that link.
 */
export async function feedArticle(item: FeedItem, limits: FetchLimits): Promise<EvidenceDocument> {
  const metadata = {
    ...(item.link ? { url: item.link } : {}),
    ...(item.title ? { title: item.title } : {}),
    ...(item.published ? { date: item.published.slice(0, 10) } : {}),
  };
  const own = item.content && (item.content.replace(/<[^>]*>/g, "").length >= WHOLE_ARTICLE || !item.link);
  if (own)
    return readDocument(
      articleName(item.link ?? item.key, "html"),
      `<html><body>${item.content}</body></html>`,
      contentId,
      { metadata },
    );
  if (!item.link) throw new FetchFailure("bad-url", item.key, "the entry has neither a link nor content");
  const got = await safeFetch(item.link, {}, { ...limits, contentTypes: ARTICLE_TYPES });
  if (got.notModified) throw new FetchFailure("http-status", item.link, "answered 304 to an unconditional request");
  const media = got.contentType?.split(";")[0]?.trim().toLowerCase() ?? "text/html";
  const charset = /charset=([\w-]+)/i.exec(got.contentType ?? "")?.[1] ?? "utf-8";
  let raw: string;
  try {
    raw = new TextDecoder(charset).decode(got.body);
  } catch {
    raw = new TextDecoder("utf-8").decode(got.body);
  }
  const kind = media.includes("html") ? "html" : media === "text/markdown" ? "md" : "txt";
  return readDocument(articleName(item.link, kind), raw, contentId, { metadata });
}

/** A file name for an article from its address: host and path, readable in a citation ("example.org-2025-12-09-round.html"). */
export function articleName(link: string, ext: string): string {
  let stem: string;
  try {
    const u = new URL(link);
    stem = `${u.hostname}${u.pathname}`.replace(/\.(html?|txt|md|php|aspx?)$/i, "");
  } catch {
    stem = link;
  }
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 96);
  return `${slug || "article"}.${ext}`;
}
