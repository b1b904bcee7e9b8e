import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Concession, jointRedLineConcessions, minimalConcessions } from "../../src/analysis/concessions.js";
import { feasibleFrontier } from "../../src/analysis/feasible-frontier.js";
import { redLineCollisions } from "../../src/analysis/hard-constraints.js";
import { WorkBudget } from "../../src/analysis/work-budget.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { crossesRedLine, type RedLine } from "../../src/model/red-line.js";
import type { Model } from "../../src/model/scenario.js";
import { createUtilities, type Utilities, utilityOf } from "../../src/model/utilities.js";
import { ROOT } from "../domains.js";
import { arbitraryModel } from "./random-model.js";

const EPS = 1e-9;

/** Every complete outcome (the models here are small enough to list). */
const outcomesOf = (model: Model) => Array.from({ length: Number(model.space.size) }, (_, k) => model.space.decode(k));
const respects = (lines: readonly RedLine[], o: Int32Array) => !lines.some((l) => crossesRedLine(l, o));
const rational = (u: Utilities, o: ArrayLike<number>, r: ArrayLike<number> = u.reservations) =>
  Array.from({ length: u.parties }, (_, p) => p).every((p) => utilityOf(u, p, o) >= r[p]! - EPS);
/** Brute force: some outcome crosses none of the lines and gives every party its reservation value. */
const zoneUnder = (model: Model, u: Utilities, lines: readonly RedLine[]) =>
  outcomesOf(model).some((o) => respects(lines, o) && rational(u, o));

/**
 * The relaxations of one red line as the module documents them, least first: a numeric line
 * widens to the nearest banned value, then the next (cumulatively); a discrete one admits one
 * banned option at a time; a discrete or conditional line can also be dropped.
 */
function documentedRelaxations(model: Model, line: RedLine) {
  const issue = model.space.issues[line.then.issue]!;
  const allowed = line.then.allowed;
  const banned = [...allowed.keys()].filter((j) => !allowed[j]);
  const numeric = issue.kind !== "discrete";
  const distance = (j: number) =>
    numeric
      ? Math.min(
          ...[...allowed.keys()].filter((a) => allowed[a]).map((a) => Math.abs(issue.numberAt(a) - issue.numberAt(j))),
        )
      : 0;
  const out: { line: RedLine; size: number; newly: number[]; change: string }[] = [];
  const newly: number[] = [];
  for (const j of banned.sort((a, b) => distance(a) - distance(b) || a - b)) {
    if (numeric) newly.push(j);
    const added = numeric ? newly.slice() : [j];
    const mask = allowed.slice();
    for (const x of added) mask[x] = 1;
    const up = [...allowed.keys()].some((a) => allowed[a] && a < j);
    out.push({
      line: { ...line, then: { issue: line.then.issue, allowed: mask } },
      size: added.length / issue.cardinality,
      newly: added,
      change: numeric
        ? `allow ${issue.name} ${up ? "up" : "down"} to ${issue.valueAt(j)}`
        : `allow ${issue.name} = ${issue.valueAt(j)}`,
    });
  }
  if (!numeric || line.if.length)
    out.push({
      line: { ...line, if: [], then: { issue: line.then.issue, allowed: allowed.map(() => 1) } },
      size: 1,
      newly: banned,
      change: "drop it",
    });
  return out;
}

/** Checks every concession of `minimalConcessions` against brute force over the whole outcome space. */
function checkAgainstBruteForce(model: Model, concessions: Concession[], u: Utilities) {
  const outcomes = outcomesOf(model);
  const feasible = outcomes.filter((o) => respects(model.redLines, o));
  const k = u.parties,
    r = u.reservations;
  // Reservation values: for each party alone, the least lowering is its reservation minus the best it can
  // get while every other party keeps its own; jointly, the least total shortfall over the outcomes.
  const reservation = concessions.filter((c) => c.kind === "reservation");
  for (let p = 0; p < k; p++) {
    const others = feasible.filter((o) => [...Array(k).keys()].every((q) => q === p || utilityOf(u, q, o) >= r[q]!));
    const alone = reservation.filter((c) => c.changes.length === 1 && c.changes[0]!.party === p);
    if (!others.length) expect(alone).toEqual([]);
    else {
      const best = Math.max(...others.map((o) => utilityOf(u, p, o)));
      expect(best).toBeLessThan(r[p]!); // else a zone would exist
      expect(alone).toHaveLength(1);
      expect(alone[0]!.changes[0]!.to).toBeCloseTo(best, 9);
    }
  }
  if (feasible.length) {
    const shortfall = (o: Int32Array) =>
      [...Array(k).keys()].reduce((s, p) => s + Math.max(0, r[p]! - utilityOf(u, p, o)), 0);
    const least = Math.min(...feasible.map(shortfall));
    expect(Math.min(...reservation.map((c) => c.size))).toBeCloseTo(least, 9);
  } else expect(reservation).toEqual([]);
  for (const c of reservation) {
    // The deal it opens crosses no red line; the parties it lowers are exactly those below their value there.
    expect(respects(model.redLines, c.opens.choices)).toBe(true);
    const below = [...Array(k).keys()].filter((p) => c.opens.utilities[p]! < r[p]!);
    expect(c.changes.map((x) => x.party)).toEqual(below);
    for (const x of c.changes) {
      expect(x.from).toBe(r[x.party]);
      expect(x.to).toBe(c.opens.utilities[x.party]);
    }
    expect(c.size).toBeCloseTo(
      c.changes.reduce((s, x) => s + x.from - x.to, 0),
      12,
    );
    // Lowered so, the reservation values leave a zone of agreement.
    const lowered = r.slice();
    for (const x of c.changes) lowered[x.party] = x.to;
    expect(feasible.some((o) => rational(u, o, lowered))).toBe(true);
  }
  // Red lines: for each line, the first documented relaxation that opens a zone (by brute force), or none.
  model.redLines.forEach((line, i) => {
    const others = model.redLines.filter((_, j) => j !== i);
    const expected = documentedRelaxations(model, line).find((x) => zoneUnder(model, u, [...others, x.line]));
    const found = concessions.filter((c) => c.kind === "red-line" && c.line === i);
    if (!expected) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    const c = found[0]!;
    if (c.kind !== "red-line") return;
    expect(c.party).toBe(line.party);
    expect(c.size).toBeCloseTo(expected.size, 12);
    expect(c.change).toBe(expected.change);
    // The deal it opens crosses the relaxed line as it stood, on a value newly allowed, and no other line.
    expect(crossesRedLine(line, c.opens.choices)).toBe(true);
    expect(expected.newly).toContain(c.opens.choices[line.then.issue]);
    expect(respects(others, c.opens.choices)).toBe(true);
    expect(rational(u, c.opens.choices)).toBe(true);
    c.opens.utilities.forEach((x, p) => expect(x).toBeCloseTo(utilityOf(u, p, c.opens.choices), 12));
  });
  // Ranked: reservation changes first, each kind by size.
  const kinds = concessions.map((c) => c.kind);
  expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === "reservation" ? -1 : 1)));
  for (const kind of ["reservation", "red-line"]) {
    const sizes = concessions.filter((c) => c.kind === kind).map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  }
}

describe("minimalConcessions: the port concession deadlock (numeric, discrete and coupled red lines)", () => {
  const file = join(ROOT, "test", "fixtures", "deadlock.yaml");
  const { model } = parseScenario(readFileSync(file, "utf8"), file);
  const u = createUtilities(model);
  const concessions = minimalConcessions(model, u, feasibleFrontier(u, model.redLines));

  it("has no zone to start with, and offers both kinds of concession", () => {
    expect(zoneUnder(model, u, model.redLines)).toBe(false);
    expect(concessions.some((c) => c.kind === "reservation")).toBe(true);
    expect(concessions.some((c) => c.kind === "red-line")).toBe(true);
  });

  it("every concession matches brute force: least lowering, least relaxation, and a deal that really opens", () => {
    checkAgainstBruteForce(model, concessions, u);
  });

  it("a numeric red line widens only as far as it must: one step less opens nothing", () => {
    for (const c of concessions) {
      if (c.kind !== "red-line" || c.change === "drop it") continue;
      const line = model.redLines[c.line]!;
      const others = model.redLines.filter((_, j) => j !== c.line);
      const steps = documentedRelaxations(model, line);
      const at = steps.findIndex((x) => x.change === c.change);
      expect(at).toBeGreaterThanOrEqual(0);
      for (const smaller of steps.slice(0, at)) expect(zoneUnder(model, u, [...others, smaller.line])).toBe(false);
      expect(zoneUnder(model, u, [...others, steps[at]!.line])).toBe(true);
    }
  });
});

describe("minimalConcessions on random small models without a zone", () => {
  it("agrees with brute force on every model", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryModel({ redLines: true, parties: [2, 3] }), (model) => {
        const u = createUtilities(model);
        if (zoneUnder(model, u, model.redLines)) return;
        checked++;
        checkAgainstBruteForce(model, minimalConcessions(model, u, feasibleFrontier(u, model.redLines)), u);
      }),
      { numRuns: 150, seed: 424242 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

/** Two collisions of red lines: East's troop ceiling against West's floor, East's neutrality against West's alignment. */
const TWO_COLLISIONS = `
name: Two collisions
issues:
  - {name: Troops, kind: integer, lower: 0, upper: 6}
  - {name: Status, kind: discrete, options: [neutral, aligned, member]}
  - {name: Aid, kind: discrete, options: [none, some, much]}
parties:
  - name: East
    reservation: 0.5
    weights: {Troops: 0.5, Status: 0.3, Aid: 0.2}
    values:
      Troops: {linear: {slope: -0.16, intercept: 1}}
      Status: {neutral: 1, aligned: 0.4, member: 0}
      Aid: {none: 1, some: 0.5, much: 0}
    redLines:
      - {label: few troops, issue: Troops, max: 2}
      - {label: neutral, issue: Status, in: [neutral]}
  - name: West
    reservation: 0.45
    weights: {Troops: 0.4, Status: 0.4, Aid: 0.2}
    values:
      Troops: {linear: {slope: 0.16, intercept: 0}}
      Status: {neutral: 0, aligned: 0.7, member: 1}
      Aid: {none: 0, some: 0.6, much: 1}
    redLines:
      - {label: enough troops, issue: Troops, min: 5}
      - {label: not neutral, issue: Status, notIn: [neutral]}
`;

describe("jointRedLineConcessions: one line of each collision gives way", () => {
  const { model } = parseScenario(TWO_COLLISIONS, "two-collisions.yaml");
  const u = createUtilities(model);
  const collisions = redLineCollisions(u, model.redLines);

  it("no single concession helps when two collisions stand", () => {
    expect(collisions.map((c) => c.map((i) => model.redLines[i]!.label).sort())).toEqual([
      ["enough troops", "few troops"],
      ["neutral", "not neutral"],
    ]);
    expect(minimalConcessions(model, u, feasibleFrontier(u, model.redLines))).toEqual([]);
    // Brute force agrees: relaxing any one line, however far, leaves no outcome in a zone.
    model.redLines.forEach((line, i) => {
      const others = model.redLines.filter((_, j) => j !== i);
      for (const r of documentedRelaxations(model, line)) expect(zoneUnder(model, u, [...others, r.line])).toBe(false);
    });
  });

  it("for each choice of one line per collision, the least total relaxation that opens a zone (brute force)", () => {
    const joint = jointRedLineConcessions(model, u, collisions);
    const choices = collisions[0]!.flatMap((a) => collisions[1]!.map((b) => [a, b]));
    const expected = choices.flatMap((chosen) => {
      const others = model.redLines.filter((_, i) => !chosen.includes(i));
      const [ra, rb] = chosen.map((i) => documentedRelaxations(model, model.redLines[i]!));
      const sizes = ra!.flatMap((a) =>
        rb!.filter((b) => zoneUnder(model, u, [...others, a.line, b.line])).map((b) => a.size + b.size),
      );
      return sizes.length ? [{ chosen, size: Math.min(...sizes) }] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(joint).toHaveLength(expected.length);
    for (const c of joint) {
      expect(c.kind).toBe("red-lines");
      if (c.kind !== "red-lines") continue;
      const chosen = c.changes.map((x) => x.line);
      const e = expected.find((x) => x.chosen.join() === chosen.join())!;
      expect(e).toBeDefined();
      expect(c.size).toBeCloseTo(e.size, 12);
      expect(c.size).toBeCloseTo(
        c.changes.reduce((s, x) => s + x.size, 0),
        12,
      );
      c.changes.forEach((x) => expect(x.party).toBe(model.redLines[x.line]!.party));
      // The deal it opens keeps every line not chosen, and every party's reservation value.
      const others = model.redLines.filter((_, i) => !chosen.includes(i));
      expect(respects(others, c.opens.choices)).toBe(true);
      expect(rational(u, c.opens.choices)).toBe(true);
    }
    const sizes = joint.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it("does not search more than 64 choices of one line per collision", () => {
    // Seven collisions of two lines each: 2^7 = 128 choices, refused at once rather than searched.
    const many = Array.from({ length: 7 }, () => collisions[0]!);
    const refused = new WorkBudget();
    expect(jointRedLineConcessions(model, u, many, refused)).toEqual([]);
    expect(refused.used).toBe(0);
    const searched = new WorkBudget();
    expect(jointRedLineConcessions(model, u, collisions, searched).length).toBeGreaterThan(0);
    expect(searched.used).toBeGreaterThan(0);
  });
});
