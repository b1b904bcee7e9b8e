import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { polnearDevTexts } from "../../bench/polnear-texts.js";
import { NO_CASE } from "../../src/evidence/case-knowledge.js";
import { readDocument, withBatchDates } from "../../src/evidence/document.js";
import { extractDocument, extractDocuments, extractEvidence, namedPeople } from "../../src/evidence/extract.js";
import { analyseText } from "../../src/evidence/text-analysis.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { contentId, readDocuments } from "../../src/ingest/read-documents.js";
import { SHARED } from "../domains.js";

const model = loadAttributionModel();

describe("documents extracted step by step together", () => {
  it("gives each document the evidence it gets alone (the Gaza and Moscow texts)", () => {
    const docs = [
      ...withBatchDates(readDocuments([join(SHARED, "corpus", "gaza-2025-10")])),
      ...withBatchDates(readDocuments([join(SHARED, "corpus", "moscow-2025-12")])),
    ];
    const analyses = docs.map((d) => analyseText(d.text));
    const people = [...new Set(docs.flatMap((d, i) => namedPeople(d.file, analyses[i]!)))];
    const together = extractDocuments(docs, model, NO_CASE, people, analyses);
    expect(together).toHaveLength(docs.length);
    expect(together.reduce((n, e) => n + e.quotes.length, 0)).toBeGreaterThan(300);
    docs.forEach((d, i) => expect(together[i]).toEqual(extractDocument(d, model, NO_CASE, people, analyses[i]!)));
  });

  it("reports progress group by group over a batch larger than one group", () => {
    const docs = polnearDevTexts()
      .slice(0, 40)
      .map((t, i) => readDocument(`dev-${i}.txt`, t, contentId, { date: "2016-09-15" }));
    const seen: number[] = [];
    const report = extractEvidence(docs, model, { onProgress: (done, total) => seen.push(done, total) });
    expect(report.documents.map((d) => d.document.file)).toEqual(docs.map((d) => d.file));
    // Each analysis, then the extraction of the first 32 and of the last 8.
    const done = seen.filter((_, k) => k % 2 === 0);
    expect(done).toEqual([...Array.from({ length: 40 }, (_, i) => i + 1), 72, 80]);
    expect(new Set(seen.filter((_, k) => k % 2 === 1))).toEqual(new Set([80]));
  });
});
