import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../src/analysis/random.js";
import type { Claim } from "../src/evidence/claims.js";
import type { EvidenceDocument } from "../src/evidence/document.js";
import type { DocumentEvidence } from "../src/evidence/extract.js";
import { minhash } from "../src/evidence/minhash.js";
import { contentId } from "../src/ingest/read-documents.js";
import { PostgresStore } from "../src/store/postgres-store.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import type { Store } from "../src/store/store.js";
import { claimsMet, nearCopies } from "../src/workflows/ingest-documents.js";
import { startPostgres } from "../test/store/postgres-server.js";

/**
 * The cost of adding one document to a workspace of 1,000, 10,000 and 100,000 stored documents,
 * on SQLite and on PostgreSQL: the near-duplicate check (MinHash, the LSH candidates, their exact
 * comparison) and the claim alignment (the stored claims of the same subject · attribute), which
 * are what grows with the workspace; and storing it. The stored documents are made-up articles
 * (seeded): 250–400 words each from a 20,000-word vocabulary, three claims each on 3,000
 * subjects, one in fifty a near-copy of an earlier one.
 */

const SIZES = [1_000, 10_000, 100_000];
/** Documents added and timed at each size (the median is reported). */
const PROBES = 25;

const random = createRandom(20261203);
const syllables = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "la", "po", "ri", "sa", "tu", "me", "ga"];
const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
  let w = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / 16)) w += syllables[n % 16];
  return w;
});
/** A word, rarer the further down the vocabulary (Zipf-like). */
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;

function article(i: number): string {
  const words = Array.from({ length: 250 + Math.floor(random() * 150) }, word);
  for (let k = 12; k < words.length; k += 12 + Math.floor(random() * 8)) words[k] = `${words[k]}.`;
  return `Report ${i}. ${words.join(" ")}`;
}

function evidenceOf(file: string, text: string): DocumentEvidence {
  const document: EvidenceDocument = {
    id: contentId(text),
    file,
    format: "text",
    title: null,
    outlet: null,
    author: null,
    published: "2025-12-01",
    publishedSource: "given",
    text,
  };
  const claims: Claim[] = Array.from({ length: 3 }, (_, k) => {
    const subject = `subject ${Math.floor(random() * 3000)}`;
    const words = text.slice(k * 10, k * 10 + 9);
    const span = {
      file,
      start: k * 10,
      end: k * 10 + 9,
      text: words,
      selector: { exact: words, prefix: "", suffix: "" },
    };
    return {
      ...span,
      subject,
      attribute: "count",
      value: Math.floor(random() * 5) * 100,
      unit: null,
      polarity: true,
      time: null,
      attributedTo: null,
      watched: true,
      sentence: span,
    };
  });
  return { document, actors: [], quotes: [], dates: [], quantities: [], claims, statements: [], events: [] };
}

/** Fills a store to `target` documents (from `have`), every one stored as an ingest stores it: indexed, claims keyed. */
async function fill(store: Store, texts: string[], have: number, target: number): Promise<void> {
  const add = async (i: number) => {
    // One in fifty is a near-copy of an earlier article (a repost with a line added): stored as a copy.
    const copy = i > 10 && i % 50 === 0 ? `${texts[i - 7]!} Reposted with a note.` : null;
    const text = copy ?? article(i);
    texts[i] = text;
    const e = evidenceOf(`doc-${i}.txt`, text);
    await store.addDocument(e, copy ? `doc-${i - 7}.txt` : null, [], minhash(text));
  };
  // PostgreSQL takes writers side by side; SQLite one at a time.
  const lanes = store.kind === "postgres" ? 4 : 1;
  for (let i = have; i < target; i += lanes)
    await Promise.all(Array.from({ length: Math.min(lanes, target - i) }, (_, k) => add(i + k)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One store's figures at each size: the duplicate and claim work of adding one document, and storing it. */
async function measure(store: Store, label: string, rows: string[][], worst: { ms: number }): Promise<void> {
  let have = 0;
  const texts: string[] = [];
  for (const size of SIZES) {
    const started = performance.now();
    await fill(store, texts, have, size);
    const filled = (performance.now() - started) / 1000;
    have = size;
    const work: number[] = [];
    const storing: number[] = [];
    for (let p = 0; p < PROBES; p++) {
      // Half the probes are near-copies of a stored article: the candidate is found and compared.
      const text = p % 2 ? `${texts[Math.floor(random() * size)]!} One more line.` : article(size + p);
      const e = evidenceOf(`probe-${size}-${p}.txt`, text);
      const t0 = performance.now();
      const [copy] = await nearCopies(store, [e.document]);
      await claimsMet(store, e.claims, e.document.file);
      const t1 = performance.now();
      await store.addDocument(e, copy!.of, [], copy!.signature);
      const t2 = performance.now();
      work.push(t1 - t0);
      storing.push(t2 - t1);
    }
    const ms = median(work);
    worst.ms = Math.max(worst.ms, ms);
    rows.push([
      `${label}, ${size.toLocaleString("en-US")} stored`,
      `duplicate + claim work ${ms.toFixed(1)} ms (p90 ${[...work].sort((a, b) => a - b)[Math.floor(PROBES * 0.9)]!.toFixed(1)} ms); storing ${median(storing).toFixed(1)} ms; filled in ${filled.toFixed(0)} s`,
    ]);
    process.stderr.write(`follow scale: ${rows.at(-1)!.join(": ")}\n`);
  }
}

export async function followScale(): Promise<{ rows: string[][]; worstMs: number; skipped: string[] }> {
  const rows: string[][] = [];
  const worst = { ms: 0 };
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "parley-scale-"));
  const sqlite = new SqliteStore(join(dir, "scale.db"));
  try {
    await measure(sqlite, "SQLite", rows, worst);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = await startPostgres();
  if ("skipped" in pg) skipped.push(`PostgreSQL: ${pg.skipped}`);
  else {
    const store = await PostgresStore.open(pg.url);
    try {
      await measure(store, "PostgreSQL", rows, worst);
    } finally {
      await store.close();
      pg.stop();
    }
  }
  return { rows, worstMs: worst.ms, skipped };
}
