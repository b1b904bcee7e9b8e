import { describe, expect, it } from "vitest";
import { polnearDevTexts } from "../../bench/polnear-texts.js";
import { eachWord } from "../../src/evidence/word-runs.js";

const words = (text: string, digits: boolean) => {
  const out: string[] = [];
  eachWord(text, digits, (start, end) => out.push(`${start}:${text.slice(start, end)}`));
  return out;
};
const matched = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);

describe("words read in place", () => {
  it("finds what /\\p{L}+/gu and /[\\p{L}\\p{N}]+/gu find: accents, letters past 16 bits, lone surrogates, other scripts' digits", () => {
    const odd = [
      "",
      "Erdoğan said 𝒜𝒷𝒸 ok 𝟙𝟚 ḍ İstanbul ΑΘΗΝΑ x1 ½ ² ٣٤ 中文字 \ud800 lone \udc00x",
      "e\u0301te 9a a9 -- 😀word",
    ];
    for (const t of [...odd, ...polnearDevTexts().slice(0, 10)]) {
      expect(words(t, false)).toEqual(matched(t, /\p{L}+/gu));
      expect(words(t, true)).toEqual(matched(t, /[\p{L}\p{N}]+/gu));
    }
  });
});
