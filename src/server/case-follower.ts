import { EventEmitter } from "node:events";
import type { CaseSnapshot } from "../contract/case-changes.js";
import type { ChangeReport } from "../evidence/change-report.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { FollowSources } from "../formats/follow-file.js";
import type { CaseVersionEntry } from "../store/store.js";
import { keepCaseVersion, type Snapshotter } from "../workflows/case-version.js";
import { type FollowOutcome, followCase } from "../workflows/follow-case.js";
import type { IngestOutcome } from "../workflows/ingest-documents.js";
import type { FollowedCase, ServerContext, VersionEvent } from "./context.js";
import { ingestOnPool, onThePool } from "./ingest.js";

/** How often the server looks for feeds that are due (each feed keeps its own interval). */
const TICK_MS = 60_000;

/**
 * The open case, kept current: its feeds fetched on their schedules and its folders read, one
 * pass at a time, on the server's pool; documents pushed through the API stored the same way.
 * Each pass that stores something keeps a new model version, and the clients that follow the
 * case (Server-Sent Events) are sent what changed.
 */
export class CaseFollower implements FollowedCase {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private running: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: ServerContext,
    readonly caseId: string,
    readonly sources: FollowSources,
    /** The case's case.yaml, sent with each article to the workers. */
    private readonly caseFile?: { readonly name: string; readonly text: string },
  ) {}

  private readonly snapshot: Snapshotter = (docs) =>
    this.ctx.work.run({ kind: "snapshot", docs: [...docs] }) as Promise<CaseSnapshot>;

  /** Keeps a first version when the case has none; then follows on a schedule when it follows anything. */
  async start(): Promise<void> {
    if (!(await this.ctx.store.caseVersions(this.caseId)).length) await this.serial(() => this.keep());
    if (this.sources.feeds.length || this.sources.folders.length || (await this.ctx.store.feeds(this.caseId)).length) {
      this.timer = setInterval(() => void this.pass().catch(() => undefined), TICK_MS);
      this.timer.unref();
      void this.pass().catch(() => undefined);
    }
  }

  /** One pass over the feeds and folders (due feeds only, unless forced). */
  pass(force = false): Promise<FollowOutcome> {
    return this.serial(async () => {
      // With Redis, the articles go to `parley worker` processes sharing the workspace.
      const articles = this.ctx.redis
        ? (await import("../parallel/redis-articles.js")).redisArticles(this.ctx.redis, this.caseFile ?? null)
        : undefined;
      const outcome = await followCase(this.ctx.store, this.caseId, this.sources, {
        ...(articles ? { articles } : {}),
        exec: onThePool(this.ctx.work, this.ctx.address),
        snapshot: this.snapshot,
        ...(force ? { force: true } : {}),
      });
      if (outcome.version && outcome.changes) this.emit({ version: outcome.version, changes: outcome.changes });
      return outcome;
    });
  }

  /** Documents pushed through the API: stored, then (when any is new) the next version. */
  push(
    docs: readonly EvidenceDocument[],
  ): Promise<{ stored: IngestOutcome[]; version: CaseVersionEntry | null; changes: ChangeReport | null }> {
    return this.serial(async () => {
      const stored = await ingestOnPool(this.ctx.store, this.ctx.address, this.ctx.work, docs);
      if (!stored.some((o) => o.status === "stored")) return { stored, version: null, changes: null };
      const kept = await this.keep();
      return { stored, ...kept };
    });
  }

  /** Documents stored some other way (an upload): the case keeps its next version. */
  documentsAdded(): Promise<VersionEvent> {
    return this.serial(() => this.keep());
  }

  /** Calls `listener` with every new version until the returned function is called. */
  follow(listener: (e: VersionEvent) => void): () => void {
    this.events.on("version", listener);
    return () => this.events.off("version", listener);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async keep(): Promise<VersionEvent> {
    const kept = await keepCaseVersion(this.ctx.store, this.caseId, this.snapshot);
    this.emit(kept);
    return kept;
  }

  private emit(e: VersionEvent): void {
    this.events.emit("version", e);
  }

  /** One pass or push at a time: two would race for the same version number's changes. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }
}
