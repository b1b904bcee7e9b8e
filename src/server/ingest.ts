import { baseName } from "../model/base-name.js";
import type { EvidenceDocument } from "../evidence/document.js";
import type { DocumentEvidence } from "../evidence/extract.js";
import type { Duplicate } from "../evidence/duplicates.js";
import type { Store } from "../store/store.js";
import type { HeavyWork } from "./heavy-work.js";

export interface IngestOutcome {
  readonly id: string;
  readonly file: string;
  readonly status: "stored" | "unchanged";
  readonly duplicateOf: string | null;
  readonly counts: { readonly quotes: number; readonly dates: number; readonly quantities: number; readonly claims: number } | null;
}

/** Documents analysed per pool task: small enough to store progress often. */
const CHUNK = 4;

const chunks = <T>(xs: readonly T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Ingest as the CLI does it, off the event loop: the names every new document gives (so a bare
 * surname resolves across them), copies judged in storage order, then each document's evidence
 * extracted on the pool and stored in its own transaction, in the order given. A kill midway
 * leaves whole documents; the same request again stores only what is missing.
 */
export async function ingestDocuments(store: Store, work: HeavyWork, docs: readonly EvidenceDocument[], onProgress?: (done: number, total: number) => void): Promise<IngestOutcome[]> {
  const stored = await store.documents();
  const ids = new Set(stored.map((d) => d.id));
  const fresh = docs.filter((d) => !ids.has(d.id) && (ids.add(d.id), true));
  const names = (await Promise.all(chunks(fresh, CHUNK).map((c) => work.run<string[][]>({ kind: "names", docs: c })))).flat();
  const known = await store.storedPeople(async (missing) => (await Promise.all(chunks(missing, CHUNK).map((c) => work.run<string[][]>({ kind: "names", docs: c })))).flat());
  const people = [...new Set([...known, ...names.flat()])];
  const duplicates = fresh.length ? await work.run<(Duplicate | null)[]>({ kind: "duplicates", docs: [...stored, ...fresh] }) : [];
  const all = [...stored, ...fresh];
  // Every chunk is queued at once; each is stored as soon as it and those before it are done.
  const extracted = chunks(fresh, CHUNK).map((c) => work.run<DocumentEvidence[]>({ kind: "extract", docs: c, people }));
  const outcome = new Map<string, IngestOutcome>();
  let done = 0;
  for (const [k, pending] of extracted.entries()) {
    for (const [j, e] of (await pending).entries()) {
      const i = k * CHUNK + j;
      const dup = duplicates[stored.length + i];
      const of = dup ? baseName(all[dup.of]!.file) : null;
      const added = await store.addDocument(e, of, names[i]!);
      outcome.set(e.document.id, {
        id: e.document.id,
        file: e.document.file,
        status: added ? "stored" : "unchanged",
        duplicateOf: of,
        counts: added ? { quotes: e.quotes.length, dates: e.dates.length, quantities: e.quantities.length, claims: e.claims.length } : null,
      });
      onProgress?.(++done, fresh.length);
    }
  }
  return docs.map((d) => outcome.get(d.id) ?? { id: d.id, file: d.file, status: "unchanged", duplicateOf: null, counts: null });
}
