import type { AnalysisReport } from "../contract/analysis-report.js";

export type ConcessionReport = AnalysisReport["concessions"][number];

/** What a concession asks of each party, whatever its kind: red lines relaxed, or reservations lowered. */
export function concessionChanges(c: ConcessionReport): { party: string; change: string; redLine?: string }[] {
  switch (c.kind) {
    case "red-lines":
      return c.changes.map(({ party, change, redLine }) => ({ party, change, redLine }));
    case "red-line":
      return [{ party: c.party, change: c.change, redLine: c.redLine }];
    case "reservation":
      return c.changes.map((x) => ({
        party: x.party,
        change: `lowers its reservation from ${x.from.toFixed(2)} to ${x.to.toFixed(2)}`,
      }));
  }
}
