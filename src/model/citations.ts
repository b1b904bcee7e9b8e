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
  const list = (path: (string | number)[], cites: readonly CiteSpec[] | undefined) =>
    cites?.forEach((cite, i) => out.push({ path: [...path, i], cite }));
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
    for (const [issue, s] of Object.entries(p.stances ?? {})) list(["parties", i, "stances", issue, "cite"], s.cite);
    p.alternatives?.forEach((a, j) => list(["parties", i, "alternatives", j, "cite"], a.cite));
    p.factions?.forEach((f, j) => list(["parties", i, "factions", j, "cite"], f.cite));
  });
  spec.proposals.forEach((p, i) => {
    list(["proposals", i, "cite"], p.cite);
    map(["proposals", i, "citeTerms"], p.citeTerms);
    p.objections?.forEach((o, j) => list(["proposals", i, "objections", j, "cite"], o.cite));
  });
  spec.sequencing?.forEach((q, i) => list(["sequencing", i, "cite"], q.cite));
  spec.disputes?.forEach((d, i) => d.sides.forEach((s, j) => list(["disputes", i, "sides", j, "cite"], s.cite)));
  spec.notes?.forEach((n, i) => list(["notes", i, "cite"], n.cite));
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
    // A reservation value derived from cited alternatives rests on them.
    if (!p.citeReservation && !(p.reservation === undefined && p.alternatives?.every((a) => a.cite)))
      out.push(`${p.name}: reservation value`);
    for (const [issue, s] of Object.entries(p.stances ?? {})) if (!s.cite) out.push(`${p.name}: stance on ${issue}`);
    p.factions?.forEach((f) => out.push(`${p.name}: ${f.name}'s share (${f.weight})`));
    p.redLines.forEach((r, j) => {
      if (!r.cite) out.push(`${p.name}: red line ${r.label ?? formatPath(["parties", i, "redLines", j])}`);
    });
  });
  for (const p of spec.proposals)
    for (const issue of Object.keys(p.outcome)) if (!p.citeTerms?.[issue]) out.push(`${p.name}: ${issue}`);
  return out;
}
