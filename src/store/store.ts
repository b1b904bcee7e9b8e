import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import type { RunRecord } from "../negotiation/tournament.js";

/**
 * A workspace's storage: documents with their evidence, tournaments with their runs. One
 * interface, two implementations — SQLite (embedded, the default) and PostgreSQL (a team's
 * server) — held to one conformance suite. Every write is one transaction: a document is stored
 * whole or not at all, and the same content twice is stored once.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Stores a document and its evidence; false (storing nothing) when the content is stored already. */
  addDocument(e: DocumentEvidence, duplicateOf?: string | null, people?: readonly string[]): Promise<boolean>;
  hasDocument(id: string): Promise<boolean>;
  /** In the order they were stored. */
  documents(): Promise<EvidenceDocument[]>;
  evidenceCount(id: string): Promise<number>;
  /** Registers a tournament (idempotent) and returns the runs it already holds. */
  openTournament(id: string, config: unknown): Promise<RunRecord[]>;
  addRuns(id: string, records: readonly RunRecord[]): Promise<void>;
  runs(id: string): Promise<RunRecord[]>;
  close(): Promise<void>;
}
