import { describe, expect, it } from "vitest";
import { caseKnowledge } from "../../src/evidence/case-knowledge.js";
import { extractDocument } from "../../src/evidence/extract.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";

// A case's watch list and venues, invented: a withdrawal from the valley, and the date of a meeting by city.
const knowledge = caseKnowledge({
  watch: [
    {
      subject: "territory",
      attribute: "withdrawal from the valley",
      from: "statement",
      cue: "/\\bvalley\\b.*\\bwithdraw\\w*\\b|\\bwithdraw\\w*\\b.*\\bvalley\\b/i",
      value: "demanded",
    },
    { subject: "meeting", attribute: "date", from: "date", cue: "/\\bmet\\b/i", byPlace: true },
  ],
  venues: [
    // Listed first, so a reading that takes the first venue named in the list would take it.
    { name: "Gozo", pattern: "/\\bGozo\\b/" },
    { name: "Valletta", pattern: "/\\bValletta\\b/" },
  ],
});

const claimsOf = (text: string) =>
  extractDocument(
    {
      id: "t",
      file: "upload.txt",
      format: "text",
      title: null,
      outlet: null,
      author: null,
      published: "2026-03-04",
      publishedSource: "given",
      text,
    },
    loadAttributionModel(),
    knowledge,
  ).claims.map((c) => [c.subject, c.attribute, c.value, c.polarity]);

describe("what an uploaded text claims, read as it is written", () => {
  it("a refusal of the watched demand is a refusal: neither the demand nor its denial", () => {
    const refusal = claimsOf(
      'The president said on March 4 that his country would "never accept" a withdrawal from the valley.',
    );
    expect(refusal).toEqual([["territory", "withdrawal from the valley (refused)", "refused", true]]);
    expect(claimsOf("The envoys insisted on a withdrawal from the valley.")).toContainEqual([
      "territory",
      "withdrawal from the valley",
      "demanded",
      true,
    ]);
  });

  it("a meeting is placed where it was held, not where the envoys went next", () => {
    const claims = claimsOf(
      "The delegation met officials in Valletta on March 2, before the envoys travelled on to Gozo.",
    );
    expect(claims).toContainEqual(["meeting in Valletta", "date", "2026-03-02", true]);
    expect(claims.filter((c) => String(c[0]).includes("Gozo"))).toEqual([]);
  });
});
