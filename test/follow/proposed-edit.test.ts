import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeReport } from "../../src/contract/case-changes.js";
import { InputError } from "../../src/errors.js";
import { EMPTY_SNAPSHOT } from "../../src/evidence/case-snapshot.js";
import { changeReport } from "../../src/evidence/change-report.js";
import { proposedEdit } from "../../src/evidence/proposed-edit.js";
import { applyEdit } from "../../src/formats/apply-edit.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { MOSCOW_CASE } from "../domains.js";

const text = readFileSync(join(MOSCOW_CASE, "scenario.yaml"), "utf8");
const spec = parseScenario(text, "scenario.yaml").spec;
const words = (t: string) => ({ file: "follow/softening.txt", source: "Zelensky signals …", text: t });
/** A report of no change, to add the changes a test is about to. */
const empty: ChangeReport = changeReport(EMPTY_SNAPSHOT, EMPTY_SNAPSHOT);

describe("the edit a change report proposes to the Moscow scenario", () => {
  const report: ChangeReport = {
    ...empty,
    stances: [
      {
        party: "Ukraine",
        issue: "Army cap",
        move: "softened",
        from: "red line",
        to: "acceptable",
        words: words("could accept a cap"),
      },
      // Held already in the scenario: nothing to propose.
      { party: "Russia", issue: "Donbas", move: "hardened", from: "demand", to: "red line", words: words("adamant") },
      // A party or an issue the scenario does not have: not the scenario's to hold.
      { party: "Belarus", issue: "Army cap", move: "stated", from: null, to: "demand", words: null },
      { party: "Ukraine", issue: "Elections", move: "stated", from: null, to: "demand", words: null },
    ],
    redLines: [
      { party: "Ukraine", label: "Army cap: except for", change: "softened", words: words("could accept a cap") },
    ],
    plans: [
      {
        name: "19-point plan",
        by: "United States",
        against: "28-point plan",
        terms: [
          { issue: "Army cap", from: null, to: "800,000" },
          { issue: "Army cap size", from: null, to: 7 },
        ],
        words: [words("a revised 19-point plan")],
      },
      // Known to the scenario under the analyst's own name.
      { name: "28-point plan", by: null, against: null, terms: [], words: [] },
    ],
  };
  const items = proposedEdit(spec, report);

  it("proposes the moved stance, the red line on its issue and the new plan, and nothing the scenario holds or cannot hold", () => {
    expect(items.map((i) => i.id)).toEqual([
      "stance:Ukraine:Army cap",
      "red-line:Ukraine:1:no cap of 600,000 or lower",
      "plan:19-point plan",
    ]);
    expect(items[0]!.summary).toBe("Ukraine's stance on Army cap: red line → acceptable");
    // The new plan derives from the scenario's own 28-point plan, with the terms its issues can hold.
    expect(items[2]!.ops[0]).toMatchObject({
      action: "add",
      path: ["proposals"],
      value: {
        name: "19-point plan",
        by: "United States",
        derivedFrom: "Leaked 28-point plan",
        outcome: { "Army cap": "800,000" },
      },
    });
  });

  it("writes the accepted items into the YAML in place: every other line as the analyst wrote it, and still a valid scenario", () => {
    const edited = applyEdit(
      text,
      items.flatMap((i) => i.ops),
    );
    const after = parseScenario(edited, "scenario.yaml").spec;
    const ukraine = after.parties.find((p) => p.name === "Ukraine")!;
    expect(ukraine.stances!["Army cap"]!.strength).toBe("acceptable");
    expect(ukraine.stances!["Army cap"]!.cite!.at(-1)).toEqual({ file: "softening.txt", exact: "could accept a cap" });
    expect(ukraine.redLines.map((r) => r.label)).toEqual([
      "no withdrawal from Donbas",
      "no renouncing NATO membership",
    ]);
    expect(after.proposals.at(-1)).toMatchObject({ name: "19-point plan", derivedFrom: "Leaked 28-point plan" });
    // Lines kept: all but the one changed and the five of the red line removed; one citation and the nine lines of the plan added.
    const before = text.split("\n");
    const now = edited.split("\n");
    expect(now.length - before.length).toBe(1 + 9 - 5);
    const count = (lines: string[], l: string) => lines.filter((x) => x === l).length;
    expect(count(before, "        strength: red line") - count(now, "        strength: red line")).toBe(1);
    expect(before.filter((l) => !now.includes(l))).toEqual([
      "      - label: no cap of 600,000 or lower",
      '        notIn: ["600,000", "Istanbul level (50,000–60,000)"]',
      '          - {file: 004_8398360ec65f9577.txt, exact: "except for three key issues concerning restrictions on the size"}',
    ]);
    // Comments survive.
    expect(edited.split("\n").filter((l) => l.trimStart().startsWith("#"))).toEqual(
      text.split("\n").filter((l) => l.trimStart().startsWith("#")),
    );
  });

  it("refuses a change whose place the scenario no longer has, naming it", () => {
    expect(() => applyEdit(text, [{ action: "delete", path: ["parties", 9, "redLines", 0] }], "moscow.yaml")).toThrow(
      InputError,
    );
    try {
      applyEdit(text, [{ action: "delete", path: ["parties", 9, "redLines", 0] }], "moscow.yaml");
    } catch (e) {
      expect((e as InputError).problems[0]).toMatchObject({
        code: "edit.path",
        file: "moscow.yaml",
        field: "parties.9.redLines.0",
      });
    }
  });

  it("adds a stance to a party that has none, and a list to a flow mapping", () => {
    const small = "name: S\nparties:\n  - name: A\n    weights: {x: 1}\n  - {name: B}\n";
    const out = applyEdit(small, [
      { action: "set", path: ["parties", 0, "stances", "x"], value: { strength: "demand" } },
      { action: "add", path: ["parties", 1, "aliases"], value: "Bee" },
    ]);
    expect(out).toBe(
      "name: S\nparties:\n  - name: A\n    weights: {x: 1}\n    stances: {x: {strength: demand}}\n  - {name: B, aliases: [Bee]}\n",
    );
  });
});
