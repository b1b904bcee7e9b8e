import { escapeRegExp } from "./escape-regexp.js";
import { eachWord } from "./word-runs.js";

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
    const at = new Map<string, number[]>();
    eachWord(text, false, (start, end) => {
      const word = text.slice(start, end);
      const list = at.get(word);
      if (list) list.push(start);
      else at.set(word, [start]);
    });
    written = { text, at, answers: new Map() };
  }
  return written.at;
}
let written: { text: string; at: Map<string, number[]>; answers: Map<string, unknown> } = {
  text: "",
  at: new Map(),
  answers: new Map(),
};
