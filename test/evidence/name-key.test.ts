import { describe, expect, it } from "vitest";
import { nameKey, samePerson } from "../../src/evidence/name-key.js";
import { speaks } from "../../src/evidence/quotes.js";

describe("one person, one name", () => {
  it("transliterations share a key; a lower-case word is no name", () => {
    expect(nameKey("Petrovskyy")).toBe(nameKey("Petrovsky"));
    expect(nameKey("Grigoriyev")).toBe(nameKey("Grigoriev"));
    expect(nameKey("Yury Petrov")).toBe(nameKey("Yuri Petrov"));
    expect(nameKey("representative")).not.toBe(nameKey("Representative"));
  });

  it("the same initial and a surname spelled two ways is one person; two first names are two people", () => {
    expect(samePerson("Oleh Petrovskyy", "Oleh Petrovsky")).toBe(true);
    expect(samePerson("Yury Petrov", "Yuri Petrov")).toBe(true);
    expect(samePerson("Anna Vella", "Alan Vella")).toBe(false);
    expect(samePerson("Anna Vella", "Anna Borg")).toBe(false);
  });

  it("a phrase that names a thing is no speaker; people and bodies are", () => {
    for (const thing of [
      "a revision",
      "this cap",
      "the Victory Plan",
      "The fundamental obstacle",
      "Potential compromises",
      // The head before a modifier: "drills in the Channel", not "the Channel".
      "Joint harbour drills in the Channel",
      "a revision of the ferry timetable",
      "The board released footage",
    ])
      expect(speaks(thing)).toBe(false);
    for (const who of [
      "Anna Vella",
      "the foreign ministry",
      "officials",
      "A senior official",
      "NATO",
      "the head of the delegation",
      "A spokesperson for the plan",
      "Maria Vella, who led the board from 1995 to 1997",
      // Poll shares speak for those polled.
      "73 percent",
    ])
      expect(speaks(who)).toBe(true);
  });
});
