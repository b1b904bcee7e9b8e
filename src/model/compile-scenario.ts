import { formatPath, InputError, type Problem } from "../errors.js";
import {
  createDiscreteIssue,
  createIntegerIssue,
  createRealIssue,
  type Issue,
  type IssueValue,
  MAX_INTEGER_VALUES,
  MAX_OPTIONS,
} from "./issue.js";
import { OutcomeSpace } from "./outcome-space.js";
import type { Faction, Num, Parameter, ValueFunction } from "./preferences.js";
import type { Condition, RedLine } from "./red-line.js";
import type { Model, Party, Proposal, Sequence, Stance } from "./scenario.js";
import type { ConditionSpec, NumericValueSpec, ScenarioSpec, UncertainNumber, ValueSpec } from "./schema.js";

type Path = (string | number)[];

/**
 * Turns a schema-valid scenario into the computable model, checking everything the schema
 * cannot: names that must exist, values in range. Collects every problem and throws once.
 */
export function compileScenario(spec: ScenarioSpec, options: { discretize?: number } = {}): Model {
  const problems: Problem[] = [];
  const report = (path: Path, message: string, hint?: string) =>
    problems.push({ code: "scenario.invalid", message, path, ...(hint ? { hint } : {}) });
  const parameters: Parameter[] = [];
  const num = (u: UncertainNumber, path: Path): Num => {
    if (typeof u === "number") return u;
    const [low, high] = Array.isArray(u) ? u : [u.low, u.high];
    const nominal = Array.isArray(u) ? (low + high) / 2 : (u.value ?? (low + high) / 2);
    if (low === high) return low;
    parameters.push({ field: formatPath(path), low, high, nominal });
    return { param: parameters.length - 1 };
  };
  const upper = (u: UncertainNumber) => (typeof u === "number" ? u : Array.isArray(u) ? u[1] : u.high);
  const lower = (u: UncertainNumber) => (typeof u === "number" ? u : Array.isArray(u) ? u[0] : u.low);

  const issues: Issue[] = spec.issues.map((s, i) => {
    if (s.kind === "discrete") {
      if (s.options.length > MAX_OPTIONS)
        report(
          ["issues", i, "options"],
          `${s.options.length.toLocaleString("en-US")} options; the limit is ${MAX_OPTIONS.toLocaleString("en-US")}`,
          "make a large range of values an integer or real issue",
        );
      const seen = new Set<string>();
      s.options.forEach((o, j) => {
        if (seen.has(o)) report(["issues", i, "options", j], `option "${o}" is listed twice`, "give each option once");
        seen.add(o);
      });
      return createDiscreteIssue(s.name, s.options, s.unit);
    }
    if (s.kind === "integer") {
      if (s.upper - s.lower + 1 > MAX_INTEGER_VALUES)
        report(
          ["issues", i],
          `integer range ${s.lower}…${s.upper} has more than ${MAX_INTEGER_VALUES.toLocaleString("en-US")} values`,
          "use a real issue with steps",
        );
      return createIntegerIssue(s.name, s.lower, Math.min(s.upper, s.lower + MAX_INTEGER_VALUES - 1), s.unit);
    }
    if (!Number.isFinite(s.upper - s.lower) || !Number.isFinite(s.lower) || !Number.isFinite(s.upper))
      report(
        ["issues", i],
        `the range ${s.lower}…${s.upper} is too wide to compute with (its span is not a finite number)`,
        "give bounds whose difference is below 1.7e308",
      );
    return createRealIssue(s.name, s.lower, s.upper, s.steps ?? options.discretize ?? 11, s.unit);
  });
  const issueIndex = new Map<string, number>();
  issues.forEach((issue, i) => {
    if (issueIndex.has(issue.name))
      report(["issues", i, "name"], `issue "${issue.name}" is defined twice`, "issue names must be unique");
    issueIndex.set(issue.name, i);
  });
  const known = [...issueIndex.keys()].join(", ");
  const lookupIssue = (name: string, path: Path): number => {
    const i = issueIndex.get(name);
    if (i === undefined) report(path, `unknown issue "${name}"`, `known issues: ${known}`);
    return i ?? -1;
  };
  const optionIndex = (issue: Issue, v: IssueValue, path: Path): number => {
    const j = issue.indexOf(v);
    if (j < 0) {
      const grid =
        issue.kind === "real" && issue.cardinality <= 25
          ? `: ${Array.from({ length: issue.cardinality }, (_, i) => fmt(issue.valueAt(i))).join(", ")}`
          : "";
      report(path, `"${v}" is not a value of issue "${issue.name}"`, `allowed: ${issue.describe()}${grid}`);
    }
    return j;
  };

  /** One set of linear-additive preferences (a party's, or a faction's): a weight and a value function per issue. */
  const compilePreferences = (
    o: { weights: Record<string, UncertainNumber>; values: Record<string, ValueSpec> },
    at: (...rest: Path) => Path,
  ) => {
    for (const key of Object.keys(o.weights)) if (!issueIndex.has(key)) lookupIssue(key, at("weights", key));
    for (const key of Object.keys(o.values)) if (!issueIndex.has(key)) lookupIssue(key, at("values", key));
    const weights = issues.map((issue) => {
      const w = o.weights[issue.name];
      if (w === undefined) {
        report(
          at("weights"),
          `no weight for issue "${issue.name}"`,
          "give every issue a weight (0 if the party does not care)",
        );
        return 0;
      }
      if (lower(w) < 0)
        report(at("weights", issue.name), `weight ${JSON.stringify(w)} is negative`, "weights must be ≥ 0");
      return num(w, at("weights", issue.name));
    });
    const values = issues.map((issue, i): ValueFunction => {
      const fn = o.values[issue.name];
      const path = at("values", issue.name);
      if (fn === undefined) {
        if (weights[i] !== 0)
          report(
            path,
            `no value function for issue "${issue.name}"`,
            "give a value per option, or linear/points for a numeric issue",
          );
        return { kind: "table", values: new Array<number>(issue.cardinality).fill(0) };
      }
      if (issue.kind !== "discrete") {
        if (!isNumericValue(fn)) {
          report(
            path,
            `issue "${issue.name}" is numeric: give {linear: {slope, intercept}} or {points: [[x, value], …]}`,
          );
          return { kind: "table", values: new Array<number>(issue.cardinality).fill(0) };
        }
        const f = fn;
        if ("linear" in f) return { kind: "linear", slope: f.linear.slope, intercept: f.linear.intercept };
        const pts = f.points;
        pts.forEach(([x, y], k) => {
          if (k > 0 && x <= pts[k - 1]![0])
            report([...path, "points", k], "points must have strictly increasing x", "sort the points by x");
          if (lower(y) < 0 || upper(y) > 1)
            report(
              [...path, "points", k, 1],
              `value ${JSON.stringify(y)} is outside [0, 1]`,
              "values are on a 0–1 scale",
            );
        });
        return {
          kind: "points",
          xs: pts.map(([x]) => x),
          ys: pts.map(([, y], k) => num(y, [...path, "points", k, 1])),
        };
      }
      if (isNumericValue(fn)) {
        report(path, `issue "${issue.name}" is discrete: it needs a value per option`, `options: ${issue.describe()}`);
        return { kind: "table", values: new Array<number>(issue.cardinality).fill(0) };
      }
      const tv = fn;
      for (const key of Object.keys(tv)) optionIndex(issue, key, [...path, key]);
      const missing: string[] = [];
      const values = Array.from({ length: issue.cardinality }, (_, j) => {
        const option = String(issue.valueAt(j));
        const v = tv[option];
        if (v === undefined) {
          missing.push(option);
          return 0;
        }
        if (lower(v) < 0 || upper(v) > 1)
          report([...path, option], `value ${JSON.stringify(v)} is outside [0, 1]`, "values are on a 0–1 scale");
        return num(v, [...path, option]);
      });
      // One problem for all of a table's missing options, however many.
      if (missing.length)
        report(
          path,
          `no value for ${missing.length === 1 ? "option" : `${missing.length.toLocaleString("en-US")} options:`} ${missing
            .slice(0, 5)
            .map((o) => `"${o}"`)
            .join(", ")}${missing.length > 5 ? ", …" : ""}`,
          "give every option a value in [0, 1]",
        );
      return { kind: "table", values };
    });
    return { weights, values };
  };

  const partyNames = new Set<string>();
  const parties: Party[] = spec.parties.map((p, pi) => {
    const at = (...rest: Path): Path => ["parties", pi, ...rest];
    if (partyNames.has(p.name)) report(at("name"), `party "${p.name}" is defined twice`, "party names must be unique");
    partyNames.add(p.name);
    // A party's preferences are its own, or the weighted sum of its factions'.
    let own: { weights: Num[]; values: ValueFunction[] };
    let factions: Faction[] | undefined;
    if (p.factions) {
      if (Object.keys(p.weights).length || Object.keys(p.values).length)
        report(
          at("factions"),
          "a party with factions takes its preferences from them",
          "move its weights and values into the factions",
        );
      const sum = p.factions.reduce((t, f) => t + f.weight, 0);
      if (Math.abs(sum - 1) > 1e-6)
        report(
          at("factions"),
          `the factions' weights sum to ${Math.round(sum * 1e6) / 1e6}, not 1`,
          "give weights that sum to 1 (each faction's share of the party's position)",
        );
      factions = p.factions.map((f, fi) => ({
        name: f.name,
        weight: f.weight,
        ...(f.description ? { description: f.description } : {}),
        preferences: compilePreferences(f, (...rest) => at("factions", fi, ...rest)),
      }));
      own = {
        weights: issues.map(() => 0),
        values: issues.map((issue) => ({ kind: "table", values: new Array<number>(issue.cardinality).fill(0) })),
      };
    } else own = compilePreferences(p, at);
    // The reservation value: typed in, else the best alternative to agreement (a range when they are uncertain).
    let reservationSpec: UncertainNumber = p.reservation ?? 0;
    if (p.reservation === undefined && p.alternatives) {
      const lows = p.alternatives.map((x) => lower(x.utility)),
        highs = p.alternatives.map((x) => upper(x.utility));
      const lo = Math.max(...lows),
        hi = Math.max(...highs);
      reservationSpec = lo === hi ? lo : [lo, hi];
    }
    p.alternatives?.forEach((x, k) => {
      if (lower(x.utility) < 0 || upper(x.utility) > 1)
        report(
          at("alternatives", k, "utility"),
          `utility ${JSON.stringify(x.utility)} is outside [0, 1]`,
          "utilities are on a 0–1 scale",
        );
    });
    if (lower(reservationSpec) < 0 || upper(reservationSpec) > 1)
      report(
        at("reservation"),
        `reservation value ${JSON.stringify(reservationSpec)} is outside [0, 1]`,
        "utilities are on a 0–1 scale",
      );
    const reservation = num(
      reservationSpec,
      p.reservation === undefined && p.alternatives ? at("alternatives") : at("reservation"),
    );
    return {
      name: p.name,
      role: p.role,
      preferences: { weights: own.weights, values: own.values, reservation, ...(factions ? { factions } : {}) },
      ...(p.alternatives
        ? { alternatives: p.alternatives.map((x) => ({ name: x.name, low: lower(x.utility), high: upper(x.utility) })) }
        : {}),
      ...(p.discount === undefined ? {} : { discount: p.discount }),
      ...(p.description === undefined ? {} : { description: p.description }),
    };
  });

  const condition = (c: ConditionSpec, path: Path): Condition | undefined => {
    const i = lookupIssue(c.issue, [...path, "issue"]);
    if (i < 0) return undefined;
    const issue = issues[i]!;
    const allowed = new Uint8Array(issue.cardinality).fill(1);
    if (c.in) {
      allowed.fill(0);
      c.in.forEach((v, k) => {
        const j = optionIndex(issue, v, [...path, "in", k]);
        if (j >= 0) allowed[j] = 1;
      });
    }
    c.notIn?.forEach((v, k) => {
      const j = optionIndex(issue, v, [...path, "notIn", k]);
      if (j >= 0) allowed[j] = 0;
    });
    if (c.min !== undefined || c.max !== undefined) {
      if (issue.kind === "discrete") {
        report(path, `min/max need a numeric issue; "${issue.name}" is discrete`, "use in or notIn with option names");
        return undefined;
      }
      for (let j = 0; j < issue.cardinality; j++) {
        const x = issue.numberAt(j);
        if ((c.min !== undefined && x < c.min - 1e-9) || (c.max !== undefined && x > c.max + 1e-9)) allowed[j] = 0;
      }
    }
    return { issue: i, allowed };
  };
  const redLines: RedLine[] = [];
  spec.parties.forEach((p, pi) =>
    p.redLines.forEach((r, ri) => {
      const path: Path = ["parties", pi, "redLines", ri];
      if ("then" in r) {
        const ifs = (Array.isArray(r.if) ? r.if : [r.if]).map((c, k) =>
          condition(c, [...path, "if", ...(Array.isArray(r.if) ? [k] : [])]),
        );
        const then = condition(r.then, [...path, "then"]);
        if (then && ifs.every((c) => c))
          redLines.push({
            party: pi,
            label: r.label ?? describeRedLine(issues, ifs as Condition[], then),
            if: ifs as Condition[],
            then,
          });
      } else {
        const then = condition(r, path);
        if (then) redLines.push({ party: pi, label: r.label ?? describeRedLine(issues, [], then), if: [], then });
      }
    }),
  );

  const proposalIndex = new Map(spec.proposals.map((s, k) => [s.name, k]));
  const partyList = spec.parties.map((p) => p.name);
  const partyIndex = (name: string, path: Path) => {
    const i = partyList.indexOf(name);
    if (i < 0) report(path, `unknown party "${name}"`, `known parties: ${partyList.join(", ")}`);
    return i;
  };
  const proposals: Proposal[] = spec.proposals.map((s, k) => {
    const path: Path = ["proposals", k];
    const from = s.derivedFrom === undefined ? undefined : proposalIndex.get(s.derivedFrom);
    if (s.derivedFrom !== undefined && from === undefined)
      report(
        [...path, "derivedFrom"],
        `no proposal "${s.derivedFrom}" to derive from`,
        `proposals: ${[...proposalIndex.keys()].join(", ")}`,
      );
    const objections = (s.objections ?? []).flatMap((o, j) => {
      const party = partyIndex(o.party, [...path, "objections", j, "party"]);
      const terms = (o.terms ?? []).map((t, q) => lookupIssue(t, [...path, "objections", j, "terms", q]));
      return party >= 0 && terms.every((t) => t >= 0) ? [{ party, terms, ...(o.note ? { note: o.note } : {}) }] : [];
    });
    if (s.drops && s.derivedFrom === undefined)
      report(
        [...path, "drops"],
        "a version can only drop terms of the version it was derived from",
        "add derivedFrom, or remove drops",
      );
    const drops = (s.drops ?? []).map((t, q) => lookupIssue(t, [...path, "drops", q]));
    s.drops?.forEach((t, q) => {
      if (t in s.outcome)
        report(
          [...path, "drops", q],
          `"${t}" is both dropped and set by the outcome`,
          "keep it in one of drops or outcome",
        );
    });
    const choices = new Int32Array(issues.length).fill(-1);
    const alternatives: { issue: number; options: number[] }[] = [];
    for (const [name, value] of Object.entries(s.outcome)) {
      const path = ["proposals", k, "outcome", name];
      const i = lookupIssue(name, path);
      if (i < 0) continue;
      if (typeof value === "object") {
        const options = value.oneOf.map((v, a) => optionIndex(issues[i]!, v, [...path, "oneOf", a]));
        choices[i] = options[0]!;
        alternatives.push({ issue: i, options });
      } else choices[i] = optionIndex(issues[i]!, value, path);
    }
    return {
      name: s.name,
      choices,
      ...(alternatives.length ? { alternatives } : {}),
      ...(s.by === undefined ? {} : { by: s.by }),
      ...(s.description === undefined ? {} : { description: s.description }),
      ...(from === undefined ? {} : { derivedFrom: from }),
      ...(drops.length && drops.every((t) => t >= 0) ? { drops } : {}),
      ...(objections.length ? { objections } : {}),
    };
  });
  spec.proposals.forEach((s, k) => {
    if (s.by !== undefined && !partyNames.has(s.by))
      report(["proposals", k, "by"], `unknown party "${s.by}"`, `known parties: ${[...partyNames].join(", ")}`);
  });
  // Plan lineage: each version derived from one that exists, and no version its own ancestor.
  proposals.forEach((p, k) => {
    const seen = new Set<number>();
    for (let at: number | undefined = k; at !== undefined; at = proposals[at]!.derivedFrom) {
      if (seen.has(at)) {
        report(
          ["proposals", k, "derivedFrom"],
          `"${p.name}" is derived from itself through ${[...seen].map((i) => `"${proposals[i]!.name}"`).join(" ← ")}`,
          "a version's lineage must end at an original",
        );
        break;
      }
      seen.add(at);
    }
  });

  // Stances: written ones, then those red lines imply where none is written.
  const stances: Stance[] = [];
  spec.parties.forEach((p, pi) => {
    for (const [issueName, st] of Object.entries(p.stances ?? {})) {
      const path: Path = ["parties", pi, "stances", issueName];
      const i = lookupIssue(issueName, path);
      if (i < 0) continue;
      const toward = (st.toward ?? [])
        .map((v, k) => optionIndex(issues[i]!, v, [...path, "toward", k]))
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
  });
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

  // Sequencing: conditions over known issues, and no term required before itself.
  const sequencing: Sequence[] = [];
  spec.sequencing?.forEach((q, k) => {
    const path: Path = ["sequencing", k];
    const first = condition(q.first, [...path, "first"]),
      then = condition(q.then, [...path, "then"]);
    if (first && then)
      sequencing.push({
        label: q.label ?? `${describeRedLine(issues, [], first)} ${q.relation} ${describeRedLine(issues, [], then)}`,
        first,
        then,
        relation: q.relation,
      });
  });
  const order = sequencing.filter((q) => q.relation === "before");
  const cycle = findCycle(order.map((q) => [q.first.issue, q.then.issue] as [number, number]));
  if (cycle)
    report(
      ["sequencing"],
      `the sequence runs in a circle: ${cycle.map((i) => issues[i]!.name).join(" before ")}`,
      "one of these steps must come first",
    );

  if (problems.length) throw new InputError(problems);
  return {
    name: spec.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    space: new OutcomeSpace(issues),
    parties,
    redLines,
    proposals,
    parameters,
    ...(stances.length ? { stances } : {}),
    ...(sequencing.length ? { sequencing } : {}),
  };
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
  const text = (c: Condition) => {
    const issue = issues[c.issue]!;
    const allowed = [...c.allowed.keys()].filter((j) => c.allowed[j]).map((j) => issue.valueAt(j));
    const banned = [...c.allowed.keys()].filter((j) => !c.allowed[j]).map((j) => issue.valueAt(j));
    if (issue.kind !== "discrete" && allowed.length) {
      const lo = allowed[0]!,
        hi = allowed[allowed.length - 1]!;
      if (lo === issue.valueAt(0)) return `${issue.name} ≤ ${fmt(hi)}`;
      if (hi === issue.valueAt(issue.cardinality - 1)) return `${issue.name} ≥ ${fmt(lo)}`;
      return `${issue.name} in ${fmt(lo)}…${fmt(hi)}`;
    }
    if (allowed.length === 1) return `${issue.name} = ${allowed[0]}`;
    if (banned.length === 1) return `${issue.name} ≠ ${banned[0]}`;
    return allowed.length <= banned.length
      ? `${issue.name} ∈ {${allowed.join(", ")}}`
      : `${issue.name} ∉ {${banned.join(", ")}}`;
  };
  return ifs.length ? `if ${ifs.map(text).join(" and ")} then ${text(then)}` : text(then);
}

function fmt(v: IssueValue): string {
  return typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v;
}

/**
 * Which form a schema-valid value function has. The schema tries the numeric forms first, so a
 * value that fits one is numeric; told apart by shape here so compiling needs no schema library.
 */
function isNumericValue(fn: ValueSpec): fn is NumericValueSpec {
  const keys = Object.keys(fn);
  if (keys.length !== 1) return false;
  const v = (fn as Record<string, unknown>)[keys[0]!];
  if (keys[0] === "linear")
    return (
      typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { slope?: unknown }).slope === "number"
    );
  return (
    keys[0] === "points" &&
    Array.isArray(v) &&
    v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "number")
  );
}
