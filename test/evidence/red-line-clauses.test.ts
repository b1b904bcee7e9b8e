import { describe, expect, it } from "vitest";
import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { redLineClauses } from "../../src/evidence/red-line-clauses.js";
import { locate } from "../../src/evidence/span.js";
import { toRegExp } from "../../src/evidence/written-pattern.js";

const words = {
  redLine: toRegExp(LANGUAGE.redLine.pattern),
  refusal: toRegExp(LANGUAGE.refusal.pattern),
  obligation: toRegExp(LANGUAGE.obligation.pattern),
  reporting: toRegExp(LANGUAGE.reporting.pattern),
};

const clausesOf = (text: string) => {
  const sentence = locate("a.txt", text, 0, text.length);
  return redLineClauses([sentence], new Map([["a.txt", text]]), words).map((c) => ({
    cue: c.cue.text,
    kind: c.kind,
    doer: c.doer,
    obliges: c.obliges,
    reported: c.reported,
  }));
};

describe("clauses worded as non-negotiable", () => {
  it("a refusal and a standing demand, each with the subject of its clause", () => {
    expect(clausesOf("The Harbour Board has repeatedly ruled these out.")).toEqual([
      { cue: "ruled these out", kind: "REJECT", doer: "The Harbour Board", obliges: false, reported: null },
    ]);
    expect(clausesOf("Valletta insisted until now that it will keep the pier.")).toMatchObject([
      { cue: "insisted", kind: "DEMAND", doer: "Valletta" },
    ]);
  });

  it("an obliged subject is demanded of, and the one the sentence reports is who demands it", () => {
    expect(clausesOf("Ruritania must withdraw its ships, the Maltese foreign minister said.")).toEqual([
      {
        cue: "must",
        kind: "DEMAND",
        doer: "Ruritania",
        obliges: true,
        reported: "the Maltese foreign minister",
      },
    ]);
    expect(clausesOf('The official also stressed that "ferries will not dock at Mgarr".')).toMatchObject([
      { cue: "will not", kind: "REJECT", reported: "The official" },
    ]);
    expect(clausesOf("Ferries will not dock at Mgarr, according to the port authority.")).toMatchObject([
      { cue: "will not", kind: "REJECT", reported: "the port authority" },
    ]);
  });

  it("a sentence worded without a red line gives none", () => {
    expect(clausesOf("The ferry left Valletta at noon.")).toEqual([]);
  });
});
