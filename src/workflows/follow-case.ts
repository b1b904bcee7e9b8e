import { realpathSync } from "node:fs";
import { InputError } from "../errors.js";
import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import type { ChangeReport } from "../evidence/change-report.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { feedArticle } from "../follow/feed-article.js";
import { type FeedItem, feedItems } from "../follow/feed-items.js";
import { isDue, nextFetch } from "../follow/feed-schedule.js";
import { FetchFailure, type FetchLimits, safeFetch } from "../follow/safe-fetch.js";
import type { FollowSources } from "../formats/follow-file.js";
import { expandPaths, readDocuments } from "../ingest/read-documents.js";
import type { CaseVersionEntry, FeedState, Store } from "../store/store.js";
import { keepCaseVersion, type Snapshotter } from "./case-version.js";
import { type IngestExecutor, type IngestOutcome, ingestDocuments, inThisThread } from "./ingest-documents.js";

/** Media types a feed is read from. */
const FEED_TYPES = [
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "application/xml",
  "text/xml",
  "application/rdf+xml",
  "text/plain",
];

/** How one feed went in one pass. */
export interface FeedReport {
  readonly url: string;
  /** "ok", "not-modified", "not-due", or why it failed (unreachable, timeout, too-large, redirect-loop, malformed…). */
  readonly status: string;
  readonly error: string | null;
  /** Entries new or changed since the last pass, and how many of them were stored. */
  readonly entries: number;
  readonly stored: number;
  /** Entries whose article could not be fetched: tried again next pass. */
  readonly failed: readonly { readonly link: string; readonly error: string }[];
  readonly failures: number;
  readonly nextFetch: string | null;
}

/** One feed entry's article: stored (or found stored), or why it could not be fetched. */
export interface ArticleOutcome {
  readonly item: FeedItem;
  readonly outcome: IngestOutcome | null;
  readonly error: string | null;
}

/** Fetches and stores a feed's new entries' articles, marking each entry once its document is stored. */
export type FetchArticles = (
  caseId: string,
  feed: string,
  items: readonly FeedItem[],
  limits: FetchLimits,
) => Promise<ArticleOutcome[]>;

/**
 * One entry's article fetched, its evidence extracted and stored (once: by its content's hash),
 * then the entry marked: the step a `parley worker` runs for each job of a feed.
 */
export async function storeArticle(
  store: Store,
  model: AttributionModel,
  knowledge: CaseKnowledge,
  caseId: string,
  feed: string,
  item: FeedItem,
  limits: FetchLimits,
): Promise<ArticleOutcome> {
  let doc: EvidenceDocument;
  try {
    doc = await feedArticle(item, limits);
  } catch (e) {
    return { item, outcome: null, error: (e as Error).message };
  }
  const [outcome] = await ingestDocuments(store, inThisThread(store, model, knowledge), [doc]);
  await store.markFeedItem(caseId, feed, item.key, item.updated, outcome?.id ?? null);
  return { item, outcome: outcome ?? null, error: null };
}

export interface FollowOutcome {
  readonly feeds: readonly FeedReport[];
  readonly stored: readonly IngestOutcome[];
  /** Files of the followed folders that could not be read, and why (the others are stored). */
  readonly skipped: readonly { readonly file: string; readonly error: string }[];
  /** The model version this pass made (null when nothing new was stored and a version exists). */
  readonly version: CaseVersionEntry | null;
  /** What changed against the previous version (null with no new version). */
  readonly changes: ChangeReport | null;
}

export interface FollowOptions {
  readonly exec: IngestExecutor;
  /** Makes the case's snapshot from its documents (`snapshotOf` in this thread, or a server's pool). */
  readonly snapshot: Snapshotter;
  readonly now?: () => Date;
  /** Fetch every feed now, due or not. */
  readonly force?: boolean;
  /** Where a feed's new articles are fetched and stored (default: this process; `redisArticles`: `parley worker` processes). */
  readonly articles?: FetchArticles;
  /** Feeds fetched at once: a slow one never holds up the rest. */
  readonly concurrency?: number;
}

/**
 * One pass over what a case follows: each due feed fetched (conditionally, within limits, each on
 * its own: one down, slow or malformed fails alone and is retried with backoff), its new or changed
 * entries' articles fetched and stored once each (the same text under another address is the same
 * document; a changed article is a new version, the earlier kept), new files in the followed
 * folders read; then, when anything new was stored, the case's model redrawn from the current
 * documents, kept as the next version, and diffed against the one before.
 */
export async function followCase(
  store: Store,
  caseId: string,
  sources: FollowSources,
  options: FollowOptions,
): Promise<FollowOutcome> {
  const now = options.now ?? (() => new Date());
  const limits: FetchLimits = {
    maxBytes: sources.maxBytes,
    timeoutMs: sources.timeoutMs,
    maxRedirects: sources.maxRedirects,
    contentTypes: [],
    allowPrivate: sources.allowPrivate,
  };
  const known = new Map((await store.feeds(caseId)).map((f) => [f.url, f]));
  for (const f of sources.feeds)
    if (!known.has(f.url)) {
      const state = newFeed(caseId, f.url);
      known.set(f.url, state);
      await store.saveFeed(state);
    }
  const every = new Map(sources.feeds.map((f) => [f.url, f.every]));
  const feeds = [...known.values()];
  const stored: IngestOutcome[] = [];
  const reports: FeedReport[] = new Array(feeds.length);
  // Storing is one writer at a time: feeds fetch side by side, their articles are stored in turn.
  let storing = Promise.resolve();
  const ingest = (docs: EvidenceDocument[]) => {
    const run = storing.then(() => ingestDocuments(store, options.exec, docs));
    storing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  /** This process fetches the articles and stores them through `exec`, one store step at a time. */
  const inProcess: FetchArticles = async (id, feed, items, fetchLimits) => {
    const docs: { item: FeedItem; doc: EvidenceDocument }[] = [];
    const out: ArticleOutcome[] = [];
    for (const item of items) {
      try {
        docs.push({ item, doc: await feedArticle(item, fetchLimits) });
      } catch (e) {
        out.push({ item, outcome: null, error: (e as Error).message });
      }
    }
    const outcomes = docs.length ? await ingest(docs.map((d) => d.doc)) : [];
    // An entry is marked only once its document is stored: a pass cut short fetches it again.
    for (const [k, { item }] of docs.entries()) {
      await store.markFeedItem(id, feed, item.key, item.updated, outcomes[k]?.id ?? null);
      out.push({ item, outcome: outcomes[k] ?? null, error: null });
    }
    return out;
  };
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      reports[i] = await followFeed(feeds[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, feeds.length) }, worker));
  // A folder's files are read one by one: a bad one (binary, too large) is reported, the others stored.
  const skipped: { file: string; error: string }[] = [];
  for (const dir of sources.folders) {
    const docs: EvidenceDocument[] = [];
    for (const file of expandPaths([dir]))
      try {
        docs.push(...readDocuments([file]).map(withFileUrl));
      } catch (e) {
        skipped.push({
          file,
          error: e instanceof InputError ? e.problems.map((p) => p.message).join("; ") : String(e),
        });
      }
    if (docs.length) stored.push(...(await ingest(docs)));
  }
  const added = stored.filter((o) => o.status === "stored");
  if (!added.length && (await store.caseVersions(caseId)).length)
    return { feeds: reports, stored, skipped, version: null, changes: null };
  return { feeds: reports, stored, skipped, ...(await keepCaseVersion(store, caseId, options.snapshot)) };

  async function followFeed(state: FeedState): Promise<FeedReport> {
    const at = now();
    const base = { url: state.url, entries: 0, stored: 0, failed: [] as { link: string; error: string }[] };
    if (!options.force && !isDue(state.nextFetch, at))
      return { ...base, status: "not-due", error: null, failures: state.failures, nextFetch: state.nextFetch };
    try {
      const got = await safeFetch(
        state.url,
        { etag: state.etag, lastModified: state.lastModified },
        { ...limits, contentTypes: FEED_TYPES },
      );
      if (got.notModified) return await saved({ ...base, status: "not-modified", error: null }, state, null);
      let parsed: ReturnType<typeof feedItems>;
      try {
        parsed = feedItems(new TextDecoder().decode(got.body));
      } catch (e) {
        throw new FetchFailure("malformed", state.url, `not a feed (RSS, Atom or JSON Feed): ${(e as Error).message}`);
      }
      const seen = await store.feedItems(caseId, state.url);
      const fresh = parsed.items.filter((item) => !seen.has(item.key) || seen.get(item.key) !== item.updated);
      const results = await (options.articles ?? inProcess)(caseId, state.url, fresh, limits);
      const outcomes = results.flatMap((r) => (r.outcome ? [r.outcome] : []));
      for (const r of results) if (r.error) base.failed.push({ link: r.item.link ?? r.item.key, error: r.error });
      stored.push(...outcomes);
      const ttl = parsed.ttlMinutes ?? (got.maxAge !== null ? Math.ceil(got.maxAge / 60) : null);
      return await saved(
        {
          ...base,
          status: "ok",
          error: null,
          entries: fresh.length,
          stored: outcomes.filter((o) => o.status === "stored").length,
        },
        { ...state, etag: got.etag, lastModified: got.lastModified, ttlMinutes: ttl },
        null,
      );
    } catch (e) {
      const failure =
        e instanceof FetchFailure ? e : new FetchFailure("unreachable", state.url, (e as Error).message ?? String(e));
      return saved({ ...base, status: failure.kind, error: failure.message }, state, failure);
    }

    async function saved(
      report: Omit<FeedReport, "failures" | "nextFetch">,
      s: FeedState,
      failure: FetchFailure | null,
    ): Promise<FeedReport> {
      const failures = failure ? s.failures + 1 : 0;
      const at = now();
      const due = failure
        ? nextFetch(at, { ok: false, failures })
        : nextFetch(at, { ok: true, every: every.get(s.url) ?? 15, ttlMinutes: s.ttlMinutes });
      await store.saveFeed({
        ...s,
        failures,
        nextFetch: due,
        lastStatus: report.status,
        lastError: report.error,
        lastFetched: at.toISOString(),
      });
      return { ...report, failures, nextFetch: due };
    }
  }
}

/** A folder's file carries its path as its address: a file changed in place is a new version of the same source. */
const withFileUrl = (d: EvidenceDocument): EvidenceDocument =>
  d.url ? d : { ...d, url: `file://${realpathSync(d.file)}` };

const newFeed = (caseId: string, url: string): FeedState => ({
  caseId,
  url,
  etag: null,
  lastModified: null,
  ttlMinutes: null,
  nextFetch: null,
  failures: 0,
  lastStatus: null,
  lastError: null,
  lastFetched: null,
});
