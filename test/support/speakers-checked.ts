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
