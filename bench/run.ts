/**
 * `npm run bench`: the exact analysis against brute-force enumeration and on spaces no
 * enumeration could reach; negotiation throughput; a full tournament. Every ratio is measured
 * in this one run, on this machine.
 */

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { nashSolution } from "../src/analysis/bargaining-solutions.js";
import { bruteForce } from "../src/analysis/brute-force.js";
import { countAcceptable } from "../src/analysis/count-acceptable.js";
import { fullMask, paretoFrontier } from "../src/analysis/pareto.js";
import { utilitySpace } from "../src/analysis/utility-space.js";
import { fmtCount } from "../src/cli/table.js";
import { modelToGenius } from "../src/formats/genius-xml.js";
import { loadGeniusFiles } from "../src/formats/load-files.js";
import { loadScenarioFile } from "../src/formats/scenario-file.js";
import { createUtilities } from "../src/model/utilities.js";
import { AGENTS, createAgent } from "../src/negotiation/agents/index.js";
import { runAlternatingOffers } from "../src/negotiation/alternating-offers.js";
import { createArena } from "../src/negotiation/arena.js";
import { GENIUS, ROOT, SHARED } from "../test/domains.js";
import { EVIDENCE_MB_PER_S, evidenceThroughput } from "./evidence-throughput.js";
import { serverLoad } from "./server-load.js";
import { syntheticModel } from "./synthetic.js";
import { median, timed } from "./timing.js";

type Case = "two-party-100x10" | "four-party-8x10" | "baseline";

/** Repetitions of the NegMAS side by side (its ratios are their medians): one is noisy on a shared machine. */
const SIDE_BY_SIDE_REPS = process.env["REPS"] ?? "3";

/** JS heap limit the large cases must run within: nothing of the outcome space's size fits in it. */
const HEAP_LIMIT_MB = 64;

/** One large case in a fresh process under a small heap limit, so its peak memory (max RSS) is its own. */
function runCase(name: Case): { ms: number; frontier: number; outcomes: string; maxRssMB: number } {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_LIMIT_MB}`, fileURLToPath(import.meta.url), "--case", name],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`bench case ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function caseMain(name: Case): void {
  const spec = { "two-party-100x10": [2, 100, 10], "four-party-8x10": [4, 8, 10], baseline: [2, 1, 2] }[name] as [
    number,
    number,
    number,
  ];
  const model = syntheticModel(...spec, 42);
  const u = createUtilities(model);
  const t0 = performance.now();
  const f = paretoFrontier(u);
  nashSolution(f, u.reservations);
  const ms = performance.now() - t0;
  const digits = model.space.size.toString().length - 1;
  process.stdout.write(
    JSON.stringify({
      ms,
      frontier: f.size,
      outcomes: `~10^${digits}`,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** One of the performance targets, with this run's figure. */
interface Target {
  readonly what: string;
  readonly target: string;
  readonly figure: string;
  /** Null where there is no figure to hold against a target (a report only, or the peer is not set up). */
  readonly met: boolean | null;
}

/** What one full run measured, for docs/performance.md. */
interface BenchResult {
  readonly targets: Target[];
  /** Sections 1–6: [what, result]; a sub-row's label starts with two spaces. */
  readonly rows: string[][];
  /** Section 7: NegMAS's Markdown tables, or null when NegMAS is not set up. */
  readonly negmas: string | null;
  /** Why section 7 was skipped, when it was. */
  readonly negmasSkipped: string | null;
}

async function main(): Promise<BenchResult> {
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
    .add(
      "Energy ZOPA count (u ≥ 0.5 each): dynamic programme",
      () => void countAcceptable(u, fullMask(u), Float64Array.of(0.5, 0.5)),
    );
  await bench.run();
  const mean = (i: number) => (bench.tasks[i]!.result as { latency: { mean: number } }).latency.mean;
  rows.push(["Energy frontier (204 points), exact", `${mean(0).toFixed(2)} ms`]);
  rows.push(["Energy frontier, brute force (390,625 outcomes)", `${mean(1).toFixed(1)} ms`]);
  rows.push(["  ratio brute force / exact", `${(mean(1) / mean(0)).toFixed(0)}×`]);
  rows.push([`Energy ZOPA count at (0.5, 0.5) = ${count}, exact DP`, `${mean(2).toFixed(2)} ms`]);
  rows.push(["  ratio brute force (frontier + count) / DP count", `${(mean(1) / mean(2)).toFixed(0)}×`]);

  // The web app's answer for a party pair it has not drawn yet: the Moscow case's utility space for
  // each of its six pairs, each from a freshly loaded model (nothing cached), in process.
  const moscow = join(ROOT, "cases", "moscow-2025-12", "scenario.yaml");
  const parties = loadScenarioFile(moscow).model.parties.length;
  const pairTimes: number[] = [];
  for (let a = 0; a < parties; a++)
    for (let b = a + 1; b < parties; b++) {
      const { model } = loadScenarioFile(moscow);
      const t0 = performance.now();
      utilitySpace(model, a, b);
      pairTimes.push(performance.now() - t0);
    }
  rows.push([
    `Moscow utility space for a new party pair (${pairTimes.length} pairs, fresh model each; target < 300 ms)`,
    `mean ${(pairTimes.reduce((x, y) => x + y, 0) / pairTimes.length).toFixed(0)} ms, max ${Math.max(...pairTimes).toFixed(0)} ms`,
  ]);

  // 2. Spaces beyond enumeration, each in its own process for an honest peak memory.
  const base = runCase("baseline");
  const two = runCase("two-party-100x10");
  const four = runCase("four-party-8x10");
  rows.push([
    `2 parties, 100 issues × 10 options (${two.outcomes} outcomes): exact frontier + Nash`,
    `${two.ms.toFixed(0)} ms, ${two.frontier} points`,
  ]);
  rows.push([
    `  peak memory (max RSS; a trivial case: ${base.maxRssMB.toFixed(0)} MB), JS heap capped at ${HEAP_LIMIT_MB} MB`,
    `${two.maxRssMB.toFixed(0)} MB`,
  ]);
  rows.push([
    `4 parties, 8 issues × 10 options (${four.outcomes} outcomes): exact frontier + Nash`,
    `${four.ms.toFixed(0)} ms, ${four.frontier} points`,
  ]);
  rows.push([`  peak memory (max RSS), JS heap capped at ${HEAP_LIMIT_MB} MB`, `${four.maxRssMB.toFixed(0)} MB`]);
  const merge = wholeCliAgainstMerge();
  rows.push(...merge.rows);
  const targets: Target[] = [
    {
      what: "the 10^100 frontier: the whole CLI against the plain-Python issue-wise merge",
      target: "≥ 5×",
      figure: merge.ratio === null ? "no numpy" : `${merge.ratio.toFixed(1)}×`,
      met: merge.ratio === null ? null : merge.ratio >= 5,
    },
  ];

  // 3. Negotiation speed, one core, trace off: Boulware (e = 0.25) vs Conceder (e = 4), the curves
  // NegMAS's agents use, from scratch (a new arena and new agents per negotiation, as NegMAS
  // builds a new mechanism each time) and with the arena reused (new agents each time). The
  // hardliner pair (e = 0.01) never agrees before the deadline: every run takes all 100 rounds.
  const negotiationsPerSecond = (name: string, pair: string, fresh: boolean) => {
    const model = loadGeniusFiles(GENIUS[name]!.domain, GENIUS[name]!.profiles).model;
    let arena = createArena(model),
      runs = 0,
      rounds = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000 || runs < 3) {
      if (fresh) arena = createArena(model);
      rounds += runAlternatingOffers(arena, pair.split(",").map(createAgent), {
        deadline: { rounds: 100 },
        seed: runs++,
      }).rounds;
    }
    return { perSecond: runs / ((performance.now() - t0) / 1000), meanRounds: rounds / runs, size: arena.size };
  };
  for (const name of ["LaptopC", "Energy"]) {
    for (const [pair, fresh] of [
      ["boulware:0.25,conceder:4", true],
      ["boulware:0.25,conceder:4", false],
      ["boulware:0.01,boulware:0.01", false],
    ] as const) {
      const r = negotiationsPerSecond(name, pair, fresh);
      rows.push([
        `${name} (${fmtCount(r.size)} outcomes): ${pair.replace(",", " vs ")}, 100 rounds, ${fresh ? "from scratch (new arena)" : "arena reused"}, one core`,
        `${fmtCount(Math.round(r.perSecond))} negotiations/s = ${fmtTime(1000 / r.perSecond)} each (mean ${r.meanRounds.toFixed(1)} rounds)`,
      ]);
    }
  }
  const energyModel = energy;
  const arenaMs = median(Array.from({ length: 9 }, () => timed(() => createArena(energyModel))).slice(1));
  rows.push(["Energy arena: every outcome evaluated and sorted for each party (median of 8)", fmtTime(arenaMs)]);

  // 4. Many parties: the exact frontier of the 5-party killer-robot domain (240,000 outcomes).
  const robot = loadGeniusFiles(GENIUS["group9-killer_robot"]!.domain, GENIUS["group9-killer_robot"]!.profiles).model;
  const ru = createUtilities(robot);
  const robotFrontier = paretoFrontier(ru).size;
  rows.push([
    `5 parties, killer-robot domain (240,000 outcomes): exact frontier (${fmtCount(robotFrontier)} points, median of 5)`,
    fmtTime(median(Array.from({ length: 5 }, () => timed(() => paretoFrontier(ru))))),
  ]);

  // 5. Start-up, as a user waits for it: whole processes, interleaved, median of 15 each.
  const cliPath = fileURLToPath(new URL("../cli/main.js", import.meta.url));
  const g = (name: string) => [GENIUS[name]!.domain, ...GENIUS[name]!.profiles];
  const commands: [string, string[]][] = [
    ["node -e 0 (Node's own start-up)", ["-e", "0"]],
    ["parley --version", [cliPath, "--version"]],
    ["parley analyze --genius LaptopC (27 outcomes)", [cliPath, "analyze", "--genius", ...g("LaptopC")]],
    ["parley analyze --genius Energy (390,625 outcomes)", [cliPath, "analyze", "--genius", ...g("Energy")]],
  ];
  const times = commands.map(() => [] as number[]);
  for (let rep = 0; rep < 15; rep++)
    commands.forEach(([, args], i) => {
      times[i]!.push(
        timed(() => {
          const r = spawnSync(process.execPath, args, { encoding: "utf8" });
          if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
        }),
      );
    });
  const node0 = median(times[0]!);
  commands.forEach(([label], i) => {
    const m = median(times[i]!);
    rows.push([
      `${label}, whole process`,
      i === 0 ? fmtTime(m) : `${fmtTime(m)} = ${(m / node0).toFixed(2)}× node -e 0`,
    ]);
  });

  // 5b. Evidence throughput on the PolNeAR dev texts (warm, one core), step by step.
  const evidence = evidenceThroughput();
  rows.push(...evidence.rows);
  targets.push(evidenceTarget(evidence.mbPerS));

  // 6. Tournaments on the 6 bilateral shared domains, 10 repetitions, through the CLI on every core:
  // every agent kind, and the five kinds NegMAS also has, timed against NegMAS running the same.
  const tournament = tournaments(cliPath);
  rows.push(...tournament.rows);
  targets.push({
    what: "tournament, the 5 shared agent kinds × 6 domains × 10 repetitions: NegMAS's time / Parley's",
    target: "report",
    figure: tournament.ratio === null ? "NegMAS not set up" : `${fmtCount(Math.round(tournament.ratio))}×`,
    met: null,
  });

  const w = Math.max(...rows.map((r) => r[0]!.length));
  process.stdout.write(
    `Parley benchmark (node ${process.version})\n\n${rows.map(([a, b]) => `${a!.padEnd(w)}  ${b}`).join("\n")}\n`,
  );

  // 7. Against NegMAS, the field's Python library, on the same domains in this same run.
  const sideBySide = join(SHARED, "tools", "negmas-side-by-side", "side_by_side.sh");
  const negmas = process.env["NEGMAS_SRC"] ?? join(homedir(), ".cache", "negmas-src");
  if (!existsSync(sideBySide) || !existsSync(negmas)) {
    process.stdout.write(
      `\nNegMAS side by side: skipped — NegMAS is not set up (${negmas}); see ${sideBySide.replace(/side_by_side\.sh$/, "README.md")}\n`,
    );
    const howTo = "../shared/tools/negmas-side-by-side/README.md";
    return {
      rows,
      targets,
      negmas: null,
      negmasSkipped: `NegMAS is not set up on this machine; see \`${howTo}\`.`,
    };
  }
  process.stdout.write("\nNegMAS side by side (ratio = NegMAS time / Parley time, measured in this run):\n\n");
  const sbs = spawnSync("bash", [sideBySide, fileURLToPath(new URL("../..", import.meta.url))], {
    encoding: "utf8",
    env: { ...process.env, REPS: SIDE_BY_SIDE_REPS },
  });
  if (sbs.status !== 0) throw new Error(`side by side failed: ${sbs.stderr}`);
  const lines = sbs.stdout.split("\n");
  const tables = lines.filter((l) => !l.startsWith("{")).join("\n");
  process.stdout.write(tables);
  const ratios = (JSON.parse(lines.find((l) => l.startsWith("{"))!) as SideBySide).ratios;
  const ratio = (what: string, x: number, at: number): Target => ({
    what,
    target: `≥ ${at}×`,
    figure: `${x.toFixed(1)}×`,
    met: x >= at,
  });
  targets.push(
    ratio("one Boulware–Conceder negotiation from scratch, LaptopC, against NegMAS", ratios.sao.LaptopC.inprocess, 150),
    ratio("one Boulware–Conceder negotiation from scratch, Energy, against NegMAS", ratios.sao.Energy.inprocess, 150),
    ratio(
      "the whole parley analyze --genius on Energy, against NegMAS in process",
      ratios.frontier_nash.Energy.cli,
      15,
    ),
  );
  return { rows, targets, negmas: tables.trim(), negmasSkipped: null };
}

/** The Python NegMAS runs on and its PYTHONPATH, or null when NegMAS is not set up. */
function negmasPython(): { python: string; env: NodeJS.ProcessEnv } | null {
  const src = process.env["NEGMAS_SRC"] ?? join(homedir(), ".cache", "negmas-src");
  const here = join(SHARED, "tools", "negmas-side-by-side");
  if (!existsSync(join(src, "src", "negmas"))) return null;
  return {
    python: process.env["NEGMAS_PYTHON"] ?? "/usr/bin/python3",
    env: { ...process.env, PYTHONPATH: `${join(src, "src")}:${here}`, PYTHONDONTWRITEBYTECODE: "1" },
  };
}

/**
 * The exact frontier of the synthetic 100 issues × 10 options (~10^100 outcomes) as a user gets
 * it: the whole `parley analyze --genius … --json` process, writing its JSON to a file, against
 * the issue-wise merge in Python (bench/frontier_merge.py: plain Python, and numpy) on the same
 * GENIUS files, interleaved, median of 5 each.
 */
function wholeCliAgainstMerge(): { rows: string[][]; ratio: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "parley-merge-"));
  const g = modelToGenius(syntheticModel(2, 100, 10, 42));
  const files = [join(dir, "domain.xml"), join(dir, "profile1.xml"), join(dir, "profile2.xml")];
  [g.domain, ...g.profiles].forEach((text, i) => writeFileSync(files[i]!, text));
  const cliPath = fileURLToPath(new URL("../cli/main.js", import.meta.url));
  const script = fileURLToPath(new URL("../../bench/frontier_merge.py", import.meta.url));
  const python = process.env["NEGMAS_PYTHON"] ?? "/usr/bin/python3";
  const hasNumpy = spawnSync(python, ["-c", "import numpy"]).status === 0;
  const cli: number[] = [],
    plain: number[] = [],
    numpy: number[] = [];
  let sizes = "";
  for (let rep = 0; rep < 5; rep++) {
    const out = openSync(join(dir, "out.json"), "w");
    cli.push(
      timed(() => {
        const r = spawnSync(process.execPath, [cliPath, "analyze", "--genius", ...files, "--json", "--samples", "0"], {
          stdio: ["ignore", out, "pipe"],
        });
        if (r.status !== 0) throw new Error(`analyze failed: ${r.stderr}`);
      }),
    );
    closeSync(out);
    if (!hasNumpy) continue;
    const r = spawnSync(python, [script, ...files], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`frontier_merge.py failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as Record<"numpy" | "plain", { frontier: number; merge_s: number }>;
    plain.push(m.plain.merge_s * 1000);
    numpy.push(m.numpy.merge_s * 1000);
    const ours = (JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { frontier: unknown[] }).frontier.length;
    sizes = `${ours} points; Python: ${m.plain.frontier}`;
  }
  rmSync(dir, { recursive: true, force: true });
  const c = median(cli);
  const rows = [[`2 parties, 100 × 10: the whole CLI (analyze --genius --json to a file, median of 5)`, fmtTime(c)]];
  if (!hasNumpy)
    return { rows: [...rows, ["  against the Python merge", "skipped: no numpy for /usr/bin/python3"]], ratio: null };
  const table = [
    ...rows,
    [
      `  the Python issue-wise merge, plain Python, in process (${sizes})`,
      `${fmtTime(median(plain))} = ${(median(plain) / c).toFixed(1)}× the whole CLI's time`,
    ],
    [
      `  the same merge with numpy, in process`,
      `${fmtTime(median(numpy))} = ${(median(numpy) / c).toFixed(2)}× the whole CLI's time`,
    ],
  ];
  return { rows: table, ratio: median(plain) / c };
}

/** Tournaments through the CLI on every core, and NegMAS running the five agent kinds both have. */
function tournaments(cliPath: string): { rows: string[][]; ratio: number | null } {
  const names = ["LaptopC", "ItexvsCypress", "EnglandZimbabwe", "CameraB", "Travel", "Energy"];
  const folders = names.map((n) => GENIUS[n]!.domain.replace(/[\\/][^\\/]*$/, ""));
  const run = (agents: string) => {
    const db = join(mkdtempSync(join(tmpdir(), "parley-bench-")), "bench.db");
    const t0 = performance.now();
    const cli = spawnSync(
      process.execPath,
      [cliPath, "tournament", ...folders, "--agents", agents, "--repetitions", "10", "--db", db, "--format", "json"],
      { encoding: "utf8" },
    );
    if (cli.status !== 0) throw new Error(`tournament failed: ${cli.stderr}`);
    return { runs: (JSON.parse(cli.stdout) as { runs: number }).runs, s: (performance.now() - t0) / 1000 };
  };
  const cores = availableParallelism();
  const all = run(AGENTS.map((a) => a.name).join(","));
  const shared = run("boulware:0.25,conceder:4,linear,tit-for-tat,random");
  const perSecond = (r: { runs: number; s: number }) => `${fmtCount(Math.round(r.runs / r.s))} runs/s`;
  const rows = [
    [
      `Tournament: all ${AGENTS.length} agent kinds × 6 domains × 10 repetitions (${fmtCount(all.runs)} runs), CLI, ${cores} cores`,
      `${all.s.toFixed(1)} s = ${perSecond(all)}`,
    ],
    [
      `  the 5 kinds NegMAS also has (Boulware, Conceder, Linear, tit-for-tat, random; ${fmtCount(shared.runs)} runs)`,
      `${shared.s.toFixed(1)} s = ${perSecond(shared)}`,
    ],
  ];
  const negmas = negmasPython();
  if (!negmas) return { rows: [...rows, ["  NegMAS, the same 5 kinds", "skipped: NegMAS is not set up"]], ratio: null };
  const script = fileURLToPath(new URL("../../bench/negmas_tournament.py", import.meta.url));
  const domains = names.map((n) => {
    const d = GENIUS[n]!;
    const file = (p: string) => p.replace(/^.*[\\/]/, "");
    return `${n}=${[d.domain, ...d.profiles].map(file).join(",")}`;
  });
  const r = spawnSync(
    negmas.python,
    [script, "--genius-dir", join(SHARED, "scenarios", "genius"), "--domains", ...domains],
    {
      encoding: "utf8",
      env: negmas.env,
    },
  );
  if (r.status !== 0) throw new Error(`negmas_tournament.py failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as {
    domains: Record<string, { runs: number; timed: number; estimated_s: number; sampled: boolean }>;
  };
  const total = Object.values(m.domains).reduce((x, d) => x + d.estimated_s, 0);
  const runs = Object.values(m.domains).reduce((x, d) => x + d.runs, 0);
  const sampled = Object.entries(m.domains)
    .filter(([, d]) => d.sampled)
    .map(([n, d]) => `${n} from ${d.timed} of ${d.runs} runs`);
  const table = [
    ...rows,
    [
      `  NegMAS, the same 5 kinds, SAOMechanism per run, one process${sampled.length ? ` (estimated: ${sampled.join(", ")})` : ""}`,
      `${total.toFixed(1)} s = ${fmtCount(Math.round(runs / total))} runs/s; Parley (${cores} cores) ${(total / shared.s).toFixed(0)}× faster`,
    ],
  ];
  return { rows: table, ratio: total / shared.s };
}

/** The ratios line side_by_side.sh prints last (NegMAS's time / Parley's). */
interface SideBySide {
  readonly ratios: {
    readonly sao: Record<"LaptopC" | "Energy", { readonly inprocess: number }>;
    readonly frontier_nash: Record<"Energy", { readonly cli: number }>;
  };
}

const fmtTime = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;

/** The whole extraction's throughput held against its aim. */
function evidenceTarget(mbPerS: number): Target {
  return {
    what: "the whole evidence extraction on PolNeAR dev, one core",
    target: `≥ ${EVIDENCE_MB_PER_S} MB/s`,
    figure: `${mbPerS.toFixed(2)} MB/s`,
    met: mbPerS >= EVIDENCE_MB_PER_S,
  };
}

/** Prints the server's figures under load (section 8) and returns the text printed. */
async function serverMain(): Promise<{ text: string; targets: Target[] }> {
  const { rows, shares } = await serverLoad();
  // Long figures go on their own indented line: the output stays within 100 columns.
  const text = rows.map(([a, b]) => (b ? `${a}\n      ${b}` : a)).join("\n");
  process.stdout.write(`\n${text}\n`);
  const targets = shares.map(
    (x): Target => ({
      what: `the server's cached analysis, ${x.line}: its throughput against the bare fastify route's (event-loop delay p99 ${x.loopP99} ms)`,
      target: "≥ 50 %",
      figure: `${x.share.toFixed(0)} %`,
      met: x.share >= 50,
    }),
  );
  return { text, targets };
}

/** The targets as a Markdown table. */
function targetTable(targets: readonly Target[]): string {
  const met = (t: Target) => (t.met === null ? "—" : t.met ? "met" : "missed");
  return [
    "| target | aim | this run | |",
    "|---|---:|---:|---|",
    ...targets.map((t) => `| ${t.what.replaceAll("|", "\\|")} | ${t.target} | ${t.figure} | ${met(t)} |`),
  ].join("\n");
}

/** The first line of docs/performance.md. */
const PERFORMANCE_HEADER =
  "_Written by `bench/run.ts` (`npm run bench`) — do not edit by hand; the next full run replaces this file._";

/** docs/performance.md: fixed text around this run's figures. Only a full run writes it. */
function writePerformancePage(result: BenchResult, server: string, targets: readonly Target[], follow: string): void {
  const cell = (x: string) => x.replaceAll("|", "\\|");
  const table = [
    "| measurement | result |",
    "|---|---|",
    ...result.rows.map(([a, b]) => `| ${cell(a!.startsWith("  ") ? `↳ ${a!.trim()}` : a!)} | ${cell(b!)} |`),
  ].join("\n");
  const cpu = cpus()[0]?.model.trim();
  const negmas =
    result.negmas !== null
      ? `The same tasks timed for NegMAS, the field's Python library, in this same run
(\`../shared/tools/negmas-side-by-side/\`, ${SIDE_BY_SIDE_REPS} repetitions, the median of each ratio;
\`REPS=1 npm run bench\` takes one). The systems run interleaved; read the ratios, each measured
within a repetition, rather than the absolute times.

${result.negmas}`
      : `Skipped in this run: ${result.negmasSkipped}`;
  const page = `${PERFORMANCE_HEADER}

# Performance

Measured in one run on one machine: run ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores${cpu ? ` (${cpu})` : ""},
Node ${process.version}, ${process.platform}/${process.arch}. Every ratio below is taken within this run; on a
noisy machine read the ratios rather than the absolute times. Why the figures are what they are:
[performance-notes.md](performance-notes.md).

To reproduce: \`npm run bench\` (builds, then runs \`node dist/bench/run.js\`, which prints these
figures and rewrites this file; the GENIUS domains and the PolNeAR texts are read from
\`../shared/\` or \`$PARLEY_SHARED\`). \`npm run bench -- --server\` runs the server section alone and
writes nothing; so does \`npm run bench -- --evidence\` for the evidence throughput and its breakdown.

## Targets

Each ratio measured in this run (the performance issue's aims):

${targetTable(targets)}

## Analysis, negotiation, start-up, evidence, tournament

- The exact Pareto frontier and the zone count against brute-force enumeration on Energy
  (390,625 outcomes), in the same run, with the same answers.
- Spaces beyond enumeration: a seeded synthetic two-party space of 100 issues × 10 options,
  and four parties with 8 issues × 10 options, each in its own process with the JS heap capped
  at ${HEAP_LIMIT_MB} MB, with its peak memory (max RSS).
- 100-round negotiations per second on one core on LaptopC and Energy: from scratch (a new
  arena and new agents each time) and with the arena reused; building the Energy arena.
- The exact frontier of the five-party killer-robot domain.
- Whole-process start-up (\`parley --version\`, \`parley analyze --genius\` on LaptopC and
  Energy) against \`node -e 0\`, interleaved, median of 15 each.
- Evidence throughput on the PolNeAR dev texts, one core: the whole extraction, the NLP
  pass alone as the same run's baseline (the whole as a multiple of it), and where the whole's
  time goes: one more pass told each step's time as it runs, the tagger also timed alone.
- The exact frontier of a 10^100-outcome space as a user gets it (the whole CLI writing its JSON)
  against the issue-wise merge in Python (plain, and numpy) on the same GENIUS files.
- Tournaments of every agent kind, and of the five kinds NegMAS also has, × 6 shared domains × 10
  repetitions through the CLI on every core, against NegMAS running the same five in one process
  (where NegMAS's runs on a domain would take too long, a sample of them, scaled to the count).

${table}

## Against NegMAS

${negmas}

## The workspace server under load

\`parley serve\` on the Moscow case answers \`GET /api/scenarios/moscow-2025-12/analysis\` (cached)
to autocannon, 200 connections on loopback, closed-loop (a connection sends its next request
when answered); a bare fastify route in another process answers the same bytes with the same
headers, in the same run with the same client. \`parley serve\` is measured alone, then while a
tournament on the river example and an ingest of 600 made-up articles run in it, with its
event-loop delay over each line (\`GET /api/health\`).

\`\`\`text
${server}
\`\`\`

## A followed case at scale

Adding one document to a workspace of 1,000, 10,000 and 100,000 stored documents, on SQLite and on
PostgreSQL (a throwaway server from Debian's package): the work that grows with the workspace —
the near-duplicate check (its MinHash, the stored originals sharing an LSH band, their exact
comparison) and the claim alignment (the stored claims of the same subject · attribute) — and
then storing it; the median of 25 documents at each size, half of them near-copies of a stored
article. The stored documents are made-up articles, seeded (\`bench/follow-scale.ts\`). Then the
ingest throughput of a followed feed over Redis: the 84 news articles of PolNeAR dev served by a local
feed, fetched, extracted and stored by 1, 2 and 4 \`parley worker\` processes sharing a fresh
PostgreSQL database each time (\`bench/follow-workers.ts\`).
\`npm run bench -- --follow\` runs this section alone (into docs/performance-follow.md).

\`\`\`text
${follow}
\`\`\`
`;
  const out = join(ROOT, "docs", "performance.md");
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  writeFileSync(out, page);
  process.stderr.write(`wrote ${out}\n`);
}

/** Prints the followed case's figures at scale (section 9) and returns the text printed. */
async function followMain(): Promise<{ text: string; targets: Target[] }> {
  const [{ followScale }, { followWorkers }] = await Promise.all([
    import("./follow-scale.js"),
    import("./follow-workers.js"),
  ]);
  const scale = await followScale();
  const workers = await followWorkers();
  const rows = [...scale.rows, ...workers.rows];
  const skipped = [...scale.skipped, ...workers.skipped];
  const worstMs = scale.worstMs;
  const text = [...rows.map(([a, b]) => `${a}\n      ${b}`), ...skipped.map((x) => `skipped: ${x}`)].join("\n");
  process.stdout.write(`\n${text}\n`);
  const target: Target = {
    what: `adding one document to a workspace of 100,000: its near-duplicate and claim work (median, the slower store${scale.skipped.length ? "; PostgreSQL skipped" : ""})`,
    target: "< 100 ms",
    figure: `${worstMs.toFixed(1)} ms`,
    met: worstMs < 100,
  };
  return { text, targets: [target] };
}

const at = process.argv.indexOf("--case");
if (at >= 0) caseMain(process.argv[at + 1] as Case);
else if (process.argv.includes("--server")) await serverMain();
else if (process.argv.includes("--evidence")) {
  // This section alone, printed: where the extraction's time goes, for work on its speed.
  const { rows, mbPerS } = evidenceThroughput();
  const w = Math.max(...rows.map((r) => r[0]!.length));
  process.stdout.write(
    `${rows.map(([a, b]) => `${a!.padEnd(w)}  ${b}`).join("\n")}\n\n${targetTable([evidenceTarget(mbPerS)])}\n`,
  );
} else if (process.argv.includes("--follow")) {
  // This section alone: its figures go to their own page (a full run puts them in performance.md too).
  const follow = await followMain();
  const out = join(ROOT, "docs", "performance-follow.md");
  writeFileSync(
    out,
    `_Written by \`npm run bench -- --follow\` (\`bench/run.ts\`) — do not edit by hand._\n\n# A followed case at scale\n\nMeasured ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores${cpus()[0] ? ` (${cpus()[0]!.model.trim()})` : ""}, Node ${process.version}. What is measured: [follow.md](follow.md#at-scale-and-on-many-machines).\n\n${targetTable(follow.targets)}\n\n\`\`\`text\n${follow.text}\n\`\`\`\n`,
  );
  process.stderr.write(`wrote ${out}\n`);
} else {
  const result = await main();
  // 8. The workspace server under load, while it ingests and runs a tournament.
  const server = await serverMain();
  // 9. A followed case at scale: adding one document to 1,000, 10,000 and 100,000.
  const follow = await followMain();
  const targets = [...result.targets, ...server.targets, ...follow.targets];
  process.stdout.write(`\nTargets:\n${targetTable(targets)}\n`);
  writePerformancePage(result, `${server.text}`, targets, follow.text);
}
