/**
 * The workspace server against its own framework: autocannon (200 connections on loopback) reads
 * the Moscow analysis from `parley serve`, and the same bytes from a bare fastify route in
 * another process (bench/bare-server.ts), in the same run with the same client. `parley serve`
 * is measured alone, then while an ingest of 600 articles and a tournament run in it, with its
 * event-loop delay over each line (GET /api/health). Run alone: `npm run bench -- --server`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../test/support/free-port.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist", "cli", "main.js");
const BARE = fileURLToPath(new URL("./bare-server.js", import.meta.url));

const sleep = (ms: number) => new Promise((w) => setTimeout(w, ms));

/** A made-up report, different for every i (the benchmark ships no one's articles). */
const article = (i: number) =>
  Array.from(
    { length: 40 },
    (_, j) =>
      `"Session ${i}.${j} moved us closer," said envoy Lena Holm on March ${(j % 27) + 1}, 2024. The draft caps visits at ${300 + i + j} a year; officials said ${j + 5} points were agreed.`,
  ).join("\n");

/** Starts a server process and waits for its "serving at" line. */
async function started(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600 && !out.includes("serving at"); i++) await sleep(100);
  if (!out.includes("serving at")) {
    child.kill("SIGKILL");
    throw new Error(`${args.join(" ")} did not start:\n${out}`);
  }
  return child;
}

/** The body as sent, not decoded (fetch would gunzip it). */
function rawBody(url: string, headers: Record<string, string>): Promise<{ body: Buffer; etag: string }> {
  return new Promise((done, fail) =>
    request(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => done({ body: Buffer.concat(parts), etag: String(res.headers.etag) }));
    })
      .on("error", fail)
      .end(),
  );
}

interface Line {
  readonly rps: number;
  readonly text: string;
}

async function drive(url: string, seconds: number, headers: Record<string, string>): Promise<Line> {
  const r = await autocannon({ url, connections: 200, duration: seconds, headers });
  return {
    rps: r.requests.average,
    text: `${Math.round(r.requests.average).toLocaleString("en-US")} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests.total.toLocaleString("en-US")}`,
  };
}

export interface LoadResult {
  readonly rows: string[][];
  /** Per `parley serve` line: its throughput as a share (%) of the bare route's, and its event-loop delay p99. */
  readonly shares: { line: string; share: number; loopP99: number }[];
}

export async function serverLoad(seconds = 10): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "parley-load-"));
  const [port, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const children: ChildProcess[] = [];
  try {
    const server = await started([CLI, "serve", "--port", String(port), "--db", join(dir, "load.db")], {
      PARLEY_MAX_FILES: "700",
      PARLEY_MAX_RUNS: "1000000",
    });
    children.push(server);
    const path = "/api/scenarios/moscow-2025-12/analysis";
    let warm = await fetch(base + path);
    for (let i = 0; i < 120 && warm.status === 503; i++) warm = (await sleep(500), await fetch(base + path));
    await warm.arrayBuffer();
    const plain = await rawBody(base + path, {});
    const gzip = await rawBody(base + path, { "accept-encoding": "gzip" });
    writeFileSync(join(dir, "plain"), plain.body);
    writeFileSync(join(dir, "gzip"), gzip.body);
    children.push(await started([BARE, String(barePort), join(dir, "plain"), join(dir, "gzip"), plain.etag]));
    const bareUrl = `http://127.0.0.1:${barePort}/answer`;
    const health = async () =>
      ((await (await fetch(`${base}/api/health`)).json()) as { eventLoopDelay: { p50: number; p99: number } })
        .eventLoopDelay;

    const encodings: [string, Record<string, string>][] = [
      ["gzip, as browsers ask", { "accept-encoding": "gzip" }],
      ["uncompressed", {}],
    ];
    const rows: string[][] = [
      [
        `The Moscow analysis (${(plain.body.length / 1024).toFixed(0)} kB, ${(gzip.body.length / 1024).toFixed(0)} kB gzipped), cached: 200 connections, ${seconds} s a line, loopback, closed-loop`,
        "",
      ],
    ];
    // Warm both (compiled code paths, connection pools) before anything is measured.
    await autocannon({ url: bareUrl, connections: 200, duration: 2, headers: encodings[0]![1] });
    await autocannon({ url: base + path, connections: 200, duration: 3, headers: encodings[0]![1] });

    const bare = new Map<string, number>();
    const shares: LoadResult["shares"] = [];
    for (const [name, headers] of encodings) {
      const line = await drive(bareUrl, seconds, headers);
      bare.set(name, line.rps);
      rows.push([`  bare fastify route, same bytes and headers, ${name}`, line.text]);
    }
    const parleyLine = async (
      setting: string,
      [name, headers]: [string, Record<string, string>],
      meanwhile?: () => Promise<string>,
    ) => {
      await health(); // starts the window
      const line = await drive(base + path, seconds, headers);
      const loop = await health();
      const share = (100 * line.rps) / bare.get(name)!;
      shares.push({ line: `${setting}, ${name}`, share, loopP99: loop.p99 });
      rows.push([
        `  parley serve, ${setting}, ${name}`,
        `${line.text}\n      = ${share.toFixed(0)}% of the bare route; event-loop delay p50 ${loop.p50} ms, p99 ${loop.p99} ms${meanwhile ? `\n      meanwhile ${await meanwhile()}` : ""}`,
      ]);
    };
    for (const encoding of encodings) await parleyLine("alone", encoding);

    // Background work in the same server from here on: a tournament on the river example and an ingest.
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
    await sleep(1000);
    for (const encoding of encodings) {
      const before = await progress();
      await parleyLine("while it runs a tournament and an ingest of 600 articles", encoding, async () => {
        const after = await progress();
        return `${(after.runs - before.runs).toLocaleString("en-US")} tournament runs and ${after.documents - before.documents} articles stored`;
      });
    }
    await ingest;
    return { rows, shares };
  } finally {
    for (const child of children) {
      child.kill("SIGTERM");
      await new Promise((w) => child.once("exit", w));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
