import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findActors } from "../../src/evidence/actors.js";
import { NO_CASE } from "../../src/evidence/case-knowledge.js";
import { readDocument, withBatchDates } from "../../src/evidence/document.js";
import {
  extractDocument,
  extractDocuments,
  extractEvidence,
  namedPeople,
  STEP_GROUP_CHARS,
} from "../../src/evidence/extract.js";
import { findQuotes, findQuotesOf, TAGGED_TOKENS } from "../../src/evidence/quotes.js";
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

  it("tags texts of more tokens than the tagger holds at once run by run, each text's quotes as alone", () => {
    const docs = [
      ...withBatchDates(readDocuments([join(SHARED, "corpus", "gaza-2025-10")])),
      ...withBatchDates(readDocuments([join(SHARED, "corpus", "moscow-2025-12")])),
    ];
    const texts = docs.map((d) => {
      const a = analyseText(d.text);
      return { file: d.file, a, actors: findActors(d.file, a) };
    });
    const many = Array.from({ length: 8 }, () => texts).flat();
    expect(many.reduce((n, x) => n + x.a.tokens.length, 0)).toBeGreaterThan(TAGGED_TOKENS);
    const together = findQuotesOf(many, model);
    many.forEach((x, i) => expect(together[i]).toEqual(findQuotes(x.file, x.a, x.actors, model)));
  });

  it("reports progress a group at a time over a batch of more than one group's text", () => {
    // PolNeAR train's first articles, to past twice the characters of one group.
    const texts: string[] = [];
    const seen = new Set<string>();
    for (const line of readFileSync(join(SHARED, "benchmarks", "polnear-train-attributions.jsonl"), "utf8").split(
      "\n",
    )) {
      if (texts.reduce((n, t) => n + t.length, 0) > 2.2 * STEP_GROUP_CHARS) break;
      const r = JSON.parse(line) as { id: string; text: string };
      if (!seen.has(r.id)) seen.add(r.id), texts.push(r.text);
    }
    const docs = texts.map((t, i) => readDocument(`train-${i}.txt`, t, contentId, { date: "2016-09-15" }));
    const progress: [number, number][] = [];
    const report = extractEvidence(docs, model, { onProgress: (done, total) => progress.push([done, total]) });
    expect(report.documents.map((d) => d.document.file)).toEqual(docs.map((d) => d.file));
    const n = docs.length;
    expect(progress.every(([, total]) => total === 2 * n)).toBe(true);
    // Each analysis, then each group's extraction: a group ends before the text that would take it past the bound.
    const ends: number[] = [];
    for (let i = 0, held = 0; i < n; i++) {
      if (held && held + texts[i]!.length > STEP_GROUP_CHARS) ends.push(n + i), (held = 0);
      held += texts[i]!.length;
    }
    ends.push(2 * n);
    expect(ends.length).toBe(3);
    expect(progress.map(([done]) => done)).toEqual([...Array.from({ length: n }, (_, i) => i + 1), ...ends]);
  });
});
