import { describe, expect, it } from "vitest";
import { statementKind } from "../../src/evidence/statement-kind.js";
import { findStatements } from "../../src/evidence/statements.js";
import { analyseText } from "../../src/evidence/text-analysis.js";

const read = (text: string) => {
  const [s] = findStatements("t", analyseText(text));
  return s ? { kind: s.kind, cue: s.cue.text, source: s.source?.text ?? null, target: s.target?.text ?? null } : null;
};

describe("statement kinds (PLOVER's event types)", () => {
  it("a refusal outranks the talks around it; negated agreement and accepting-all-but are refusals", () => {
    expect(statementKind("After the talks, the harbour board rejected the port authority's offer.").kind).toBe(
      "REJECT",
    );
    expect(statementKind("The union did not accept the new rota.")).toMatchObject({
      kind: "REJECT",
      cue: "did not accept",
    });
    expect(statementKind("The council is ready to accept most of the terms, except for the toll.")).toMatchObject({
      kind: "REJECT",
      cue: "except for",
    });
  });
  it("each kind from its own cue, and OTHER when a sentence does none of them", () => {
    expect(statementKind("The mayor insists on a public inquiry.").kind).toBe("DEMAND");
    expect(statementKind("The ferry company warned that it would cut services.").kind).toBe("THREATEN");
    expect(statementKind("The board agreed to a two-year freeze.").kind).toBe("AGREE");
    expect(statementKind("The operator lifted the ban on night crossings.").kind).toBe("CONCEDE");
    expect(statementKind("The two delegations met in Valletta on Monday.").kind).toBe("CONSULT");
    expect(statementKind("The harbour is 400 metres wide.").kind).toBe("OTHER");
  });
});

describe("statements with their source and target actors", () => {
  it("the subject of the cue's clause is the source, the first name after the cue the target", () => {
    expect(read("The Harbour Board rejected the offer from Gozo Ferries.")).toEqual({
      kind: "REJECT",
      cue: "rejected",
      source: "The Harbour Board",
      target: "Gozo Ferries",
    });
  });
  it("a framing opener is skipped, a relative clause falls back on the sentence's subject", () => {
    expect(
      read("According to the Times, the union, which met on Monday, demanded that Malta Ports pay more.")?.source,
    ).toBe("the union");
    expect(
      read("As reported by the local press, Valletta is ready to accept the plan, except for the toll.")?.source,
    ).toBe("Valletta");
  });
  it("a possessive before a nominal cue is the doer: in “accepting the union's demands” the demands are the union's", () => {
    expect(read("Officials fear that accepting the union's demands would close the port.")?.source).toBe("the union");
  });
  it("in a relative clause without “that”, the name right before the cue is its subject", () => {
    expect(read("It still focuses on a pay rise rather than the settlement Valletta demands.")?.source).toBe(
      "Valletta",
    );
  });
  it("a member of a group is named by the whole phrase", () => {
    expect(read("Members of the Gozo delegation opposed the new timetable.")?.source).toBe(
      "Members of the Gozo delegation",
    );
  });
  it("a sentence that does none of the six kinds is not a statement", () => {
    expect(read("The harbour is 400 metres wide.")).toBeNull();
  });
});
