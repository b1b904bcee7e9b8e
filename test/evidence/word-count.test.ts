import { describe, expect, it } from "vitest";
import { polnearDevTexts } from "../../bench/polnear-texts.js";
import { wordCount } from "../../src/evidence/word-count.js";

describe("word count", () => {
  it("counts what splitting at runs of spaces gives, Unicode spaces and empty ends included", () => {
    const odd = ["", " ", "a", " a ", "a\u00a0b\u2003c\u3000d\ufeffe", "\t\n\v\f\r x", "x\u200by", "x\u0085y"];
    for (const t of odd) expect(wordCount(t), JSON.stringify(t)).toBe(t.split(/\s+/).length);
    let every = "";
    for (let c = 0; c < 0x10000; c++) every += `a${String.fromCharCode(c)}`;
    expect(wordCount(every)).toBe(every.split(/\s+/).length);
  });

  it("counts the words of real articles as splitting does", () => {
    for (const t of polnearDevTexts()) expect(wordCount(t)).toBe(t.split(/\s+/).length);
  });
});
