import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { fail, type Problem } from "../errors.js";
import { baseName } from "../model/base-name.js";
import { htmlDepth } from "./html-depth.js";
import { readMasthead } from "./masthead.js";
import { type Located, locate } from "./span.js";

/** HTML nesting deeper than this is refused: Readability's cost grows with the cube of the depth (800 levels: 3 s). */
export const MAX_HTML_DEPTH = 256;

export type DocumentFormat = "text" | "markdown" | "html";

/** How the published date was found: `--date`, a manifest, the page's own metadata, a date in the file's name, an explicit date near the top, the batch's (an assumption), or not at all. */
export type DateSource = "given" | "manifest" | "stated" | "file name" | "inferred" | "batch" | "unknown";

/** Dates good enough to resolve "on Tuesday" against; a batch date is a guess and is not. */
export const KNOWN_DATE_SOURCES: readonly DateSource[] = ["given", "manifest", "stated", "file name", "inferred"];

/** What a manifest (or the caller) knows of a file: any of its date, outlet, address, title and author. */
export interface DocumentMetadata {
  readonly date?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly title?: string;
  readonly author?: string;
}

export interface EvidenceDocument {
  /** SHA-256 of the text, hex (set by the caller, which owns hashing). */
  readonly id: string;
  readonly file: string;
  readonly format: DocumentFormat;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
  /** Where the article was published, when a manifest or the page says. */
  readonly url?: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  readonly published: string | null;
  /** The time of day too, when it was given ("1998-10-25T21:00"): relative times resolve against it. */
  readonly publishedAt?: string;
  readonly publishedSource: DateSource;
  /** The words the published date was inferred from. */
  readonly publishedEvidence?: Located;
  /** The text every offset refers to (for HTML: the article text Readability extracted). */
  readonly text: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const FULL_DATE = new RegExp(
  `\\b(?:(${MONTHS.join("|")})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(${MONTHS.join("|")}),?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  "gi",
);
/** How far into a text an explicit date still counts as its publication date. */
const TOP = 1500;

export function formatOf(file: string, raw: string): DocumentFormat {
  if (/\.html?$/i.test(file) || /^\s*<(!doctype html|html)/i.test(raw)) return "html";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  return "text";
}

/**
 * A document from raw file content: text, title, byline, outlet and published date where the
 * text states them. The published date is the one given (`--date`), else the manifest's, else
 * one the page states — HTML metadata (`article:published_time`, `<time datetime>`, JSON-LD
 * `datePublished`) or Markdown front matter (`date:`) — else the latest explicit full date near
 * the top of the text (an inference, with the words it came from).
 */
export function readDocument(
  file: string,
  raw: string,
  id: (text: string) => string,
  options: { date?: string; maxHtmlDepth?: number; metadata?: DocumentMetadata } = {},
): EvidenceDocument {
  const format = formatOf(file, raw);
  let text = raw,
    title: string | null = null,
    author: string | null = null,
    outlet: string | null = null,
    stated: string | null = null,
    url: string | null = null;
  if (format === "html") {
    const limit = options.maxHtmlDepth ?? MAX_HTML_DEPTH;
    const depth = htmlDepth(raw, limit);
    if (depth > limit)
      fail({
        code: "limit.html-depth",
        file,
        message: `the HTML nests more than ${limit} elements deep (the limit)`,
        hint: `raise the limit to ${Math.max(2 * limit, depth)}, or give the article as text`,
      });
    // A fragment with no root element (or nothing at all) is read as the body of a page.
    let { document } = parseHTML(raw);
    if (!document.documentElement) ({ document } = parseHTML(`<html><body>${raw}</body></html>`));
    const meta = (name: string) =>
      document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content") ?? null;
    const jsonLd =
      [...document.querySelectorAll('script[type="application/ld+json"]')]
        .map((el) => jsonLdDate(el.textContent ?? ""))
        .find(Boolean) ?? null;
    stated = isoDay(
      meta("article:published_time") ??
        meta("date") ??
        meta("pubdate") ??
        meta("dc.date") ??
        jsonLd ??
        document.querySelector("time[datetime]")?.getAttribute("datetime") ??
        "",
    );
    url = meta("og:url") ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
    let article: ReturnType<Readability["parse"]> = null;
    try {
      // Readability gives up (or throws) on pages with no article structure: the body text is kept then.
      if (document.documentElement)
        // linkedom's document is the DOM Readability reads, though its type declarations are its own.
        article = (Reflect.construct(Readability, [document]) as Readability).parse();
    } catch {
      article = null;
    }
    if (article) {
      text = blocksOf(article.content ?? "") || (article.textContent ?? "").trim();
      title = article.title || null;
      author = article.byline || null;
      outlet = article.siteName || null;
    } else text = (document.body?.textContent ?? document.documentElement?.textContent ?? "").trim();
  } else if (format === "markdown") {
    const front = frontMatter(raw);
    stated = isoDay(front["date"] ?? front["published"] ?? "");
    title = front["title"] ?? /^#\s+(.+)$/m.exec(raw)?.[1]?.trim() ?? null;
    author = front["author"] ?? null;
    outlet = front["outlet"] ?? front["source"] ?? null;
    url = front["url"] ?? null;
  } else {
    const first = raw.split("\n", 1)[0]!.trim();
    // A first line reads as a title when it is short, has no final full stop and text follows.
    if (first && first.length <= 200 && !/[.:;,]$/.test(first) && raw.includes("\n")) title = first;
  }
  // What the text's top, its address or its file's name says of the source: a headline under a
  // rubric, a byline, a wire's dateline, an outlet's domain or name.
  const mast = readMasthead(file, text, title, url);
  title = mast.title;
  author ??= mast.author;
  outlet ??= mast.outlet;
  const m = options.metadata ?? {};
  const doc = {
    id: id(text),
    file,
    format,
    title: m.title ?? title,
    outlet: m.outlet ?? outlet,
    author: m.author ?? author,
    url: m.url ?? url,
    text,
  };
  if (options.date)
    return {
      ...doc,
      published: options.date.slice(0, 10),
      ...(options.date.length > 10 ? { publishedAt: options.date } : {}),
      publishedSource: "given",
    };
  if (m.date)
    return {
      ...doc,
      published: m.date.slice(0, 10),
      ...(m.date.length > 10 ? { publishedAt: m.date } : {}),
      publishedSource: "manifest",
    };
  if (stated) return { ...doc, published: stated, publishedSource: "stated" };
  // An archive that names its files by date ("…-2025-10-06-talks.txt") says when each was published:
  // surer than the latest date near the top, which may be a past event's ("the attack on 7 October 2023").
  const named = isoDay(/(?<!\d)((?:19|20)\d{2}-\d{2}-\d{2})(?!\d)/.exec(baseName(file))?.[1] ?? "");
  if (named) return { ...doc, published: named, publishedSource: "file name" };
  const top = latestFullDate(text, TOP);
  if (top)
    return {
      ...doc,
      published: top.iso,
      publishedSource: "inferred",
      publishedEvidence: locate(file, text, top.start, top.end),
    };
  return { ...doc, published: null, publishedSource: "unknown" };
}

/** `datePublished` of a JSON-LD block (also inside `@graph` or a list), or null. */
function jsonLdDate(json: string): string | null {
  try {
    const find = (x: unknown): string | null => {
      if (Array.isArray(x)) return x.map(find).find(Boolean) ?? null;
      if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (typeof o["datePublished"] === "string") return o["datePublished"];
        return find(o["@graph"]);
      }
      return null;
    };
    return find(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The `key: value` lines of a Markdown file's front matter (between `---` lines at the top). */
function frontMatter(raw: string): Record<string, string> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
  if (!m) return {};
  const out: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (kv?.[2]) out[kv[1]!.toLowerCase()] = kv[2].replace(/^["']|["']$/g, "");
  }
  return out;
}

/** The paragraphs of Readability's article HTML, one per line. */
function blocksOf(html: string): string {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre")].filter(
    (el) => !el.querySelector("p, li"),
  );
  return blocks
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** The latest explicit day-precise date in the first `limit` characters. */
export function latestFullDate(text: string, limit = text.length): { iso: string; start: number; end: number } | null {
  let best: { iso: string; start: number; end: number } | null = null;
  for (const m of text.slice(0, limit).matchAll(FULL_DATE)) {
    const iso = m[3]
      ? ymd(+m[3], MONTHS.indexOf(m[1]!.toLowerCase()) + 1, +m[2]!)
      : m[6]
        ? ymd(+m[6], MONTHS.indexOf(m[5]!.toLowerCase()) + 1, +m[4]!)
        : ymd(+m[7]!, +m[8]!, +m[9]!);
    if (iso && (!best || iso > best.iso)) best = { iso, start: m.index!, end: m.index! + m[0].length };
  }
  return best;
}

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isoDay(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  return m ? ymd(+m[1]!, +m[2]!, +m[3]!) : null;
}

/**
 * Documents whose date is unknown borrow the batch's most common published date (ties: the
 * earliest), marked `batch`, so that "on Tuesday" still resolves; an assumption, reported as one.
 */
export function withBatchDates(docs: readonly EvidenceDocument[]): EvidenceDocument[] {
  const counts = new Map<string, number>();
  for (const d of docs) if (d.published) counts.set(d.published, (counts.get(d.published) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return docs.map((d) => (d.published || !best ? d : { ...d, published: best, publishedSource: "batch" }));
}

/** A document with no text to read (a saved page its scripts would have filled): stored, with this warning. */
export function noTextWarning(doc: EvidenceDocument): Problem | null {
  if (doc.text.trim()) return null;
  return {
    code: "input.no-text",
    file: doc.file,
    message:
      doc.format === "html"
        ? "the page holds no article text (a page its scripts fill in?)"
        : "the document holds no text",
    hint: "it is stored with no evidence; save the page after it has rendered, or give the article's text",
  };
}
