import { escapeRegExp } from "./escape-regexp.js";

/**
 * How often a word stands alone in a text (not inside a longer word). The text's words are found
 * once and kept for its next question: each headline asks for one surname, each bare name whether
 * the text also writes it in lower case.
 */
export function timesWritten(text: string, word: string): number {
  if (!/^\p{L}+$/u.test(word))
    return (text.match(new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "gu")) ?? []).length;
  return wordsOf(text).get(word)?.length ?? 0;
}

/** Where a word of letters alone stands alone in a text: the start of each time it is written. */
export function whereWritten(text: string, word: string): readonly number[] {
  return wordsOf(text).get(word) ?? [];
}

/**
 * An answer about a text kept with its word index, so the same question of the same text is
 * worked out once (each source "Strana" heads asks again whether "Strana" only opens sentences).
 */
export function answeredOnce<T>(text: string, question: string, answer: () => T): T {
  wordsOf(text);
  let known = written.answers.get(question) as T | undefined;
  if (known === undefined) written.answers.set(question, (known = answer()));
  return known;
}

function wordsOf(text: string): Map<string, number[]> {
  if (written.text !== text) {
    // Words read in place, a letter at a time (a match object per word was most of the cost).
    const at = new Map<string, number[]>();
    for (let i = 0; i < text.length; ) {
      let len = letterLength(text, i);
      if (!len) {
        i++;
        continue;
      }
      const start = i;
      while (len) {
        i += len;
        len = i < text.length ? letterLength(text, i) : 0;
      }
      const word = text.slice(start, i);
      const list = at.get(word);
      if (list) list.push(start);
      else at.set(word, [start]);
    }
    written = { text, at, answers: new Map() };
  }
  return written.at;
}
const LETTER = /\p{L}/uy;
/** The code units of the letter at `i` (2 for one beyond the 16-bit range), or 0. */
function letterLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  LETTER.lastIndex = i;
  return LETTER.test(text) ? LETTER.lastIndex - i : 0;
}

let written: { text: string; at: Map<string, number[]>; answers: Map<string, unknown> } = {
  text: "",
  at: new Map(),
  answers: new Map(),
};
