import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import pg from "pg";
import { EMPTY_SNAPSHOT } from "../src/evidence/case-snapshot.js";
import { NO_SOURCES } from "../src/formats/follow-file.js";
import { redisArticles } from "../src/parallel/redis-articles.js";
import { PostgresStore } from "../src/store/postgres-store.js";
import { followCase } from "../src/workflows/follow-case.js";
import { CLI } from "../test/domains.js";
import { startPostgres } from "../test/store/postgres-server.js";
import { feedServer } from "../test/support/feed-server.js";
import { redisBinary, startRedis } from "../test/support/redis-server.js";
import { polnearDevTexts } from "./polnear-texts.js";

/**
 * Ingest throughput of a followed feed over Redis: the same 84 news articles (PolNeAR dev) served
 * by a local feed, fetched, extracted and stored by 1, 2 and 4 `parley worker` processes sharing a
 * fresh PostgreSQL database each time; the time from queueing the articles to the last stored.
 */
export async function followWorkers(): Promise<{ rows: string[][]; skipped: string[] }> {
  if (!redisBinary)
    return { rows: [], skipped: ["workers over Redis: no redis-server (Debian's redis-server package)"] };
  const postgres = await startPostgres();
  if ("skipped" in postgres) return { rows: [], skipped: [`workers over Redis: PostgreSQL: ${postgres.skipped}`] };
  const children: ChildProcess[] = [];
  const feeds = await feedServer();
  const rows: string[][] = [];
  try {
    const texts = polnearDevTexts();
    texts.forEach((body, i) =>
      feeds.articles.push({ path: `/news/${i}.txt`, title: `news ${i}`, body, published: "2016-09-15T00:00:00Z" }),
    );
    const { port } = await startRedis(children);
    const redis = `redis://127.0.0.1:${port}`;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    let single = 0;
    for (const n of [1, 2, 4]) {
      await admin.query(`CREATE DATABASE workers_${n}`);
      const url = postgres.url.replace(/\/[^/?]*(\?|$)/, `/workers_${n}$1`);
      const store = await PostgresStore.open(url);
      const workers = Array.from({ length: n }, () =>
        spawn(process.execPath, [CLI, "worker"], {
          env: { ...process.env, PARLEY_REDIS: redis, PARLEY_DATABASE_URL: url },
          stdio: "ignore",
        }),
      );
      children.push(...workers);
      // Ready: each has loaded the attribution model and opened the queues.
      await new Promise((w) => setTimeout(w, 3000));
      const fetch = redisArticles(redis, null);
      let seconds = 0;
      const pass = await followCase(
        store,
        `bench-${n}`,
        { ...NO_SOURCES, feeds: [{ url: feeds.url("/feed.xml"), every: 15 }], allowPrivate: true },
        {
          exec: { names: async () => [], store: async () => [] },
          // The articles' throughput alone: no model drawn after the pass.
          snapshot: async () => EMPTY_SNAPSHOT,
          articles: async (...args) => {
            const t0 = performance.now();
            const out = await fetch(...args);
            seconds = (performance.now() - t0) / 1000;
            return out;
          },
          force: true,
        },
      );
      const stored = (await store.documentIndex()).length;
      await store.close();
      for (const w of workers) w.kill("SIGTERM");
      const rate = stored / seconds;
      if (n === 1) single = rate;
      rows.push([
        `${n} worker(s) over Redis, ${stored} of ${texts.length} articles stored${pass.feeds[0]!.failed.length ? ` (${pass.feeds[0]!.failed.length} failed)` : ""}`,
        `${seconds.toFixed(1)} s, ${rate.toFixed(2)} articles/s${n > 1 ? ` (${(rate / single).toFixed(2)}× one worker)` : ""}; ${availableParallelism()} cores`,
      ]);
      process.stderr.write(`follow workers: ${rows.at(-1)!.join(": ")}\n`);
    }
    await admin.end();
  } finally {
    for (const c of children) c.kill("SIGKILL");
    await feeds.close();
    postgres.stop();
  }
  return { rows, skipped: [] };
}
