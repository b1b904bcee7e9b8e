import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** A speaker checked by hand against a text: which file, words of the quote, who said them. */
export type CheckedSpeaker = readonly [file: string, words: string, speaker: string];

/**
 * Every quote given a speaker is one of those checked by hand, with that speaker: a new confident
 * attribution fails until someone reads it in its text and adds it.
 */
export function expectEverySpeakerChecked(
  quotes: readonly { file: string; text: string; speaker: string | null }[],
  checked: readonly CheckedSpeaker[],
  inFile: (file: string, checkedFile: string) => boolean,
): void {
  for (const q of quotes.filter((x) => x.speaker)) {
    const known = checked.find(([f, words]) => inFile(q.file, f) && q.text.includes(words));
    expect(known, `unchecked speaker ${q.speaker} for “${q.text.slice(0, 60)}”`).toBeDefined();
    expect(q.speaker).toBe(known![2]);
  }
}

/**
 * A confident reported statement is a whole clause, not its first words: five words or more, or
 * it ends where its clause or sentence does ("Hamas said these required further discussion."),
 * and not on a pronoun whose verb it cut off nor where a wrapped line breaks.
 */
export function expectWholeClause(q: { file: string; text: string; end: number }): void {
  const after = readFileSync(q.file, "utf8").slice(q.end, q.end + 3);
  expect(q.text.split(/\s+/).length >= 5 || /^\s*[.,;:!?"”’)]/.test(after) || after === "", q.text).toBe(true);
  // Nor does it stop on the subject of a verb it leaves out ("…, it [seemed that …]"), or at the
  // end of a line its sentence runs on from.
  expect(q.text, q.text).not.toMatch(/\b(?:it|he|she|they)$/i);
  const next = readFileSync(q.file, "utf8").slice(q.end, q.end + 20);
  expect(/^[ \t]*\n[ \t]*\p{Ll}/u.test(next), q.text).toBe(false);
}
