import { detached } from "../detached.js";
import type { TextAnalysis } from "../text-analysis.js";

/**
 * Per-token features of the attribution tagger, as 32-bit hashes of feature strings (the
 * weights are a hashed table, so no feature dictionary is stored or looked up). What a parser
 * would otherwise give is approximated by the token's word, shape and part of speech, its
 * neighbours, whether it stands inside quotation marks, how far the nearest cue word is and on
 * which side, where it stands in its sentence and paragraph, "Name:" transcript turns, and a
 * shallow reading of the clause: the base noun phrase it is in (its head word, whether it stands
 * just before a cue as its subject or just after it as its object), how far the clause opened by
 * "that" or a colon is and whether a cue opened it, and the sentence's last verb before it.
 */
export interface TokenFeatures {
  /** Feature hashes of all tokens, token after token. */
  readonly hashes: Uint32Array;
  /** Token t's features are `hashes[offsets[t] .. offsets[t + 1])`. */
  readonly offsets: Uint32Array;
}

/** Lower-cased words (and two-word phrases, space-joined) that cue attributions, learned from training data. */
export type CueLexicon = ReadonlySet<string>;

const OPEN_QUOTES = new Set(["“", "‘", "«"]);
const CLOSE_QUOTES = new Set(["”", "’", "»"]);
const PRONOUNS = new Set(["he", "she", "they", "i", "we", "it", "you"]);

/** FNV-1a over a string from its character `from` on, continuing from `h`. */
function hashString(s: string, h = 0x811c9dc5, from = 0): number {
  for (let i = from; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Parts of speech are a few tags: each hashed once.
const posHashes = new Map<string, number>();
function posHash(pos: string): number {
  let h = posHashes.get(pos);
  if (h === undefined) posHashes.set(pos, (h = hashString(pos)));
  return h;
}

function shape(w: string): string {
  if (/^\d[\d,.]*$/.test(w)) return "d";
  if (/^[A-Z][a-z]/.test(w)) return "Xx";
  if (/^[A-Z]+$/.test(w)) return w.length > 1 ? "XX" : "X";
  if (/^[a-z]/.test(w)) return "x";
  if (/^["“”'‘’«»]$/.test(w)) return "q";
  return /^\W+$/.test(w) ? `p${w}` : "o";
}

export function tokenFeatures(a: TextAnalysis, cues: CueLexicon): TokenFeatures {
  const tokens = a.tokens;
  const n = tokens.length;
  const text = a.text;
  // What each token's word gives the features, looked up once per distinct word (see `wordsOf`).
  const words = wordsOf(tokens, cues);
  // Whether a line break stands between token i − 1 and token i: one scan for line breaks, no slices.
  const breakBefore = new Uint8Array(n);
  for (let i = 1, nl = text.indexOf("\n"); i < n && nl >= 0; i++) {
    if (nl < tokens[i - 1]!.end) nl = text.indexOf("\n", tokens[i - 1]!.end);
    if (nl >= 0 && nl < tokens[i]!.start) breakBefore[i] = 1;
  }
  // Inside double quotation marks (straight ones toggle, a paragraph break closes).
  const inQuote = new Uint8Array(n);
  let open = false;
  for (let i = 0; i < n; i++) {
    const v = tokens[i]!.value;
    if (breakBefore[i] && !OPEN_QUOTES.has(v) && v !== '"') open = false;
    if (v === "“" || (v === '"' && !open)) open = true;
    else if (v === "”" || (v === '"' && open)) {
      inQuote[i] = 1;
      open = false;
      continue;
    }
    inQuote[i] = open ? 1 : 0;
  }
  // Cue words: a token is one when it, or it with the next word, is in the lexicon.
  const isCue = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    if (words[i]!.cue || (i + 1 < n && words[i]!.opening && cues.has(`${words[i]!.lower} ${words[i + 1]!.lower}`)))
      isCue[i] = 1;
  const leftCue = new Int32Array(n),
    rightCue = new Int32Array(n);
  for (let i = 0, last = -1000; i < n; i++) {
    leftCue[i] = i - last;
    if (isCue[i]) last = i;
  }
  for (let i = n - 1, next = n + 1000; i >= 0; i--) {
    rightCue[i] = next - i;
    if (isCue[i]) next = i;
  }
  // Sentence and paragraph of each token.
  const sentenceIndex = new Int32Array(n).fill(-1);
  const sentenceStart = new Uint8Array(n),
    sentenceEnd = new Uint8Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    while (s < a.sentences.length && a.sentences[s]!.end <= tokens[i]!.start) s++;
    sentenceIndex[i] = s;
    if (i === 0 || sentenceIndex[i - 1] !== s) sentenceStart[i] = 1;
  }
  for (let i = 0; i < n; i++) if (i === n - 1 || sentenceIndex[i + 1] !== sentenceIndex[i]) sentenceEnd[i] = 1;
  const lineStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (i === 0 || breakBefore[i]) lineStart[i] = 1;
  // "Name:" at the start of a line (a transcript turn, perhaps after an opening quotation mark):
  // 2 on the name, 1 on the words of the turn.
  const turn = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!lineStart[i]) continue;
    let from = i;
    while (from < n && /^["“(]$/.test(tokens[from]!.value)) from++;
    let j = from;
    while (j < n && j - from < 4 && /^[A-Z]/.test(tokens[j]!.value)) j++;
    if (j > from && j < n && tokens[j]!.value === ":") {
      for (let k = from; k < j; k++) turn[k] = 2;
      for (let k = j + 1; k < n && !lineStart[k]; k++) turn[k] = 1;
    }
  }

  // Per sentence: its first and last cue word outside quotation marks, and whether it quotes.
  const sentences = Math.max(1, s + 1);
  const firstCue = new Int32Array(sentences).fill(-1),
    lastCue = new Int32Array(sentences).fill(-1);
  const quotes = new Uint8Array(sentences);
  for (let i = 0; i < n; i++) {
    const k = sentenceIndex[i]!;
    if (isCue[i] && !inQuote[i]) {
      if (firstCue[k]! < 0) firstCue[k] = i;
      lastCue[k] = i;
    }
    if (inQuote[i]) quotes[k] = 1;
  }
  // A sentence closing with its attribution ("…, sources said."): its last cue sits in its final
  // few tokens after a comma or closing quote; what stands before that comma is the content.
  const beforeTrailing = new Uint8Array(n),
    inTrailing = new Uint8Array(n);
  for (let k = 0; k < sentences; k++) {
    const c = lastCue[k]!;
    if (c < 0) continue;
    let end = c;
    while (end + 1 < n && sentenceIndex[end + 1] === k) end++;
    if (end - c > 6) continue;
    let comma = -1;
    for (let j = c - 1; j >= 0 && c - j <= 6 && sentenceIndex[j] === k; j--)
      if (tokens[j]!.value === "," || tokens[j]!.value === "”" || tokens[j]!.value === '"') {
        comma = j;
        break;
      }
    if (comma < 0) continue;
    for (let j = comma + 1; j <= end; j++) inTrailing[j] = 1;
    for (let j = comma - 1; j >= 0 && sentenceIndex[j] === k; j--) beforeTrailing[j] = 1;
  }
  // A line ending with a colon introduces what follows ("The Times reports:").
  const afterColonLine = new Uint8Array(n);
  for (let i = 0, colon = false; i < n; i++) {
    if (lineStart[i])
      colon =
        (i > 0 &&
          /:\s*$/.test(text.slice(tokens[Math.max(0, i - 1)]!.start, tokens[i]!.start).replace(/\n[\s\S]*$/, ""))) ||
        (i > 0 && tokens[i - 1]!.value === ":");
    afterColonLine[i] = colon ? 1 : 0;
  }
  const phrases = nounPhrases(a, sentenceIndex, isCue);
  // Per token: how far back its sentence's last subordinator ("that", "whether") or colon stands,
  // whether a cue stood just before that one ("said that …"), and the sentence's last verb before it.
  const clauseFrom = new Int32Array(n),
    cueClause = new Uint8Array(n),
    verbBefore = new Int32Array(n);
  for (let i = 0, opener = -1000, cued = 0, verb = -1; i < n; i++) {
    if (sentenceStart[i]) (opener = -1000), (cued = 0), (verb = -1);
    clauseFrom[i] = i - opener;
    cueClause[i] = cued;
    verbBefore[i] = verb;
    if (tokens[i]!.pos === "SCONJ" || tokens[i]!.value === ":") {
      opener = i;
      cued = i > 0 && leftCue[i]! <= 4 ? 1 : 0;
    }
    if (tokens[i]!.pos === "VERB") verb = i;
  }

  // Features are hashed without building their strings: each value (word, part of speech,
  // shape) is hashed once per token, then a feature is its template's number mixed with its
  // values' hashes and small integers — a few multiplications per feature. (Hashing a short word
  // costs less than looking it up in a table of hashes already taken.)
  const wordH = new Uint32Array(n + 4),
    posH = new Uint32Array(n + 4),
    shapeH = new Uint32Array(n + 4),
    sufH = new Uint32Array(n);
  const START = hashString("<s>"),
    END = hashString("</s>");
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    wordH[i + 2] = w.word;
    posH[i + 2] = posHash(tokens[i]!.pos);
    shapeH[i + 2] = w.shape;
    sufH[i] = w.suffix;
  }
  for (const at of [0, 1]) (wordH[at] = START), (posH[at] = START), (shapeH[at] = START);
  for (const at of [n + 2, n + 3]) (wordH[at] = END), (posH[at] = END), (shapeH[at] = END);
  const W = (i: number) => wordH[i + 2]!,
    P = (i: number) => posH[i + 2]!,
    S = (i: number) => shapeH[i + 2]!;
  const SIDE = { none: 1, before: 2, after: 3, at: 4, between: 5 } as const;

  // At most 51 features a token; written straight into a typed array (a plain array would box
  // each 32-bit hash above 2^30 as a heap number).
  const hashes = new Uint32Array(n * 51 + 1);
  let used = 0;
  const offsets = new Uint32Array(n + 1);
  // A feature: its template number mixed with three values (0 where it has fewer).
  const f = (template: number, a: number, b: number, c: number) => {
    let x = Math.imul(template + 0x9e3779b9, 0x85ebca6b);
    x = Math.imul((x ^ a) + 0x7f4a7c15, 0xc2b2ae35) ^ (x >>> 13);
    x = Math.imul((x ^ b) + 0x7f4a7c15, 0xc2b2ae35) ^ (x >>> 13);
    x = Math.imul((x ^ c) + 0x7f4a7c15, 0xc2b2ae35) ^ (x >>> 13);
    hashes[used++] = (x ^ (x >>> 16)) >>> 0;
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    const np = phrases.part[i]!;
    f(45, np, phrases.subject[i]!, phrases.object[i]!);
    if (np) {
      f(46, W(phrases.head[i]!), 0, 0);
      f(47, W(phrases.head[i]!), phrases.subject[i]!, 0);
    }
    f(48, np, phrases.length[i]!, P(i));
    f(49, bucketIndex(clauseFrom[i]!), cueClause[i]!, 0);
    f(50, cueClause[i]!, inQuote[i]!, 0);
    f(51, verbBefore[i]! < 0 ? 0 : W(verbBefore[i]!), 0, 0);
    const value = tokens[i]!.value,
      pos = P(i);
    const q = inQuote[i]!,
      lc = bucketIndex(leftCue[i]!),
      rc = bucketIndex(rightCue[i]!);
    f(1, 0, 0, 0);
    f(2, W(i), 0, 0);
    f(3, W(i - 1), 0, 0);
    f(4, W(i + 1), 0, 0);
    f(5, W(i - 2), 0, 0);
    f(6, W(i + 2), 0, 0);
    f(7, W(i - 1), W(i), 0);
    f(8, W(i), W(i + 1), 0);
    f(9, sufH[i]!, 0, 0);
    f(10, S(i), 0, 0);
    f(11, S(i - 1), S(i), 0);
    f(12, pos, 0, 0);
    f(13, P(i - 1), 0, 0);
    f(14, P(i + 1), 0, 0);
    f(15, P(i - 1), pos, 0);
    f(16, pos, P(i + 1), 0);
    f(17, P(i - 2), P(i - 1), pos);
    f(18, q, 0, 0);
    f(19, q, pos, 0);
    f(20, i > 0 ? inQuote[i - 1]! : 0, q, i + 1 < n ? inQuote[i + 1]! : 0);
    f(21, isCue[i]!, 0, 0);
    f(22, isCue[i]!, pos, 0);
    f(23, lc, 0, 0);
    f(24, rc, 0, 0);
    f(25, lc, rc, q);
    f(26, rc, pos, 0);
    f(27, lc, pos, 0);
    f(28, sentenceStart[i]!, sentenceEnd[i]!, 0);
    const k = sentenceIndex[i]!,
      fc = firstCue[k]!,
      lcue = lastCue[k]!;
    const side = SIDE[fc < 0 ? "none" : i < fc ? "before" : i > lcue ? "after" : isCue[i] ? "at" : "between"];
    f(29, side, 0, 0);
    f(30, side, q, quotes[k]!);
    f(31, side, pos, 0);
    f(32, side, bucketIndex(fc < 0 ? 99 : Math.min(Math.abs(i - fc), Math.abs(i - lcue))), 0);
    f(33, afterColonLine[i]!, q, 0);
    // Which cue is near, not only how near: "said" and "according to" frame their content differently.
    if (rightCue[i]! <= 8) f(34, W(i + rightCue[i]!), rc, 0);
    if (leftCue[i]! <= 8) f(35, W(i - leftCue[i]!), lc, 0);
    f(36, W(i), q, 0);
    f(37, W(i), side, 0);
    f(38, lineStart[i]!, 0, 0);
    f(39, turn[i]!, 0, 0);
    f(40, beforeTrailing[i]!, inTrailing[i]!, pos);
    f(41, inTrailing[i] ? W(i) : 0, 0, 0);
    if (words[i]!.pronoun) f(42, rc, 0, 0);
    if (OPEN_QUOTES.has(value) || CLOSE_QUOTES.has(value) || value === '"') f(43, q, lineStart[i]!, 0);
    if (i > 0 && (tokens[i - 1]!.value === "," || tokens[i - 1]!.value === "”")) f(44, isCue[i]!, pos, 0);
  }
  offsets[n] = used;
  return { hashes: hashes.subarray(0, used), offsets };
}

/** Parts of speech a base noun phrase is made of ("a senior US official", "the union 's leaders"). */
const PHRASE_POS = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"]);
const HEAD_POS = new Set(["NOUN", "PROPN", "PRON", "NUM"]);

/**
 * Base noun phrases read off the parts of speech, a chunker's answer without a parser: runs of
 * determiners, adjectives, numbers, nouns and pronouns (a possessive "'s" inside) within a
 * sentence. Per token: 1 on a phrase's first word, 2 on the others, 0 outside; the token index of
 * its head (its last noun); its length (capped at 6); and whether a cue word follows it at once
 * (its subject: "officials said") or precedes it (its object: "told reporters").
 */
function nounPhrases(a: TextAnalysis, sentenceIndex: Int32Array, isCue: Uint8Array) {
  const tokens = a.tokens;
  const n = tokens.length;
  const part = new Uint8Array(n),
    head = new Int32Array(n),
    length = new Uint8Array(n),
    subject = new Uint8Array(n),
    object = new Uint8Array(n);
  const inPhrase = (k: number) =>
    PHRASE_POS.has(tokens[k]!.pos) || (tokens[k]!.pos === "PART" && /^['’]s$/.test(tokens[k]!.value));
  for (let i = 0; i < n; ) {
    if (tokens[i]!.pos === "PART" || !inPhrase(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && inPhrase(j) && sentenceIndex[j] === sentenceIndex[i]) j++;
    let h = j - 1;
    while (h > i && !HEAD_POS.has(tokens[h]!.pos)) h--;
    const before = j < n && isCue[j] ? 1 : 0,
      after = i > 0 && isCue[i - 1] ? 1 : 0;
    for (let k = i; k < j; k++) {
      part[k] = k === i ? 1 : 2;
      head[k] = h;
      length[k] = Math.min(6, j - i);
      subject[k] = before;
      object[k] = after;
    }
    i = j;
  }
  return { part, head, length, subject, object };
}

/** What a word gives the features, the same wherever it stands. */
interface WordFeatures {
  readonly lower: string;
  /** Hashes of the lower-cased word, its last three letters and its shape. */
  readonly word: number;
  readonly suffix: number;
  readonly shape: number;
  /** A cue by itself; the first word of a two-word cue. */
  readonly cue: boolean;
  readonly opening: boolean;
  readonly pronoun: boolean;
}

/**
 * Per lexicon, the words met so far: most of a text's tokens are words met before, and one lookup
 * replaces lower-casing, three hashes and two lexicon lookups. Emptied when it grows past
 * `WORDS_KEPT`, so a long-running process holds a few megabytes at most.
 */
const wordCache = new WeakMap<CueLexicon, { words: Map<string, WordFeatures>; openings: Set<string> }>();
const WORDS_KEPT = 50_000;

function wordsOf(tokens: TextAnalysis["tokens"], cues: CueLexicon): WordFeatures[] {
  let cache = wordCache.get(cues);
  if (!cache)
    wordCache.set(
      cues,
      (cache = {
        words: new Map(),
        // The first words of the lexicon's two-word cues: only after one is a pair built to look up.
        openings: new Set([...cues].filter((c) => c.includes(" ")).map((c) => c.split(" ")[0]!)),
      }),
    );
  const out = new Array<WordFeatures>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let value = tokens[i]!.value;
    let w = cache.words.get(value);
    if (!w) {
      // The word copied out of its text: a token's value is a slice, which in V8 keeps the whole
      // text alive while the table keeps the word (every article a server reads, otherwise).
      value = detached(value);
      const lower = value.toLowerCase();
      w = {
        lower,
        word: hashString(lower),
        suffix: hashString(lower, undefined, Math.max(0, lower.length - 3)),
        shape: hashString(shape(value)),
        cue: cues.has(lower),
        opening: cache.openings.has(lower),
        pronoun: PRONOUNS.has(lower),
      };
      if (cache.words.size >= WORDS_KEPT) cache.words.clear();
      cache.words.set(value, w);
    }
    out[i] = w;
  }
  return out;
}

/** A distance as one of seven buckets: 0, 1, 2, 3–4, 5–8, 9–16, farther. */
function bucketIndex(d: number): number {
  return d <= 0 ? 0 : d === 1 ? 1 : d === 2 ? 2 : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : 6;
}
