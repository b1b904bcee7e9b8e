import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bargainingSolutions } from "../../src/analysis/bargaining-solutions.js";
import { paretoFrontier } from "../../src/analysis/pareto.js";
import { InputError } from "../../src/errors.js";
import { geniusToScenario, modelToGenius, parseGeniusDomain } from "../../src/formats/genius-xml.js";
import { loadGeniusFiles } from "../../src/formats/load-files.js";
import { compileScenario } from "../../src/model/compile-scenario.js";
import type { Model } from "../../src/model/scenario.js";
import { createUtilities, utilityOf } from "../../src/model/utilities.js";
import { GENIUS, NONLINEAR } from "../domains.js";

const load = (name: string) => loadGeniusFiles(GENIUS[name]!.domain, GENIUS[name]!.profiles).model;

describe("GENIUS reference values", () => {
  // Outcomes, distinct frontier points and the Nash point, as GENIUS semantics give them.
  const cases: [string, number, number, [number, number]?][] = [
    ["LaptopC", 27, 4, [1.0, 0.815105]],
    ["ItexvsCypress", 180, 18],
    ["EnglandZimbabwe", 576, 25],
    ["CameraB", 3600, 16, [0.820651, 0.8907]],
    ["Travel", 188_160, 12],
    ["Energy", 390_625, 204, [0.625, 0.754286]],
  ];
  it.each(cases)("%s: %d outcomes, %d frontier points", (name, outcomes, size, nash) => {
    const model = load(name);
    expect(model.space.size).toBe(BigInt(outcomes));
    const u = createUtilities(model);
    const f = paretoFrontier(u);
    expect(f.size).toBe(size);
    if (nash) {
      const row = bargainingSolutions.nash(f, u.reservations);
      expect(f.utilities[row * 2]).toBeCloseTo(nash[0], 6);
      expect(f.utilities[row * 2 + 1]).toBeCloseTo(nash[1], 6);
    }
  });

  it("divides discrete evaluations by the issue maximum and keeps weights as written (LaptopC)", () => {
    const model = load("LaptopC");
    const u = createUtilities(model);
    const dell60_19 = Int32Array.of(0, 0, 0);
    // prof1: weights 0.44521…, 0.37808…, 0.17675… (sum 1.000052); evaluations 12/30, 30/30, 30/30.
    expect(utilityOf(u, 0, dell60_19)).toBeCloseTo(
      0.4452125771655631 * (12 / 30) + 0.37808251708013424 + 0.1767567099260568,
      12,
    );
    // HP, 60 Gb, 19'' LCD: every evaluation at its maximum, weights summing to 1.000052, capped at 1.
    expect(utilityOf(u, 0, Int32Array.of(2, 0, 0))).toBe(1);
  });

  it("reads discount factors and reservation values (CameraB)", () => {
    const model = load("CameraB");
    expect(model.parties.map((p) => p.discount)).toEqual([0.5, 0.5]);
    expect(createUtilities(model).reservations).toEqual(Float64Array.of(0, 0));
  });

  it("loads multilateral domains, integer issues and real issues", () => {
    expect(load("partydomain").parties).toHaveLength(3);
    expect(load("group2-politics").space.size).toBe(23_040n);
    const robot = load("group9-killer_robot");
    expect(robot.parties).toHaveLength(5);
    expect(robot.space.size).toBe(240_000n);
    const guns = robot.space.issues.find((i) => i.name === "Guns")!;
    expect([guns.kind, guns.cardinality, guns.valueAt(0)]).toEqual(["integer", 10, 1]);
    // Integer evaluator: slope·(x − lowerbound) + offset = −0.0444…·(10 − 1) + 1 for party 1 at 10 guns.
    const u = createUtilities(robot);
    const gi = robot.space.issues.indexOf(guns);
    const w = robot.parties[0]!.preferences.weights[gi] as number;
    expect(u.tables[0]![u.offsets[gi]! + 9]).toBeCloseTo(w * (1 - 0.044444444444444446 * 9), 12);
    const son = load("SON");
    expect(son.space.size).toBe(11n ** 4n);
    expect(loadGeniusFiles(GENIUS["SON"]!.domain, GENIUS["SON"]!.profiles, { discretize: 5 }).model.space.size).toBe(
      625n,
    );
  });

  it("refuses a non-linear profile with a clear error", () => {
    expect(() => loadGeniusFiles(NONLINEAR.domain, NONLINEAR.profiles)).toThrow(/non-linear.*not supported/);
  });
});

describe("GENIUS round trip: XML → scenario → XML gives the same utility for every outcome", () => {
  it.each(Object.keys(GENIUS))("%s", (name) => {
    const c = GENIUS[name]!;
    const original = load(name);
    const { domain, profiles } = modelToGenius(original);
    const d = parseGeniusDomain(domain, "written-domain.xml");
    const again = compileScenario(
      geniusToScenario(
        d,
        profiles.map((text, i) => ({ text, file: `written-${i}.xml` })),
      ),
    );
    expect(again.space.size).toBe(original.space.size);
    expectSameUtilities(original, again);
    expect(again.parties.map((p) => p.discount)).toEqual(original.parties.map((p) => p.discount));
    expect(c.profiles.length).toBe(again.parties.length);
  });
});

function expectSameUtilities(a: Model, b: Model): void {
  const ua = createUtilities(a),
    ub = createUtilities(b);
  expect(Array.from(ub.reservations)).toEqual(Array.from(ua.reservations));
  const n = Number(a.space.size);
  const choices = new Int32Array(a.space.issues.length);
  let worst = 0;
  for (let o = 0; o < n; o++) {
    a.space.decode(o, choices);
    for (let p = 0; p < ua.parties; p++)
      worst = Math.max(worst, Math.abs(utilityOf(ua, p, choices) - utilityOf(ub, p, choices)));
  }
  expect(worst).toBeLessThan(1e-9);
}

describe("GENIUS bad input", () => {
  const domainText = readFileSync(GENIUS["LaptopC"]!.domain, "utf8");
  const profileText = readFileSync(GENIUS["LaptopC"]!.profiles[0]!, "utf8");
  const domain = parseGeniusDomain(domainText, "laptop-domain.xml");
  const problems = (text: string) => {
    try {
      geniusToScenario(domain, [{ text, file: "bad.xml" }]);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems;
    }
    throw new Error("expected an InputError");
  };

  it("malformed XML names the line", () => {
    const [p] = problems(profileText.replace("</issue>", "</isue>"));
    expect(p).toMatchObject({ code: "genius.malformed-xml", file: "bad.xml" });
    expect(p!.line).toBeGreaterThan(1);
  });
  it("a profile issue the domain lacks", () => {
    const [p] = problems(profileText.replace('name="Harddisk"', 'name="Battery"'));
    expect(p).toMatchObject({ code: "genius.unknown-issue" });
    expect(p!.message).toContain('"Battery"');
    expect(p!.line).toBe(profileText.split("\n").findIndex((l) => l.includes('name="Harddisk"')) + 1);
  });
  it("a negative weight and a weight that is not a number", () => {
    expect(problems(profileText.replace('value="0.37808251708013424"', 'value="-0.3"'))[0]).toMatchObject({
      code: "genius.bad-weight",
      message: expect.stringContaining("negative"),
    });
    expect(problems(profileText.replace('value="0.37808251708013424"', 'value="heavy"'))[0]).toMatchObject({
      code: "genius.bad-weight",
      message: expect.stringContaining("not a number"),
    });
  });
  it("an evaluation for an option the domain lacks", () => {
    const [p] = problems(profileText.replace('value="Macintosh"', 'value="Lenovo"'));
    expect(p).toMatchObject({ code: "genius.unknown-option", message: expect.stringContaining('"Lenovo"') });
  });
});

describe("GENIUS oddities are refused or read as GENIUS means them", () => {
  const domainXml = (issues: string) =>
    `<negotiation_template><utility_space><objective index="0" name="d">${issues}</objective></utility_space></negotiation_template>`;
  const codes = (text: string) => {
    try {
      parseGeniusDomain(text, "d.xml");
    } catch (e) {
      return (e as InputError).problems.map((p) => p.code);
    }
    return [];
  };
  const a = '<issue index="1" name="a" type="discrete"><item value="x"/><item value="y"/></issue>';

  it("two issues sharing an index (a profile's weight could not tell them apart)", () => {
    expect(codes(domainXml(a + a.replace('name="a"', 'name="b"')))).toEqual(["genius.duplicate-index"]);
    expect(codes(domainXml(a.replace('index="1"', "")))).toEqual(["genius.issue-index"]);
  });
  it("hexadecimal, binary and Infinity are not GENIUS numbers", () => {
    for (const bound of ["0x10", "0b1", "Infinity"])
      expect(
        codes(domainXml(`<issue index="1" name="n" type="integer" lowerbound="0" upperbound="${bound}"/>`)),
      ).toEqual(["genius.bounds"]);
    expect(codes(domainXml('<issue index="1" name="n" type="integer" lowerbound="-2" upperbound="1e2"/>'))).toEqual([]);
  });
  it("an integer issue with fractional bounds", () => {
    expect(codes(domainXml('<issue index="1" name="n" type="integer" lowerbound="0.5" upperbound="7.5"/>'))).toEqual([
      "genius.bounds",
    ]);
  });
  it("a real issue with lower = upper is one outcome, not eleven", () => {
    const domain = parseGeniusDomain(
      domainXml('<issue index="1" name="r" type="real"><range lowerbound="3" upperbound="3"/></issue>'),
      "d.xml",
    );
    const profile = `<utility_space><objective index="0" name="d"><issue index="1" name="r" type="real"><evaluator ftype="linear" parameter0="0" parameter1="0.1"/></issue><weight index="1" value="1"/></objective></utility_space>`;
    const model = compileScenario(geniusToScenario(domain, [{ text: profile, file: "p.xml" }]));
    expect(model.space.size).toBe(1n);
  });
  it("two weights under one index in a profile", () => {
    const profileText = readFileSync(GENIUS["LaptopC"]!.profiles[0]!, "utf8");
    const domain = parseGeniusDomain(readFileSync(GENIUS["LaptopC"]!.domain, "utf8"), "laptop-domain.xml");
    const twice = profileText.replace('<weight index="2"', '<weight index="1" value="0.9"/><weight index="2"');
    expect(() => geniusToScenario(domain, [{ text: twice, file: "p.xml" }])).toThrow(/two <weight index="1">/);
  });
  it('an option named "true" survives a round trip through GENIUS XML', () => {
    const scenario = {
      name: "flags",
      issues: [{ kind: "discrete" as const, name: "x", options: ["true", "false"] }],
      parties: ["A", "B"].map((name, k) => ({
        name,
        role: "principal" as const,
        reservation: 0,
        weights: { x: 1 },
        values: { x: { true: k, false: 1 - k } },
        redLines: [],
      })),
      proposals: [],
    };
    const written = modelToGenius(compileScenario(scenario));
    expect(written.domain).toContain('value="true"');
    const domain = parseGeniusDomain(written.domain, "flags-domain.xml");
    expect(domain.issues[0]).toMatchObject({ options: ["true", "false"] });
    const back = compileScenario(
      geniusToScenario(
        domain,
        written.profiles.map((text, k) => ({ text, file: `p${k}.xml` })),
      ),
    );
    expectSameUtilities(compileScenario(scenario), back);
  });
});
