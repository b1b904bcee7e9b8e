import type { StoreAddress } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import type { CaseFollower } from "./case-follower.js";
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
  follower?: CaseFollower;
  /** With a Redis URL, tournaments run on `parley worker` processes. */
  readonly redis?: string;
}
