import { describe, expect, it } from "vitest";
import { alignClaims, type Fact } from "../../src/evidence/align.js";
import type { Claim } from "../../src/evidence/claims.js";
import { locate } from "../../src/evidence/span.js";

/** Small articles, each saying something about the army cap or the meeting. */
const TEXTS: Record<string, string> = {
  "a.txt": "The plan caps Ukraine's army at 600,000. Lavrov was present at the talks. There were 3 drafts.",
  "b.txt":
    "According to the leaked draft, the army is capped at 600,000 troops. Lavrov was present too. Officials saw 4 drafts.",
  "c.txt": "The talking points suggest a cap of 800,000 troops. Lavrov was absent.",
  "d.txt": "Officials spoke of 3 drafts. The cap would be 600,000 or, in another telling, 700,000.",
  "copy-of-c.txt": "The talking points suggest a cap of 800,000 troops. Lavrov was absent.",
  "e.txt": "A later draft put the cap at 760,000 troops.",
};

/** A claim on the words `words` of `file` (its sentence: the text around it up to a full stop). */
function claim(
  file: string,
  words: string,
  fields: { subject: string; attribute: string; value: string | number; polarity?: boolean; watched?: boolean },
): Claim {
  const text = TEXTS[file]!;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in ${file}`);
  const from = text.lastIndexOf(". ", start) + 1;
  const to = text.indexOf(".", start + words.length);
  return {
    ...locate(file, text, start, start + words.length),
    subject: fields.subject,
    attribute: fields.attribute,
    value: fields.value,
    unit: null,
    polarity: fields.polarity ?? true,
    time: null,
    attributedTo: null,
    watched: fields.watched ?? true,
    sentence: locate(file, text, from + (from ? 1 : 0), to + 1),
  };
}

const cap = (file: string, words: string, value: number) =>
  claim(file, words, { subject: "Ukraine's army", attribute: "size cap", value });
const lavrov = (file: string, words: string, present: boolean) =>
  claim(file, words, { subject: "Lavrov", attribute: "present", value: "yes", polarity: present });
const fact = (facts: Fact[], subject: string, attribute = "size cap") =>
  facts.find((f) => f.subject === subject && f.attribute === attribute)!;

describe("alignClaims: one subject · attribute across the sources", () => {
  it("marks one value given by two sources as corroborated, with both files and both claims", () => {
    const a = cap("a.txt", "600,000", 600000),
      b = cap("b.txt", "600,000", 600000);
    const { facts, sources } = alignClaims([a, b]);
    expect(facts).toHaveLength(1);
    const f = facts[0]!;
    expect(f.status).toBe("corroborated");
    expect(f.sides).toHaveLength(1);
    expect(f.sides[0]!).toMatchObject({ value: 600000, files: ["a.txt", "b.txt"] });
    expect(f.sides[0]!.claims).toEqual([a, b]);
    expect(sources).toEqual([
      { file: "a.txt", claims: 1, corroborated: 1, contested: 0, unique: 0 },
      { file: "b.txt", claims: 1, corroborated: 1, contested: 0, unique: 0 },
    ]);
  });

  it("marks two values from two sources as contested, keeping each side with its files and exact words", () => {
    const a = cap("a.txt", "600,000", 600000),
      c = cap("c.txt", "800,000", 800000);
    const { facts, sources } = alignClaims([a, c]);
    const f = fact(facts, "Ukraine's army");
    expect(f.status).toBe("contested");
    expect(f.sides.map((s) => [s.value, s.files])).toEqual([
      [600000, ["a.txt"]],
      [800000, ["c.txt"]],
    ]);
    for (const s of f.sides)
      for (const x of s.claims) {
        expect(TEXTS[x.file]!.slice(x.start, x.end)).toBe(x.text);
        expect(x.text).toBe(s.value === 600000 ? "600,000" : "800,000");
      }
    expect(sources.map((s) => [s.file, s.contested, s.corroborated, s.unique])).toEqual([
      ["a.txt", 1, 0, 0],
      ["c.txt", 1, 0, 0],
    ]);
  });

  it("ranks the sides by how many sources hold each, and counts every holder as contested", () => {
    const claims = [cap("c.txt", "800,000", 800000), cap("a.txt", "600,000", 600000), cap("b.txt", "600,000", 600000)];
    const { facts, sources } = alignClaims(claims);
    const f = fact(facts, "Ukraine's army");
    expect(f.status).toBe("contested");
    expect(f.sides.map((s) => [s.value, s.files])).toEqual([
      [600000, ["a.txt", "b.txt"]],
      [800000, ["c.txt"]],
    ]);
    for (const s of sources) expect(s).toMatchObject({ claims: 1, contested: 1, corroborated: 0, unique: 0 });
  });

  it("an assertion and a denial of the same thing are two sides", () => {
    const { facts } = alignClaims([
      lavrov("a.txt", "Lavrov was present", true),
      lavrov("c.txt", "Lavrov was absent", false),
    ]);
    const f = fact(facts, "Lavrov", "present");
    expect(f.status).toBe("contested");
    expect(f.sides.map((s) => [s.polarity, s.files])).toEqual([
      [true, ["a.txt"]],
      [false, ["c.txt"]],
    ]);
  });

  it("what one source alone says is single-source, even when it gives two values itself", () => {
    const { facts, sources } = alignClaims([cap("d.txt", "600,000", 600000), cap("d.txt", "700,000", 700000)]);
    const f = fact(facts, "Ukraine's army");
    expect(f.status).toBe("single-source");
    expect(f.sides.map((s) => s.files)).toEqual([["d.txt"], ["d.txt"]]);
    expect(sources).toEqual([{ file: "d.txt", claims: 2, corroborated: 0, contested: 0, unique: 2 }]);
  });

  it("copies of one article are one source: they neither corroborate nor contest each other", () => {
    const sourceOf = (f: string) => (f === "copy-of-c.txt" ? "c.txt" : f);
    const same = alignClaims([cap("c.txt", "800,000", 800000), cap("copy-of-c.txt", "800,000", 800000)], sourceOf);
    expect(fact(same.facts, "Ukraine's army").status).toBe("single-source");
    expect(same.sources.every((s) => s.corroborated === 0 && s.unique === 1)).toBe(true);
    // Without knowing they are copies, they would seem to corroborate each other.
    expect(
      fact(
        alignClaims([cap("c.txt", "800,000", 800000), cap("copy-of-c.txt", "800,000", 800000)]).facts,
        "Ukraine's army",
      ).status,
    ).toBe("corroborated");
    // A copy and an independent source that disagree: contested, and the copy's claim counts as contested too.
    const three = alignClaims(
      [cap("c.txt", "800,000", 800000), cap("copy-of-c.txt", "800,000", 800000), cap("a.txt", "600,000", 600000)],
      sourceOf,
    );
    expect(fact(three.facts, "Ukraine's army").status).toBe("contested");
    expect(three.sources.map((s) => [s.file, s.contested])).toEqual([
      ["a.txt", 1],
      ["c.txt", 1],
      ["copy-of-c.txt", 1],
    ]);
  });

  it("generic quantity claims meet only claims of the same value", () => {
    const drafts = (file: string, words: string, value: number) =>
      claim(file, words, { subject: "draft", attribute: "number", value, watched: false });
    const { facts } = alignClaims([
      drafts("d.txt", "3 drafts", 3),
      drafts("a.txt", "3 drafts", 3),
      drafts("b.txt", "4 drafts", 4),
    ]);
    // Different generic values are separate facts, not a contradiction.
    expect(facts.map((f) => [f.status, f.sides.map((s) => s.value)])).toEqual([
      ["corroborated", [3]],
      ["single-source", [4]],
    ]);
  });

  it("generic counts of one noun within a tenth of each other, from different sources, are a contested figure", () => {
    const caps = (file: string, words: string, value: number, subject = "troop") =>
      claim(file, words, { subject, attribute: "number", value, watched: false });
    const { facts } = alignClaims(
      [
        caps("a.txt", "600,000", 600000),
        caps("b.txt", "600,000", 600000),
        caps("e.txt", "760,000", 760000),
        caps("c.txt", "800,000", 800000),
        caps("copy-of-c.txt", "800,000", 800000),
        // The same figures counted in hours, or in a copy of c, are never compared.
        caps("a.txt", "3 drafts", 3, "hour"),
        caps("b.txt", "4 drafts", 4, "hour"),
      ],
      (f) => (f === "copy-of-c.txt" ? "c.txt" : f),
    );
    const troops = facts.filter((f) => f.subject === "troop");
    // 760,000 is within a tenth of 800,000 (and c and e are two sources): one contested figure, c's
    // side held by c and its copy; 600,000 is a fifth below 760,000: a fact of its own, held by a and b.
    expect(troops.map((f) => [f.status, f.sides.map((s) => s.value)])).toEqual([
      ["contested", [800000, 760000]],
      ["corroborated", [600000]],
    ]);
    expect(facts.filter((f) => f.subject === "hour").every((f) => f.status !== "contested")).toBe(true);
  });

  it("lists contested facts first, then corroborated, then single-source", () => {
    const { facts } = alignClaims([
      claim("d.txt", "3 drafts", { subject: "draft", attribute: "number", value: 3 }),
      lavrov("a.txt", "Lavrov was present", true),
      lavrov("b.txt", "Lavrov was present", true),
      cap("a.txt", "600,000", 600000),
      cap("c.txt", "800,000", 800000),
    ]);
    expect(facts.map((f) => [f.subject, f.status])).toEqual([
      ["Ukraine's army", "contested"],
      ["Lavrov", "corroborated"],
      ["draft", "single-source"],
    ]);
  });
});
