import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type Problem } from "../../src/errors.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { ROOT } from "../domains.js";

const example = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

function problems(text: string): Problem[] {
  try {
    parseScenario(text, "s.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error("expected an InputError");
}

describe("scenario YAML", () => {
  it("loads the example with its issues, parties, red lines, proposals and uncertain numbers", () => {
    const { model } = parseScenario(example, "river-treaty.yaml");
    expect(model.space.issues.map((i) => [i.name, i.kind, i.cardinality])).toEqual([
      ["Summer flow", "real", 7],
      ["Dam height", "real", 7],
      ["Monitoring", "discrete", 3],
      ["Compensation", "real", 5],
      ["Form", "discrete", 2],
    ]);
    expect(model.parties.map((p) => p.role)).toEqual(["principal", "principal", "guarantor"]);
    expect(model.redLines).toHaveLength(5);
    expect(model.redLines.filter((l) => l.if.length)).toHaveLength(2);
    expect(model.proposals[2]!.choices).toEqual(Int32Array.of(3, -1, 1, -1, 1));
    expect(model.parameters.map((p) => p.field)).toEqual([
      'parties[0].weights["Summer flow"]',
      "parties[0].reservation",
      "parties[1].reservation",
      'parties[2].values.Monitoring["international observers"]',
    ]);
  });

  it("says a YAML mistake in plain words at its line, once per line, the parser's words kept", () => {
    const twoColons = problems("name: Treaty\ndescription: the plan: phase one\n");
    expect(twoColons).toHaveLength(1);
    expect(twoColons[0]).toMatchObject({ code: "yaml.syntax", line: 2 });
    expect(twoColons[0]!.message).toMatch(
      /^a value holds a second ': '.*quote text that contains ': '.*\(the parser: /,
    );
    expect(problems("name: Treaty\nissues:\n\t- name: Dam\n")[0]!.message).toMatch(
      /^a tab indents this line: YAML indents with spaces only/,
    );
    expect(problems("name: A\nname: B\n")[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^this key is already given above/),
    });
    expect(problems("name: A\nissues: [a, b\n")[0]!.message).toMatch(/not closed/);
  });

  it("an option renamed in its issue but not where it is used is one problem at the option, naming the fields", () => {
    const renamed = example.replace(
      "options: [national agencies, joint commission, international observers]",
      "options: [national agencies, joint board, international observers]",
    );
    const found = problems(renamed);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "scenario.renamed-option", line: lineOf(renamed, "joint board") });
    expect(found[0]!.message).toMatch(
      /option "joint board" is new and "joint commission" is no longer an option, yet \d+ field\(s\) still name "joint commission" \(parties\[0\]/,
    );
    expect(found[0]!.hint).toMatch(/rename it in those fields too; else name the option "joint commission" again/);
  });

  it("names the line and field of an unknown issue in a proposal", () => {
    const text = example.replace("outcome: {Summer flow: 400,", "outcome: {Sumer flow: 400,");
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: "s.yaml", line: lineOf(text, "Sumer flow") });
    expect(p!.message).toBe('unknown issue "Sumer flow"');
    expect(p!.hint).toContain("Summer flow");
    expect(p!.path).toEqual(["proposals", 0, "outcome", "Sumer flow"]);
  });

  it("names a value that is not an option, with the allowed ones", () => {
    const text = example.replace(
      "Monitoring: national agencies, Compensation: 150",
      "Monitoring: the UN, Compensation: 150",
    );
    const [p] = problems(text);
    expect(p).toMatchObject({ line: lineOf(text, "the UN"), message: '"the UN" is not a value of issue "Monitoring"' });
    expect(p!.hint).toContain("joint commission");
  });

  it("rejects a negative weight, a value outside [0, 1] and an off-grid real value, all at once", () => {
    const text = example
      .replace("Dam height: 0.3\n", "Dam height: -0.3\n")
      .replace("{memorandum: 1, binding treaty: 0.4}", "{memorandum: 1.5, binding treaty: 0.4}")
      .replace("Summer flow: 700,", "Summer flow: 725,");
    const found = problems(text).map((p) => [p.line, p.message]);
    expect(found).toEqual([
      [lineOf(text, "Dam height: -0.3"), "weight -0.3 is negative"],
      [lineOf(text, "memorandum: 1.5"), "value 1.5 is outside [0, 1]"],
      [lineOf(text, "Summer flow: 725"), '"725" is not a value of issue "Summer flow"'],
    ]);
  });

  it("reports schema errors with their line: wrong type, unknown field, unknown issue kind", () => {
    expect(problems(example.replace("steps: 7\n    unit: m³/s", "steps: seven\n    unit: m³/s"))[0]).toMatchObject({
      line: lineOf(example, "steps: 7"),
      path: ["issues", 0, "steps"],
    });
    const typo = example.replace("    redLines:\n      - label: summer", "    redlines:\n      - label: summer");
    expect(problems(typo)[0]).toMatchObject({
      line: lineOf(typo, "- name: Lowland"),
      message: 'unknown field "redlines"',
    });
    const kind = example.replace("kind: discrete\n    options: [memorandum", "kind: boolean\n    options: [memorandum");
    expect(problems(kind)[0]).toMatchObject({ line: lineOf(kind, "kind: boolean"), path: ["issues", 4, "kind"] });
  });

  it("reports YAML syntax errors and empty documents", () => {
    const [p] = problems("name: x\nissues: [a, b\nparties: []\n");
    expect(p).toMatchObject({ code: "yaml.syntax", file: "s.yaml" });
    expect(p!.line).toBeGreaterThan(1);
    expect(problems("# nothing here\n")[0]).toMatchObject({ code: "scenario.empty" });
  });

  it("rejects red lines on unknown issues and min/max on discrete issues", () => {
    const text = example.replace(
      "issue: Monitoring\n        notIn: [international observers]",
      "issue: Monitoring\n        max: 2",
    );
    expect(problems(text)[0]!.message).toContain("min/max need a numeric issue");
    const unknown = example.replace(
      "then: {issue: Form, in: [binding treaty]}",
      "then: {issue: Format, in: [binding treaty]}",
    );
    expect(problems(unknown)[0]).toMatchObject({
      line: lineOf(unknown, "issue: Format"),
      message: 'unknown issue "Format"',
    });
  });
});
