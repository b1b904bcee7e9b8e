import type { AnalysisReport, Cited } from "../analysis/analyze.js";
import type { ScenarioSpec } from "../model/schema.js";
import { formatPath } from "../errors.js";

/**
 * The analysis with its evidence: every resolved citation, the assumptions, and next to each red
 * line a plan crosses the words that red line rests on.
 */
export function withEvidence(report: AnalysisReport, spec: ScenarioSpec, citations: Cited[], assumptions: string[]): AnalysisReport {
  const evidence = new Map<string, Cited[]>();
  spec.parties.forEach((p, i) =>
    p.redLines.forEach((_, j) => {
      const prefix = formatPath(["parties", i, "redLines", j, "cite"]);
      evidence.set(`${p.name}|${report.redLines[indexOf(spec, i, j)]!.label}`, citations.filter((c) => c.field.startsWith(prefix)));
    }),
  );
  return {
    ...report,
    proposals: report.proposals.map((p) => ({
      ...p,
      redLinesCrossed: p.redLinesCrossed.map((l) => ({ ...l, evidence: evidence.get(`${l.party}|${l.label}`) ?? [] })),
    })),
    citations,
    assumptions,
  };
}

/** Position of party i's red line j among all red lines, in the order the model compiles them. */
function indexOf(spec: ScenarioSpec, i: number, j: number): number {
  return spec.parties.slice(0, i).reduce((n, p) => n + p.redLines.length, 0) + j;
}
