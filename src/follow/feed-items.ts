import { parseFeed } from "feedsmith";

/** One entry of a feed, whatever its format. */
export interface FeedItem {
  /** The entry's own id (RSS guid, Atom id), else its link: what says "seen before". */
  readonly key: string;
  readonly link: string | null;
  readonly title: string | null;
  /** ISO time, when the feed gives one. */
  readonly published: string | null;
  /** When the entry says it last changed (Atom updated), else its published time. */
  readonly updated: string | null;
  /** The article itself when the feed carries it (content:encoded, Atom content), else null. */
  readonly content: string | null;
}

export interface ParsedFeed {
  readonly title: string | null;
  /** Minutes the feed asks to be left alone between fetches (RSS ttl), or null. */
  readonly ttlMinutes: number | null;
  readonly items: readonly FeedItem[];
}

/** A feed's text as its entries (RSS 2.0, Atom, RDF or JSON Feed, read by feedsmith); a text that is no feed throws. */
export function feedItems(text: string): ParsedFeed {
  const parsed = parseFeed(text) as { format: string; feed: Record<string, unknown> };
  const feed = parsed.feed;
  const str = (v: unknown): string | null => {
    if (typeof v === "string") return v.trim() || null;
    if (v && typeof v === "object" && "value" in v) return str((v as { value: unknown }).value);
    return null;
  };
  const iso = (v: unknown): string | null => {
    const s = str(v);
    if (!s) return null;
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  };
  const entries = (feed["items"] ?? feed["entries"] ?? []) as Record<string, unknown>[];
  const items = entries.map((e): FeedItem => {
    const links = e["links"] as { href?: string; rel?: string }[] | undefined;
    const link =
      str(e["link"]) ??
      str(e["url"]) ??
      links?.find((l) => !l.rel || l.rel === "alternate")?.href ??
      links?.[0]?.href ??
      null;
    const published = iso(
      e["pubDate"] ?? e["published"] ?? e["date_published"] ?? (e["dc"] as { date?: unknown })?.date,
    );
    const content =
      str((e["content"] as { encoded?: unknown } | undefined)?.encoded) ??
      str(e["content"]) ??
      str(e["content_html"]) ??
      str(e["content_text"]);
    return {
      key: str(e["guid"]) ?? str(e["id"]) ?? link ?? str(e["title"]) ?? JSON.stringify(e),
      link,
      title: str(e["title"]),
      published,
      // RSS has no "updated" of its own: feeds borrow Atom's (atom:updated).
      updated:
        iso(e["updated"] ?? e["date_modified"] ?? (e["atom"] as { updated?: unknown } | undefined)?.updated) ??
        published,
      content,
    };
  });
  const ttl = Number(feed["ttl"]);
  return { title: str(feed["title"]), ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null, items };
}
