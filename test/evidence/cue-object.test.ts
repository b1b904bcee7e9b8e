import { describe, expect, it } from "vitest";
import { cueObjects } from "../../src/evidence/cue-object.js";

const topics = [
  { name: "Fleet", pattern: /\bfleet\b/i },
  { name: "Island state", pattern: /\bstate\b/i },
  { name: "Tolls", pattern: /\btolls?\b/i },
  { name: "Border", pattern: /\bborder\b/i },
  { name: "Membership", pattern: /\bmembership\b/i },
  { name: "Exchange", pattern: /\bexchange\b/i },
];

/** What the cue `cue` of `text` is of. */
const of = (text: string, cue: string) => {
  const start = text.indexOf(cue);
  return cueObjects({ text, start: 0, cue: { start, end: start + cue.length, text: cue } }, topics);
};

describe("what a refusal or demand is of", () => {
  it("the topic its words name first, not every topic of the sentence", () => {
    expect(
      of("The Front refused to give up its fleet, saying it would only do so once a state exists.", "refused"),
    ).toEqual(["Fleet"]);
  });
  it("every topic of a list that spells its words out, after 'including' or a dash", () => {
    expect(of("Valletta insists on sweeping concessions, including tolls and the border.", "insists on")).toEqual([
      "Tolls",
      "Border",
    ]);
    expect(of("Gozo also rejected another point — the refusal of membership.", "rejected")).toEqual(["Membership"]);
  });
  it("words that name nothing are about their clause's subject, or what 'which' stands for", () => {
    expect(of('The official stressed that "the fleet will not sail".', "will not")).toEqual(["Fleet"]);
    expect(of("The plan must lead to a state, which the minister says will never happen.", "will never")).toEqual([
      "Island state",
    ]);
  });
  it("a condition is put on what came before it; a refusal of nothing named is of nothing", () => {
    expect(of("The Front agreed to the exchange, providing that its conditions are met.", "providing that")).toEqual([
      "Exchange",
    ]);
    expect(of("The Front refused, as it always has.", "refused")).toEqual([]);
  });
  it("a condition that opens its sentence is put on the clause after it: what is held while the condition lasts", () => {
    expect(of("As long as there is a border, the fleet will stay armed.", "As long as")).toEqual(["Fleet"]);
  });
});
