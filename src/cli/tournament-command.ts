import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { InputError } from "../errors.js";
import { AGENTS } from "../negotiation/agents/index.js";
import type { ProtocolName } from "../negotiation/simulate.js";
import { STANDING_COLUMNS } from "../negotiation/standing-columns.js";
import { type AgentStanding, standings } from "../negotiation/tournament.js";
import { integer, MAX_STEPS } from "./options.js";
import { fmtPercent, fmtUtility, table } from "./table.js";

interface TournamentOptions {
  agents: string;
  protocol: ProtocolName;
  mediator: string;
  rounds: number;
  repetitions: number;
  seed: number;
  workers: number;
  db?: string;
  maxRuns?: number;
  maxRounds?: number;
  format: "table" | "csv" | "json";
  discretize: number;
}

const COLUMNS: [keyof AgentStanding, string][] = STANDING_COLUMNS.map((c) => [c.key, c.label]);

export function registerTournament(program: Command): void {
  program
    .command("tournament")
    .description(
      "Every agent pair (or n-tuple) on every scenario, both role orders, R repetitions; stored as it runs, resumable",
    )
    .argument("<scenarios...>", "scenario YAML files and/or GENIUS folders (one domain XML + its profiles)")
    .addHelpText(
      "after",
      `\nThe standings, column by column:\n${STANDING_COLUMNS.map((c) => `  ${c.label}: ${c.meaning}`).join("\n")}`,
    )
    .option("--agents <list>", "comma-separated agents", AGENTS.map((a) => a.name).join(","))
    .option("--protocol <name>", "alternating or single-text", "alternating")
    .option("--mediator <name>", "single-text mediator", "shuttle")
    .option("--rounds <n>", "deadline in rounds", integer(1, "--rounds"), 100)
    .option("--repetitions <n>", "repetitions of each pairing", integer(1, "--repetitions"), 10)
    .option("--seed <n>", "seed", integer(0, "--seed"), 1)
    .option("--workers <n>", "worker threads (0 = this thread)", integer(0, "--workers"), availableParallelism())
    .option(
      "--db <file>",
      "workspace database the runs are stored in (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL for PostgreSQL; with $PARLEY_REDIS the batches run on `parley worker` processes)",
    )
    .option("--max-runs <n>", "refuse tournaments of more runs than this (default 1,000,000)", integer(1, "--max-runs"))
    .option(
      "--max-rounds <n>",
      "refuse deadlines longer than this many rounds (default 100,000)",
      integer(1, "--max-rounds"),
    )
    .option("--format <f>", "table, csv or json", "table")
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize", MAX_STEPS), 11)
    .action(async (paths: string[], o: TournamentOptions) => {
      if (!["table", "csv", "json"].includes(o.format))
        throw new InputError([
          { code: "cli.usage", message: `unknown format "${o.format}"`, hint: "table, csv or json" },
        ]);
      const [{ SingleBar }, { runTournament }, { sourceOf }, { openStore, storeLocation }] = await Promise.all([
        import("cli-progress"),
        import("../parallel/run-tournament.js"),
        import("../parallel/scenario-source.js"),
        import("../store/open-store.js"),
      ]);
      const agents = o.agents
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const config = {
        sources: paths.map(sourceOf),
        agents,
        repetitions: o.repetitions,
        seed: o.seed,
        settings: {
          protocol: o.protocol,
          ...(o.protocol === "single-text" ? { mediator: o.mediator } : {}),
          deadline: { rounds: o.rounds },
        },
        discretize: o.discretize,
      };
      const db = storeLocation(o.db);
      const workspace = await openStore(o.db);
      // With PARLEY_REDIS, batches go to `parley worker` processes on any machine.
      const redis = process.env["PARLEY_REDIS"];
      const remote = redis
        ? (await import("../parallel/redis-batches.js")).redisBatches(redis, (line) =>
            process.stderr.write(`parley: ${line}\n`),
          )
        : undefined;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      const bar = process.stderr.isTTY
        ? new SingleBar({
            format: "runs {bar} {value}/{total} {percentage}% eta {eta}s",
            stream: process.stderr,
            hideCursor: true,
          })
        : null;
      const started = performance.now();
      try {
        const run = await runTournament(config, workspace, {
          workers: o.workers,
          ...(o.maxRuns ? { maxRuns: o.maxRuns } : {}),
          ...(o.maxRounds ? { maxRounds: o.maxRounds } : {}),
          signal: controller.signal,
          ...(remote ? { remote } : {}),
          onProgress: (done, total) =>
            bar ? (bar.getTotal() === total ? bar.update(done) : bar.start(total, done)) : undefined,
        });
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        const rows = standings(run.records, agents);
        process.stderr.write(
          `${run.stopped ? "stopped" : "done"}: ${run.records.length} of ${run.total} runs stored in ${db} (tournament ${run.id}${run.resumed ? `, ${run.resumed} resumed` : ""}) in ${seconds.toFixed(1)} s` +
            (run.stopped ? "; run the same command again to resume\n" : "\n"),
        );
        if (o.format === "json")
          process.stdout.write(
            `${JSON.stringify({ tournament: run.id, runs: run.records.length, total: run.total, complete: !run.stopped, agents: rows })}\n`,
          );
        else if (o.format === "csv")
          process.stdout.write(
            `${[COLUMNS.map(([, h]) => h).join(","), ...rows.map((r) => COLUMNS.map(([k]) => String(r[k])).join(","))].join("\n")}\n`,
          );
        else
          process.stdout.write(
            `${table(
              COLUMNS.map(([, h]) => h),
              rows.map((r) => [
                r.agent,
                fmtUtility(r.meanUtility),
                fmtPercent(r.agreementRate),
                fmtPercent(r.withinRedLinesRate),
                fmtUtility(r.meanDistanceToFrontier),
                fmtUtility(r.meanDistanceToNash),
                fmtUtility(r.meanWelfare),
                r.meanRounds.toFixed(1),
                String(r.runs),
              ]),
              // The terminal's width: headers wrap rather than lines run past it.
              { maxWidth: process.stdout.columns || 100 },
            )}\n`,
          );
        if (run.stopped) process.exitCode = 130;
      } finally {
        bar?.stop();
        await workspace.close();
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
