import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemEntity, type ItemSentence, type ItsHelpers } from "wink-nlp";
import LANGUAGE from "../../language/actors.json" with { type: "json" };
import { detached } from "./detached.js";

/** A token with its character offsets (wink-nlp tokenises losslessly, so offsets are exact). */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** Universal POS tag (PROPN, NOUN, VERB, …). */
  readonly pos: string;
}

export interface Entity {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sentences, tokens and wink's entities (DATE, CARDINAL, MONEY, PERCENT, DURATION, …) of a text. */
export interface TextAnalysis {
  readonly text: string;
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
  readonly tokens: readonly Token[];
  readonly entities: readonly Entity[];
}

// wink-nlp adds every word its lexicon lacks to the lexicon's lookup table, and its tokenizer
// then takes such a word whole wherever it meets it again: "Clinton’s" met once before a full
// stop is never again split into "Clinton" and "’s", so a text's tokens (and its quotes'
// speakers) depended on the texts read before it in the process. The table is the core model's,
// caught as wink loads it; the words a text added are taken out of it after the text is read.
// (They stay in wink's lists, whose entries the table points into: nothing is renumbered.)
interface Lexemes {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

/** wink-nlp with its lexicon's tables in hand. */
function loadWink(): { nlp: ReturnType<typeof winkNLP>; lexemes: Lexemes } {
  let lexemes: Lexemes | undefined;
  // Sentences, parts of speech and entities only: the default pipe's negation, sentiment and
  // custom-entity steps cost a fifth of the time and change none of these.
  const nlp = winkNLP(
    {
      ...model,
      core: () => {
        const core = (model.core as () => { features: { lexeme: Lexemes } })();
        lexemes = core.features.lexeme;
        return core;
      },
    },
    ["sbd", "pos", "ner"],
  );
  if (!lexemes)
    throw new Error("wink-nlp loaded its model without calling core(): text-analysis.ts must follow its loader");
  return { nlp, lexemes };
}

/**
 * Words added to wink's lists (each text's new words, again for every text) before wink is
 * loaded afresh (~70 ms): a long-running process's lists stay within a few megabytes.
 */
const RELOAD_AFTER = 100_000;
let wink = loadWink();

/**
 * Runs of this many characters without a space, bracket, quote or comma are no words (base64
 * data, a long URL, a pasted hash); the NLP never sees them. Brackets and quotes end a run, so
 * a word glued to a Markdown link ("Tokayev](https://…)") is kept.
 */
const LONGEST_WORD = 200;
const NOT_WORDS = new RegExp(`[^\\s()\\[\\]{}<>"'“”‘’,;]{${LONGEST_WORD},}`, "g");

/** Whether a text may hold such a run: one of LONGEST_WORD characters without an ASCII space or line break (the pattern, tried at every character, costs more than this scan). */
function mayHoldLongRun(text: string): boolean {
  for (let i = 0, run = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) run = 0;
    else if (++run >= LONGEST_WORD) return true;
  }
  return false;
}

/**
 * Latin letters beyond Latin-1 ("ğ", "Ł", "č", "ő"): wink's tokenizer cuts a word at each of them
 * ("Erdoğan" → "Erdo", "ğ", "an"). It reads each as its base letter of the same case, one code
 * unit for one, so offsets hold and each token's value is still the text's own.
 */
const BEYOND_LATIN1 = /(?![\u0020-\u00ff])\p{Script=Latin}/gu;
function asLatin1(letter: string): string {
  const base = letter.normalize("NFD")[0]!;
  if (letter.length === 1 && /[A-Za-z]/.test(base)) return base;
  const upper = letter.toUpperCase() === letter;
  return letter.length === 1 ? (upper ? "X" : "x") : upper ? "XX" : "xx";
}

/**
 * Spaces wink's tokenizer drops without counting them in a token's preceding spaces (a byte-order
 * mark, a form feed, an ideographic space): every offset after one was off by one. Each is read as
 * a space or, for the line-like ones, a line break.
 */
const UNCOUNTED_SPACE = /[\v\f\u1680\u2000\u2001\u2006-\u2008\u2028\u2029\u3000\ufeff]/g;

export function analyseText(text: string): TextAnalysis {
  // The tokenizer's patterns take time that grows with the square of a token's length: such runs
  // become spaces of the same length, so every offset still points into the original text.
  if (wink.lexemes.list.length - wink.lexemes.intrinsicSize > RELOAD_AFTER) wink = loadWink();
  const { nlp, lexemes } = wink;
  const its: ItsHelpers = nlp.its;
  const known = lexemes.list.length;
  const read = (mayHoldLongRun(text) ? text.replace(NOT_WORDS, (run) => " ".repeat(run.length)) : text)
    .replace(BEYOND_LATIN1, asLatin1)
    .replace(UNCOUNTED_SPACE, (c) => (/[\v\f\u2028\u2029]/.test(c) ? "\n" : " "));
  const doc = nlp.readDoc(read);
  forgetWordsSince(lexemes, known);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // wink keeps a token's preceding spaces short of their true count after a very long run of
    // them (65,536 and more): where the count misses the token, it is looked for after the last.
    const next = at + spaces[i]!.length;
    at = read.startsWith(value, next) ? next : read.indexOf(value, at);
    if (at < 0) throw new Error(`text analysis lost its place at token ${i} ("${value.slice(0, 20)}")`);
    const end = at + value.length;
    tokens.push({ start: at, end, value: text.slice(at, end), pos: pos[i]! });
    at = end;
  }
  namesReadAsWords(tokens);
  const sentences: { start: number; end: number }[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = tokenSpan(s.out(its.span));
    // A text of nothing but spaces has a sentence without tokens.
    if (!tokens[a] || !tokens[b]) return;
    // A line break ends a sentence too: headlines, datelines and list items carry no full stop.
    let start = tokens[a]!.start;
    const end = tokens[b]!.end;
    for (const m of text.slice(start, end).matchAll(/\n+/g)) {
      const at = tokens[a]!.start + m.index!;
      if (text.slice(start, at).trim()) sentences.push(...bounded(text, start, at));
      start = at + m[0].length;
    }
    if (text.slice(start, end).trim()) sentences.push(...bounded(text, start, end));
  });
  const entities: Entity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const [a, b] = tokenSpan(e.out(its.span));
    if (!tokens[a] || !tokens[b]) return;
    const start = tokens[a]!.start,
      end = tokens[b]!.end;
    entities.push({ type: e.out(its.type) as string, start, end, text: text.slice(start, end) });
  });
  return { text, sentences, tokens, entities };
}

const GIVEN_NAMES = new Set(LANGUAGE.givenNamesReadAsWords.names);

/**
 * wink's tagger reads some given names as verbs ("Ted/VERB Cruz", "Hope/VERB Hicks"), and a
 * name's run then starts at its surname: before a capitalised proper noun such a word is a name.
 * "Will" at a sentence's start asks a question ("Will Vella resign?") and stays a word there.
 */
function namesReadAsWords(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!,
      next = tokens[i + 1]!;
    if (t.pos === "PROPN" || !GIVEN_NAMES.has(t.value)) continue;
    if (next.pos !== "PROPN" || next.start !== t.end + 1 || !/^\p{Lu}/u.test(next.value)) continue;
    if (t.pos === "AUX" && (i === 0 || /^(?:[.!?"“‘]|\s*\n\s*)$/.test(tokens[i - 1]!.value))) continue;
    tokens[i] = { ...t, pos: "PROPN" };
  }
}

/**
 * Longest sentence: text with no sentence ends (a transcript without full stops, a pasted list)
 * would otherwise be one sentence that every claim cites whole and every per-sentence step reads
 * again for each of its items. Real sentences stay far below it.
 */
const LONGEST_SENTENCE = 2000;

/** [start, end) as one sentence, or cut into pieces of at most LONGEST_SENTENCE characters after a ";", ":" or "," or at a space. */
function bounded(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  while (end - start > LONGEST_SENTENCE) {
    const window = text.slice(start + LONGEST_SENTENCE / 2, start + LONGEST_SENTENCE);
    const clause = Math.max(window.lastIndexOf("; "), window.lastIndexOf(": "), window.lastIndexOf(", "));
    const space = window.lastIndexOf(" ");
    const cut = start + LONGEST_SENTENCE / 2 + (clause >= 0 ? clause + 1 : space >= 0 ? space : window.length);
    if (text.slice(start, cut).trim()) out.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (text.slice(start, end).trim()) out.push({ start, end });
  return out;
}

/** wink-nlp's `its.span`: the first and last token index (its type declarations say string). */
function tokenSpan(span: unknown): [number, number] {
  if (!Array.isArray(span) || typeof span[0] !== "number" || typeof span[1] !== "number")
    throw new Error(`wink-nlp gave no token span: ${JSON.stringify(span)}`);
  return [span[0], span[1]];
}

/** Whether the NLP model's own lexicon (its words, not those met in texts) holds a word as written: an English word. */
export function inLexicon(word: string): boolean {
  const i = wink.lexemes.hash[word];
  return i !== undefined && i < wink.lexemes.intrinsicSize;
}

/**
 * Whether a lower-case word is an English adjective: one the NLP model's own lexicon holds (its
 * words, not those met in texts) and tags ADJ when it stands alone ("public", "crucial"), for a
 * capitalised word that might be a name.
 */
export function isAdjective(word: string): boolean {
  if (!inLexicon(word)) return false;
  let adjective = adjectives.get(word);
  if (adjective === undefined) {
    if (adjectives.size > 10_000) adjectives.clear();
    adjectives.set(detached(word), (adjective = wink.nlp.readDoc(word).tokens().out(wink.nlp.its.pos)[0] === "ADJ"));
  }
  return adjective;
}
/** Words asked about before, with the answer (a bounded memo: a long-running process asks about many). */
const adjectives = new Map<string, boolean>();

/** Takes the words wink added to its lexicon's lookup table since its list held `known` out of the table again. */
function forgetWordsSince({ hash, list, intrinsicSize }: Lexemes, known: number): void {
  for (let i = Math.max(known, intrinsicSize); i < list.length; i++) if (hash[list[i]!] === i) delete hash[list[i]!];
}
