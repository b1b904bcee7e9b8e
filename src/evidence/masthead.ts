import LANGUAGE from "../../language/outlets.json" with { type: "json" };
import { baseName } from "../model/base-name.js";

/** What the top of a text, its address or its file's name says of its source. */
export interface Masthead {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
}

/** How far into a text a byline or a wire's dateline still belongs to its masthead. */
const TOP = 1500;
/** Labels a live page or a reposting site puts before a headline ("Update: …"). */
const LABEL = /^(?:update|latest|breaking|live|exclusive|watch|explainer)\s*:\s+/i;
/** A section and rubric line above a headline ("Leaders | A big step forward"). */
const RUBRIC = /^[^|\n]{2,40}\s\|\s[^|\n]{2,80}$/;
const NAME = String.raw`[A-Z][\p{L}.'’-]+(?:[ \t]+(?:al-|de |van |von )?[A-Z][\p{L}.'’-]+){0,3}`;
/** "By Anna Novak and Karl Borg", "By Anna Novak, Karl Borg and Marek Vella", "By Anna Novak | Outlet". */
const BYLINE = new RegExp(
  String.raw`^[ \t]*By[ \t]+(${NAME}(?:[ \t]*(?:,[ \t]*|[ \t]+and[ \t]+)${NAME}){0,4})[ \t]*(?:[|–—-][ \t]*[^\n]{2,60})?[ \t]*$`,
  "mu",
);
/** A wire's dateline: "VALLETTA, March 3 (Reuters) -". */
const WIRE =
  /(?:^|\n)\s*[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][\w&.' ]{1,30})\)\s*[-–—]/;

const OUTLETS = LANGUAGE.outlets;

/**
 * The title, outlet and author a text states at its top — a headline under a section and rubric
 * line, a headline without a live page's label, a byline, a wire's dateline — else the outlet its
 * address or its file's name gives ("reuters-2025-10-09-….txt"; "-repost" after the name says the
 * text is a copy). `title` is the first line taken as a title (by the caller), if any.
 */
export function readMasthead(file: string, text: string, title: string | null, url: string | null): Masthead {
  const top = text.slice(0, TOP);
  const lines = top.split("\n").map((l) => l.trim());
  let headline = title;
  if (title && RUBRIC.test(title)) {
    // The headline is the next line under the rubric, when it reads as one.
    const next = lines.slice(1).find((l) => l);
    if (next && next.length <= 200 && !/[.:;,]$/.test(next)) headline = next;
  }
  headline = headline?.replace(LABEL, "") ?? null;
  const byline = BYLINE.exec(top);
  const author = byline ? byline[1]!.replace(/\s+/g, " ") : null;
  const wire = WIRE.exec(top)?.[1] ?? null;
  return { title: headline, outlet: wire ?? outletOfAddress(url) ?? outletOfFileName(file), author };
}

/** The outlet whose domain an address is on. */
function outletOfAddress(url: string | null): string | null {
  const host = url ? /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() : undefined;
  if (!host) return null;
  return OUTLETS.find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)))?.name ?? null;
}

/** The outlet a file's name starts with ("economist-2025-10-02-….txt"), and whether it is a copy. */
function outletOfFileName(file: string): string | null {
  const parts = baseName(file).toLowerCase().split(/[-_.]/);
  const outlet = OUTLETS.find((o) => o.slugs.includes(parts[0]!));
  if (!outlet) return null;
  return /^(repost|mirror|copy)$/.test(parts[1] ?? "") ? `${outlet.name} (as reposted)` : outlet.name;
}
