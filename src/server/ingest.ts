import type { EvidenceDocument } from "../evidence/document.js";
import { baseName } from "../model/base-name.js";
import type { StoreAddress } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { type IngestExecutor, type IngestOutcome, ingestDocuments } from "../workflows/ingest-documents.js";
import type { HeavyWork } from "./heavy-work.js";

export type { IngestOutcome };

/** Documents analysed per pool task: small enough to store progress often. */
const CHUNK = 4;

const chunks = <T>(xs: readonly T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** The ingest's heavy steps on the pool: names a few documents a task in parallel; pool threads store what they extract. */
export function onThePool(work: HeavyWork, address: StoreAddress): IngestExecutor {
  return {
    names: async (docs) =>
      (await Promise.all(chunks(docs, CHUNK).map((c) => work.run({ kind: "names", docs: c })))).flat(),
    store: (items, people) => work.run({ kind: "store", address, docs: items, people }),
  };
}

/**
 * The ingest workflow off the event loop, a few documents a step (one chunk after another keeps
 * the order given and leaves the pool's other threads to other requests); a copy names the file
 * it copies by its name, as the workspace lists documents.
 */
export function ingestOnPool(
  store: Store,
  address: StoreAddress,
  work: HeavyWork,
  docs: readonly EvidenceDocument[],
  onProgress?: (done: number, total: number) => void,
): Promise<IngestOutcome[]> {
  return ingestDocuments(store, onThePool(work, address), docs, {
    chunk: CHUNK,
    nameOf: baseName,
    ...(onProgress ? { onProgress } : {}),
  });
}
