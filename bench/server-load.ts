/**
 * The workspace server under load: autocannon with 200 connections on loopback reads the Moscow
 * analysis for a bounded time while an ingest of 600 articles and a tournament run in the same
 * server. Reports throughput, p50/p99 latency and errors, and what the background work did
 * meanwhile. Run alone: `npm run bench -- --server`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../test/support/free-port.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist", "cli", "main.js");

const sleep = (ms: number) => new Promise((w) => setTimeout(w, ms));

/** A made-up report, different for every i (the benchmark ships no one's articles). */
const article = (i: number) =>
  Array.from(
    { length: 40 },
    (_, j) =>
      `"Session ${i}.${j} moved us closer," said envoy Lena Holm on March ${(j % 27) + 1}, 2024. The draft caps visits at ${300 + i + j} a year; officials said ${j + 5} points were agreed.`,
  ).join("\n");

export interface LoadResult {
  readonly rows: string[][];
}

export async function serverLoad(seconds = 10): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "parley-load-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [CLI, "serve", "--port", String(port), "--db", join(dir, "load.db")], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PARLEY_MAX_FILES: "700", PARLEY_MAX_RUNS: "1000000" },
  });
  let out = "";
  server.stdout.on("data", (d: Buffer) => (out += d.toString()));
  server.stderr.on("data", (d: Buffer) => (out += d.toString()));
  try {
    for (let i = 0; i < 600 && !out.includes("serving at"); i++) await sleep(100);
    if (!out.includes("serving at")) throw new Error(`the server did not start:\n${out}`);
    const path = "/api/scenarios/moscow-2025-12/analysis";
    let warm = await fetch(base + path);
    for (let i = 0; i < 120 && warm.status === 503; i++) warm = (await sleep(500), await fetch(base + path));
    const etag = warm.headers.get("etag")!;
    const bytes = (await warm.text()).length;

    // Background work in the same server all along: a tournament on the river example and an ingest.
    const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
    await fetch(`${base}/api/scenarios?id=river`, {
      method: "POST",
      body: river,
      headers: { "content-type": "application/yaml" },
    });
    const t = (await (
      await fetch(`${base}/api/tournaments`, {
        method: "POST",
        body: JSON.stringify({
          scenarios: ["river"],
          agents: ["boulware", "conceder", "frontier", "tit-for-tat"],
          repetitions: 6000,
          rounds: 500,
        }),
        headers: { "content-type": "application/json" },
      })
    ).json()) as { id: string; total: number };
    const form = new FormData();
    for (let i = 0; i < 600; i++) form.append("file", new Blob([article(i)]), `load-${i}.txt`);
    const ingest = fetch(`${base}/api/documents`, { method: "POST", body: form });
    const progress = async () => ({
      runs: ((await (await fetch(`${base}/api/tournaments/${t.id}`)).json()) as { runs: number }).runs,
      documents: ((await (await fetch(`${base}/api/documents?limit=1`)).json()) as { total: number }).total - 5,
    });

    const rows: string[][] = [
      [
        `Server under load: GET the Moscow analysis (${(bytes / 1024).toFixed(0)} kB), 200 connections, ${seconds} s each, loopback,\nwhile the same server runs a tournament and an ingest of 600 articles`,
        "",
      ],
    ];
    // Each line is closed-loop (every connection sends its next request when answered), so its
    // latency is 200 connections over the throughput. (autocannon's fixed-rate mode releases each
    // second's requests at once, which measures its own bursts, so it is not used.)
    const phases: [string, Record<string, string>][] = [
      ["gzip, as browsers ask, as fast as it answers", { "accept-encoding": "gzip" }],
      ["uncompressed, as fast as it answers", {}],
      ["revalidated (If-None-Match → 304), as fast as it answers", { "if-none-match": etag }],
    ];
    // Warm (compiled code paths, connection pools) before anything is measured.
    await autocannon({ url: base + path, connections: 200, duration: 3, headers: { "accept-encoding": "gzip" } });
    for (const [name, headers] of phases) {
      const before = await progress();
      const r = await autocannon({ url: base + path, connections: 200, duration: seconds, headers });
      const after = await progress();
      rows.push([
        `  ${name}`,
        `${Math.round(r.requests.average).toLocaleString("en-US")} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests.total.toLocaleString("en-US")}\n      meanwhile ${(after.runs - before.runs).toLocaleString("en-US")} tournament runs and ${after.documents - before.documents} articles stored`,
      ]);
    }
    await ingest;
    return { rows };
  } finally {
    server.kill("SIGTERM");
    await new Promise((w) => server.once("exit", w));
    rmSync(dir, { recursive: true, force: true });
  }
}
