import { describe, expect, it } from "vitest";
import { findActors } from "../../src/evidence/actors.js";
import { definiteSource, type EarlierSource } from "../../src/evidence/definite-source.js";
import { findQuotes } from "../../src/evidence/quotes.js";
import { analyseText } from "../../src/evidence/text-analysis.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";

const said = (t: string, words: string) => {
  const a = analyseText(t);
  const q = findQuotes("text", a, findActors("text", a), loadAttributionModel()).find((x) => x.text.includes(words));
  return q?.speaker ?? q?.speakerCandidate;
};

describe("a definite description as a source stands for the source named before it", () => {
  it("the advisers, the militant group: the source quoted before, as the text named it", () => {
    expect(
      said(
        "Two senior advisers to Prime Minister Maria Vella said the ferries would run again on Monday. " +
          "The advisers told reporters that the union had not broken the agreement.",
        "the union had not broken",
      ),
    ).toBe("Two senior advisers to Prime Minister Maria Vella");
    expect(
      said(
        "In its response, Gozitana said it agreed to release the fleet, but only under conditions. " +
          "The militant group noted that it was ready to negotiate at once.",
        "it was ready to negotiate",
      ),
    ).toBe("Gozitana");
    // "The official" and "the official" after it are the same official, not an earlier "The official".
    const t =
      "A senior official from the ministry said the talks had stalled. The official said more talks were needed. Later, the official added that nothing had been agreed.";
    expect(said(t, "more talks were needed")).toBe("A senior official from the ministry");
    expect(said(t, "nothing had been agreed")).toBe("A senior official from the ministry");
  });

  it("the modifiers must match, a country is no group, and with nothing before it the phrase stays", () => {
    const a = analyseText("x");
    const earlier: EarlierSource[] = [
      { who: "a former union official", at: 10, body: false },
      { who: "a union official in Gozo", at: 50, body: false },
      { who: "Malta", at: 60, body: false },
    ];
    // "the former union official" is the former one, not the official quoted last.
    expect(definiteSource(a, "the former union official", 100, earlier)).toBe("a former union official");
    expect(definiteSource(a, "the official", 100, earlier)).toBe("a union official in Gozo");
    // No body was quoted before (a country is none): "the group" is as written.
    expect(definiteSource(a, "The group", 100, earlier)).toBe("The group");
    // A source quoted after the phrase is no antecedent; nor is one that is itself definite.
    expect(definiteSource(a, "the advisers", 100, [{ who: "two advisers", at: 120, body: false }])).toBe(
      "the advisers",
    );
    expect(definiteSource(a, "the advisers", 100, [{ who: "the advisers", at: 20, body: false }])).toBe("the advisers");
    // Other phrases are themselves.
    expect(definiteSource(a, "Maria Vella", 100, earlier)).toBe("Maria Vella");
  });
});
