import { createHash } from "node:crypto";
import { type Job, Queue, type QueueEvents, Worker } from "bullmq";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { NO_CASE } from "../evidence/case-knowledge.js";
import type { FeedItem } from "../follow/feed-items.js";
import type { FetchLimits } from "../follow/safe-fetch.js";
import { parseCaseFile } from "../formats/case-file.js";
import { loadAttributionModel } from "../ingest/attribution-model.js";
import type { Store } from "../store/store.js";
import type { ArticleOutcome, FetchArticles } from "../workflows/follow-case.js";
import { storeArticle } from "../workflows/follow-case.js";
import { connection, eventsFromNow, jobOutcomes, reachable, runUntilStopped, workerOptions } from "./redis-queue.js";

/** The queue every follower and `parley worker` share for a feed's articles. */
export const ARTICLE_QUEUE = "parley-follow-articles";

interface ArticleJob {
  readonly caseId: string;
  readonly feed: string;
  readonly item: FeedItem;
  readonly limits: FetchLimits;
  /** The case's case.yaml (its text: what to look for in the article). */
  readonly caseFile: { readonly name: string; readonly text: string } | null;
}

/**
 * A feed's new entries as BullMQ jobs, one per article: whichever `parley worker` takes one
 * fetches the article, extracts its evidence and stores it in the shared workspace, then marks the
 * entry stored. The job's id is the entry and the time it says it changed, so the same entry
 * queued by two followers runs once; a worker killed holding a job loses its lock and another
 * takes it. A document is stored by its content's hash: however many workers see it, once.
 */
export function redisArticles(url: string, caseFile: ArticleJob["caseFile"]): FetchArticles {
  return async (caseId, feed, items, limits) => {
    if (!items.length) return [];
    await reachable(url);
    const queue = new Queue<ArticleJob, ArticleOutcome>(ARTICLE_QUEUE, { connection: connection(url) });
    let events: QueueEvents | undefined;
    try {
      // Opened before the jobs are added: no outcome of theirs is missed, however busy the machine.
      events = await eventsFromNow(url, ARTICLE_QUEUE, queue);
      const jobs = await queue.addBulk(
        items.map((item) => ({
          name: "article",
          data: { caseId, feed, item, limits, caseFile },
          opts: {
            jobId: createHash("sha256")
              .update(`${caseId}\u0000${feed}\u0000${item.key}\u0000${item.updated ?? ""}`)
              .digest("hex"),
            attempts: 2,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 3600 },
          },
        })),
      );
      const outcomes: ArticleOutcome[] = [];
      await jobOutcomes<ArticleOutcome>(queue, events, jobs, (i, outcome) => {
        outcomes[i] = "error" in outcome ? { item: items[i]!, outcome: null, error: outcome.error } : outcome.value;
      });
      return outcomes;
    } finally {
      await Promise.allSettled([events?.close(), queue.close()]);
    }
  };
}

/**
 * Takes articles from the queue until `signal` aborts: fetch, extract, store in `store`, mark the
 * entry. One at a time (extraction is a core's work); run more workers for more.
 */
export async function runArticleWorker(
  url: string,
  store: Store,
  options: { lockMs?: number; signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<void> {
  await reachable(url);
  const lockDuration = options.lockMs ?? 30_000;
  const knowledge = new Map<string, CaseKnowledge>();
  const knowledgeOf = (f: ArticleJob["caseFile"]) => {
    if (!f) return NO_CASE;
    let k = knowledge.get(f.text);
    if (!k) knowledge.set(f.text, (k = parseCaseFile(f.text, f.name)));
    return k;
  };
  const model = loadAttributionModel();
  const worker = new Worker<ArticleJob, ArticleOutcome>(
    ARTICLE_QUEUE,
    async (job: Job<ArticleJob>) => {
      const { caseId, feed, item, limits, caseFile } = job.data;
      options.log?.(
        `taking article ${item.link ?? item.key}${job.attemptsStarted > 1 ? `, attempt ${job.attemptsStarted}` : ""}`,
      );
      const out = await storeArticle(store, model, knowledgeOf(caseFile), caseId, feed, item, limits);
      options.log?.(
        `article ${item.link ?? item.key}: ${out.error ? `not fetched (${out.error})` : (out.outcome?.status ?? "?")}`,
      );
      return out;
    },
    workerOptions(url, lockDuration),
  );
  await runUntilStopped(worker, lockDuration, options);
}
