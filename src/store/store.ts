import type { Claim } from "../evidence/claims.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import type { RunRecord } from "../negotiation/tournament.js";

/** Where a workspace is stored, as plain data a worker thread or another process can open too. */
export type StoreAddress =
  | { readonly kind: "sqlite"; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string };

/** A stored document without its text: what it is, and how long. */
export type DocumentMeta = Omit<EvidenceDocument, "text"> & {
  readonly characters: number;
  /** The text's opening: a source with no title is named by its first words. */
  readonly lede: string;
};

/** A stored document's id, the name citations use for it, and its latest edit (null: never edited). */
export interface DocumentEntry {
  readonly id: string;
  readonly file: string;
  readonly edited: number | null;
}

/** What an analyst may set of a stored document's source: a field given null is cleared ("not stated"). */
export interface DocumentEdit {
  readonly title?: string | null | undefined;
  readonly outlet?: string | null | undefined;
  readonly author?: string | null | undefined;
}

/** The full names each of some documents gives. */
export type PeopleOf = (
  docs: readonly EvidenceDocument[],
) => Promise<readonly (readonly string[])[]> | readonly (readonly string[])[];

/** MinHash signatures of some documents, one per document (evidence/minhash.ts). */
export type SignaturesOf = (
  docs: readonly EvidenceDocument[],
) => Promise<readonly Uint32Array[]> | readonly Uint32Array[];

/** A stored claim as extracted, with the name of the document it is in. */
export type StoredClaim = Claim;

/** One stored evidence item of a document: its kind and the item as extracted. */
export interface StoredEvidence {
  readonly kind: "quote" | "date" | "quantity" | "claim" | "actor";
  readonly data: { readonly start: number; readonly end: number; readonly [key: string]: unknown };
}

export interface ScenarioInput {
  readonly id: string;
  readonly name: string;
  /** The scenario as written (YAML or JSON), kept byte for byte. */
  readonly text: string;
}

export interface StoredScenario extends ScenarioInput {
  /** 1 when created, one more at each replacement. */
  readonly version: number;
  readonly updated: string;
}

/** What a conditional replacement expects: the version it was made from, or that there is none yet. */
export type ExpectedVersion = number | "absent";

/** A replacement's outcome: the new version (and whether it created the scenario), or the version that stood in its way. */
export type PutOutcome =
  | { readonly version: number; readonly created: boolean; readonly updated: string }
  | { readonly conflict: true; readonly current: number | null };

/** One stored version of a scenario, without its text. */
export interface ScenarioVersionEntry {
  readonly version: number;
  readonly name: string;
  readonly updated: string;
}

export interface TournamentEntry {
  readonly id: string;
  readonly config: unknown;
  readonly created: string;
  /** Runs stored so far. */
  readonly runs: number;
}

export interface SimulationEntry {
  readonly id: string;
  readonly scenario: string;
  readonly config: unknown;
  readonly result: unknown;
  readonly created: string;
}

/** A followed feed: its validators for the next conditional fetch, when that fetch is due, how the last went. */
export interface FeedState {
  readonly caseId: string;
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Minutes the feed asks to be left alone (RSS ttl, Cache-Control max-age), or null. */
  readonly ttlMinutes: number | null;
  /** ISO time the next fetch is due (null: at once). */
  readonly nextFetch: string | null;
  /** Failures in a row (the backoff grows with them); 0 after a success. */
  readonly failures: number;
  /** "ok", "not-modified", or the kind of the last failure; null before the first fetch. */
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly lastFetched: string | null;
}

/** One kept model version of a case: what the workspace held after a batch, as a snapshot to diff. */
export interface CaseVersionEntry {
  readonly caseId: string;
  readonly version: number;
  readonly created: string;
  /** Documents the snapshot was made from. */
  readonly documents: number;
}

export interface CaseVersion extends CaseVersionEntry {
  readonly snapshot: unknown;
}

/**
 * A workspace's storage: documents with their evidence, scenarios, simulation runs, tournaments
 * with their runs. One interface, two implementations — SQLite (embedded, the default) and
 * PostgreSQL (a team's server) — held to one conformance suite. Every write is one transaction:
 * a document is stored whole or not at all, and the same content twice is stored once.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Where it is, for threads and processes that open it themselves. */
  readonly address: StoreAddress;
  /**
   * Stores a document and its evidence; false (storing nothing) when the content is stored already.
   * An original (no `duplicateOf`) given its MinHash `signature` is indexed for near-duplicates.
   */
  addDocument(
    e: DocumentEvidence,
    duplicateOf?: string | null,
    people?: readonly string[],
    signature?: Uint32Array,
  ): Promise<boolean>;
  /** Stored originals sharing an LSH band key with a signature (its near-copies among them), in storage order. */
  nearDuplicateCandidates(keys: readonly number[]): Promise<DocumentEntry[]>;
  /** Indexes the stored originals not yet indexed (stored before the index, or without a signature); how many. */
  indexNearDuplicates(compute: SignaturesOf): Promise<number>;
  /** The stored claims about any of these subject · attribute keys ("meeting|date"), in storage order. */
  claimsAbout(keys: readonly string[]): Promise<StoredClaim[]>;
  hasDocument(id: string): Promise<boolean>;
  /** In the order they were stored. */
  documents(): Promise<EvidenceDocument[]>;
  /** One document, or null. */
  document(id: string): Promise<EvidenceDocument | null>;
  /** A page of documents in storage order, without their texts (their length instead), and how many there are. */
  documentPage(offset: number, limit: number): Promise<{ total: number; items: DocumentMeta[] }>;
  /** The documents' ids and names in the order they were stored (no texts: cheap). */
  documentIndex(): Promise<DocumentEntry[]>;
  /** A number that grows whenever a document is stored or edited (documents are never removed): a cheap check for change. */
  documentsVersion(): Promise<number>;
  /**
   * Sets a document's title, outlet or author as the analyst names them, and keeps the edit (what,
   * when) in the document's history; the text and its evidence are unchanged. Null for an unknown id.
   */
  editDocument(id: string, edit: DocumentEdit): Promise<DocumentMeta | null>;
  evidenceCount(id: string): Promise<number>;
  /** A document's evidence items in the order they were stored (empty for an unknown id). */
  evidence(id: string): Promise<StoredEvidence[]>;
  /** The full names the stored documents give; documents stored without them are analysed once with `compute` (one list per document). */
  storedPeople(compute: PeopleOf): Promise<string[]>;
  /** Creates a scenario under a new id; false (changing nothing) when the id is taken. */
  createScenario(s: ScenarioInput): Promise<boolean>;
  /**
   * Replaces a scenario (or creates it), atomically: with `expected`, only when the stored
   * version is that one (or, "absent", when there is none). Every version is kept.
   */
  putScenario(s: ScenarioInput, expected?: ExpectedVersion): Promise<PutOutcome>;
  /** Every stored version of a scenario, oldest first (empty for an unknown id). */
  scenarioVersions(id: string): Promise<ScenarioVersionEntry[]>;
  /** One stored version of a scenario, or null. */
  scenarioAt(id: string, version: number): Promise<StoredScenario | null>;
  scenario(id: string): Promise<StoredScenario | null>;
  /** A scenario's version alone (null when there is none): a cheap check for change. */
  scenarioVersion(id: string): Promise<number | null>;
  /** In the order they were created. */
  scenarios(): Promise<StoredScenario[]>;
  addSimulation(s: SimulationEntry): Promise<void>;
  /** A scenario's simulation runs, oldest first. */
  simulations(scenario: string): Promise<SimulationEntry[]>;
  /** Registers a tournament (idempotent) and returns the runs it already holds. */
  openTournament(id: string, config: unknown): Promise<RunRecord[]>;
  addRuns(id: string, records: readonly RunRecord[]): Promise<void>;
  runs(id: string): Promise<RunRecord[]>;
  /** In the order they were registered. */
  tournaments(): Promise<TournamentEntry[]>;
  /** The feeds a case follows, in the order they were added. */
  feeds(caseId: string): Promise<FeedState[]>;
  /** Adds a feed or replaces its state. */
  saveFeed(state: FeedState): Promise<void>;
  /** A feed's entries already stored: entry key → the time the entry said it changed (null: none given). */
  feedItems(caseId: string, url: string): Promise<Map<string, string | null>>;
  /** Records a feed entry as stored (after its document is). */
  markFeedItem(
    caseId: string,
    url: string,
    key: string,
    updated: string | null,
    document: string | null,
  ): Promise<void>;
  /**
   * Keeps a case's model version made from the documents stored now, as the next version number
   * (one transaction: two writers never get the same number).
   */
  addCaseVersion(caseId: string, documents: number, snapshot: unknown): Promise<CaseVersionEntry>;
  /** A case's versions, oldest first (no snapshots: cheap). */
  caseVersions(caseId: string): Promise<CaseVersionEntry[]>;
  /** One version with its snapshot, or null. */
  caseVersion(caseId: string, version: number): Promise<CaseVersion | null>;
  close(): Promise<void>;
}
