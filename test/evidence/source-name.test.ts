import { describe, expect, it } from "vitest";
import { sourceName } from "../../src/evidence/source-name.js";

describe("what a reader calls a source", () => {
  it("its title; else the start of its first sentence, an initial's full stop no end; else its file's name", () => {
    expect(sourceName({ file: "a/000_5421cbf47a010d17.txt", title: "Harbour talks end", lede: "x" })).toBe(
      "Harbour talks end",
    );
    expect(sourceName({ file: "001.txt", title: null, lede: "Gozo does not seek a ‘deal’. It wants a treaty." })).toBe(
      "Gozo does not seek a ‘deal’.",
    );
    expect(
      sourceName({
        file: "002.txt",
        title: null,
        lede: "Did U.S. envoy Anna Novak manage, as the president put it, to sell the plan? Many asked.",
      }),
    ).toBe("Did U.S. envoy Anna Novak manage, as the president …");
    expect(sourceName({ file: "dir/003_b6488645339004c2.txt", title: null, lede: "" })).toBe(
      "003_b6488645339004c2.txt",
    );
  });

  it("its outlet first where known; a stored date line is no part of the first sentence", () => {
    expect(sourceName({ file: "a.txt", title: "Harbour talks end", outlet: "Harbour Post" })).toBe(
      "Harbour Post: Harbour talks end",
    );
    expect(sourceName({ file: "a.txt", title: "Harbour Post live: talks end", outlet: "Harbour Post" })).toBe(
      "Harbour Post live: talks end",
    );
    expect(
      sourceName({ file: "b.txt", outlet: "news.example", lede: " date 2025-10-08 The truce holds. More soon." }),
    ).toBe("news.example: The truce holds.");
  });
});
