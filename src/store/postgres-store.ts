import pg from "pg";
import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import { bandKeys } from "../evidence/minhash.js";
import type { RunRecord } from "../negotiation/tournament.js";
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

/** The schema: the SQLite workspace's tables, with a sequence keeping the order documents were stored in. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tournaments (id TEXT PRIMARY KEY, config TEXT NOT NULL, created TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS tournament_runs (
    tournament TEXT NOT NULL REFERENCES tournaments(id),
    scenario INTEGER NOT NULL, agents TEXT NOT NULL, repetition INTEGER NOT NULL, seed BIGINT NOT NULL,
    agreement BOOLEAN NOT NULL, utilities TEXT NOT NULL, rounds INTEGER NOT NULL,
    distance_frontier DOUBLE PRECISION NOT NULL, distance_nash DOUBLE PRECISION NOT NULL, welfare DOUBLE PRECISION NOT NULL,
    crosses BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tournament, scenario, agents, repetition));
  CREATE TABLE IF NOT EXISTS documents (
    seq BIGSERIAL, id TEXT PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
    published TEXT, published_source TEXT NOT NULL, text TEXT NOT NULL, duplicate_of TEXT, ingested TEXT NOT NULL,
    people TEXT, url TEXT, published_at TEXT);
  CREATE TABLE IF NOT EXISTS evidence (
    document TEXT NOT NULL REFERENCES documents(id), kind TEXT NOT NULL,
    start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document);
  ALTER TABLE evidence ADD COLUMN IF NOT EXISTS seq BIGSERIAL;
  ALTER TABLE tournaments ADD COLUMN IF NOT EXISTS seq BIGSERIAL;
  CREATE TABLE IF NOT EXISTS scenarios (seq BIGSERIAL, id TEXT PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL, version INTEGER NOT NULL, updated TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS scenario_versions (id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (id, version));
  INSERT INTO scenario_versions SELECT id, version, name, text, updated FROM scenarios ON CONFLICT DO NOTHING;
  CREATE TABLE IF NOT EXISTS simulations (seq BIGSERIAL, id TEXT PRIMARY KEY, scenario TEXT NOT NULL, config TEXT NOT NULL, result TEXT NOT NULL, created TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS simulations_scenario ON simulations(scenario);
  ALTER TABLE tournament_runs ADD COLUMN IF NOT EXISTS crosses BOOLEAN NOT NULL DEFAULT false;
  CREATE TABLE IF NOT EXISTS document_edits (
    seq BIGSERIAL PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id), edit TEXT NOT NULL, edited TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS document_edits_document ON document_edits(document, seq);
  ${followSchema("postgres")}
  ALTER TABLE evidence ADD COLUMN IF NOT EXISTS claim_key TEXT;
  UPDATE evidence SET claim_key = (data::json->>'subject') || '|' || (data::json->>'attribute') WHERE kind = 'claim' AND claim_key IS NULL;
  CREATE INDEX IF NOT EXISTS evidence_claim_key ON evidence(claim_key) WHERE claim_key IS NOT NULL;`;

/** Stores an original's signature and its band keys (in the transaction given). */
async function index(c: pg.PoolClient, id: string, sig: Uint32Array): Promise<void> {
  await c.query("INSERT INTO near_duplicate_signatures VALUES ($1, $2) ON CONFLICT (document) DO NOTHING", [
    id,
    Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength),
  ]);
  const keys = bandKeys(sig);
  if (keys.length) await c.query("INSERT INTO near_duplicate_bands SELECT unnest($1::bigint[]), $2", [keys, id]);
}

/** Any fixed number: the advisory lock under which one process at a time makes the schema. */
const SCHEMA_LOCK = 0x7061726c;

/** A team's store on PostgreSQL (`PARLEY_DATABASE_URL=postgres://…`): the same contract as the SQLite one. */
export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly address: StoreAddress;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.address = { kind: "postgres", url };
  }

  /** Connects and makes (or finds) the schema; two processes starting at once both succeed. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [SCHEMA_LOCK]);
      await client.query(SCHEMA);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [SCHEMA_LOCK]).catch(() => undefined);
      client.release();
    }
    return new PostgresStore(pool, url);
  }

  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      const out = await work(c);
      await c.query("COMMIT");
      return out;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async addDocument(
    e: DocumentEvidence,
    duplicateOf: string | null = null,
    people: readonly string[] = [],
    signature?: Uint32Array,
  ): Promise<boolean> {
    const d = e.document;
    return this.transaction(async (c) => {
      const inserted = await c.query(
        `INSERT INTO documents (id, file, format, title, outlet, author, published, published_source, text, duplicate_of, ingested, people, url, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
        [
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
        ],
      );
      if (inserted.rowCount !== 1) return false;
      const rows: [string, { start: number; end: number }][] = [
        ...e.quotes.map((x) => ["quote", x] as [string, typeof x]),
        ...e.dates.map((x) => ["date", x] as [string, typeof x]),
        ...e.quantities.map((x) => ["quantity", x] as [string, typeof x]),
        ...e.claims.map((x) => ["claim", x] as [string, typeof x]),
        ...e.actors.flatMap((a) => a.mentions).map((x) => ["actor", x] as [string, typeof x]),
      ];
      // In slices, so one statement's parameters stay well under the protocol's limit.
      for (let i = 0; i < rows.length; i += 1000) {
        const slice = rows.slice(i, i + 1000);
        await c.query(
          `INSERT INTO evidence (document, kind, start_at, end_at, data, claim_key) VALUES ${slice.map((_, k) => `($${6 * k + 1}, $${6 * k + 2}, $${6 * k + 3}, $${6 * k + 4}, $${6 * k + 5}, $${6 * k + 6})`).join(", ")}`,
          slice.flatMap(([kind, x]) => [d.id, kind, x.start, x.end, JSON.stringify(x), claimKey(kind, x)]),
        );
      }
      // Only originals are indexed: a copy of a copy is found through its original.
      if (signature && !duplicateOf) await index(c, d.id, signature);
      return true;
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return ((await this.pool.query("SELECT 1 FROM documents WHERE id = $1", [id])).rowCount ?? 0) > 0;
  }

  async documents(): Promise<EvidenceDocument[]> {
    const { rows } = await this.pool.query<Record<string, string | null>>("SELECT * FROM documents ORDER BY seq");
    return rows.map(documentFromRow);
  }

  async document(id: string): Promise<EvidenceDocument | null> {
    const { rows } = await this.pool.query<Record<string, string | null>>("SELECT * FROM documents WHERE id = $1", [
      id,
    ]);
    return rows[0] ? documentFromRow(rows[0]) : null;
  }

  async editDocument(id: string, edit: DocumentEdit): Promise<DocumentMeta | null> {
    const fields = EDITABLE.filter((k) => edit[k] !== undefined);
    return this.transaction(async (c) => {
      // The row locked: two edits of one document apply one after the other.
      if (!(await c.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [id])).rowCount) return null;
      if (fields.length) {
        await c.query(`UPDATE documents SET ${fields.map((k, i) => `${k} = $${i + 2}`).join(", ")} WHERE id = $1`, [
          id,
          ...fields.map((k) => edit[k] ?? null),
        ]);
        await c.query("INSERT INTO document_edits (document, edit, edited) VALUES ($1, $2, $3)", [
          id,
          JSON.stringify(edit),
          new Date().toISOString(),
        ]);
      }
      const r = await c.query(`SELECT ${META_COLUMNS}, ${TEXT_COLUMNS} FROM documents WHERE id = $1`, [id]);
      return metaFromRow(r.rows[0] as Record<string, unknown>);
    });
  }

  async documentPage(offset: number, limit: number): Promise<{ total: number; items: DocumentMeta[] }> {
    const total = Number((await this.pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM documents")).rows[0]!.n);
    const { rows } = await this.pool.query(
      `SELECT ${META_COLUMNS}, ${TEXT_COLUMNS} FROM documents ORDER BY seq LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { total, items: rows.map(metaFromRow) };
  }

  async documentIndex(): Promise<DocumentEntry[]> {
    const rows = (
      await this.pool.query<{ id: string; file: string; edited: string | null }>(
        "SELECT id, file, (SELECT MAX(seq) FROM document_edits e WHERE e.document = d.id) AS edited FROM documents d ORDER BY seq",
      )
    ).rows;
    return rows.map((r) => ({ ...r, edited: r.edited === null ? null : Number(r.edited) }));
  }

  async evidenceCount(id: string): Promise<number> {
    return Number(
      (await this.pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM evidence WHERE document = $1", [id])).rows[0]!.n,
    );
  }

  async evidence(id: string): Promise<StoredEvidence[]> {
    const { rows } = await this.pool.query<{ kind: string; data: string }>(
      "SELECT kind, data FROM evidence WHERE document = $1 ORDER BY seq",
      [id],
    );
    return rows.map((r) => ({
      kind: r.kind as StoredEvidence["kind"],
      data: JSON.parse(r.data) as StoredEvidence["data"],
    }));
  }

  async nearDuplicateCandidates(keys: readonly number[]): Promise<DocumentEntry[]> {
    if (!keys.length) return [];
    // Two lookups by index (bands by key, then documents by id): a join may be planned as a scan of every document.
    const bands = await this.pool.query<{ document: string }>(
      "SELECT DISTINCT document FROM near_duplicate_bands WHERE key = ANY($1::bigint[])",
      [keys],
    );
    if (!bands.rows.length) return [];
    const { rows } = await this.pool.query<{ id: string; file: string }>(
      "SELECT id, file FROM documents WHERE id = ANY($1::text[]) ORDER BY seq",
      [bands.rows.map((r) => r.document)],
    );
    return rows.map((r) => ({ id: r.id, file: r.file, edited: null }));
  }

  /** Whether this connection has indexed every original stored before it (what it stores later is indexed as stored). */
  private nearIndexed = false;

  async indexNearDuplicates(compute: SignaturesOf): Promise<number> {
    // The scan for unindexed originals runs once per connection, not once per document added.
    if (this.nearIndexed) return 0;
    const missing = new Set(
      (
        await this.pool.query<{ id: string }>(
          "SELECT id FROM documents WHERE duplicate_of IS NULL AND id NOT IN (SELECT document FROM near_duplicate_signatures)",
        )
      ).rows.map((r) => r.id),
    );
    if (!missing.size) {
      this.nearIndexed = true;
      return 0;
    }
    const docs = (await this.documents()).filter((d) => missing.has(d.id));
    const signatures = await compute(docs);
    await this.transaction(async (c) => {
      for (const [i, d] of docs.entries()) await index(c, d.id, signatures[i]!);
    });
    this.nearIndexed = true;
    return docs.length;
  }

  async claimsAbout(keys: readonly string[]): Promise<StoredClaim[]> {
    if (!keys.length) return [];
    // By index twice (claims by key, then their documents by id), never a scan of every document.
    const claims = await this.pool.query<{ data: string; document: string }>(
      "SELECT data, document FROM evidence WHERE claim_key = ANY($1::text[]) ORDER BY seq",
      [keys],
    );
    if (!claims.rows.length) return [];
    const docs = await this.pool.query<{ id: string; file: string; seq: string }>(
      "SELECT id, file, seq FROM documents WHERE id = ANY($1::text[])",
      [[...new Set(claims.rows.map((r) => r.document))]],
    );
    const of = new Map(docs.rows.map((d) => [d.id, d]));
    return claims.rows
      .map((r) => ({ r, d: of.get(r.document)! }))
      .sort((a, b) => Number(a.d.seq) - Number(b.d.seq))
      .map(({ r, d }) => ({ ...(JSON.parse(r.data) as object), file: d.file }) as StoredClaim);
  }

  async storedPeople(compute: PeopleOf): Promise<string[]> {
    const missing = new Set(
      (await this.pool.query<{ id: string }>("SELECT id FROM documents WHERE people IS NULL")).rows.map((r) => r.id),
    );
    if (missing.size) {
      const docs = (await this.documents()).filter((d) => missing.has(d.id));
      const names = await compute(docs);
      await this.transaction(async (c) => {
        for (const [i, d] of docs.entries())
          await c.query("UPDATE documents SET people = $1 WHERE id = $2", [JSON.stringify(names[i] ?? []), d.id]);
      });
    }
    const { rows } = await this.pool.query<{ people: string | null }>("SELECT people FROM documents ORDER BY seq");
    return [...new Set(rows.flatMap((r) => (r.people ? (JSON.parse(r.people) as string[]) : [])))];
  }

  async createScenario(s: ScenarioInput): Promise<boolean> {
    return "version" in (await this.putScenario(s, "absent"));
  }

  async putScenario(s: ScenarioInput, expected?: ExpectedVersion): Promise<PutOutcome> {
    const updated = new Date().toISOString();
    return this.transaction(async (c): Promise<PutOutcome> => {
      // Writers of one id take turns (a row lock cannot hold a scenario that does not exist yet).
      await c.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [SCHEMA_LOCK, s.id]);
      const current =
        (await c.query<{ version: number }>("SELECT version FROM scenarios WHERE id = $1", [s.id])).rows[0]?.version ??
        null;
      if (expected !== undefined && (expected === "absent" ? current !== null : current !== expected))
        return { conflict: true, current };
      const version = (current ?? 0) + 1;
      await c.query(
        `INSERT INTO scenarios (id, name, text, version, updated) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, text = EXCLUDED.text, version = EXCLUDED.version, updated = EXCLUDED.updated`,
        [s.id, s.name, s.text, version, updated],
      );
      await c.query("INSERT INTO scenario_versions (id, version, name, text, updated) VALUES ($1, $2, $3, $4, $5)", [
        s.id,
        version,
        s.name,
        s.text,
        updated,
      ]);
      return { version, created: current === null, updated };
    });
  }

  async scenarioVersions(id: string): Promise<ScenarioVersionEntry[]> {
    return (
      await this.pool.query<ScenarioVersionEntry>(
        "SELECT version, name, updated FROM scenario_versions WHERE id = $1 ORDER BY version",
        [id],
      )
    ).rows;
  }

  async scenarioAt(id: string, version: number): Promise<StoredScenario | null> {
    const { rows } = await this.pool.query<StoredScenario>(
      "SELECT id, name, text, version, updated FROM scenario_versions WHERE id = $1 AND version = $2",
      [id, version],
    );
    return rows[0] ?? null;
  }

  async documentsVersion(): Promise<number> {
    return Number(
      (
        await this.pool.query<{ v: string }>(
          "SELECT COALESCE(MAX(seq), 0) + (SELECT COALESCE(MAX(seq), 0) FROM document_edits) AS v FROM documents",
        )
      ).rows[0]!.v,
    );
  }

  async scenarioVersion(id: string): Promise<number | null> {
    return (
      (await this.pool.query<{ version: number }>("SELECT version FROM scenarios WHERE id = $1", [id])).rows[0]
        ?.version ?? null
    );
  }

  async scenario(id: string): Promise<StoredScenario | null> {
    const { rows } = await this.pool.query<StoredScenario>(
      "SELECT id, name, text, version, updated FROM scenarios WHERE id = $1",
      [id],
    );
    return rows[0] ?? null;
  }

  async scenarios(): Promise<StoredScenario[]> {
    return (
      await this.pool.query<StoredScenario>("SELECT id, name, text, version, updated FROM scenarios ORDER BY seq")
    ).rows;
  }

  async addSimulation(s: SimulationEntry): Promise<void> {
    await this.pool.query(
      "INSERT INTO simulations (id, scenario, config, result, created) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, result = EXCLUDED.result, created = EXCLUDED.created",
      [s.id, s.scenario, JSON.stringify(s.config), JSON.stringify(s.result), s.created],
    );
  }

  async simulations(scenario: string): Promise<SimulationEntry[]> {
    const { rows } = await this.pool.query<Record<string, string>>(
      "SELECT id, scenario, config, result, created FROM simulations WHERE scenario = $1 ORDER BY seq",
      [scenario],
    );
    return rows.map((r) => ({
      id: r["id"]!,
      scenario: r["scenario"]!,
      config: JSON.parse(r["config"]!) as unknown,
      result: JSON.parse(r["result"]!) as unknown,
      created: r["created"]!,
    }));
  }

  async tournaments(): Promise<TournamentEntry[]> {
    const { rows } = await this.pool.query<{ id: string; config: string; created: string; runs: string }>(
      "SELECT t.id, t.config, t.created, (SELECT COUNT(*) FROM tournament_runs r WHERE r.tournament = t.id) AS runs FROM tournaments t ORDER BY t.seq",
    );
    return rows.map((r) => ({
      id: r.id,
      config: JSON.parse(r.config) as unknown,
      created: r.created,
      runs: Number(r.runs),
    }));
  }

  async openTournament(id: string, config: unknown): Promise<RunRecord[]> {
    await this.pool.query(
      "INSERT INTO tournaments (id, config, created) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
      [id, JSON.stringify(config), new Date().toISOString()],
    );
    return this.runs(id);
  }

  async addRuns(id: string, records: readonly RunRecord[]): Promise<void> {
    await this.transaction(async (c) => {
      for (const r of records)
        await c.query(
          `INSERT INTO tournament_runs (tournament, scenario, agents, repetition, seed, agreement, utilities, rounds, distance_frontier, distance_nash, welfare, crosses)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (tournament, scenario, agents, repetition) DO UPDATE SET seed = EXCLUDED.seed, agreement = EXCLUDED.agreement, utilities = EXCLUDED.utilities,
             rounds = EXCLUDED.rounds, distance_frontier = EXCLUDED.distance_frontier, distance_nash = EXCLUDED.distance_nash, welfare = EXCLUDED.welfare, crosses = EXCLUDED.crosses`,
          [
            id,
            r.scenario,
            JSON.stringify(r.agents),
            r.repetition,
            r.seed,
            r.agreement,
            JSON.stringify(r.utilities),
            r.rounds,
            r.distanceToFrontier,
            r.distanceToNash,
            r.welfare,
            r.crossesRedLine,
          ],
        );
    });
  }

  async runs(id: string): Promise<RunRecord[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      'SELECT * FROM tournament_runs WHERE tournament = $1 ORDER BY scenario, agents COLLATE "C", repetition',
      [id],
    );
    return rows.map((r) => ({
      scenario: r["scenario"] as number,
      agents: JSON.parse(r["agents"] as string) as string[],
      repetition: r["repetition"] as number,
      seed: Number(r["seed"]),
      agreement: r["agreement"] as boolean,
      crossesRedLine: r["crosses"] as boolean,
      utilities: JSON.parse(r["utilities"] as string) as number[],
      rounds: r["rounds"] as number,
      distanceToFrontier: r["distance_frontier"] as number,
      distanceToNash: r["distance_nash"] as number,
      welfare: r["welfare"] as number,
    }));
  }

  async feeds(caseId: string): Promise<FeedState[]> {
    const { rows } = await this.pool.query("SELECT * FROM feeds WHERE case_id = $1 ORDER BY seq", [caseId]);
    return rows.map(feedFromRow);
  }

  async saveFeed(f: FeedState): Promise<void> {
    await this.pool.query(
      `INSERT INTO feeds (case_id, url, etag, last_modified, ttl_minutes, next_fetch, failures, last_status, last_error, last_fetched)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (case_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         ttl_minutes = excluded.ttl_minutes, next_fetch = excluded.next_fetch, failures = excluded.failures,
         last_status = excluded.last_status, last_error = excluded.last_error, last_fetched = excluded.last_fetched`,
      [...feedRow(f)],
    );
  }

  async feedItems(caseId: string, url: string): Promise<Map<string, string | null>> {
    const { rows } = await this.pool.query("SELECT key, updated FROM feed_items WHERE case_id = $1 AND feed = $2", [
      caseId,
      url,
    ]);
    return new Map(rows.map((r) => [r.key as string, (r.updated as string | null) ?? null]));
  }

  async markFeedItem(
    caseId: string,
    url: string,
    key: string,
    updated: string | null,
    document: string | null,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO feed_items (case_id, feed, key, updated, document) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, feed, key) DO UPDATE SET updated = excluded.updated, document = excluded.document`,
      [caseId, url, key, updated, document],
    );
  }

  async addCaseVersion(caseId: string, documents: number, snapshot: unknown): Promise<CaseVersionEntry> {
    const created = new Date().toISOString();
    return this.transaction(async (c) => {
      // One writer at a time per case: the next number is read and taken under the same lock.
      await c.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`case_versions:${caseId}`]);
      const { rows } = await c.query(
        "SELECT COALESCE(MAX(version), 0) + 1 AS v FROM case_versions WHERE case_id = $1",
        [caseId],
      );
      const version = Number(rows[0].v);
      await c.query(
        "INSERT INTO case_versions (case_id, version, created, documents, snapshot) VALUES ($1, $2, $3, $4, $5)",
        [caseId, version, created, documents, JSON.stringify(snapshot)],
      );
      return { caseId, version, created, documents };
    });
  }

  async caseVersions(caseId: string): Promise<CaseVersionEntry[]> {
    const { rows } = await this.pool.query(
      "SELECT case_id, version, created, documents FROM case_versions WHERE case_id = $1 ORDER BY version",
      [caseId],
    );
    return rows.map(caseVersionFromRow);
  }

  async caseVersion(caseId: string, version: number): Promise<CaseVersion | null> {
    const { rows } = await this.pool.query("SELECT * FROM case_versions WHERE case_id = $1 AND version = $2", [
      caseId,
      version,
    ]);
    const r = rows[0];
    return r ? { ...caseVersionFromRow(r), snapshot: JSON.parse(r.snapshot as string) } : null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
