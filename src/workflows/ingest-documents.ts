import { alignClaims } from "../evidence/align.js";
import type { AttributionModel } from "../evidence/attribution/model.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import type { Claim } from "../evidence/claims.js";
import type { EvidenceDocument } from "../evidence/document.js";
import { NEAR_DUPLICATE, textSimilarity } from "../evidence/duplicates.js";
import { extractDocument, namedPeople } from "../evidence/extract.js";
import { bandKeys, minhash } from "../evidence/minhash.js";
import { analyseText, type TextAnalysis } from "../evidence/text-analysis.js";
import { baseName } from "../model/base-name.js";
import type { Store } from "../store/store.js";

/** What an ingest counted for one document it stored. */
export interface IngestCounts {
  readonly quotes: number;
  readonly dates: number;
  readonly quantities: number;
  readonly claims: number;
  /** Of its claims: how many a stored document of another source makes too, and how many one contradicts. */
  readonly corroborated?: number;
  readonly contested?: number;
}

export interface IngestOutcome {
  readonly id: string;
  readonly file: string;
  /** The name it came under, when another document held that name: it is stored under `file`. */
  readonly renamedFrom?: string;
  /** Unchanged content given under another name: the name it is stored (and cited) under. */
  readonly storedAs?: string;
  readonly status: "stored" | "unchanged";
  readonly duplicateOf: string | null;
  readonly counts: IngestCounts | null;
}

/** A document to store, with the copy it duplicates, the full names it gives and its MinHash signature. */
export interface IngestItem {
  readonly doc: EvidenceDocument;
  readonly duplicateOf: string | null;
  readonly names: readonly string[];
  readonly signature: Uint32Array;
}

/**
 * Where the heavy steps run: in this thread (the CLI) or on worker threads (the server, whose
 * threads store what they extract themselves).
 */
export interface IngestExecutor {
  /** The full names each document gives. */
  names(docs: readonly EvidenceDocument[]): Promise<string[][]>;
  /** Extracts and stores each item in its own transaction; `added` is false when it was stored meanwhile. */
  store(items: readonly IngestItem[], people: readonly string[]): Promise<{ added: boolean; counts: IngestCounts }[]>;
}

export interface IngestOptions {
  /** Documents per store step: progress is reported after each. */
  readonly chunk?: number;
  /** How a copy names the document it copies (a path, or a file name). */
  readonly nameOf?: (file: string) => string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Each document's outcome, in the order given, as soon as it is known. */
  readonly onOutcome?: (outcome: IngestOutcome) => void;
}

/**
 * Stores documents with their evidence, each once: the names every new document gives (so a bare
 * surname resolves across them, stored ones lending theirs), copies judged in storage order then
 * this batch's (an interrupted ingest run again flags the same copies), then each new document
 * extracted and stored in its own transaction in the order given. A kill midway leaves whole
 * documents; the same ingest again stores only what is missing.
 */
export async function ingestDocuments(
  store: Store,
  exec: IngestExecutor,
  docs: readonly EvidenceDocument[],
  options: IngestOptions = {},
): Promise<IngestOutcome[]> {
  const { chunk = 1, nameOf = (f: string) => f } = options;
  // Ids and names only: the stored texts are never read whole (a workspace may hold 100,000).
  const stored = await store.documentIndex();
  const ids = new Set(stored.map((d) => d.id));
  // A citation names a file: one name stands for one text. New text under a name taken already
  // (in the workspace, or earlier in this batch) is stored under the next free name, and said so.
  const taken = new Set(stored.map((d) => baseName(d.file)));
  const renamed = new Map<EvidenceDocument, EvidenceDocument>();
  const fresh = docs
    .filter((d) => !ids.has(d.id) && (ids.add(d.id), true))
    .map((d) => {
      const name = freeName(baseName(d.file), taken);
      taken.add(name);
      if (name === baseName(d.file)) return d;
      const moved = { ...d, file: `${d.file.slice(0, d.file.length - baseName(d.file).length)}${name}` };
      renamed.set(moved, d);
      return moved;
    });
  const freshOf = new Map(fresh.map((d) => [renamed.get(d) ?? d, d]));
  const names = await exec.names(fresh);
  const known = await store.storedPeople((missing) => exec.names(missing));
  const people = [...new Set([...known, ...names.flat()])];
  const copies = fresh.length ? await nearCopies(store, fresh) : [];
  const items = new Map(
    fresh.map((doc, i) => {
      const of = copies[i]!.of;
      return [
        doc,
        { doc, duplicateOf: of ? nameOf(of) : null, names: names[i]!, signature: copies[i]!.signature },
      ] as const;
    }),
  );
  const itemOf = (d: EvidenceDocument) => {
    const f = freshOf.get(d);
    return f ? items.get(f) : undefined;
  };
  const outcomes: IngestOutcome[] = [];
  // The name each content is stored under: a text given again under another name is found by it.
  const storedName = new Map([...stored, ...fresh].map((d) => [d.id, nameOf(d.file)] as const));
  const unchanged = (d: EvidenceDocument): IngestOutcome => {
    const as = storedName.get(d.id);
    return {
      id: d.id,
      file: d.file,
      ...(as !== undefined && as !== nameOf(d.file) ? { storedAs: as } : {}),
      status: "unchanged",
      duplicateOf: null,
      counts: null,
    };
  };
  let done = 0;
  // In the order given: a document not new is reported where it stands; new ones a chunk at a time.
  for (let i = 0; i < docs.length; ) {
    const next: IngestItem[] = [];
    for (; i < docs.length && next.length < chunk; i++) {
      const item = itemOf(docs[i]!);
      if (item) next.push(item);
      else if (!next.length) report(unchanged(docs[i]!));
      else break;
    }
    if (!next.length) continue;
    const results = await exec.store(next, people);
    results.forEach((r, j) => {
      const { doc, duplicateOf } = next[j]!;
      const from = renamed.get(doc);
      report(
        r.added
          ? {
              id: doc.id,
              file: doc.file,
              ...(from ? { renamedFrom: from.file } : {}),
              status: "stored",
              duplicateOf,
              counts: r.counts,
            }
          : unchanged(from ?? doc),
      );
    });
    options.onProgress?.((done += next.length), fresh.length);
  }
  return outcomes;

  function report(o: IngestOutcome): void {
    outcomes.push(o);
    options.onOutcome?.(o);
  }
}

/** The counts of what was extracted from a document. */
export const countsOf = (e: {
  quotes: readonly unknown[];
  dates: readonly unknown[];
  quantities: readonly unknown[];
  claims: readonly unknown[];
}): IngestCounts => ({
  quotes: e.quotes.length,
  dates: e.dates.length,
  quantities: e.quantities.length,
  claims: e.claims.length,
});

/** Every step in this thread, each text analysed once (its names and its evidence share the analysis). */
export function inThisThread(store: Store, model: AttributionModel, knowledge: CaseKnowledge): IngestExecutor {
  const analyses = new Map<string, TextAnalysis>();
  const analysis = (d: EvidenceDocument) => {
    let a = analyses.get(d.id);
    if (!a) analyses.set(d.id, (a = analyseText(d.text)));
    return a;
  };
  return {
    names: async (docs) => docs.map((d) => namedPeople(d.file, analysis(d), knowledge)),
    store: async (items, people) => {
      const out = [];
      for (const { doc, duplicateOf, names, signature } of items) {
        const e = extractDocument(doc, model, knowledge, people, analysis(doc));
        analyses.delete(doc.id);
        const added = await store.addDocument(e, duplicateOf, names, signature);
        out.push({
          added,
          counts: { ...countsOf(e), ...(added ? await claimsMet(store, e.claims, doc.file) : NONE_MET) },
        });
      }
      return out;
    },
  };
}

/** `name`, or when taken the first of name-2.ext, name-3.ext, … that is free. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let k = 2;
  while (taken.has(`${stem}-${k}${ext}`)) k++;
  return `${stem}-${k}${ext}`;
}

/**
 * Per new document, the stored or earlier new original it is a near-copy of (≥ NEAR_DUPLICATE of
 * its word 5-grams shared), by the stored MinHash index: the candidates sharing an LSH band are
 * few whatever the workspace's size, and only theirs are compared exactly. Stored originals not
 * yet indexed are indexed first.
 */
export async function nearCopies(
  store: Store,
  docs: readonly EvidenceDocument[],
): Promise<{ of: string | null; signature: Uint32Array }[]> {
  await store.indexNearDuplicates((missing) => missing.map((d) => minhash(d.text)));
  const batch: { doc: EvidenceDocument; keys: Set<number> }[] = [];
  const out: { of: string | null; signature: Uint32Array }[] = [];
  for (const doc of docs) {
    const signature = minhash(doc.text);
    const keys = bandKeys(signature);
    let of: string | null = null;
    for (const c of await store.nearDuplicateCandidates(keys)) {
      const text = (await store.document(c.id))?.text;
      if (text !== undefined && textSimilarity(text, doc.text) >= NEAR_DUPLICATE) {
        of = c.file;
        break;
      }
    }
    if (!of)
      for (const b of batch)
        if (keys.some((k) => b.keys.has(k)) && textSimilarity(b.doc.text, doc.text) >= NEAR_DUPLICATE) {
          of = b.doc.file;
          break;
        }
    out.push({ of, signature });
    // Only originals are candidates: a copy of a copy is found through the original.
    if (!of) batch.push({ doc, keys: new Set(keys) });
  }
  return out;
}

const NONE_MET = { corroborated: 0, contested: 0 };

/**
 * A new document's claims against the stored claims of the same subject · attribute (found by
 * index, never by reading the workspace): how many another source corroborates, and how many one
 * contests.
 */
export async function claimsMet(
  store: Store,
  claims: readonly Claim[],
  file: string,
): Promise<{ corroborated: number; contested: number }> {
  if (!claims.length) return NONE_MET;
  const stored = await store.claimsAbout([...new Set(claims.map((c) => `${c.subject}|${c.attribute}`))]);
  const mine = new Set(claims);
  const { facts } = alignClaims([...stored.filter((c) => c.file !== file), ...claims]);
  let corroborated = 0;
  let contested = 0;
  for (const f of facts)
    for (const side of f.sides)
      for (const c of side.claims)
        if (mine.has(c)) {
          if (f.status === "contested") contested++;
          else if (f.status === "corroborated") corroborated++;
        }
  return { corroborated, contested };
}
