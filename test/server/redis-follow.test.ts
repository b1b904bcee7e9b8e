import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresStore } from "../../src/store/postgres-store.js";
import { MOSCOW_CASE, ROOT, SHARED } from "../domains.js";
import { startPostgres } from "../store/postgres-server.js";
import { feedServer } from "../support/feed-server.js";
import { coordinatorExit, redisBinary, startCoordinator, startRedis, startWorkers } from "../support/redis-server.js";

// A followed feed's articles fetched and stored by `parley worker` processes over a real Redis,
// sharing a real PostgreSQL workspace: one worker is killed while it holds an article, the other
// takes it when its lock lapses, and every article is stored exactly once.

const tmp = mkdtempSync(join(tmpdir(), "parley-redis-follow-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

const postgres = redisBinary ? await startPostgres() : { skipped: "no redis-server" };
if (!redisBinary || "skipped" in postgres) {
  console.warn(
    `Redis follow test skipped: ${!redisBinary ? "no redis-server (Debian's redis-server package; .ci/run installs it)" : (postgres as { skipped: string }).skipped}`,
  );
  describe.skip("a followed feed on Redis workers", () => it("needs redis-server and PostgreSQL", () => undefined));
} else {
  afterAll(() => postgres.stop());
  describe("a followed feed on Redis workers", () => {
    it("two workers share the articles; one killed holding one, it is taken again; every article stored once", async () => {
      const feeds = await feedServer();
      const texts = [
        ...readdirSync(join(MOSCOW_CASE, "corpus")).map((f) => join(MOSCOW_CASE, "corpus", f)),
        ...readdirSync(join(ROOT, "test", "fixtures", "follow")).map((f) =>
          join(ROOT, "test", "fixtures", "follow", f),
        ),
        ...(existsSync(join(SHARED, "corpus", "gaza-2025-10"))
          ? readdirSync(join(SHARED, "corpus", "gaza-2025-10")).map((f) => join(SHARED, "corpus", "gaza-2025-10", f))
          : []),
      ];
      texts.forEach((file, i) =>
        feeds.articles.push({
          path: `/a/${i}.txt`,
          title: `article ${i}`,
          body: readFileSync(file, "utf8"),
          published: "2025-12-05T00:00:00Z",
        }),
      );
      const caseDir = join(tmp, "queued-talks");
      mkdirSync(caseDir);
      writeFileSync(join(caseDir, "case.yaml"), readFileSync(join(MOSCOW_CASE, "case.yaml")));
      writeFileSync(
        join(caseDir, "follow.yaml"),
        `feeds:\n  - ${feeds.url("/feed.xml")}\nallowPrivateAddresses: true\n`,
      );
      const { port } = await startRedis(children);
      const env = { ...process.env, PARLEY_REDIS: `redis://127.0.0.1:${port}`, PARLEY_DATABASE_URL: postgres.url };
      const { workers, outputs } = await startWorkers(2, ["--lock-ms", "2000"], env, children);
      const coordinator = startCoordinator(["follow", caseDir, "--json"], env, children);
      // Settles when the coordinator exits, or fails the test when no worker is left to take its jobs.
      const exited = coordinatorExit(coordinator, workers, outputs, 150_000);
      // Kill the first worker the moment it takes its second article: it dies holding it.
      const held = await new Promise<string | null>((resolve) => {
        const check = setInterval(() => {
          const taken = [...outputs[0]!.matchAll(/^taking article (\S+)/gm)].map((m) => m[1]!);
          if (taken.length >= 2) {
            clearInterval(check);
            workers[0]!.kill("SIGKILL");
            resolve(taken.at(-1)!);
          }
        }, 2);
        const settled = () => {
          clearInterval(check);
          resolve(null);
        };
        exited.then(settled, settled);
      });
      const code = await exited;
      await feeds.close();
      expect(held, outputs.join("\n---\n") + coordinator.err()).not.toBeNull();
      expect(code, coordinator.err()).toBe(0);
      // The article the killed worker held was taken again by the other once its lock lapsed.
      expect(outputs[1], outputs.join("\n---\n")).toContain(`taking article ${held}`);
      const pass = JSON.parse(coordinator.out()) as {
        feeds: { status: string; entries: number; failed: unknown[] }[];
        version: { documents: number };
      };
      expect(pass.feeds[0]).toMatchObject({ status: "ok", entries: texts.length, failed: [] });
      const store = await PostgresStore.open(postgres.url);
      try {
        const docs = await store.documents();
        // Each article once, under its own address; the same text twice is one document.
        expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
        expect(new Set(docs.map((d) => d.url)).size).toBe(docs.length);
        expect(docs.length).toBe(new Set(texts.map((f) => readFileSync(f, "utf8"))).size);
        expect(pass.version.documents).toBe(docs.length);
        expect(
          (await store.feedItems("queued-talks", `http://127.0.0.1:${new URL(docs[0]!.url!).port}/feed.xml`)).size,
        ).toBe(texts.length);
      } finally {
        await store.close();
      }
    }, 300_000);
  });
}
