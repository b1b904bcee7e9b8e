import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An article the server holds: its text (served as text/plain) or page (text/html), and its entry's dates. */
export interface ServedArticle {
  readonly path: string;
  readonly title: string;
  readonly body: string;
  readonly type?: "text/plain" | "text/html";
  readonly published: string;
  /** Atom-style updated time; a change tells the follower the entry changed. */
  readonly updated?: string;
}

/**
 * A real HTTP server on 127.0.0.1 that serves an RSS 2.0 feed of the articles it holds (with an
 * ETag, answering 304 to a matching If-None-Match) and the articles themselves; `routes` add
 * misbehaving endpoints. The held articles change as a test goes (`articles` is read per request).
 */
export async function feedServer(
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {},
): Promise<{
  url: (path: string) => string;
  articles: ServedArticle[];
  /** Requests per path, to see what was fetched. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}> {
  const articles: ServedArticle[] = [];
  const hits = new Map<string, number>();
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return route(req, res);
    if (path === "/feed.xml") {
      const xml = rss(articles, base);
      const etag = `"${createHash("sha1").update(xml).digest("hex")}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag });
      return res.end(xml);
    }
    const article = articles.find((a) => a.path === path);
    if (!article) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "content-type": `${article.type ?? "text/plain"}; charset=utf-8` });
    res.end(article.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    articles,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rss(articles: readonly ServedArticle[], base: string): string {
  const items = articles
    .map(
      (a) =>
        `<item><title>${xmlText(a.title)}</title><link>${base}${a.path}</link><guid>${base}${a.path}</guid>` +
        `<pubDate>${new Date(a.published).toUTCString()}</pubDate>` +
        (a.updated ? `<atom:updated>${a.updated}</atom:updated>` : "") +
        `<description>${xmlText(a.body.slice(0, 200))}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Test coverage</title><link>${base}/</link><description>Articles served for a test</description>
${items}
</channel></rss>`;
}
