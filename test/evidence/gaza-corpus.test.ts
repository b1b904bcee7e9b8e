import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withBatchDates } from "../../src/evidence/document.js";
import { evidenceJson } from "../../src/evidence/evidence-json.js";
import { extractEvidence } from "../../src/evidence/extract.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { readDocuments } from "../../src/ingest/read-documents.js";
import { whoSaidWhat } from "../../src/report/who-said-what.js";
import { SHARED } from "../domains.js";
import { type CheckedSpeaker, expectEverySpeakerChecked } from "../support/speakers-checked.js";

/** The Gaza coverage of October 2025, read from ../shared, with no case knowledge at all. */
const corpus = join(SHARED, "corpus", "gaza-2025-10");
const report = evidenceJson(extractEvidence(withBatchDates(readDocuments([corpus])), loadAttributionModel(), {}));

describe("the Gaza corpus: who said what", () => {
  // Checked by hand against the texts: every speaker the model stands by is one of these.
  const RIGHT: CheckedSpeaker[] = [
    ["bbc-repost-2025-10-09", "This means that ALL of the Hostages will", "Donald Trump"],
    // '"All parties" would be treated fairly, said Trump'
    ["bbc-repost-2025-10-09", "would be treated fairly", "Donald Trump"],
    ["bbc-repost-2025-10-09", 'it would "end the war in Gaza', "Hamas"],
    ["bbc-repost-2025-10-09", "The suffering must end", "António Guterres"],
    ["bbc-repost-2025-10-09", "that the UN would support", "António Guterres"],
    ["bbc-repost-2025-10-09", "full implementation", "António Guterres"],
    ["bbc-repost-2025-10-09", "This is a first step, and all parties", "Chris Coons"],
    ["bbc-repost-2025-10-09", "looks forward to learning", "James Risch"],
    ["economist-2025-10-02", "potentially one of the great days", "Donald Trump"],
    ["economist-2025-10-02", "As long as there’s occupation", "Nounou"],
    ["economist-2025-10-02", "Israel would have my full backing", "Donald Trump"],
    ["israelhayom-2025-10-03", "it ostensibly agreed to release all hostages", "Hamas"],
    ["israelhayom-2025-10-03", "the necessary circumstances on the ground", "Hamas"],
    // "Israeli Prime Minister Benjamin Netanyahu's office said …": his office speaks for him.
    ["reuters-2025-10-09", "the ceasefire would take effect", "Benjamin Netanyahu"],
    ["reuters-2025-10-09", "the list of the Palestinian prisoners", "Gal Hirsch"],
    ["reuters-2025-10-09", "Thank God for the ceasefire", "Abdul Majeed"],
    // The BBC's copy of Reuters' words, confirmed by them (confirmedBy).
    ["bbc-repost-2025-10-09", "Thank God for the ceasefire", "Abdul Majeed"],
    ["bbc-repost-2025-10-09", "I am not the only one happy", "Abdul Majeed"],
    ["reuters-2025-10-09", "I am not the only one happy", "Abdul Majeed"],
  ];
  const base = (file: string) => file.split("/").at(-1)!;
  it("every speaker the model stands by is right", () => {
    const given = report.quotes.filter((q) => q.speaker);
    expect(given.length).toBeGreaterThanOrEqual(12);
    expectEverySpeakerChecked(report.quotes, RIGHT, (f, checked) => base(f).startsWith(checked));
  });
  it("the same words in a copy take the speaker the original stands by, and say which file confirms it", () => {
    const copies = report.quotes.filter((q) => q.confirmedBy);
    expect(copies.length).toBeGreaterThan(0);
    for (const q of copies) {
      const original = report.quotes.find((o) => o.file === q.confirmedBy && o.text === q.text)!;
      expect(original.speaker).toBe(q.speaker);
      expect(q.file).not.toBe(q.confirmedBy);
    }
  });
  it("words someone did not say, and words said by those around a leader, are not the leader's", () => {
    // "Netanyahu has not publicly said that the conflict is over."
    const notSaid = report.quotes.find((q) => q.text === "that the conflict is over")!;
    expect(notSaid.speaker).toBeNull();
    // "two senior advisers to US President Donald Trump said …"
    const advisers = report.quotes.find((q) => q.text.startsWith("preparations to move to the next phase"))!;
    expect(advisers.speaker ?? advisers.speakerCandidate).toMatch(/^two senior advisers/);
  });
  it("one name per person: a title before a name is a role, and a title alone is nobody", () => {
    const people = report.actors.filter((a) => a.kind === "person").map((a) => a.name);
    expect(people).toContain("António Guterres");
    expect(people).toContain("Keir Starmer");
    // A name hard-wrapped over two lines is one name, with the role and the side its title gives.
    expect(report.actors.find((a) => a.name === "Anthony Albanese")).toMatchObject({
      roles: expect.arrayContaining(["Australian Prime Minister"]),
      affiliation: "Australia",
    });
    expect(people.filter((n) => /Netanyahu/.test(n))).toEqual(["Benjamin Netanyahu"]);
    for (const n of people) expect(n).not.toMatch(/^(?:Prime Minister|President|Secretary|Sir|Israeli|UK) /);
    const named = new Set(report.quotes.flatMap((q) => [q.speaker, q.speakerCandidate]));
    for (const pronoun of ["you", "which", "who", "it"]) expect(named).not.toContain(pronoun);
  });
  it("who said what lists the principals with their words: no fragment, no paraphrase", () => {
    const listed = whoSaidWhat(report);
    for (const who of ["Hamas", "Benjamin Netanyahu", "Donald Trump"]) {
      const s = listed.find((x) => x.who === who);
      expect(s, who).toBeDefined();
      expect(s!.confirmed.length + s!.unconfirmed.length).toBeGreaterThanOrEqual(3);
    }
    for (const s of listed)
      for (const q of s.confirmed) {
        expect(q.kind).not.toBe("paraphrase");
        // A confirmed reported statement is a clause, not its first words.
        if (q.kind === "reported") expect(q.text.split(/\s+/).length, q.text).toBeGreaterThanOrEqual(5);
      }
  });
});
