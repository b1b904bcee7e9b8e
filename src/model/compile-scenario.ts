import { InputError } from "../errors.js";
import { Compilation, formatValue, lowerBound, type Path, upperBound } from "./compilation.js";
import { compilePreferences, zeroTable } from "./compile-preferences.js";
import { compileProposals } from "./compile-proposals.js";
import { checkDistinct } from "./distinct-names.js";
import {
  createDiscreteIssue,
  createIntegerIssue,
  createRealIssue,
  type Issue,
  MAX_INTEGER_VALUES,
  MAX_OPTIONS,
} from "./issue.js";
import { OutcomeSpace } from "./outcome-space.js";
import type { Faction, Num } from "./preferences.js";
import type { Condition, RedLine } from "./red-line.js";
import type { Model, Party, Sequence, Stance } from "./scenario.js";
import type { ConditionSpec, IssueSpec, PartySpec, RedLineSpec, ScenarioSpec, UncertainNumber } from "./schema.js";

/**
 * Turns a schema-valid scenario into the computable model, checking everything the schema
 * cannot: names that must exist, values in range. Collects every problem and throws once.
 * The steps run in a fixed order, which is the order of the problems and of the parameters.
 */
export function compileScenario(spec: ScenarioSpec, options: { discretize?: number } = {}): Model {
  const c = new Compilation();
  c.setIssues(spec.issues.map((s, i) => compileIssue(c, s, i, options.discretize)));
  const parties = compileParties(c, spec.parties);
  const redLines = compileRedLines(c, spec.parties);
  const proposals = compileProposals(c, spec);
  const stances = compileStances(c, spec.parties, redLines);
  const sequencing = compileSequencing(c, spec.sequencing ?? []);
  c.collapseRenames();
  if (c.problems.length) throw new InputError(c.problems);
  return {
    name: spec.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    space: new OutcomeSpace(c.issues),
    parties,
    redLines,
    proposals,
    parameters: c.parameters,
    ...(stances.length ? { stances } : {}),
    ...(sequencing.length ? { sequencing } : {}),
    ...(spec.notes?.length ? { notes: spec.notes.map(({ subject, text }) => ({ subject, text })) } : {}),
  };
}

/** An issue, refused when it has more values than the analysis can enumerate or a span it cannot compute with. */
function compileIssue(c: Compilation, s: IssueSpec, i: number, discretize: number | undefined): Issue {
  if (s.kind === "discrete") {
    if (s.options.length > MAX_OPTIONS)
      c.report(
        ["issues", i, "options"],
        `${s.options.length.toLocaleString("en-US")} options; the limit is ${MAX_OPTIONS.toLocaleString("en-US")}`,
        "make a large range of values an integer or real issue",
      );
    checkDistinct(c, "option", s.options, (j) => ["issues", i, "options", j], "give each option once");
    return createDiscreteIssue(s.name, s.options, s.unit);
  }
  if (s.kind === "integer") {
    if (s.upper - s.lower + 1 > MAX_INTEGER_VALUES)
      c.report(
        ["issues", i],
        `integer range ${s.lower}…${s.upper} has more than ${MAX_INTEGER_VALUES.toLocaleString("en-US")} values`,
        "use a real issue with steps",
      );
    // Cut to the limit, so that compiling goes on to find the other problems.
    return createIntegerIssue(s.name, s.lower, Math.min(s.upper, s.lower + MAX_INTEGER_VALUES - 1), s.unit);
  }
  if (!Number.isFinite(s.upper - s.lower) || !Number.isFinite(s.lower) || !Number.isFinite(s.upper))
    c.report(
      ["issues", i],
      `the range ${s.lower}…${s.upper} is too wide to compute with (its span is not a finite number)`,
      "give bounds whose difference is below 1.7e308",
    );
  return createRealIssue(s.name, s.lower, s.upper, s.steps ?? discretize ?? 11, s.unit);
}

/** The parties, in order; a name given twice (or printing like another) is reported. */
function compileParties(c: Compilation, specs: readonly PartySpec[]): Party[] {
  checkDistinct(
    c,
    "party",
    specs.map((p) => p.name),
    (pi) => ["parties", pi, "name"],
    "party names must be unique",
  );
  return specs.map((p, pi) => compileParty(c, p, (...rest: Path): Path => ["parties", pi, ...rest]));
}

function compileParty(c: Compilation, p: PartySpec, at: (...rest: Path) => Path): Party {
  // A party's preferences are its own, or the weighted sum of its factions' (its own are then unused zeros).
  const factions = p.factions ? compileFactions(c, p, p.factions, at) : undefined;
  const own = factions
    ? { weights: c.issues.map(() => 0), values: c.issues.map((issue) => zeroTable(issue)) }
    : compilePreferences(c, p, at);
  const reservation = compileReservation(c, p, at);
  return {
    name: p.name,
    role: p.role,
    preferences: { weights: own.weights, values: own.values, reservation, ...(factions ? { factions } : {}) },
    ...(p.alternatives
      ? {
          alternatives: p.alternatives.map((x) => ({
            name: x.name,
            low: lowerBound(x.utility),
            high: upperBound(x.utility),
          })),
        }
      : {}),
    ...(p.discount === undefined ? {} : { discount: p.discount }),
    ...(p.description === undefined ? {} : { description: p.description }),
  };
}

/** A party's factions, each with preferences of its own and a share of the party's position; the shares sum to 1. */
function compileFactions(
  c: Compilation,
  p: PartySpec,
  factions: NonNullable<PartySpec["factions"]>,
  at: (...rest: Path) => Path,
): Faction[] {
  if (Object.keys(p.weights).length || Object.keys(p.values).length)
    c.report(
      at("factions"),
      "a party with factions takes its preferences from them",
      "move its weights and values into the factions",
    );
  const sum = factions.reduce((t, f) => t + f.weight, 0);
  if (Math.abs(sum - 1) > 1e-6)
    c.report(
      at("factions"),
      `the factions' weights sum to ${Math.round(sum * 1e6) / 1e6}, not 1`,
      "give weights that sum to 1 (each faction's share of the party's position)",
    );
  return factions.map((f, fi) => ({
    name: f.name,
    weight: f.weight,
    ...(f.description ? { description: f.description } : {}),
    preferences: compilePreferences(c, f, (...rest) => at("factions", fi, ...rest)),
  }));
}

/** The reservation value: typed in, else the best alternative to agreement, else 0; a utility in [0, 1]. */
function compileReservation(c: Compilation, p: PartySpec, at: (...rest: Path) => Path): Num {
  const reservation = p.reservation ?? (p.alternatives ? bestAlternative(p.alternatives) : 0);
  const derived = p.reservation === undefined && p.alternatives !== undefined;
  p.alternatives?.forEach((x, k) => {
    if (lowerBound(x.utility) < 0 || upperBound(x.utility) > 1)
      c.report(
        at("alternatives", k, "utility"),
        `utility ${JSON.stringify(x.utility)} is outside [0, 1]`,
        "utilities are on a 0–1 scale",
      );
  });
  if (lowerBound(reservation) < 0 || upperBound(reservation) > 1)
    c.report(
      at("reservation"),
      `reservation value ${JSON.stringify(reservation)} is outside [0, 1]`,
      "utilities are on a 0–1 scale",
    );
  // A derived value's uncertainty is the alternatives', so it is recorded at them.
  return c.num(reservation, derived ? at("alternatives") : at("reservation"));
}

/** The best of the alternatives to agreement: a range when their utilities are uncertain. */
function bestAlternative(alternatives: NonNullable<PartySpec["alternatives"]>): UncertainNumber {
  const lo = Math.max(...alternatives.map((x) => lowerBound(x.utility)));
  const hi = Math.max(...alternatives.map((x) => upperBound(x.utility)));
  return lo === hi ? lo : [lo, hi];
}

/** Every party's red lines, in order; one naming an unknown issue or value is reported and left out. */
function compileRedLines(c: Compilation, parties: readonly PartySpec[]): RedLine[] {
  const redLines: RedLine[] = [];
  parties.forEach((p, pi) =>
    p.redLines.forEach((r, ri) => {
      const line = compileRedLine(c, r, pi, ["parties", pi, "redLines", ri]);
      if (line) redLines.push(line);
    }),
  );
  return redLines;
}

/** A bare condition that must always hold, or `then` that must hold whenever every `if` does. */
function compileRedLine(c: Compilation, r: RedLineSpec, party: number, path: Path): RedLine | undefined {
  if (!("then" in r)) {
    const then = compileCondition(c, r, path);
    return then && { party, label: r.label ?? describeRedLine(c.issues, [], then), if: [], then };
  }
  // Every condition is compiled, so that all their problems are reported.
  const ifs = (Array.isArray(r.if) ? r.if : [r.if]).map((cond, k) =>
    compileCondition(c, cond, [...path, "if", ...(Array.isArray(r.if) ? [k] : [])]),
  );
  const then = compileCondition(c, r.then, [...path, "then"]);
  if (!then || !ifs.every((cond) => cond)) return undefined;
  return { party, label: r.label ?? describeRedLine(c.issues, ifs as Condition[], then), if: ifs as Condition[], then };
}

/** The options of an issue a condition allows: `in`, less `notIn`, within [min, max] (numeric issues only). */
function compileCondition(c: Compilation, spec: ConditionSpec, path: Path): Condition | undefined {
  const i = c.lookupIssue(spec.issue, [...path, "issue"]);
  if (i < 0) return undefined;
  const issue = c.issues[i]!;
  const allowed = new Uint8Array(issue.cardinality).fill(1);
  if (spec.in) {
    allowed.fill(0);
    spec.in.forEach((v, k) => {
      const j = c.optionIndex(issue, v, [...path, "in", k]);
      if (j >= 0) allowed[j] = 1;
    });
  }
  spec.notIn?.forEach((v, k) => {
    const j = c.optionIndex(issue, v, [...path, "notIn", k]);
    if (j >= 0) allowed[j] = 0;
  });
  if (spec.min !== undefined || spec.max !== undefined) {
    if (issue.kind === "discrete") {
      c.report(path, `min/max need a numeric issue; "${issue.name}" is discrete`, "use in or notIn with option names");
      return undefined;
    }
    // A bound matches the grid value it was written as, despite rounding.
    for (let j = 0; j < issue.cardinality; j++) {
      const x = issue.numberAt(j);
      if ((spec.min !== undefined && x < spec.min - 1e-9) || (spec.max !== undefined && x > spec.max + 1e-9))
        allowed[j] = 0;
    }
  }
  return { issue: i, allowed };
}

/** Stances: the written ones, then one implied by a red line wherever its party wrote none on that issue. */
function compileStances(c: Compilation, parties: readonly PartySpec[], redLines: readonly RedLine[]): Stance[] {
  const stances = parties.flatMap((p, pi) => writtenStances(c, p, pi));
  for (const line of redLines)
    if (!stances.some((s) => s.party === line.party && s.issue === line.then.issue))
      stances.push({
        party: line.party,
        issue: line.then.issue,
        strength: "red line",
        toward: [...line.then.allowed.keys()].filter((j) => line.then.allowed[j]),
        note: line.label,
        cited: false,
        implied: true,
      });
  return stances;
}

/** A party's written stances on known issues, toward its known values (others are reported and dropped). */
function writtenStances(c: Compilation, p: PartySpec, pi: number): Stance[] {
  const stances: Stance[] = [];
  for (const [issueName, st] of Object.entries(p.stances ?? {})) {
    const path: Path = ["parties", pi, "stances", issueName];
    const i = c.lookupIssue(issueName, path);
    if (i < 0) continue;
    const toward = (st.toward ?? [])
      .map((v, k) => c.optionIndex(c.issues[i]!, v, [...path, "toward", k]))
      .filter((j) => j >= 0);
    stances.push({
      party: pi,
      issue: i,
      strength: st.strength,
      toward,
      ...(st.note ? { note: st.note } : {}),
      cited: !!st.cite?.length,
    });
  }
  return stances;
}

/** Sequencing: conditions over known issues, and no term required before itself. */
function compileSequencing(c: Compilation, specs: NonNullable<ScenarioSpec["sequencing"]>): Sequence[] {
  const sequencing: Sequence[] = [];
  specs.forEach((q, k) => {
    const path: Path = ["sequencing", k];
    const first = compileCondition(c, q.first, [...path, "first"]),
      then = compileCondition(c, q.then, [...path, "then"]);
    if (first && then)
      sequencing.push({
        label:
          q.label ?? `${describeRedLine(c.issues, [], first)} ${q.relation} ${describeRedLine(c.issues, [], then)}`,
        first,
        then,
        relation: q.relation,
      });
  });
  const order = sequencing.filter((q) => q.relation === "before");
  const cycle = findCycle(order.map((q) => [q.first.issue, q.then.issue] as [number, number]));
  if (cycle)
    c.report(
      ["sequencing"],
      `the sequence runs in a circle: ${cycle.map((i) => c.issues[i]!.name).join(" before ")}`,
      "one of these steps must come first",
    );
  return sequencing;
}

/** A cycle in a directed graph given as edges, as its nodes in order (the first repeated at the end), or null. */
function findCycle(edges: readonly [number, number][]): number[] | null {
  const next = new Map<number, number[]>();
  for (const [a, b] of edges) (next.get(a) ?? next.set(a, []).get(a)!).push(b);
  const state = new Map<number, 1 | 2>();
  const path: number[] = [];
  const visit = (v: number): number[] | null => {
    state.set(v, 1);
    path.push(v);
    for (const w of next.get(v) ?? []) {
      if (state.get(w) === 1) return [...path.slice(path.indexOf(w)), w];
      if (!state.has(w)) {
        const c = visit(w);
        if (c) return c;
      }
    }
    path.pop();
    state.set(v, 2);
    return null;
  };
  for (const v of next.keys())
    if (!state.has(v)) {
      const c = visit(v);
      if (c) return c;
    }
  return null;
}

/** `Territory ∉ {A, B}`, `if Sanctions = lifted then Army ≤ 600000`. */
export function describeRedLine(issues: readonly Issue[], ifs: readonly Condition[], then: Condition): string {
  const text = (c: Condition) => describeCondition(issues[c.issue]!, c);
  return ifs.length ? `if ${ifs.map(text).join(" and ")} then ${text(then)}` : text(then);
}

/** A condition in its shortest form: a bound or interval on a numeric issue, else the allowed or the banned options. */
function describeCondition(issue: Issue, c: Condition): string {
  const allowed = [...c.allowed.keys()].filter((j) => c.allowed[j]).map((j) => issue.valueAt(j));
  const banned = [...c.allowed.keys()].filter((j) => !c.allowed[j]).map((j) => issue.valueAt(j));
  if (issue.kind !== "discrete" && allowed.length) {
    const lo = allowed[0]!,
      hi = allowed[allowed.length - 1]!;
    if (lo === issue.valueAt(0)) return `${issue.name} ≤ ${formatValue(hi)}`;
    if (hi === issue.valueAt(issue.cardinality - 1)) return `${issue.name} ≥ ${formatValue(lo)}`;
    return `${issue.name} in ${formatValue(lo)}…${formatValue(hi)}`;
  }
  if (allowed.length === 1) return `${issue.name} = ${allowed[0]}`;
  if (banned.length === 1) return `${issue.name} ≠ ${banned[0]}`;
  return allowed.length <= banned.length
    ? `${issue.name} ∈ {${allowed.join(", ")}}`
    : `${issue.name} ∉ {${banned.join(", ")}}`;
}
