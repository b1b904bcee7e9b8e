import { formatPath } from "../errors.js";
import type { CiteSpec, ScenarioSpec } from "./schema.js";

export interface CitationAt {
  /** Field path of what the citation supports, e.g. `parties[0].citeWeights.Territory[0]`. */
  readonly path: (string | number)[];
  readonly cite: CiteSpec;
}

/** Every citation in a scenario with the field path it supports. */
export function listCitations(spec: ScenarioSpec): CitationAt[] {
  const out: CitationAt[] = [];
  const list = (path: (string | number)[], cites: readonly CiteSpec[] | undefined) => cites?.forEach((cite, i) => out.push({ path: [...path, i], cite }));
  const map = (path: (string | number)[], m: Record<string, readonly CiteSpec[]> | undefined) => {
    for (const [k, v] of Object.entries(m ?? {})) list([...path, k], v);
  };
  spec.issues.forEach((issue, i) => {
    list(["issues", i, "cite"], issue.cite);
    if (issue.kind === "discrete") map(["issues", i, "optionCites"], issue.optionCites);
  });
  spec.parties.forEach((p, i) => {
    list(["parties", i, "cite"], p.cite);
    map(["parties", i, "citeWeights"], p.citeWeights);
    map(["parties", i, "citeValues"], p.citeValues);
    list(["parties", i, "citeReservation"], p.citeReservation);
    p.redLines.forEach((r, j) => list(["parties", i, "redLines", j, "cite"], r.cite));
  });
  spec.proposals.forEach((p, i) => {
    list(["proposals", i, "cite"], p.cite);
    map(["proposals", i, "citeTerms"], p.citeTerms);
  });
  return out;
}

/**
 * What rests on no citation — each party's weights, value orderings and reservation value, each
 * red line, each proposal term — as readable field names: the analysis lists them as assumptions.
 */
export function listAssumptions(spec: ScenarioSpec): string[] {
  const out: string[] = [];
  spec.parties.forEach((p, i) => {
    for (const issue of spec.issues) {
      if (!p.citeWeights?.[issue.name]) out.push(`${p.name}: weight of ${issue.name}`);
      if (!p.citeValues?.[issue.name]) out.push(`${p.name}: values of ${issue.name}`);
    }
    if (!p.citeReservation) out.push(`${p.name}: reservation value`);
    p.redLines.forEach((r, j) => {
      if (!r.cite) out.push(`${p.name}: red line ${r.label ?? formatPath(["parties", i, "redLines", j])}`);
    });
  });
  for (const p of spec.proposals) for (const issue of Object.keys(p.outcome)) if (!p.citeTerms?.[issue]) out.push(`${p.name}: ${issue}`);
  return out;
}
