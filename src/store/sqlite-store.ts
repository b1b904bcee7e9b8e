import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { InputError } from "../errors.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import { bandKeys } from "../evidence/minhash.js";
import type { RunRecord } from "../negotiation/tournament.js";
import { systemProblem } from "../system-errors.js";
import { documentFromRow, EDITABLE, META_COLUMNS, metaFromRow, TEXT_COLUMNS } from "./document-row.js";
import { caseVersionFromRow, claimKey, feedFromRow, feedRow, followSchema } from "./follow-rows.js";
import type {
  CaseVersion,
  CaseVersionEntry,
  DocumentEdit,
  DocumentEntry,
  DocumentMeta,
  ExpectedVersion,
  FeedState,
  PeopleOf,
  PutOutcome,
  ScenarioInput,
  ScenarioVersionEntry,
  SignaturesOf,
  SimulationEntry,
  Store,
  StoreAddress,
  StoredClaim,
  StoredEvidence,
  StoredScenario,
  TournamentEntry,
} from "./store.js";
import { whileBusy } from "./while-busy.js";

/**
 * The SQLite workspace: ingested documents with their evidence (one transaction per document)
 * and tournament runs (one transaction per batch, so a stopped tournament resumes where it was).
 * Opened for reading, it must exist and is never created or changed. Operations run at once;
 * they answer promises only to share the Store interface with PostgreSQL.
 */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly address: StoreAddress;
  private readonly db: Database.Database;

  constructor(
    readonly file: string,
    mode: "read" | "write" = "write",
  ) {
    this.address = { kind: "sqlite", file };
    if (mode === "read" && !existsSync(file))
      throw new InputError([
        {
          code: "store.missing",
          file,
          message: "no workspace database here",
          hint: `store articles first: parley ingest ARTICLES… --db ${file}`,
        },
      ]);
    try {
      if (mode === "write") mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file, mode === "read" ? { readonly: true, fileMustExist: true } : {});
      // Another process writing (a second ingest) makes this one wait, not fail.
      this.db.pragma("busy_timeout = 10000");
      const { dev, ino } = statSync(file);
      this.identity = { dev, ino };
      if (mode === "read") {
        whileBusy(() => this.db.prepare("SELECT 1 FROM documents LIMIT 1").all());
        return;
      }
      whileBusy(() => this.db.pragma("journal_mode = WAL"));
      // The schema is made (or brought up to date) under the write lock: two processes opening a new
      // workspace at once must not both add the same column.
      whileBusy(() =>
        this.db
          .transaction(() => {
            this.db.exec(`
            CREATE TABLE IF NOT EXISTS tournaments (id TEXT PRIMARY KEY, config TEXT NOT NULL, created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tournament_runs (
              tournament TEXT NOT NULL REFERENCES tournaments(id),
              scenario INTEGER NOT NULL, agents TEXT NOT NULL, repetition INTEGER NOT NULL, seed INTEGER NOT NULL,
              agreement INTEGER NOT NULL, utilities TEXT NOT NULL, rounds INTEGER NOT NULL,
              distance_frontier REAL NOT NULL, distance_nash REAL NOT NULL, welfare REAL NOT NULL,
              crosses INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (tournament, scenario, agents, repetition));
            CREATE TABLE IF NOT EXISTS documents (
              id TEXT PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
              published TEXT, published_source TEXT NOT NULL, text TEXT NOT NULL, duplicate_of TEXT, ingested TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS evidence (
              document TEXT NOT NULL REFERENCES documents(id), kind TEXT NOT NULL,
              start INTEGER NOT NULL, end INTEGER NOT NULL, data TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document);
            CREATE TABLE IF NOT EXISTS scenarios (id TEXT PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL, version INTEGER NOT NULL, updated TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS scenario_versions (id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (id, version));
            INSERT OR IGNORE INTO scenario_versions SELECT id, version, name, text, updated FROM scenarios;
            CREATE TABLE IF NOT EXISTS simulations (id TEXT PRIMARY KEY, scenario TEXT NOT NULL, config TEXT NOT NULL, result TEXT NOT NULL, created TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS simulations_scenario ON simulations(scenario);
            CREATE TABLE IF NOT EXISTS document_edits (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL REFERENCES documents(id),
              edit TEXT NOT NULL, edited TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS document_edits_document ON document_edits(document, seq);
            ${followSchema("sqlite")}`);
            // Added later: the full names each document gives (so adding a document never analyses the stored ones again).
            const columns = (this.db.prepare("PRAGMA table_info(documents)").all() as { name: string }[]).map(
              (c) => c.name,
            );
            if (!columns.includes("people")) this.db.exec("ALTER TABLE documents ADD COLUMN people TEXT");
            if (!columns.includes("url")) this.db.exec("ALTER TABLE documents ADD COLUMN url TEXT");
            if (!columns.includes("published_at")) this.db.exec("ALTER TABLE documents ADD COLUMN published_at TEXT");
            // Added later: a claim's subject · attribute, indexed, so a new document's claims meet the stored ones they concern.
            const evidenceColumns = (this.db.prepare("PRAGMA table_info(evidence)").all() as { name: string }[]).map(
              (c) => c.name,
            );
            if (!evidenceColumns.includes("claim_key")) {
              this.db.exec("ALTER TABLE evidence ADD COLUMN claim_key TEXT");
              this.db.exec(
                "UPDATE evidence SET claim_key = json_extract(data, '$.subject') || '|' || json_extract(data, '$.attribute') WHERE kind = 'claim'",
              );
            }
            this.db.exec(
              "CREATE INDEX IF NOT EXISTS evidence_claim_key ON evidence(claim_key) WHERE claim_key IS NOT NULL",
            );
            // Added later: whether a run's deal crosses a red line (runs stored before say it does not).
            const runColumns = (this.db.prepare("PRAGMA table_info(tournament_runs)").all() as { name: string }[]).map(
              (c) => c.name,
            );
            if (!runColumns.includes("crosses"))
              this.db.exec("ALTER TABLE tournament_runs ADD COLUMN crosses INTEGER NOT NULL DEFAULT 0");
          })
          .immediate(),
      );
    } catch (e) {
      if (e instanceof InputError) throw e;
      const known = systemProblem(e);
      throw new InputError(
        [
          known
            ? { ...known, file }
            : {
                code: "store.open",
                file,
                message: `cannot use it as a workspace database: ${(e as Error).message}`,
                hint: "give --db a new file or an existing Parley workspace",
              },
        ],
        { cause: e },
      );
    }
  }

  /** The database file's identity when opened: a file deleted or replaced under a running process is found by it. */
  private identity: { dev: number; ino: number } | undefined;

  /**
   * Refuses to go on when the file opened is no longer at its path (deleted, or replaced by
   * another): SQLite would keep writing into the unlinked file and acknowledge what is lost.
   */
  private checkSameFile(): void {
    const now = statSync(this.file, { throwIfNoEntry: false });
    if (this.identity && (!now || now.ino !== this.identity.ino || now.dev !== this.identity.dev)) {
      // SQLite's own code for this, so it is reported as SQLite would (system.sqlite_readonly_dbmoved).
      const moved: Error & { code?: string; parleyFile?: string } = new Error("the workspace database was replaced");
      moved.code = "SQLITE_READONLY_DBMOVED";
      moved.parleyFile = this.file;
      throw moved;
    }
  }

  /** Prepared statements by their SQL: preparing is most of a small query's cost. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * Runs a database operation (again while the database is busy, for up to 10 s); a full disk, a
   * read-only file or a database still busy becomes a clear error naming the file.
   */
  private guarded<T>(operation: () => T): T {
    try {
      this.checkSameFile();
      return whileBusy(operation);
    } catch (e) {
      const known = systemProblem(e);
      if (known) throw new InputError([{ ...known, file: this.file }], { cause: e });
      throw e;
    }
  }

  /** Registers a tournament (idempotent) and returns the runs it already holds. */
  async openTournament(id: string, config: unknown): Promise<RunRecord[]> {
    this.guarded(() =>
      this.statement("INSERT OR IGNORE INTO tournaments (id, config, created) VALUES (?, ?, ?)").run(
        id,
        JSON.stringify(config),
        new Date().toISOString(),
      ),
    );
    return this.runs(id);
  }

  async runs(id: string): Promise<RunRecord[]> {
    const rows = this.guarded(
      () =>
        this.statement("SELECT * FROM tournament_runs WHERE tournament = ? ORDER BY scenario, agents, repetition").all(
          id,
        ) as Record<string, unknown>[],
    );
    return rows.map((r) => ({
      scenario: r["scenario"] as number,
      agents: JSON.parse(r["agents"] as string) as string[],
      repetition: r["repetition"] as number,
      seed: r["seed"] as number,
      agreement: r["agreement"] === 1,
      crossesRedLine: r["crosses"] === 1,
      utilities: JSON.parse(r["utilities"] as string) as number[],
      rounds: r["rounds"] as number,
      distanceToFrontier: r["distance_frontier"] as number,
      distanceToNash: r["distance_nash"] as number,
      welfare: r["welfare"] as number,
    }));
  }

  /** Stores a batch of runs in one transaction. */
  async addRuns(id: string, records: readonly RunRecord[]): Promise<void> {
    const insert = this.statement(
      "INSERT OR REPLACE INTO tournament_runs (tournament, scenario, agents, repetition, seed, agreement, utilities, rounds, distance_frontier, distance_nash, welfare, crosses) VALUES (@tournament, @scenario, @agents, @repetition, @seed, @agreement, @utilities, @rounds, @df, @dn, @welfare, @crosses)",
    );
    this.guarded(() =>
      this.db.transaction(() => {
        for (const r of records)
          insert.run({
            tournament: id,
            scenario: r.scenario,
            agents: JSON.stringify(r.agents),
            repetition: r.repetition,
            seed: r.seed,
            agreement: r.agreement ? 1 : 0,
            utilities: JSON.stringify(r.utilities),
            rounds: r.rounds,
            df: r.distanceToFrontier,
            dn: r.distanceToNash,
            welfare: r.welfare,
            crosses: r.crossesRedLine ? 1 : 0,
          });
      })(),
    );
  }

  async document(id: string): Promise<EvidenceDocument | null> {
    const r = this.guarded(
      () => this.statement("SELECT * FROM documents WHERE id = ?").get(id) as Record<string, string | null> | undefined,
    );
    return r ? documentFromRow(r) : null;
  }

  async documentPage(offset: number, limit: number): Promise<{ total: number; items: DocumentMeta[] }> {
    const total = (this.guarded(() => this.statement("SELECT COUNT(*) AS n FROM documents").get()) as { n: number }).n;
    // Every column but the text, and the text's length in characters (code points).
    const rows = this.guarded(
      () =>
        this.statement(`SELECT ${META_COLUMNS}, ${TEXT_COLUMNS} FROM documents ORDER BY rowid LIMIT ? OFFSET ?`).all(
          limit,
          offset,
        ) as Record<string, string | number | null>[],
    );
    return { total, items: rows.map(metaFromRow) };
  }

  async editDocument(id: string, edit: DocumentEdit): Promise<DocumentMeta | null> {
    const fields = EDITABLE.filter((k) => edit[k] !== undefined);
    return this.guarded(() =>
      this.db
        .transaction(() => {
          if (!this.statement("SELECT 1 FROM documents WHERE id = ?").get(id)) return null;
          if (fields.length) {
            this.db
              .prepare(`UPDATE documents SET ${fields.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
              .run(...fields.map((k) => edit[k] ?? null), id);
            this.statement("INSERT INTO document_edits (document, edit, edited) VALUES (?, ?, ?)").run(
              id,
              JSON.stringify(edit),
              new Date().toISOString(),
            );
          }
          return metaFromRow(
            this.statement(`SELECT ${META_COLUMNS}, ${TEXT_COLUMNS} FROM documents WHERE id = ?`).get(id) as Record<
              string,
              unknown
            >,
          );
        })
        .immediate(),
    );
  }

  /** The stored documents' ids and names in storage order, without their texts. */
  async documentIndex(): Promise<DocumentEntry[]> {
    return this.guarded(
      () =>
        this.statement(
          "SELECT id, file, (SELECT MAX(seq) FROM document_edits e WHERE e.document = d.id) AS edited FROM documents d ORDER BY rowid",
        ).all() as DocumentEntry[],
    );
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.guarded(() => this.statement("SELECT 1 FROM documents WHERE id = ?").get(id) !== undefined);
  }

  /**
   * Stores a document, the full names it gives and all its evidence in one transaction that
   * takes the write lock first: a kill midway leaves either the whole document or none of it,
   * and of two processes storing the same content one stores it and the other finds it stored.
   * Returns false (and stores nothing) when the content is stored already.
   */
  async addDocument(
    e: DocumentEvidence,
    duplicateOf: string | null = null,
    people: readonly string[] = [],
    signature?: Uint32Array,
  ): Promise<boolean> {
    const d = e.document;
    const doc = this.statement(
      "INSERT OR IGNORE INTO documents (id, file, format, title, outlet, author, published, published_source, text, duplicate_of, ingested, people, url, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const row = this.statement(
      "INSERT INTO evidence (document, kind, start, end, data, claim_key) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const signed = this.statement("INSERT OR REPLACE INTO near_duplicate_signatures VALUES (?, ?)");
    const band = this.statement("INSERT INTO near_duplicate_bands VALUES (?, ?)");
    return this.guarded(() =>
      this.db
        .transaction(() => {
          const inserted =
            doc.run(
              d.id,
              d.file,
              d.format,
              d.title,
              d.outlet,
              d.author,
              d.published,
              d.publishedSource,
              d.text,
              duplicateOf,
              new Date().toISOString(),
              JSON.stringify(people),
              d.url ?? null,
              d.publishedAt ?? null,
            ).changes === 1;
          if (!inserted) return false;
          const put = (kind: string, items: readonly { start: number; end: number }[]) => {
            for (const x of items) row.run(d.id, kind, x.start, x.end, JSON.stringify(x), claimKey(kind, x));
          };
          // Only originals are indexed: a copy of a copy is found through its original.
          if (signature && !duplicateOf) {
            signed.run(d.id, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
            for (const key of bandKeys(signature)) band.run(key, d.id);
          }
          put("quote", e.quotes);
          put("date", e.dates);
          put("quantity", e.quantities);
          put("claim", e.claims);
          put(
            "actor",
            e.actors.flatMap((a) => a.mentions),
          );
          return true;
        })
        .immediate(),
    );
  }

  /** Documents stored before the names they give were kept. */
  private async documentsWithoutPeople(): Promise<EvidenceDocument[]> {
    const ids = new Set(
      this.guarded(() => this.statement("SELECT id FROM documents WHERE people IS NULL").all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
    return ids.size ? (await this.documents()).filter((d) => ids.has(d.id)) : [];
  }

  private setPeople(entries: readonly [id: string, people: readonly string[]][]): void {
    const update = this.statement("UPDATE documents SET people = ? WHERE id = ?");
    this.guarded(() =>
      this.db.transaction(() => entries.forEach(([id, people]) => update.run(JSON.stringify(people), id)))(),
    );
  }

  /** The full names the stored documents give, first mention first. */
  private people(): string[] {
    const rows = this.guarded(
      () => this.statement("SELECT people FROM documents ORDER BY rowid").all() as { people: string | null }[],
    );
    return [...new Set(rows.flatMap((r) => (r.people ? (JSON.parse(r.people) as string[]) : [])))];
  }

  async documents(): Promise<EvidenceDocument[]> {
    // In the order they were stored: duplicate flags depend on which copy came first.
    const rows = this.guarded(
      () => this.statement("SELECT * FROM documents ORDER BY rowid").all() as Record<string, string | null>[],
    );
    return rows.map(documentFromRow);
  }

  /** A document's stored evidence items, in the order they were stored. */
  async evidence(id: string): Promise<StoredEvidence[]> {
    const rows = this.guarded(
      () =>
        this.statement("SELECT kind, data FROM evidence WHERE document = ? ORDER BY rowid").all(id) as {
          kind: string;
          data: string;
        }[],
    );
    return rows.map((r) => ({
      kind: r.kind as StoredEvidence["kind"],
      data: JSON.parse(r.data) as StoredEvidence["data"],
    }));
  }

  async tournaments(): Promise<TournamentEntry[]> {
    const rows = this.guarded(
      () =>
        this.statement(
          "SELECT t.id, t.config, t.created, (SELECT COUNT(*) FROM tournament_runs r WHERE r.tournament = t.id) AS runs FROM tournaments t ORDER BY t.rowid",
        ).all() as { id: string; config: string; created: string; runs: number }[],
    );
    return rows.map((r) => ({ id: r.id, config: JSON.parse(r.config) as unknown, created: r.created, runs: r.runs }));
  }

  /** Creates a scenario under a new id; false (changing nothing) when the id is taken. */
  async createScenario(s: ScenarioInput): Promise<boolean> {
    return "version" in (await this.putScenario(s, "absent"));
  }

  /** Replaces a scenario's text (or creates it), keeping the version it replaces; see `Store.putScenario`. */
  async putScenario(s: ScenarioInput, expected?: ExpectedVersion): Promise<PutOutcome> {
    const updated = new Date().toISOString();
    return this.guarded(() =>
      // One immediate transaction: the check and the write see the same version.
      this.db
        .transaction((): PutOutcome => {
          const current =
            (this.statement("SELECT version FROM scenarios WHERE id = ?").get(s.id) as { version: number } | undefined)
              ?.version ?? null;
          if (expected !== undefined && (expected === "absent" ? current !== null : current !== expected))
            return { conflict: true, current };
          const version = (current ?? 0) + 1;
          this.statement(
            "INSERT INTO scenarios VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, text = excluded.text, version = excluded.version, updated = excluded.updated",
          ).run(s.id, s.name, s.text, version, updated);
          this.statement("INSERT INTO scenario_versions VALUES (?, ?, ?, ?, ?)").run(
            s.id,
            version,
            s.name,
            s.text,
            updated,
          );
          return { version, created: current === null, updated };
        })
        .immediate(),
    );
  }

  async scenarioVersions(id: string): Promise<ScenarioVersionEntry[]> {
    return this.guarded(
      () =>
        this.statement("SELECT version, name, updated FROM scenario_versions WHERE id = ? ORDER BY version").all(
          id,
        ) as ScenarioVersionEntry[],
    );
  }

  async scenarioAt(id: string, version: number): Promise<StoredScenario | null> {
    return this.guarded(
      () =>
        (this.statement("SELECT * FROM scenario_versions WHERE id = ? AND version = ?").get(id, version) as
          | StoredScenario
          | undefined) ?? null,
    );
  }

  async documentsVersion(): Promise<number> {
    return this.guarded(
      () =>
        (
          this.statement(
            "SELECT COALESCE(MAX(rowid), 0) + (SELECT COALESCE(MAX(seq), 0) FROM document_edits) AS v FROM documents",
          ).get() as { v: number }
        ).v,
    );
  }

  async scenarioVersion(id: string): Promise<number | null> {
    return this.guarded(
      () =>
        (this.statement("SELECT version FROM scenarios WHERE id = ?").get(id) as { version: number } | undefined)
          ?.version ?? null,
    );
  }

  async scenario(id: string): Promise<StoredScenario | null> {
    const r = this.guarded(
      () => this.statement("SELECT * FROM scenarios WHERE id = ?").get(id) as StoredScenario | undefined,
    );
    return r ?? null;
  }

  async scenarios(): Promise<StoredScenario[]> {
    return this.guarded(() => this.statement("SELECT * FROM scenarios ORDER BY rowid").all() as StoredScenario[]);
  }

  async addSimulation(s: SimulationEntry): Promise<void> {
    this.guarded(() =>
      this.statement("INSERT OR REPLACE INTO simulations VALUES (?, ?, ?, ?, ?)").run(
        s.id,
        s.scenario,
        JSON.stringify(s.config),
        JSON.stringify(s.result),
        s.created,
      ),
    );
  }

  async simulations(scenario: string): Promise<SimulationEntry[]> {
    const rows = this.guarded(
      () =>
        this.statement("SELECT * FROM simulations WHERE scenario = ? ORDER BY rowid").all(scenario) as Record<
          string,
          string
        >[],
    );
    return rows.map((r) => ({
      id: r["id"]!,
      scenario: r["scenario"]!,
      config: JSON.parse(r["config"]!) as unknown,
      result: JSON.parse(r["result"]!) as unknown,
      created: r["created"]!,
    }));
  }

  async evidenceCount(id: string): Promise<number> {
    return (this.statement("SELECT COUNT(*) AS n FROM evidence WHERE document = ?").get(id) as { n: number }).n;
  }

  async storedPeople(compute: PeopleOf): Promise<string[]> {
    const missing = await this.documentsWithoutPeople();
    if (missing.length) {
      const names = await compute(missing);
      this.setPeople(missing.map((d, i) => [d.id, names[i] ?? []]));
    }
    return this.people();
  }

  async nearDuplicateCandidates(keys: readonly number[]): Promise<DocumentEntry[]> {
    if (!keys.length) return [];
    const rows = this.guarded(
      () =>
        this.statement(
          `SELECT id, file FROM documents WHERE id IN (SELECT document FROM near_duplicate_bands WHERE key IN (${keys.map(() => "?").join(", ")})) ORDER BY rowid`,
        ).all(...keys) as { id: string; file: string }[],
    );
    return rows.map((r) => ({ id: r.id, file: r.file, edited: null }));
  }

  /** Whether this connection has indexed every original stored before it (what it stores later is indexed as stored). */
  private nearIndexed = false;

  async indexNearDuplicates(compute: SignaturesOf): Promise<number> {
    // The scan for unindexed originals runs once per connection, not once per document added.
    if (this.nearIndexed) return 0;
    const ids = new Set(
      this.guarded(
        () =>
          this.statement(
            "SELECT id FROM documents WHERE duplicate_of IS NULL AND id NOT IN (SELECT document FROM near_duplicate_signatures)",
          ).all() as { id: string }[],
      ).map((r) => r.id),
    );
    if (!ids.size) {
      this.nearIndexed = true;
      return 0;
    }
    const docs = (await this.documents()).filter((d) => ids.has(d.id));
    const signatures = await compute(docs);
    const signed = this.statement("INSERT OR REPLACE INTO near_duplicate_signatures VALUES (?, ?)");
    const band = this.statement("INSERT INTO near_duplicate_bands VALUES (?, ?)");
    this.guarded(() =>
      this.db.transaction(() =>
        docs.forEach((d, i) => {
          const sig = signatures[i]!;
          signed.run(d.id, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength));
          for (const key of bandKeys(sig)) band.run(key, d.id);
        }),
      )(),
    );
    this.nearIndexed = true;
    return docs.length;
  }

  async claimsAbout(keys: readonly string[]): Promise<StoredClaim[]> {
    if (!keys.length) return [];
    const rows = this.guarded(
      () =>
        this.statement(
          `SELECT e.data AS data, d.file AS file FROM evidence e JOIN documents d ON d.id = e.document WHERE e.claim_key IN (${keys.map(() => "?").join(", ")}) ORDER BY d.rowid`,
        ).all(...keys) as { data: string; file: string }[],
    );
    return rows.map((r) => ({ ...(JSON.parse(r.data) as object), file: r.file }) as StoredClaim);
  }

  async feeds(caseId: string): Promise<FeedState[]> {
    const rows = this.guarded(
      () =>
        this.statement("SELECT * FROM feeds WHERE case_id = ? ORDER BY rowid").all(caseId) as Record<string, unknown>[],
    );
    return rows.map(feedFromRow);
  }

  async saveFeed(f: FeedState): Promise<void> {
    this.guarded(() =>
      this.statement(
        `INSERT INTO feeds (case_id, url, etag, last_modified, ttl_minutes, next_fetch, failures, last_status, last_error, last_fetched)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (case_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           ttl_minutes = excluded.ttl_minutes, next_fetch = excluded.next_fetch, failures = excluded.failures,
           last_status = excluded.last_status, last_error = excluded.last_error, last_fetched = excluded.last_fetched`,
      ).run(...feedRow(f)),
    );
  }

  async feedItems(caseId: string, url: string): Promise<Map<string, string | null>> {
    const rows = this.guarded(
      () =>
        this.statement("SELECT key, updated FROM feed_items WHERE case_id = ? AND feed = ?").all(caseId, url) as {
          key: string;
          updated: string | null;
        }[],
    );
    return new Map(rows.map((r) => [r.key, r.updated]));
  }

  async markFeedItem(
    caseId: string,
    url: string,
    key: string,
    updated: string | null,
    document: string | null,
  ): Promise<void> {
    this.guarded(() =>
      this.statement(
        `INSERT INTO feed_items (case_id, feed, key, updated, document) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id, feed, key) DO UPDATE SET updated = excluded.updated, document = excluded.document`,
      ).run(caseId, url, key, updated, document),
    );
  }

  async addCaseVersion(caseId: string, documents: number, snapshot: unknown): Promise<CaseVersionEntry> {
    const created = new Date().toISOString();
    return this.guarded(() =>
      this.db
        .transaction(() => {
          const { v } = this.statement(
            "SELECT COALESCE(MAX(version), 0) + 1 AS v FROM case_versions WHERE case_id = ?",
          ).get(caseId) as { v: number };
          this.statement(
            "INSERT INTO case_versions (case_id, version, created, documents, snapshot) VALUES (?, ?, ?, ?, ?)",
          ).run(caseId, v, created, documents, JSON.stringify(snapshot));
          return { caseId, version: v, created, documents };
        })
        .immediate(),
    );
  }

  async caseVersions(caseId: string): Promise<CaseVersionEntry[]> {
    const rows = this.guarded(
      () =>
        this.statement(
          "SELECT case_id, version, created, documents FROM case_versions WHERE case_id = ? ORDER BY version",
        ).all(caseId) as Record<string, unknown>[],
    );
    return rows.map(caseVersionFromRow);
  }

  async caseVersion(caseId: string, version: number): Promise<CaseVersion | null> {
    const r = this.guarded(
      () =>
        this.statement("SELECT * FROM case_versions WHERE case_id = ? AND version = ?").get(caseId, version) as
          | Record<string, unknown>
          | undefined,
    );
    return r ? { ...caseVersionFromRow(r), snapshot: JSON.parse(r["snapshot"] as string) } : null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
