/**
 * MinHash signatures of a text's word 5-grams, and the locality-sensitive bands that index them:
 * two texts sharing ≥ 80 % of their 5-grams share a band with near certainty, two unrelated texts
 * almost never, so a store finds a new text's near-copies among any number of stored ones by a
 * few indexed lookups. The hash functions are fixed (seeded once, here): signatures stored by one
 * process are compared by another.
 */

/** Hash functions per signature. */
export const SIGNATURE_SIZE = 128;
/** Bands of ROWS hashes each: a pair with Jaccard similarity s shares a band with probability 1 − (1 − s^ROWS)^BANDS. */
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

/** The seeds of the hash functions: a fixed sequence (an LCG from a constant), the same in every process. */
const SEEDS = (() => {
  const out = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x2545f491;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x;
  }
  return out;
})();

/** MurmurHash3's finaliser: a bijection of 32-bit integers that mixes every bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string, 32 bits. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A text's word 5-grams, hashed (the same shingles the near-duplicate check compares). */
function shingleHashes(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Uint32Array(Math.max(0, words.length - 4));
  for (let i = 0; i + 5 <= words.length; i++) out[i] = fnv(words.slice(i, i + 5).join(" "));
  return out;
}

/** The MinHash signature of a text (all ones for a text of fewer than five words: it shares nothing). */
export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingleHashes(text))
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  return sig;
}

/**
 * The band keys of a signature, one per band: the band's number and a hash of its rows, in one
 * integer a database indexes (band × 2^32 + hash, below 2^53). An empty text has none.
 */
export function bandKeys(sig: Uint32Array): number[] {
  if (sig.every((v) => v === 0xffffffff)) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h, 0x01000193) ^ sig[b * ROWS + r]!);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** The share of hash functions on which two signatures agree: an estimate of their texts' Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}
