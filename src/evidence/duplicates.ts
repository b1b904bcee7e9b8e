import type { EvidenceDocument } from "./document.js";

/** Share of shared word 5-grams above which two documents are near-identical copies. */
export const NEAR_DUPLICATE = 0.8;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(" "));
  return out;
}

/**
 * Pairs of documents that are the same article: identical content (the same id) or
 * near-identical (Jaccard similarity of word 5-grams ≥ NEAR_DUPLICATE). Returns, per later
 * document, the earlier one it duplicates and how similar they are.
 */
export function findDuplicates(docs: readonly EvidenceDocument[]): Map<string, { of: string; similarity: number }> {
  const out = new Map<string, { of: string; similarity: number }>();
  const sets = docs.map((d) => shingles(d.text));
  for (let j = 0; j < docs.length; j++)
    for (let i = 0; i < j; i++) {
      if (out.has(docs[i]!.file)) continue;
      let similarity = 1;
      if (docs[i]!.id !== docs[j]!.id) {
        const a = sets[i]!, b = sets[j]!;
        let common = 0;
        for (const s of a) if (b.has(s)) common++;
        similarity = a.size + b.size - common ? common / (a.size + b.size - common) : 0;
      }
      if (similarity >= NEAR_DUPLICATE) {
        out.set(docs[j]!.file, { of: docs[i]!.file, similarity });
        break;
      }
    }
  return out;
}
