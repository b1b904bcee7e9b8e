import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, MOSCOW_CASE, ROOT } from "../domains.js";
import { type PostgresServer, startPostgres } from "../store/postgres-server.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";

// The same workspace on PostgreSQL (PARLEY_DATABASE_URL): the server opens the case in it, pool
// threads store ingests and tournament runs in it, and the CLI reads and writes the same one.

const postgres = await startPostgres();
if ("skipped" in postgres) {
  // Never silently: the reason is printed where the run's output shows it.
  console.warn(`PostgreSQL workspace test skipped: ${postgres.skipped}`);
  describe.skip("a workspace on PostgreSQL", () => it("needs a PostgreSQL server", () => undefined));
} else {
  const pg: PostgresServer = postgres;
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill("SIGKILL");
    pg.stop();
  });

  describe("a workspace on PostgreSQL", () => {
    it("serves the Moscow case, stores uploads and tournament runs, and is the CLI's workspace too", async () => {
      const env = { PARLEY_DATABASE_URL: pg.url };
      server = await startServerProcess(["--case", MOSCOW_CASE], env);
      expect(server.output()).toMatch(/workspace postgres:\/\/parley@127\.0\.0\.1:\d+\/postgres \(postgres\)/);
      const base = server.url;
      expect(await (await fetch(`${base}/api`)).json()).toMatchObject({
        store: "postgres",
        documents: 5,
        scenarios: ["moscow-2025-12"],
      });
      const analysis = (await (await fetch(`${base}/api/scenarios/moscow-2025-12/analysis`)).json()) as {
        explanation: { summary: string };
      };
      expect(analysis.explanation.summary).toMatch(/^No zone of agreement/);

      const form = new FormData();
      form.append(
        "file",
        new Blob([readFileSync(join(ROOT, "test", "fixtures", "articles", "harbour-talks.txt"))]),
        "harbour-talks.txt",
      );
      expect((await fetch(`${base}/api/documents`, { method: "POST", body: form })).status).toBe(201);

      await fetch(`${base}/api/scenarios?id=river`, {
        method: "POST",
        body: readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8"),
        headers: { "content-type": "application/yaml" },
      });
      const job = (await (
        await fetch(`${base}/api/tournaments`, {
          method: "POST",
          body: JSON.stringify({ scenarios: ["river"], agents: ["boulware", "conceder"], repetitions: 3 }),
          headers: { "content-type": "application/json" },
        })
      ).json()) as { id: string };
      const events = await (await fetch(`${base}/api/tournaments/${job.id}/events`)).text();
      expect(events).toMatch(/event: done\ndata: \{"id":"[0-9a-f]+","total":24,"runs":24,"complete":true/);

      // The CLI on the same workspace: it sees the six documents and stores into it.
      const evidence = spawnSync(process.execPath, [CLI, "evidence", "--json"], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
      expect(evidence.status, evidence.stderr).toBe(0);
      expect((JSON.parse(evidence.stdout) as { documents: unknown[] }).documents).toHaveLength(6);
      const ingest = spawnSync(
        process.execPath,
        [CLI, "ingest", join(ROOT, "test", "fixtures", "articles", "harbour-talks.html")],
        { encoding: "utf8", env: { ...process.env, ...env } },
      );
      expect(ingest.status, ingest.stderr).toBe(0);
      expect(ingest.stdout).toMatch(/^stored .*harbour-talks\.html/);
      expect(((await (await fetch(`${base}/api/documents`)).json()) as { total: number }).total).toBe(7);
    }, 120_000);
  });
}
