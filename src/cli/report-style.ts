import type { AnalysisReport, PointReport } from "../analysis/analyze.js";
import { table, wrapLine } from "./table.js";

export interface RenderOptions {
  /** Frontier rows shown. */
  readonly maxRows?: number;
  /** Line width to wrap tables and prose to (Infinity for the full lines). */
  readonly width?: number;
}

/** Table cells: one row of strings per line. */
export type Rows = readonly (readonly string[])[];

/** How one report writes its tables, prose, utilities and outcomes, the same in every section. */
export interface ReportStyle {
  readonly maxRows: number;
  readonly maxWidth: number;
  /** Whether some numbers are assumed ranges: then utilities are shown to two decimals. */
  readonly assumed: boolean;
  /** A table fitted to the width. */
  table(header: readonly string[], rows: Rows): string;
  /** A line of prose wrapped to the width. */
  say(line: string): string;
  /** Whether the table at its natural width would be too wide (a list of blocks reads better then). */
  tooWide(header: readonly string[], rows: Rows): boolean;
  /** A utility. */
  u(x: number): string;
  /** An outcome as `issue=value unit, …`. */
  outcome(o: Record<string, string | number>): string;
  /** Each party's utility at a point, or dashes when there is none. */
  utils(p: PointReport | null): string[];
}

export function reportStyle(r: AnalysisReport, options: RenderOptions): ReportStyle {
  const maxWidth = options.width ?? Infinity;
  // Numbers that rest on assumed ranges do not deserve four decimals.
  const assumed = r.uncertainNumbers > 0;
  const u = (x: number) => (assumed ? x.toFixed(2) : x.toFixed(4));
  const units = new Map(r.issues.map((i) => [i.name, i.unit]));
  return {
    maxRows: options.maxRows ?? 12,
    maxWidth,
    assumed,
    table: (header, rows) => table(header, rows, { maxWidth }),
    say: (line) => wrapLine(line, maxWidth),
    tooWide: (header, rows) =>
      Number.isFinite(maxWidth) &&
      table(header, rows)
        .split("\n")
        .some((l) => l.length > maxWidth),
    u,
    outcome: (o) =>
      Object.entries(o)
        .map(([k, v]) => `${k}=${typeof v === "number" ? round(v) : v}${units.get(k) ? ` ${units.get(k)}` : ""}`)
        .join(", "),
    utils: (p) => (p ? p.utilities.map(u) : r.parties.map(() => "–")),
  };
}

function round(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}
