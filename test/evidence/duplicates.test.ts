import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDuplicates, NEAR_DUPLICATE } from "../../src/evidence/duplicates.js";
import { ROOT, SHARED } from "../domains.js";

const words = (n: number, prefix = "w") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const doc = (id: string, text: string) => ({ id, text });

describe("near-duplicates across a batch", () => {
  it("a pair exactly at the threshold is a copy (28 five-grams shared of 31 and 32: 28 / 35 = 0.8)", () => {
    // 35 words make 31 five-grams; the copy keeps the first 32 words (28 five-grams) and adds 4.
    // (0.8 / 1.8 · 63, the bound the candidates are pruned by, rounds above 28 in floating point.)
    const original = words(35).join(" ");
    const copy = [...words(32), ...words(4, "x")].join(" ");
    const out = findDuplicates([doc("a", original), doc("b", copy)]);
    expect(NEAR_DUPLICATE).toBe(0.8);
    expect(out).toEqual([null, { of: 0, similarity: 0.8 }]);
    // One five-gram fewer shared is below it.
    const further = [...words(31), ...words(5, "x")].join(" ");
    expect(findDuplicates([doc("a", original), doc("c", further)])).toEqual([null, null]);
  });

  it("among real articles, a lightly edited copy is found and no article is taken for another", () => {
    const dir = join(ROOT, "cases", "moscow-2025-12", "corpus");
    const gaza = join(SHARED, "corpus", "gaza-2025-10");
    const texts = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => readFileSync(join(dir, f), "utf8")),
      ...readdirSync(gaza)
        .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
        .map((f) => readFileSync(join(gaza, f), "utf8")),
    ];
    expect(texts.length).toBeGreaterThan(5);
    const docs = texts.map((t, i) => doc(`t${i}`, t));
    const before = findDuplicates(docs);
    // The copy of the longest article: its first sentence rewritten, as a syndicated copy's lead is.
    const longest = texts.reduce((best, t, i) => (t.length > texts[best]!.length ? i : best), 0);
    const edited = texts[longest]!.replace(/^[^.]*\./, "A rewritten opening sentence of the copy.");
    const after = findDuplicates([...docs, doc("copy", edited)]);
    expect(after.slice(0, docs.length)).toEqual(before);
    expect(after.at(-1)?.of).toBe(before[longest]?.of ?? longest);
    expect(after.at(-1)?.similarity).toBeGreaterThan(NEAR_DUPLICATE);
  });
});
