import type { EvidenceDocument } from "../evidence/document.js";
import { baseName } from "../model/base-name.js";
import type { StoreAddress } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import type { HeavyWork } from "./heavy-work.js";

export interface IngestOutcome {
  readonly id: string;
  readonly file: string;
  readonly status: "stored" | "unchanged";
  readonly duplicateOf: string | null;
  readonly counts: {
    readonly quotes: number;
    readonly dates: number;
    readonly quantities: number;
    readonly claims: number;
  } | null;
}

/** Documents analysed per pool task: small enough to store progress often. */
const CHUNK = 4;

const chunks = <T>(xs: readonly T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Ingest as the CLI does it, off the event loop: the names every new document gives (so a bare
 * surname resolves across them), copies judged in storage order, then each document's evidence
 * extracted and stored by a pool thread in its own transaction, a few documents at a time and in
 * the order given. A kill midway leaves whole documents; the same request again stores only
 * what is missing.
 */
export async function ingestDocuments(
  store: Store,
  address: StoreAddress,
  work: HeavyWork,
  docs: readonly EvidenceDocument[],
  onProgress?: (done: number, total: number) => void,
): Promise<IngestOutcome[]> {
  const stored = await store.documents();
  const ids = new Set(stored.map((d) => d.id));
  const fresh = docs.filter((d) => !ids.has(d.id) && (ids.add(d.id), true));
  const names = (await Promise.all(chunks(fresh, CHUNK).map((c) => work.run({ kind: "names", docs: c })))).flat();
  const known = await store.storedPeople(async (missing) =>
    (await Promise.all(chunks(missing, CHUNK).map((c) => work.run({ kind: "names", docs: c })))).flat(),
  );
  const people = [...new Set([...known, ...names.flat()])];
  const duplicates = fresh.length ? await work.run({ kind: "duplicates", docs: [...stored, ...fresh] }) : [];
  const all = [...stored, ...fresh];
  const items = fresh.map((doc, i) => {
    const dup = duplicates[stored.length + i];
    return { doc, duplicateOf: dup ? baseName(all[dup.of]!.file) : null, names: names[i]! };
  });
  const outcome = new Map<string, IngestOutcome>();
  let done = 0;
  // One chunk after another keeps the order given, and leaves the pool's other threads to other requests.
  for (const chunk of chunks(items, CHUNK)) {
    const results = await work.run({
      kind: "store",
      address,
      docs: chunk,
      people,
    });
    results.forEach((r, j) => {
      const { doc, duplicateOf } = chunk[j]!;
      outcome.set(r.id, {
        id: r.id,
        file: doc.file,
        status: r.added ? "stored" : "unchanged",
        duplicateOf,
        counts: r.added ? r.counts : null,
      });
    });
    onProgress?.((done += chunk.length), fresh.length);
  }
  return docs.map(
    (d) => outcome.get(d.id) ?? { id: d.id, file: d.file, status: "unchanged", duplicateOf: null, counts: null },
  );
}
