import { escapeRegExp } from "./escape-regexp.js";

/**
 * How often a word stands alone in a text (not inside a longer word). The text's words are counted
 * once and kept for its next question: each headline asks for one surname, each bare name whether
 * the text also writes it in lower case.
 */
export function timesWritten(text: string, word: string): number {
  if (!/^\p{L}+$/u.test(word))
    return (text.match(new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "gu")) ?? []).length;
  if (wordCounts.text !== text) {
    const counts = new Map<string, number>();
    for (const [w] of text.matchAll(/\p{L}+/gu)) counts.set(w, (counts.get(w) ?? 0) + 1);
    wordCounts = { text, counts };
  }
  return wordCounts.counts.get(word) ?? 0;
}
let wordCounts: { text: string; counts: Map<string, number> } = { text: "", counts: new Map() };
