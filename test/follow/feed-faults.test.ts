import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_CASE } from "../../src/evidence/case-knowledge.js";
import { type FollowSources, NO_SOURCES } from "../../src/formats/follow-file.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { snapshotOf } from "../../src/workflows/case-version.js";
import { followCase } from "../../src/workflows/follow-case.js";
import { inThisThread } from "../../src/workflows/ingest-documents.js";
import { CLI, ROOT } from "../domains.js";
import { feedServer } from "../support/feed-server.js";
import { freePort } from "../support/free-port.js";

const corpus = join(ROOT, "cases", "moscow-2025-12", "corpus");
const model = loadAttributionModel();
const moscow = readdirSync(corpus).sort();

describe("feeds that misbehave: each fails alone, is reported and retried with backoff", () => {
  let server: Awaited<ReturnType<typeof feedServer>>;
  let store: SqliteStore;
  let sources: FollowSources;
  let down: string;
  let articleUp = false;

  beforeAll(async () => {
    server = await feedServer({
      // Headers at once, then nothing: the body never ends.
      "/slow.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.write("<?xml version='1.0'?><rss version='2.0'><channel>");
      },
      "/malformed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/xml" });
        res.end("<html><body>Moved to our new site</body></html>");
      },
      // 8 MB streamed without a length: cut at the limit, not read whole.
      "/huge.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        const chunk = Buffer.alloc(64 * 1024, 32);
        let sent = 0;
        const more = () => {
          while (sent < 128) {
            sent++;
            if (!res.write(chunk)) return void res.once("drain", more);
          }
          res.end();
        };
        more();
      },
      "/loop-a.xml": (_req, res) => {
        res.writeHead(302, { location: "/loop-b.xml" });
        res.end();
      },
      "/loop-b.xml": (_req, res) => {
        res.writeHead(301, { location: "/loop-a.xml" });
        res.end();
      },
      ...Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [
          `/hop-${i}.xml`,
          (_req: unknown, res: import("node:http").ServerResponse) => {
            res.writeHead(302, { location: `/hop-${i + 1}.xml` });
            res.end();
          },
        ]),
      ),
      "/image.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.alloc(100));
      },
      "/error.xml": (_req, res) => {
        res.writeHead(503, { "content-type": "text/plain" });
        res.end("down for maintenance");
      },
      // An article that is missing on the first pass and served on the next.
      "/late/article.txt": (_req, res) => {
        if (!articleUp) {
          res.writeHead(404);
          return void res.end();
        }
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(readFileSync(join(corpus, moscow[1]!), "utf8"));
      },
      "/late.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Late</title><item><title>Late</title><link>${server.url("/late/article.txt")}</link><guid>late-1</guid></item></channel></rss>`,
        );
      },
    });
    server.articles.push({
      path: "/good/one.txt",
      title: "one",
      body: readFileSync(join(corpus, moscow[0]!), "utf8"),
      published: "2025-12-03T00:00:00Z",
    });
    down = `http://127.0.0.1:${await freePort()}/nothing-listens.xml`;
    store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "parley-faults-")), "ws.db"));
    sources = {
      ...NO_SOURCES,
      feeds: [
        "/feed.xml",
        "/slow.xml",
        "/malformed.xml",
        "/huge.xml",
        "/loop-a.xml",
        "/hop-0.xml",
        "/image.xml",
        "/error.xml",
        "/late.xml",
      ]
        .map((p) => ({ url: server.url(p), every: 15 }))
        .concat([{ url: down, every: 15 }]),
      allowPrivate: true,
      timeoutMs: 1500,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
    };
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  const follow = () =>
    followCase(store, "faults", sources, {
      exec: inThisThread(store, model, NO_CASE),
      snapshot: async (docs) => snapshotOf(docs, model, NO_CASE),
      force: true,
      concurrency: 10,
    });

  it("reports each failure by its kind, stores the good feed's article, and backs off", async () => {
    const pass = await follow();
    const status = Object.fromEntries(pass.feeds.map((f) => [new URL(f.url).pathname, f.status]));
    expect(status).toEqual({
      "/feed.xml": "ok",
      "/slow.xml": "timeout",
      "/malformed.xml": "malformed",
      "/huge.xml": "too-large",
      "/loop-a.xml": "redirect-loop",
      "/hop-0.xml": "too-many-redirects",
      "/image.xml": "content-type",
      "/error.xml": "http-status",
      "/late.xml": "ok",
      "/nothing-listens.xml": "unreachable",
    });
    expect(pass.feeds.find((f) => f.url === down)).toMatchObject({ status: "unreachable", failures: 1 });
    expect(pass.feeds.find((f) => f.url.endsWith("/error.xml"))!.error).toMatch(/HTTP 503/);
    expect(pass.feeds.find((f) => f.url.endsWith("/huge.xml"))!.error).toMatch(/larger than 1048576 bytes/);
    // The good feed's article is stored though ten others failed or hung.
    expect(pass.feeds[0]).toMatchObject({ status: "ok", stored: 1 });
    // An article that cannot be fetched is reported and left for the next pass.
    const late = pass.feeds.find((f) => f.url.endsWith("/late.xml"))!;
    expect(late).toMatchObject({ entries: 1, stored: 0 });
    expect(late.failed[0]!.error).toMatch(/HTTP 404/);
    // Failing feeds are tried again after a minute, then two.
    const first = pass.feeds.find((f) => f.url.endsWith("/malformed.xml"))!;
    expect(Date.parse(first.nextFetch!) - Date.now()).toBeGreaterThan(50_000);
    const again = await follow();
    const second = again.feeds.find((f) => f.url.endsWith("/malformed.xml"))!;
    expect(second.failures).toBe(2);
    expect(Date.parse(second.nextFetch!) - Date.parse(first.nextFetch!)).toBeGreaterThan(50_000);
    const states = await store.feeds("faults");
    expect(states.find((s) => s.url.endsWith("/loop-a.xml"))).toMatchObject({
      failures: 2,
      lastStatus: "redirect-loop",
    });
    expect(states.find((s) => s.url.endsWith("/feed.xml"))).toMatchObject({ failures: 0, lastStatus: "not-modified" });
  });

  it("an article missing once is fetched on a later pass", async () => {
    articleUp = true;
    const pass = await follow();
    expect(pass.feeds.find((f) => f.url.endsWith("/late.xml"))).toMatchObject({ entries: 1, stored: 1, failed: [] });
  });
});

describe("kill -9 during a batch loses nothing and stores nothing twice", () => {
  it("parley follow killed while storing, then run again: every article once", async () => {
    // The first run's request for it is held open (never answered); later ones are answered at once.
    let hold = true;
    const server = await feedServer({
      // A second feed whose article holds the pass open until released.
      "/held.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Held</title><item><title>Held</title><link>${server.url("/held/article.txt")}</link><guid>held-1</guid></item></channel></rss>`,
        );
      },
      "/held/article.txt": (_req, res) => {
        if (hold) return;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(readFileSync(join(corpus, moscow[4]!), "utf8"));
      },
    });
    try {
      for (const f of moscow.slice(0, 4))
        server.articles.push({
          path: `/a/${f}`,
          title: f,
          body: readFileSync(join(corpus, f), "utf8"),
          published: "2025-12-03T00:00:00Z",
        });
      const dir = mkdtempSync(join(tmpdir(), "parley-kill-"));
      const caseDir = join(dir, "kill-case");
      mkdirSync(caseDir);
      writeFileSync(
        join(caseDir, "follow.yaml"),
        `feeds:\n  - ${server.url("/feed.xml")}\n  - ${server.url("/held.xml")}\nallowPrivateAddresses: true\n`,
      );
      const db = join(dir, "ws.db");
      const run = () =>
        spawn(process.execPath, [CLI, "follow", caseDir, "--db", db, "--force"], { cwd: ROOT, stdio: "pipe" });
      const child = run();
      const exited = new Promise<number | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal ? -1 : _code)),
      );
      // Kill as soon as the first feed's articles start landing, while the second is still held.
      const count = () => {
        try {
          const s = new SqliteStore(db, "read");
          const n = s.documentIndex().finally(() => s.close());
          return n.then((d) => d.length);
        } catch {
          return Promise.resolve(0);
        }
      };
      for (let i = 0; i < 600 && (await count()) < 1; i++) await new Promise((r) => setTimeout(r, 25));
      child.kill("SIGKILL");
      expect(await exited).toBe(-1);
      const stored = await count();
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThanOrEqual(4);
      // The next pass: the held article now answers at once.
      hold = false;
      const second = run();
      let err = "";
      second.stderr.on("data", (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => second.on("exit", (c) => resolve(c)));
      expect(code, err).toBe(0);
      const s = new SqliteStore(db, "read");
      try {
        const docs = await s.documents();
        expect(docs.map((d) => d.url).sort()).toEqual(
          [...moscow.slice(0, 4).map((f) => server.url(`/a/${f}`)), server.url("/held/article.txt")].sort(),
        );
        expect(new Set(docs.map((d) => d.id)).size).toBe(5);
        expect((await s.caseVersions("kill-case")).at(-1)).toMatchObject({ documents: 5 });
      } finally {
        await s.close();
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
