/**
 * `npm run bench`: the exact analysis against brute-force enumeration and on spaces no
 * enumeration could reach. Every ratio is measured in this one run, on this machine.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { nashSolution } from "../src/analysis/bargaining-solutions.js";
import { bruteForce } from "../src/analysis/brute-force.js";
import { countAcceptable } from "../src/analysis/count-acceptable.js";
import { fullMask, paretoFrontier } from "../src/analysis/pareto.js";
import { loadGeniusFiles } from "../src/formats/load-files.js";
import { createUtilities } from "../src/model/utilities.js";
import { GENIUS } from "../test/domains.js";
import { syntheticModel } from "./synthetic.js";

type Case = "two-party-100x10" | "four-party-8x10" | "baseline";

/** JS heap limit the large cases must run within: nothing of the outcome space's size fits in it. */
const HEAP_LIMIT_MB = 64;

/** One large case in a fresh process under a small heap limit, so its peak memory (max RSS) is its own. */
function runCase(name: Case): { ms: number; frontier: number; outcomes: string; maxRssMB: number } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, fileURLToPath(import.meta.url), "--case", name], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench case ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function caseMain(name: Case): void {
  const spec = { "two-party-100x10": [2, 100, 10], "four-party-8x10": [4, 8, 10], baseline: [2, 1, 2] }[name] as [number, number, number];
  const model = syntheticModel(...spec, 42);
  const u = createUtilities(model);
  const t0 = performance.now();
  const f = paretoFrontier(u);
  nashSolution(f, u.reservations);
  const ms = performance.now() - t0;
  const digits = model.space.size.toString().length - 1;
  process.stdout.write(
    JSON.stringify({ ms, frontier: f.size, outcomes: `~10^${digits}`, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  // 1. Energy (390,625 outcomes): exact methods vs enumeration, the same answers, in one run.
  const energy = loadGeniusFiles(GENIUS["Energy"]!.domain, GENIUS["Energy"]!.profiles).model;
  const u = createUtilities(energy);
  const slow = bruteForce(energy.space, u);
  const fast = paretoFrontier(u);
  const count = countAcceptable(u, fullMask(u), Float64Array.of(0.5, 0.5));
  if (fast.size !== slow.frontier.size) throw new Error(`frontier sizes differ: ${fast.size} vs ${slow.frontier.size}`);
  const bench = new Bench({ iterations: 5, time: 2000, warmupIterations: 1 });
  bench
    .add("Energy frontier: issue-by-issue exact", () => void paretoFrontier(u))
    .add("Energy frontier: brute-force enumeration", () => void bruteForce(energy.space, u))
    .add("Energy ZOPA count (u ≥ 0.5 each): dynamic programme", () => void countAcceptable(u, fullMask(u), Float64Array.of(0.5, 0.5)));
  await bench.run();
  const mean = (i: number) => (bench.tasks[i]!.result as { latency: { mean: number } }).latency.mean;
  rows.push(["Energy frontier (204 points), exact", `${mean(0).toFixed(2)} ms`]);
  rows.push(["Energy frontier, brute force (390,625 outcomes)", `${mean(1).toFixed(1)} ms`]);
  rows.push(["  ratio brute force / exact", `${(mean(1) / mean(0)).toFixed(0)}×`]);
  rows.push([`Energy ZOPA count at (0.5, 0.5) = ${count}, exact DP`, `${mean(2).toFixed(2)} ms`]);
  rows.push(["  ratio brute force (frontier + count) / DP count", `${(mean(1) / mean(2)).toFixed(0)}×`]);

  // 2. Spaces beyond enumeration, each in its own process for an honest peak memory.
  const base = runCase("baseline");
  const two = runCase("two-party-100x10");
  const four = runCase("four-party-8x10");
  rows.push([`2 parties, 100 issues × 10 options (${two.outcomes} outcomes): exact frontier + Nash`, `${two.ms.toFixed(0)} ms, ${two.frontier} points`]);
  rows.push([`  peak memory (max RSS; a trivial case: ${base.maxRssMB.toFixed(0)} MB), JS heap capped at ${HEAP_LIMIT_MB} MB`, `${two.maxRssMB.toFixed(0)} MB`]);
  rows.push([`4 parties, 8 issues × 10 options (${four.outcomes} outcomes): exact frontier + Nash`, `${four.ms.toFixed(0)} ms, ${four.frontier} points`]);
  rows.push([`  peak memory (max RSS), JS heap capped at ${HEAP_LIMIT_MB} MB`, `${four.maxRssMB.toFixed(0)} MB`]);

  const w = Math.max(...rows.map((r) => r[0]!.length));
  process.stdout.write(`Parley analysis benchmark (node ${process.version})\n\n${rows.map(([a, b]) => `${a!.padEnd(w)}  ${b}`).join("\n")}\n`);
}

const at = process.argv.indexOf("--case");
if (at >= 0) caseMain(process.argv[at + 1] as Case);
else await main();
