import { formatPath, type Problem } from "../errors.js";
import { checkDistinct } from "./distinct-names.js";
import type { Issue, IssueValue } from "./issue.js";
import type { Num, Parameter } from "./preferences.js";
import type { UncertainNumber } from "./schema.js";

/** Where a field sits in the scenario, as in a problem's `path`. */
export type Path = (string | number)[];

/**
 * What every step of compiling a scenario shares: the problems found so far (all reported at
 * the end, not at the first), the uncertain numbers in the order they are met (their index is
 * their place in a `theta` vector), and the issues by name.
 */
export class Compilation {
  readonly problems: Problem[] = [];
  readonly parameters: Parameter[] = [];
  issues: readonly Issue[] = [];
  private readonly issueIndex = new Map<string, number>();
  /** The hint of every unknown issue: names in the order defined. */
  private known = "";
  /** Problems of a value no option of its issue has, and of a table missing options: a renamed option shows as both. */
  private readonly unknownValues: { issue: string; value: string; problem: Problem }[] = [];
  private readonly missingOptions: { issue: string; options: readonly string[]; problem: Problem }[] = [];

  report(path: Path, message: string, hint?: string): Problem {
    const problem: Problem = { code: "scenario.invalid", message, path, ...(hint ? { hint } : {}) };
    this.problems.push(problem);
    return problem;
  }

  /** A table of values per option that gives none for these options of the issue. */
  reportMissing(issue: Issue, options: readonly string[], path: Path, message: string, hint: string): void {
    this.missingOptions.push({ issue: issue.name, options, problem: this.report(path, message, hint) });
  }

  /**
   * One problem for an option renamed in its issue but not where it is used: the fields still
   * naming the old one and the tables missing the new one are its consequences, not problems of
   * their own ("Valley: 'freeze' is no longer an option; 'frozen line' is new: renamed?").
   */
  collapseRenames(): void {
    const issues = new Set(this.unknownValues.map((u) => u.issue));
    issues.forEach((name) => {
      const unknown = this.unknownValues.filter((u) => u.issue === name);
      const missing = this.missingOptions.filter((m) => m.issue === name);
      const old = [...new Set(unknown.map((u) => u.value))];
      const fresh = [...new Set(missing.flatMap((m) => m.options))];
      if (old.length !== 1 || fresh.length !== 1) return;
      const consequences = new Set([...unknown, ...missing].map((x) => x.problem));
      const first = this.problems.findIndex((p) => consequences.has(p));
      const fields = unknown.map((u) => formatPath(u.problem.path ?? []));
      const renamed: Problem = {
        code: "scenario.renamed-option",
        path: ["issues", this.issueIndex.get(name) ?? 0, "options"],
        message: `issue "${name}": option "${fresh[0]}" is new and "${old[0]}" is no longer an option, yet ${fields.length} field(s) still name "${old[0]}" (${fields.slice(0, 3).join(", ")}${fields.length > 3 ? ", …" : ""})`,
        hint: `if you renamed "${old[0]}" to "${fresh[0]}", rename it in those fields too; else name the option "${old[0]}" again`,
      };
      const kept = this.problems.filter((p) => !consequences.has(p));
      kept.splice(Math.max(0, first), 0, renamed);
      this.problems.splice(0, this.problems.length, ...kept);
    });
  }

  /** A number of the model: a constant, or a new parameter when a range is given. */
  num(u: UncertainNumber, path: Path): Num {
    if (typeof u === "number") return u;
    const [low, high] = Array.isArray(u) ? u : [u.low, u.high];
    const nominal = Array.isArray(u) ? (low + high) / 2 : (u.value ?? (low + high) / 2);
    if (low === high) return low;
    this.parameters.push({ field: formatPath(path), low, high, nominal });
    return { param: this.parameters.length - 1 };
  }

  /** Makes the issues known by name; a name defined twice is reported, and the later one is found. */
  setIssues(issues: readonly Issue[]): void {
    this.issues = issues;
    checkDistinct(
      this,
      "issue",
      issues.map((issue) => issue.name),
      (i) => ["issues", i, "name"],
      "issue names must be unique",
    );
    issues.forEach((issue, i) => this.issueIndex.set(issue.name, i));
    this.known = [...this.issueIndex.keys()].join(", ");
  }

  /** The index of the issue of that name, or -1 (and a problem) when there is none. */
  lookupIssue(name: string, path: Path): number {
    const i = this.issueIndex.get(name);
    if (i === undefined) this.report(path, `unknown issue "${name}"`, `known issues: ${this.known}`);
    return i ?? -1;
  }

  /** The index of a value among an issue's options, or -1 (and a problem naming the allowed ones). */
  optionIndex(issue: Issue, v: IssueValue, path: Path): number {
    const j = issue.indexOf(v);
    if (j < 0) {
      // A short grid of real values is listed: a value off it is most often a step missed.
      const grid =
        issue.kind === "real" && issue.cardinality <= 25
          ? `: ${Array.from({ length: issue.cardinality }, (_, i) => formatValue(issue.valueAt(i))).join(", ")}`
          : "";
      const problem = this.report(
        path,
        `"${v}" is not a value of issue "${issue.name}"`,
        `allowed: ${issue.describe()}${grid}`,
      );
      this.unknownValues.push({ issue: issue.name, value: String(v), problem });
    }
    return j;
  }
}

/** The least value an uncertain number may take. */
export function lowerBound(u: UncertainNumber): number {
  return typeof u === "number" ? u : Array.isArray(u) ? u[0] : u.low;
}

/** The greatest value an uncertain number may take. */
export function upperBound(u: UncertainNumber): number {
  return typeof u === "number" ? u : Array.isArray(u) ? u[1] : u.high;
}

/** An issue's value as written in messages and labels: numbers to six decimals at most. */
export function formatValue(v: IssueValue): string {
  return typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v;
}
