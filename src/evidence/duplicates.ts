import type { EvidenceDocument } from "./document.js";

/** Share of shared word 5-grams above which two documents are near-identical copies. */
export const NEAR_DUPLICATE = 0.8;

/** A document that copies an earlier one: the earlier one's position in the list, and how alike they are. */
export interface Duplicate {
  readonly of: number;
  readonly similarity: number;
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(" "));
  return out;
}

/**
 * Per document, the earliest document before it in the list that is the same article:
 * identical content (the same id) or near-identical (Jaccard similarity of word 5-grams ≥
 * NEAR_DUPLICATE), else null. The answer depends only on the list's order, so a batch read in
 * one go and one read in parts flag the same copies. Earlier documents sharing 5-grams are found
 * through an index from each 5-gram to the documents holding it, not by comparing every pair.
 */
export function findDuplicates(docs: readonly EvidenceDocument[]): (Duplicate | null)[] {
  const out: (Duplicate | null)[] = [];
  const firstById = new Map<string, number>();
  const holders = new Map<string, number[]>();
  const sizes: number[] = [];
  docs.forEach((doc, j) => {
    const set = shingles(doc.text);
    sizes.push(set.size);
    const same = firstById.get(doc.id);
    let found: Duplicate | null = same === undefined ? null : { of: out[same]?.of ?? same, similarity: 1 };
    if (!found) {
      const common = new Map<number, number>();
      for (const s of set) for (const i of holders.get(s) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
      for (const [i, c] of [...common].sort((a, b) => a[0] - b[0])) {
        const union = sizes[i]! + set.size - c;
        const similarity = union ? c / union : 0;
        if (similarity >= NEAR_DUPLICATE) {
          found = { of: i, similarity };
          break;
        }
      }
    }
    out.push(found);
    if (same === undefined) firstById.set(doc.id, j);
    // Only originals are indexed: a copy of a copy is found through the original.
    if (!found) for (const s of set) (holders.get(s) ?? holders.set(s, []).get(s)!).push(j);
  });
  return out;
}
