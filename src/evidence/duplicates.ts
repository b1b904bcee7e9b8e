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

/** 5-grams held by more originals than this are boilerplate: they find no candidates (they still count in the similarity). */
const COMMON = 64;

/**
 * Per document, the earliest document before it in the list that is the same article:
 * identical content (the same id) or near-identical (Jaccard similarity of word 5-grams ≥
 * NEAR_DUPLICATE), else null. The answer depends only on the list's order, so a batch read in
 * one go and one read in parts flag the same copies. Candidates come from an index of each
 * 5-gram to the earlier originals holding it, through 5-grams few of them share (a copy shares
 * ≥ 80 % of an original's, so it shares its distinctive ones); boilerplate every article carries
 * would otherwise make each document a candidate of every other. Each candidate's similarity
 * is then computed exactly.
 */
export function findDuplicates(docs: readonly EvidenceDocument[]): (Duplicate | null)[] {
  // One document copies nothing (and a long one's shingles are not worth making).
  if (docs.length < 2) return docs.map(() => null);
  const out: (Duplicate | null)[] = [];
  const firstById = new Map<string, number>();
  const holders = new Map<string, number[]>();
  const sets: Set<string>[] = [];
  docs.forEach((doc, j) => {
    const set = shingles(doc.text);
    sets.push(set);
    const same = firstById.get(doc.id);
    let found: Duplicate | null = same === undefined ? null : { of: out[same]?.of ?? same, similarity: 1 };
    if (!found) {
      const candidates = new Set<number>();
      for (const s of set) {
        const list = holders.get(s);
        if (list && list.length <= COMMON) for (const i of list) candidates.add(i);
      }
      // A text made only of boilerplate: fall back to the first holders of its 5-grams.
      if (!candidates.size)
        for (const s of set) for (const i of (holders.get(s) ?? []).slice(0, COMMON)) candidates.add(i);
      for (const i of [...candidates].sort((a, b) => a - b)) {
        const similarity = jaccard(sets[i]!, set);
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

/** The Jaccard similarity of two texts' word 5-grams: what NEAR_DUPLICATE is a threshold of. */
export const textSimilarity = (a: string, b: string) => jaccard(shingles(a), shingles(b));

function jaccard(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  const union = a.size + b.size - common;
  return union ? common / union : 0;
}
