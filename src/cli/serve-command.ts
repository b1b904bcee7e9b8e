import type { Command } from "commander";
import { InputError } from "../errors.js";
import { integer } from "./options.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "Run the workspace server: the HTTP API (/api, /openapi.json, /docs) over the workspace, opening a case on start",
    )
    .option(
      "--host <address>",
      "address to listen on (HOST; beyond loopback, PARLEY_TOKEN is required)",
      // An empty HOST is no HOST (a blank in a service file must not mean some other address).
      process.env["HOST"]?.trim() || "127.0.0.1",
    )
    .option("--port <n>", "port (PORT, default 8080; 0 for any free one)", integer(0, "--port", 65535))
    .option(
      "--db <file>",
      "workspace database (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL for PostgreSQL)",
    )
    .option(
      "--case <dir>",
      "case folder to open on start: its scenario.yaml, case.yaml and corpus/ (default: the case package.json names)",
    )
    .option("--no-case", "open no case")
    .option("--threads <n>", "worker threads for analysis and ingest (default: cores − 1)", integer(1, "--threads"))
    .option("--log", "log every request and error as a JSON line on standard output")
    .action(
      async (o: {
        host: string;
        port?: number;
        db?: string;
        case: string | boolean;
        threads?: number;
        log?: boolean;
      }) => {
        let port = o.port;
        if (port === undefined) {
          try {
            port = integer(0, "PORT", 65535)(process.env["PORT"] ?? "8080");
          } catch (e) {
            throw new InputError([
              { code: "serve.port", field: "PORT", message: (e as Error).message, hint: "PORT=8080, or --port 8080" },
            ]);
          }
        }
        const [{ serve }, { defaultCase }] = await Promise.all([
          import("../server/serve.js"),
          import("../package-root.js"),
        ]);
        // The case shipped with Parley is named in package.json ("parley": {"defaultCase"}), not in the code.
        const caseDir = o.case === false ? undefined : typeof o.case === "string" ? o.case : defaultCase();
        const token = process.env["PARLEY_TOKEN"];
        const redis = process.env["PARLEY_REDIS"];
        const server = await serve({
          host: o.host,
          port,
          ...(o.db ? { db: o.db } : {}),
          ...(caseDir ? { caseDir } : {}),
          ...(token ? { token } : {}),
          ...(o.threads ? { threads: o.threads } : {}),
          ...(redis ? { redis } : {}),
          ...(o.log ? { logger: true } : {}),
          log: (line) => process.stderr.write(`parley: ${line}\n`),
        });
        const writes = token
          ? "  writes need the header Authorization: Bearer $PARLEY_TOKEN"
          : "  writes are taken from this machine only (no token; pages of other sites are refused)";
        process.stdout.write(
          `Parley is serving at ${server.url}\n  the API at ${server.url}/api, its docs at ${server.url}/docs\n${writes}\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        process.stderr.write("parley: stopping\n");
        await server.close();
      },
    );

  program
    .command("worker")
    .description(
      "Take tournament batches and followed feeds' articles from the Redis queues (PARLEY_REDIS) and store their runs and documents in the workspace, until stopped",
    )
    .option(
      "--db <file>",
      "workspace database (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL for PostgreSQL)",
    )
    .option(
      "--lock-ms <n>",
      "how long a batch stays with a worker that stopped answering before another takes it",
      integer(1000, "--lock-ms"),
      30_000,
    )
    .action(async (o: { db?: string; lockMs: number }) => {
      const redis = process.env["PARLEY_REDIS"];
      if (!redis)
        throw new InputError([
          {
            code: "worker.redis",
            field: "PARLEY_REDIS",
            message: "no Redis server given",
            hint: "PARLEY_REDIS=redis://host:6379 parley worker",
          },
        ]);
      const [{ runWorker }, { runArticleWorker }, { openStore, storeAddress, storeLocation }] = await Promise.all([
        import("../parallel/redis-batches.js"),
        import("../parallel/redis-articles.js"),
        import("../store/open-store.js"),
      ]);
      const store = await openStore(o.db);
      const controller = new AbortController();
      process.once("SIGINT", () => controller.abort());
      process.once("SIGTERM", () => controller.abort());
      process.stderr.write(
        `parley: worker taking tournament batches and feed articles from ${redis}, storing in ${storeLocation(o.db)}\n`,
      );
      const log = (line: string) => process.stdout.write(`${line}\n`);
      try {
        await Promise.all([
          runWorker(redis, store, storeAddress(o.db), { lockMs: o.lockMs, signal: controller.signal, log }),
          runArticleWorker(redis, store, { lockMs: o.lockMs, signal: controller.signal, log }),
        ]);
      } finally {
        await store.close();
      }
      process.stderr.write("parley: worker stopped\n");
      // A Redis client left reconnecting to a server that is gone would keep the process alive.
      process.exit(0);
    });
}
