import { describe, expect, it } from "vitest";
import { draftProposals } from "../../src/evidence/draft-proposals.js";
import { locate } from "../../src/evidence/span.js";

/** Each text's sentences, as the draft reads them. */
const sentencesOf = (texts: Record<string, string>) =>
  Object.entries(texts).flatMap(([file, text]) =>
    [...text.matchAll(/[^.]+\./g)].map((m) => {
      const start = m.index! + (m[0].length - m[0].trimStart().length);
      return locate(file, text, start, m.index! + m[0].length);
    }),
  );

const issues = [
  { name: "Fleet cap", options: ["no cap", "40", "60"], pattern: /\bfleet\b/i },
  { name: "Tolls", options: ["as demanded", "as refused"], pattern: /\btolls?\b/i },
  { name: "Harbour", options: ["as demanded", "as refused"], pattern: /\bharbour\b/i },
];

const draft = (texts: Record<string, string>) =>
  draftProposals({
    sentences: sentencesOf(texts),
    parties: new Set(["Ruritania"]),
    partyOf: (w) => (/Ruritania/.test(w) ? "Ruritania" : null),
    titles: true,
    issues,
    weak: new Set(["weak.txt"]),
  });

describe("plans drafted from the texts", () => {
  it("one plan by its number of points, whatever the texts call it, with the terms the sentences naming it state", () => {
    const [plan, ...rest] = draft({
      "a.txt": "Ruritania's 12-point plan was tabled on Monday. The plan calls for a fleet capped at 40 ships.",
      "b.txt":
        "Under the 12-point framework, tolls would be lifted. Critics say the plan does not mention the harbour.",
    });
    expect(rest).toEqual([]);
    expect(plan!.name).toBe("12-point plan");
    // Whose: the party named right before its number.
    expect(plan!.by).toBe("Ruritania");
    // A figure the words give is the term; words that only name the issue leave which way open.
    expect(plan!.outcome).toEqual({ "Fleet cap": "40", Tolls: { oneOf: ["as demanded", "as refused"] } });
    expect(plan!.citeTerms!["Fleet cap"]![0]!.exact).toMatch(/calls for a fleet/);
    // "does not mention the harbour": no term, and the reason says what is stated and what is not.
    expect(plan!.confidence!.reason).toMatch(
      /terms stated on Tolls, Fleet cap \(which way on Tolls is not drafted\); not stated on the other issues/,
    );
  });

  it("what a weak or quarantined source says a plan holds is no term", () => {
    const [plan] = draft({
      "a.txt": "The 12-point plan was leaked.",
      "weak.txt": "The 12-point plan calls for a fleet of 60.",
    });
    expect(plan!.outcome).toEqual({});
  });

  it("a plan named only to set another's term against it states no term of its own", () => {
    const plans = draft({
      "a.txt": "The 12-point plan was leaked. The 12-point plan calls for a fleet of 60.",
      "b.txt":
        "A revised 8-point plan was sent. The revised plan would cap the fleet at 40 ships, instead of the 60 in the 12-point plan.",
    });
    // The 12-point plan's term is its own sentence's 60, never the revision's 40.
    expect(plans.find((p) => p.name === "12-point plan")!.outcome).toEqual({ "Fleet cap": "60" });
    const only = draft({
      "b.txt": "The revised plan would cap the fleet at 40 ships, instead of the 60 in the 12-point plan.",
    });
    expect(only.find((p) => p.name === "12-point plan")!.outcome).toEqual({});
    // Named before its term cue, the plan is the one the term is of.
    const own = draft({ "c.txt": "The 12-point plan would cap the fleet at 40 ships, rather than 60." });
    expect(own.find((p) => p.name === "12-point plan")!.outcome).toEqual({ "Fleet cap": "40" });
  });

  it("a plan the texts call revised derives from the numbered plan named most besides it", () => {
    const plans = draft({
      "a.txt": "The 12-point plan was leaked. The 12-point plan angered Gozo.",
      "b.txt": "A revised 9-point plan went to Valletta.",
    });
    expect(plans.find((p) => p.name === "9-point plan")!.derivedFrom).toBe("12-point plan");
    expect(plans.find((p) => p.name === "12-point plan")!.derivedFrom).toBeUndefined();
  });

  it("a party's own document, and a titled one, are plans too; a sentence naming no figure or issue states no term", () => {
    const plans = draft({
      "a.txt": "Ruritania's response arrived on Friday. The Valletta Declaration for Lasting Peace was signed.",
    });
    expect(plans.map((p) => p.name)).toEqual(["Ruritania's response", "The Valletta Declaration for Lasting Peace"]);
    for (const p of plans) expect(p.outcome).toEqual({});
  });
});
