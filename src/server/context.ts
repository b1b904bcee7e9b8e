import type { ChangeReport } from "../contract/case-changes.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { StoreAddress } from "../store/open-store.js";
import type { CaseVersionEntry, Store } from "../store/store.js";
import type { FollowOutcome } from "../workflows/follow-case.js";
import type { IngestOutcome } from "../workflows/ingest-documents.js";
import type { HeavyWork } from "./heavy-work.js";
import type { Jobs } from "./jobs.js";
import type { ServerLimits } from "./limits.js";

/** What every route works with: one workspace, one pool, the background jobs, the limits. */
export interface ServerContext {
  readonly store: Store;
  /** Where the store is, for pool threads that write to it themselves. */
  readonly address: StoreAddress;
  readonly work: HeavyWork;
  readonly jobs: Jobs;
  readonly limits: ServerLimits;
  /** Worker threads a tournament run by this server uses. */
  readonly tournamentWorkers: number;
  /** The case opened on start: its scenario's id. */
  readonly caseId?: string;
  /** The open case kept current (its feeds, folders and pushed documents); set once the case is open. */
  follower?: FollowedCase;
  /** With a Redis URL, tournaments run on `parley worker` processes. */
  readonly redis?: string;
}

/** A new model version and what changed, as the server pushes it to the clients that follow the case. */
export interface VersionEvent {
  readonly version: CaseVersionEntry;
  readonly changes: ChangeReport;
}

/** The open case kept current (case-follower.ts): what the routes ask of it. */
export interface FollowedCase {
  readonly caseId: string;
  /** One pass over its feeds and folders (every feed, when forced). */
  pass(force?: boolean): Promise<FollowOutcome>;
  /** Articles pushed through the API: stored, then the next version when any is new. */
  push(
    docs: readonly EvidenceDocument[],
  ): Promise<{ stored: IngestOutcome[]; version: CaseVersionEntry | null; changes: ChangeReport | null }>;
  /** Documents stored some other way (an upload): the next version. */
  documentsAdded(): Promise<VersionEvent>;
  /** Calls `listener` with every new version until the returned function is called. */
  follow(listener: (e: VersionEvent) => void): () => void;
  /** Stops following on a schedule. */
  close(): void;
}
