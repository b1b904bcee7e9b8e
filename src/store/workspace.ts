import Database from "better-sqlite3";
import { InputError } from "../errors.js";
import type { RunRecord } from "../negotiation/tournament.js";

/**
 * The SQLite workspace (`parley.db` by default): tournament runs are written as they finish,
 * one transaction per batch, so a stopped tournament resumes where it was.
 */
export class Workspace {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    try {
      this.db = new Database(file);
      this.db.pragma("journal_mode = WAL");
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS tournaments (id TEXT PRIMARY KEY, config TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tournament_runs (
          tournament TEXT NOT NULL REFERENCES tournaments(id),
          scenario INTEGER NOT NULL, agents TEXT NOT NULL, repetition INTEGER NOT NULL, seed INTEGER NOT NULL,
          agreement INTEGER NOT NULL, utilities TEXT NOT NULL, rounds INTEGER NOT NULL,
          distance_frontier REAL NOT NULL, distance_nash REAL NOT NULL, welfare REAL NOT NULL,
          PRIMARY KEY (tournament, scenario, agents, repetition));`);
    } catch (e) {
      throw new InputError([{ code: "store.open", file, message: `cannot use it as a workspace database: ${(e as Error).message}`, hint: "give --db a new file or an existing Parley workspace" }], { cause: e });
    }
  }

  /** Registers a tournament (idempotent) and returns the runs it already holds. */
  openTournament(id: string, config: unknown): RunRecord[] {
    this.db.prepare("INSERT OR IGNORE INTO tournaments (id, config, created) VALUES (?, ?, ?)").run(id, JSON.stringify(config), new Date().toISOString());
    return this.runs(id);
  }

  runs(id: string): RunRecord[] {
    const rows = this.db.prepare("SELECT * FROM tournament_runs WHERE tournament = ? ORDER BY scenario, agents, repetition").all(id) as Record<string, unknown>[];
    return rows.map((r) => ({
      scenario: r["scenario"] as number,
      agents: JSON.parse(r["agents"] as string) as string[],
      repetition: r["repetition"] as number,
      seed: r["seed"] as number,
      agreement: r["agreement"] === 1,
      utilities: JSON.parse(r["utilities"] as string) as number[],
      rounds: r["rounds"] as number,
      distanceToFrontier: r["distance_frontier"] as number,
      distanceToNash: r["distance_nash"] as number,
      welfare: r["welfare"] as number,
    }));
  }

  /** Stores a batch of runs in one transaction. */
  addRuns(id: string, records: readonly RunRecord[]): void {
    const insert = this.db.prepare(
      "INSERT OR REPLACE INTO tournament_runs VALUES (@tournament, @scenario, @agents, @repetition, @seed, @agreement, @utilities, @rounds, @df, @dn, @welfare)",
    );
    this.db.transaction(() => {
      for (const r of records)
        insert.run({ tournament: id, scenario: r.scenario, agents: JSON.stringify(r.agents), repetition: r.repetition, seed: r.seed, agreement: r.agreement ? 1 : 0, utilities: JSON.stringify(r.utilities), rounds: r.rounds, df: r.distanceToFrontier, dn: r.distanceToNash, welfare: r.welfare });
    })();
  }

  close(): void {
    this.db.close();
  }
}
