import { describe, expect, it } from "vitest";
import { learnedTopics } from "../../src/evidence/learned-topics.js";

const clause = (text: string, file: string) => ({ text, file });

describe("topics learned from what is negotiated", () => {
  it("a noun two sources put on the table is a topic, named by its most frequent modifier, found again by its verb", () => {
    const [withdrawal, ...rest] = learnedTopics(
      [
        clause("a naval withdrawal from the harbour within a week", "a.txt"),
        clause("the naval withdrawal of the fleet", "b.txt"),
        clause("a complete withdrawal", "c.txt"),
      ],
      [],
    );
    expect(withdrawal!.name).toBe("Naval withdrawal");
    expect(rest.map((t) => t.name)).toEqual([]);
    // "The fleet will withdraw" speaks of the withdrawal; "in line with" is an idiom, not a line.
    expect(withdrawal!.pattern.test("The fleet will withdraw by Friday.")).toBe(true);
    expect(withdrawal!.pattern.test("The withdrawals went on.")).toBe(true);
  });

  it("a noun that modifies another is no topic of its own: the compound is of its last noun", () => {
    const topics = learnedTopics(
      [clause("the extent of the troop withdrawal", "a.txt"), clause("a full troop withdrawal", "b.txt")],
      [],
    );
    expect(topics.map((t) => t.name)).toEqual(["Withdrawal"]);
  });

  it("a heading glued to its paragraph lends the name only its last word", () => {
    const topics = learnedTopics(
      [
        clause("Sticking Points EmergeMaritime concessions dominate the talks", "a.txt"),
        clause("sweeping Maritime concessions, including the harbour", "b.txt"),
      ],
      [],
    );
    expect(topics.map((t) => t.name)).toEqual(["Maritime concession"]);
  });

  it("a noun one source names is kept only when the coverage talks of it widely", () => {
    const clauses = [clause("the release of the boats", "a.txt")];
    expect(learnedTopics(clauses, [])).toEqual([]);
    expect(learnedTopics(clauses, [], 2, (forms) => forms.includes("boats")).map((t) => t.name)).toEqual(["Boat"]);
  });

  it("a topic known already, a gerund, the talks' own vocabulary and an idiom's noun are no topics", () => {
    const known = [{ name: "Ferries", pattern: /\bferr(?:y|ies)\b/i }];
    const topics = learnedTopics(
      [
        clause("ceding the ferries and the plan, in line with the deal", "a.txt"),
        clause("ceding the ferries and the plan", "b.txt"),
      ],
      known,
    );
    expect(topics).toEqual([]);
    const [line] = learnedTopics([clause("an agreed line", "a.txt"), clause("the new line", "b.txt")], []);
    expect(line!.pattern.test("to an agreed line")).toBe(true);
    expect(line!.pattern.test("in line with the plan")).toBe(false);
    expect(line!.pattern.test("Along these lines, the ministers welcome the plan")).toBe(false);
  });
});
