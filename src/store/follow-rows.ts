import type { CaseVersionEntry, FeedState } from "./store.js";

/**
 * The tables a followed case adds, the same in SQLite and PostgreSQL: feeds with their fetch
 * state, the feed entries stored (so an entry is fetched once, again only when it says it
 * changed), the near-duplicate index (each original's MinHash signature and its LSH band keys),
 * and the case's model versions.
 */
export const followSchema = (dialect: "sqlite" | "postgres") => `
  CREATE TABLE IF NOT EXISTS feeds (
    ${dialect === "postgres" ? "seq BIGSERIAL, " : ""}case_id TEXT NOT NULL, url TEXT NOT NULL, etag TEXT, last_modified TEXT, ttl_minutes INTEGER,
    next_fetch TEXT, failures INTEGER NOT NULL, last_status TEXT, last_error TEXT, last_fetched TEXT,
    PRIMARY KEY (case_id, url));
  CREATE TABLE IF NOT EXISTS feed_items (
    case_id TEXT NOT NULL, feed TEXT NOT NULL, key TEXT NOT NULL, updated TEXT, document TEXT,
    PRIMARY KEY (case_id, feed, key));
  CREATE TABLE IF NOT EXISTS near_duplicate_signatures (document TEXT PRIMARY KEY, signature ${dialect === "postgres" ? "BYTEA" : "BLOB"} NOT NULL);
  CREATE TABLE IF NOT EXISTS near_duplicate_bands (key ${dialect === "postgres" ? "BIGINT" : "INTEGER"} NOT NULL, document TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS near_duplicate_bands_key ON near_duplicate_bands(key);
  CREATE TABLE IF NOT EXISTS case_versions (
    case_id TEXT NOT NULL, version INTEGER NOT NULL, created TEXT NOT NULL, documents INTEGER NOT NULL, snapshot TEXT NOT NULL,
    PRIMARY KEY (case_id, version));`;

/** A feed's state as the values of an insert (case_id … last_fetched). */
export const feedRow = (f: FeedState) =>
  [
    f.caseId,
    f.url,
    f.etag,
    f.lastModified,
    f.ttlMinutes,
    f.nextFetch,
    f.failures,
    f.lastStatus,
    f.lastError,
    f.lastFetched,
  ] as const;

export function feedFromRow(r: Record<string, unknown>): FeedState {
  const s = (k: string) => (r[k] as string | null | undefined) ?? null;
  return {
    caseId: s("case_id")!,
    url: s("url")!,
    etag: s("etag"),
    lastModified: s("last_modified"),
    ttlMinutes: r["ttl_minutes"] == null ? null : Number(r["ttl_minutes"]),
    nextFetch: s("next_fetch"),
    failures: Number(r["failures"]),
    lastStatus: s("last_status"),
    lastError: s("last_error"),
    lastFetched: s("last_fetched"),
  };
}

export const caseVersionFromRow = (r: Record<string, unknown>): CaseVersionEntry => ({
  caseId: String(r["case_id"]),
  version: Number(r["version"]),
  created: String(r["created"]),
  documents: Number(r["documents"]),
});

/** The key a stored claim is found by: its subject · attribute (null for evidence that is no claim). */
export const claimKey = (kind: string, x: object): string | null =>
  kind === "claim" ? `${(x as { subject: string }).subject}|${(x as { attribute: string }).attribute}` : null;
