import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { formatPath, InputError } from "../../src/errors.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { createUtilities, utilityOf } from "../../src/model/utilities.js";

/** A small two-issue talk of our own: a border line and a ceasefire, two parties and a mediator. */
const base = `name: Border talks
issues:
  - {name: Border, kind: discrete, options: [old line, new line, joint zone]}
  - {name: Ceasefire, kind: discrete, options: [first, with the settlement]}
parties:
  - name: North
    weights: {Border: 0.7, Ceasefire: 0.3}
    values:
      Border: {old line: 0, new line: 1, joint zone: 0.5}
      Ceasefire: {first: 0.2, with the settlement: 1}
    stances:
      Border: {strength: demand, toward: [new line]}
      Ceasefire: {strength: preference, toward: [with the settlement]}
    alternatives:
      - {name: keep fighting, utility: [0.3, 0.4]}
      - {name: new sanctions, utility: 0.2}
    redLines:
      - {label: never the old line, issue: Border, notIn: [old line]}
  - name: South
    weights: {Border: 0.6, Ceasefire: 0.4}
    values:
      Border: {old line: 1, new line: 0, joint zone: 0.6}
      Ceasefire: {first: 1, with the settlement: 0.3}
    reservation: 0.3
    redLines:
      - {label: never the new line, issue: Border, notIn: [new line]}
  - name: Mediator
    role: mediator
    factions:
      - {name: hawks, weight: 0.25, weights: {Border: 1, Ceasefire: 0}, values: {Border: {old line: 1, new line: 0, joint zone: 0.5}}}
      - {name: doves, weight: 0.75, weights: {Border: 0.2, Ceasefire: 0.8}, values: {Border: {old line: 0.5, new line: 0.5, joint zone: 1}, Ceasefire: {first: 1, with the settlement: 0}}}
proposals:
  - {name: First draft, by: Mediator, outcome: {Border: new line, Ceasefire: first}}
  - name: Second draft
    by: Mediator
    derivedFrom: First draft
    outcome: {Border: joint zone, Ceasefire: first}
    objections: [{party: North, terms: [Border], note: wants the new line}]
sequencing:
  - {label: ceasefire before the border settlement, first: {issue: Ceasefire, in: [first]}, then: {issue: Border, in: [joint zone]}, relation: before}
`;

const problems = (yaml: string) => {
  try {
    parseScenario(yaml, "talks.yaml");
  } catch (e) {
    if (e instanceof InputError)
      return e.problems.map(
        (p) => `${p.line ? `${p.line}: ` : ""}${p.field ?? formatPath(p.path ?? [])}: ${p.message}`,
      );
    throw e;
  }
  return [];
};

describe("the richer scenario language", () => {
  const { model } = parseScenario(base, "talks.yaml");
  const report = analyze(model, { samples: 0 });

  it("derives a reservation value from the best alternative to agreement, a range when they are uncertain", () => {
    expect(model.parameters.find((p) => p.field.includes("alternatives"))).toMatchObject({ low: 0.3, high: 0.4 });
    expect(report.reservations[0]).toBeCloseTo(0.35, 12);
    expect(report.alternatives).toEqual([
      {
        party: "North",
        alternatives: [
          { name: "keep fighting", low: 0.3, high: 0.4 },
          { name: "new sanctions", low: 0.2, high: 0.2 },
        ],
      },
    ]);
  });

  it("a party of factions values outcomes as their weighted sum", () => {
    const u = createUtilities(model);
    const at = (border: number, ceasefire: number) => utilityOf(u, 2, Int32Array.of(border, ceasefire));
    // joint zone, first: hawks 1·0.5 = 0.5; doves 0.2·1 + 0.8·1 = 1 → 0.25·0.5 + 0.75·1.
    expect(at(2, 0)).toBeCloseTo(0.25 * 0.5 + 0.75 * 1, 12);
    expect(at(0, 1)).toBeCloseTo(0.25 * 1 + 0.75 * (0.2 * 0.5), 12);
  });

  it("a stance matrix from the stances written and the red lines", () => {
    expect(report.stances!.cells[0]![0]).toMatchObject({ strength: "demand", toward: ["new line"], cited: false });
    expect(report.stances!.cells[1]![0]).toMatchObject({
      strength: "red line",
      toward: ["old line", "joint zone"],
      implied: true,
    });
    expect(report.stances!.cells[2]![0]).toBeNull();
  });

  it("a plan version's diff against the one it was derived from, with the objections", () => {
    expect(report.lineage).toEqual([
      {
        proposal: "Second draft",
        from: "First draft",
        added: [],
        dropped: [],
        notStated: [],
        changed: [{ issue: "Border", from: "new line", to: "joint zone" }],
        unchanged: 1,
        objections: [{ party: "North", terms: ["Border"], note: "wants the new line" }],
      },
    ]);
    expect(report.sequencing).toEqual([{ label: "ceasefire before the border settlement", relation: "before" }]);
  });

  it("a term a version leaves out is only not stated, unless the version says it drops it", () => {
    const silent = base.replace("outcome: {Border: joint zone, Ceasefire: first}", "outcome: {Border: joint zone}");
    expect(analyze(parseScenario(silent, "talks.yaml").model, { samples: 0 }).lineage![0]).toMatchObject({
      dropped: [],
      notStated: [{ issue: "Ceasefire", value: "first" }],
    });
    const drops = silent.replace("derivedFrom: First draft", "derivedFrom: First draft\n    drops: [Ceasefire]");
    expect(analyze(parseScenario(drops, "talks.yaml").model, { samples: 0 }).lineage![0]).toMatchObject({
      dropped: [{ issue: "Ceasefire", value: "first" }],
      notStated: [],
    });
  });

  it("every collision of red lines is named, and one line of each has to give: the concessions relax them together", () => {
    // A second issue where the two sides' lines collide too: the ceasefire.
    const two = base
      .replace(
        "{label: never the old line, issue: Border, notIn: [old line]}",
        "{label: only the new line, issue: Border, in: [new line]}",
      )
      .replace(
        "{label: never the new line, issue: Border, notIn: [new line]}",
        "{label: never the new line, issue: Border, notIn: [new line]}\n      - {label: ceasefire first, issue: Ceasefire, in: [first]}",
      )
      .replace(
        "    redLines:\n      - {label: only the new line",
        "    redLines:\n      - {label: settlement first, issue: Ceasefire, in: [with the settlement]}\n      - {label: only the new line",
      );
    const r = analyze(parseScenario(two, "talks.yaml").model, { samples: 100 });
    expect(r.explanation.collisions).toHaveLength(2);
    expect(r.explanation.summary).toMatch(
      /exclude each other; so do North's "settlement first" and South's "ceasefire first"|exclude each other; so do North's "only the new line" and South's "never the new line"/,
    );
    expect(r.concessions.length).toBeGreaterThan(0);
    for (const c of r.concessions) {
      expect(c.kind).toBe("red-lines");
      if (c.kind === "red-lines") expect(c.changes).toHaveLength(2);
    }
    // Nothing is drawn when the red lines alone decide: no number can change the answer.
    expect(r.robustness).toBeUndefined();
    expect(r.zopa.probability).toBe(0);
  });

  it("says when red lines alone decide that there is no zone, and which collide", () => {
    const deadlock = base.replace(
      "{label: never the new line, issue: Border, notIn: [new line]}",
      "{label: only the old line, issue: Border, in: [old line]}",
    );
    const r = analyze(parseScenario(deadlock, "talks.yaml").model, { samples: 0 });
    expect(r.zopa.exists).toBe(false);
    expect(r.explanation.collidingRedLines).toEqual([
      { party: "North", label: "never the old line" },
      { party: "South", label: "only the old line" },
    ]);
    expect(r.explanation.summary).toMatch(
      /whatever the preferences: North's "never the old line" and South's "only the old line" exclude each other; no weight, value or reservation number changes this/,
    );
    expect(report.explanation.collidingRedLines).toBeNull();
  });

  it("bad input names the field: unknown issue or value in a stance, an unknown party objecting, a lineage to nowhere or in a circle, factions that do not sum to 1, a sequencing cycle", () => {
    expect(
      problems(
        base.replace(
          "Ceasefire: {strength: preference, toward: [with the settlement]}",
          "Ports: {strength: preference}",
        ),
      ),
    ).toEqual([expect.stringMatching(/^\d+: parties\[0\]\.stances\.Ports: unknown issue "Ports"/)]);
    expect(problems(base.replace("toward: [new line]}", "toward: [sea line]}"))).toEqual([
      expect.stringMatching(/parties\[0\]\.stances\.Border\.toward\[0\]: "sea line" is not a value of issue "Border"/),
    ]);
    expect(problems(base.replace("objections: [{party: North", "objections: [{party: West"))).toEqual([
      expect.stringMatching(/proposals\[1\]\.objections\[0\]\.party: unknown party "West"/),
    ]);
    expect(problems(base.replace("derivedFrom: First draft", "derivedFrom: Zeroth draft"))).toEqual([
      expect.stringMatching(/proposals\[1\]\.derivedFrom: no proposal "Zeroth draft" to derive from/),
    ]);
    const circle = base.replace(
      "  - {name: First draft, by: Mediator, outcome:",
      "  - {name: First draft, by: Mediator, derivedFrom: Second draft, outcome:",
    );
    expect(problems(circle).join("\n")).toMatch(/derivedFrom: "(First|Second) draft" is derived from itself/);
    expect(problems(base.replace("weight: 0.75", "weight: 0.7"))).toEqual([
      expect.stringMatching(/parties\[2\]\.factions: the factions' weights sum to 0\.95, not 1/),
    ]);
    expect(problems(base.replace("    derivedFrom: First draft\n", "    drops: [Ceasefire]\n"))[0]).toMatch(
      /proposals\[1\]\.drops: a version can only drop terms of the version it was derived from/,
    );
    expect(
      problems(base.replace("derivedFrom: First draft", "derivedFrom: First draft\n    drops: [Ceasefire]")),
    ).toEqual([
      expect.stringMatching(/proposals\[1\]\.drops\[0\]: "Ceasefire" is both dropped and set by the outcome/),
    ]);
    const cycle = `${base}  - {first: {issue: Border, in: [joint zone]}, then: {issue: Ceasefire, in: [first]}, relation: before}\n`;
    expect(problems(cycle)).toEqual([
      expect.stringMatching(
        /sequencing: the sequence runs in a circle: (Ceasefire before Border before Ceasefire|Border before Ceasefire before Border)/,
      ),
    ]);
  });
});
