import type { AnalysisReport, Cited } from "../analysis/analyze.js";
import type { ScenarioSpec } from "../model/schema.js";
import { formatPath } from "../errors.js";

/**
 * The analysis with its evidence: every resolved citation, the assumptions, and next to each red
 * line a plan crosses the words that red line rests on.
 */
/** A contradiction between sources, as the evidence layer reports it (each side's sentences). */
export interface ContradictionInput {
  subject: string;
  attribute: string;
  sides: { value: string | number; spans: { file: string; start: number; end: number }[] }[];
}

export function withEvidence(report: AnalysisReport, spec: ScenarioSpec, citations: Cited[], assumptions: string[], contradictions: ContradictionInput[] = []): AnalysisReport {
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
    contestedFacts: contradictions.map((c) => {
      // A field rests on a contested fact when one of its citations covers the words carrying a side's value.
      const base = (f: string) => f.replace(/^.*[\\/]/, "");
      const fields = [
        ...new Set(
          citations
            .filter((x) => c.sides.some((s) => s.spans.some((q) => base(q.file) === base(x.file) && x.start < q.end && x.end > q.start)))
            .map((x) => x.field.replace(/\[\d+\]$/, "")),
        ),
      ];
      // Plan terms given as alternatives are evaluated per source: they answer whether it matters.
      const proposals = fields.map((f) => /^proposals\[(\d+)\]\.citeTerms/.exec(f)?.[1]).filter((x): x is string => x !== undefined).map((i) => report.proposals[+i]!);
      const judged = proposals.filter((p) => p.contested);
      return {
        subject: c.subject,
        attribute: c.attribute,
        values: c.sides.map((s) => s.value),
        fields,
        changesAnswers: judged.length ? judged.some((p) => p.dependsOnSources) : fields.length ? null : false,
      };
    }),
  };
}

/** Position of party i's red line j among all red lines, in the order the model compiles them. */
function indexOf(spec: ScenarioSpec, i: number, j: number): number {
  return spec.parties.slice(0, i).reduce((n, p) => n + p.redLines.length, 0) + j;
}
