import { type Compilation, lowerBound, type Path, upperBound } from "./compilation.js";
import type { Issue } from "./issue.js";
import type { Num, ValueFunction } from "./preferences.js";
import type { NumericValueSpec, UncertainNumber, ValueSpec } from "./schema.js";

/** Weights and values as a party or a faction writes them: by issue name. */
export interface PreferencesSpec {
  readonly weights: Record<string, UncertainNumber>;
  readonly values: Record<string, ValueSpec>;
}

/**
 * One set of linear-additive preferences (a party's, or a faction's): a weight and a value
 * function per issue, in the issues' order. `at` places a field under the party or faction.
 */
export function compilePreferences(
  c: Compilation,
  o: PreferencesSpec,
  at: (...rest: Path) => Path,
): { weights: Num[]; values: ValueFunction[] } {
  for (const key of Object.keys(o.weights)) c.lookupIssue(key, at("weights", key));
  for (const key of Object.keys(o.values)) c.lookupIssue(key, at("values", key));
  // All weights before any value function: their parameters are numbered in that order.
  const weights = c.issues.map((issue) => compileWeight(c, issue, o.weights[issue.name], at));
  const values = c.issues.map((issue, i) =>
    compileValueFunction(c, issue, o.values[issue.name], weights[i] !== 0, at("values", issue.name)),
  );
  return { weights, values };
}

/** A value function of 0 everywhere: what an issue without one (or with a broken one) is worth. */
export function zeroTable(issue: Issue): ValueFunction {
  return { kind: "table", values: new Array<number>(issue.cardinality).fill(0) };
}

function compileWeight(c: Compilation, issue: Issue, w: UncertainNumber | undefined, at: (...rest: Path) => Path): Num {
  if (w === undefined) {
    c.report(
      at("weights"),
      `no weight for issue "${issue.name}"`,
      "give every issue a weight (0 if the party does not care)",
    );
    return 0;
  }
  if (lowerBound(w) < 0)
    c.report(at("weights", issue.name), `weight ${JSON.stringify(w)} is negative`, "weights must be ≥ 0");
  return c.num(w, at("weights", issue.name));
}

/** The value function of one issue; its form must fit the issue: a formula for a number, a table for options. */
function compileValueFunction(
  c: Compilation,
  issue: Issue,
  fn: ValueSpec | undefined,
  weighted: boolean,
  path: Path,
): ValueFunction {
  if (fn === undefined) {
    // Only an issue the party weighs needs one.
    if (weighted)
      c.report(
        path,
        `no value function for issue "${issue.name}"`,
        "give a value per option, or linear/points for a numeric issue",
      );
    return zeroTable(issue);
  }
  if (issue.kind !== "discrete") {
    if (isNumericValue(fn)) return numericValueFunction(c, fn, path);
    c.report(path, `issue "${issue.name}" is numeric: give {linear: {slope, intercept}} or {points: [[x, value], …]}`);
    return zeroTable(issue);
  }
  if (!isNumericValue(fn)) return valueTable(c, issue, fn, path);
  c.report(path, `issue "${issue.name}" is discrete: it needs a value per option`, `options: ${issue.describe()}`);
  return zeroTable(issue);
}

/** A linear function as written, or points checked for order and range (all checked before any is numbered). */
function numericValueFunction(c: Compilation, f: NumericValueSpec, path: Path): ValueFunction {
  if ("linear" in f) return { kind: "linear", slope: f.linear.slope, intercept: f.linear.intercept };
  const pts = f.points;
  pts.forEach(([x, y], k) => {
    if (k > 0 && x <= pts[k - 1]![0])
      c.report([...path, "points", k], "points must have strictly increasing x", "sort the points by x");
    if (lowerBound(y) < 0 || upperBound(y) > 1)
      c.report([...path, "points", k, 1], `value ${JSON.stringify(y)} is outside [0, 1]`, "values are on a 0–1 scale");
  });
  return {
    kind: "points",
    xs: pts.map(([x]) => x),
    ys: pts.map(([, y], k) => c.num(y, [...path, "points", k, 1])),
  };
}

/** A value per option of a discrete issue: unknown options, values outside [0, 1] and missing ones reported. */
function valueTable(c: Compilation, issue: Issue, table: Record<string, UncertainNumber>, path: Path): ValueFunction {
  for (const key of Object.keys(table)) c.optionIndex(issue, key, [...path, key]);
  const missing: string[] = [];
  const values = Array.from({ length: issue.cardinality }, (_, j) => {
    const option = String(issue.valueAt(j));
    const v = table[option];
    if (v === undefined) {
      missing.push(option);
      return 0;
    }
    if (lowerBound(v) < 0 || upperBound(v) > 1)
      c.report([...path, option], `value ${JSON.stringify(v)} is outside [0, 1]`, "values are on a 0–1 scale");
    return c.num(v, [...path, option]);
  });
  if (missing.length) reportMissingOptions(c, issue, missing, path);
  return { kind: "table", values };
}

/** One problem for all of a table's missing options, however many: the first five named. */
function reportMissingOptions(c: Compilation, issue: Issue, missing: readonly string[], path: Path): void {
  const which = missing.length === 1 ? "option" : `${missing.length.toLocaleString("en-US")} options:`;
  const names = missing
    .slice(0, 5)
    .map((o) => `"${o}"`)
    .join(", ");
  c.reportMissing(
    issue,
    missing,
    path,
    `no value for ${which} ${names}${missing.length > 5 ? ", …" : ""}`,
    "give every option a value in [0, 1]",
  );
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
