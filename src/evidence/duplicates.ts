import type { EvidenceDocument } from "./document.js";
import { eachWord } from "./word-runs.js";

/** Share of shared word 5-grams above which two documents are near-identical copies. */
export const NEAR_DUPLICATE = 0.8;

/** A document that copies an earlier one: the earlier one's position in the list, and how alike they are. */
export interface Duplicate {
  readonly of: number;
  readonly similarity: number;
}

/**
 * A text's word 5-grams, each as a 53-bit hash (two independent 32-bit mixes of its words'
 * hashes), sorted and without repeats: arrays of numbers, not sets of joined strings, at a
 * collision chance of ~2⁻⁵³ per pair; two texts' shared 5-grams are counted by one merge.
 */
function shingles(text: string): Float64Array {
  const hashes = wordHashes(text.toLowerCase());
  const out = new Float64Array(Math.max(0, hashes.length - 4));
  for (let i = 0; i + 5 <= hashes.length; i++) {
    let a = 0x9e3779b9,
      b = 0x85ebca6b;
    for (let k = i; k < i + 5; k++) {
      a = Math.imul(a ^ hashes[k]!, 0xcc9e2d51) ^ (a >>> 15);
      b = Math.imul(b + hashes[k]!, 0x1b873593) ^ (b >>> 13);
    }
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
    out[i] = (a >>> 0) * 0x200000 + ((b ^ (b >>> 13)) & 0x1fffff);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/**
 * FNV-1a of each word (a run of letters and digits) of a text, read in place: no word is cut out
 * as a string, nor a match made per word.
 */
function wordHashes(text: string): Uint32Array {
  const out = new Uint32Array((text.length >> 1) + 1);
  let n = 0;
  eachWord(text, true, (start, end) => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out[n++] = h;
  });
  return out.subarray(0, n);
}

/** A 5-gram's key in the index of originals: its hash's low 30 bits, a small integer (a map keyed by those hashes fast); taken with integer bit operations, not a floating-point remainder. */
const indexKey = (s: number) => (s >>> 0) & 0x3fffffff;

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
export function findDuplicates(docs: readonly Pick<EvidenceDocument, "id" | "text">[]): (Duplicate | null)[] {
  // One document copies nothing (and a long one's shingles are not worth making).
  if (docs.length < 2) return docs.map(() => null);
  const out: (Duplicate | null)[] = [];
  const firstById = new Map<string, number>();
  const holders = new Map<number, number[]>();
  const sets: Float64Array[] = [];
  docs.forEach((doc, j) => {
    const set = shingles(doc.text);
    sets.push(set);
    const same = firstById.get(doc.id);
    let found: Duplicate | null = same === undefined ? null : { of: out[same]?.of ?? same, similarity: 1 };
    if (!found) {
      // Candidates by the index's keys: a key two 5-grams share only adds a candidate, whose
      // similarity is then computed on the full hashes.
      // Each candidate's count of keys it shares, and the 5-grams not looked for (boilerplate):
      // together they bound the 5-grams it can share, so one that cannot reach NEAR_DUPLICATE is
      // not merged with (J ≥ t needs shared ≥ t / (1 + t) of both sets together).
      const candidates = new Map<number, number>();
      let unsought = 0;
      // (Indexed loops: iterating a typed array with for…of made an object per 5-gram.)
      for (let k = 0; k < set.length; k++) {
        const list = holders.get(indexKey(set[k]!));
        if (list && list.length <= COMMON) for (const i of list) candidates.set(i, (candidates.get(i) ?? 0) + 1);
        else if (list) unsought++;
      }
      // A text made only of boilerplate: fall back to the first holders of its 5-grams.
      if (!candidates.size)
        for (let k = 0; k < set.length; k++)
          for (const i of (holders.get(indexKey(set[k]!)) ?? []).slice(0, COMMON))
            candidates.set(i, Number.POSITIVE_INFINITY);
      for (const i of [...candidates.keys()].sort((a, b) => a - b)) {
        const most = candidates.get(i)! + unsought;
        // (Less a slack far below one 5-gram, so rounding never drops a pair exactly at the threshold.)
        if (most < (NEAR_DUPLICATE / (1 + NEAR_DUPLICATE)) * (sets[i]!.length + set.length) - 1e-6) continue;
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
    if (!found)
      for (let k = 0; k < set.length; k++) {
        const key = indexKey(set[k]!);
        const list = holders.get(key);
        if (!list) holders.set(key, [j]);
        else if (list[list.length - 1] !== j) list.push(j);
      }
  });
  return out;
}

/** The Jaccard similarity of two texts' word 5-grams: what NEAR_DUPLICATE is a threshold of. */
export const textSimilarity = (a: string, b: string) => jaccard(shingles(a), shingles(b));

function jaccard(a: Float64Array, b: Float64Array): number {
  let common = 0;
  for (let i = 0, k = 0; i < a.length && k < b.length; )
    if (a[i]! < b[k]!) i++;
    else if (a[i]! > b[k]!) k++;
    else {
      common++;
      i++;
      k++;
    }
  const union = a.length + b.length - common;
  return union ? common / union : 0;
}
