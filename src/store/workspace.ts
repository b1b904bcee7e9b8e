import Database from "better-sqlite3";
import { InputError } from "../errors.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import type { RunRecord } from "../negotiation/tournament.js";

/**
 * The SQLite workspace (`parley.db` by default): ingested documents with their evidence (one
 * transaction per document) and tournament runs (one transaction per batch, so a stopped
 * tournament resumes where it was).
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
          PRIMARY KEY (tournament, scenario, agents, repetition));
        CREATE TABLE IF NOT EXISTS documents (
          id TEXT PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
          published TEXT, published_source TEXT NOT NULL, text TEXT NOT NULL, duplicate_of TEXT, ingested TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS evidence (
          document TEXT NOT NULL REFERENCES documents(id), kind TEXT NOT NULL,
          start INTEGER NOT NULL, end INTEGER NOT NULL, data TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document);`);
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

  hasDocument(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM documents WHERE id = ?").get(id) !== undefined;
  }

  /**
   * Stores a document and all its evidence in one transaction: a kill midway leaves either the
   * whole document or none of it. Returns false (and stores nothing) when the content is stored already.
   */
  addDocument(e: DocumentEvidence, duplicateOf: string | null = null): boolean {
    const d = e.document;
    if (this.hasDocument(d.id)) return false;
    const doc = this.db.prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const row = this.db.prepare("INSERT INTO evidence VALUES (?, ?, ?, ?, ?)");
    this.db.transaction(() => {
      doc.run(d.id, d.file, d.format, d.title, d.outlet, d.author, d.published, d.publishedSource, d.text, duplicateOf, new Date().toISOString());
      const put = (kind: string, items: readonly { start: number; end: number }[]) => {
        for (const x of items) row.run(d.id, kind, x.start, x.end, JSON.stringify(x));
      };
      put("quote", e.quotes);
      put("date", e.dates);
      put("quantity", e.quantities);
      put("claim", e.claims);
      put("actor", e.actors.flatMap((a) => a.mentions));
    })();
    return true;
  }

  documents(): EvidenceDocument[] {
    const rows = this.db.prepare("SELECT * FROM documents ORDER BY ingested, file").all() as Record<string, string | null>[];
    return rows.map((r) => ({
      id: r["id"]!,
      file: r["file"]!,
      format: r["format"] as EvidenceDocument["format"],
      title: r["title"] ?? null,
      outlet: r["outlet"] ?? null,
      author: r["author"] ?? null,
      published: r["published"] ?? null,
      publishedSource: r["published_source"] as EvidenceDocument["publishedSource"],
      text: r["text"]!,
    }));
  }

  evidenceCount(id: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM evidence WHERE document = ?").get(id) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
