import type { z } from "zod";
import type { StanceMatrix as StanceMatrixSchema } from "../contract/analysis-report.js";
import type { Model } from "../model/scenario.js";

/** Parties × issues: how strongly each party holds its position on each issue, and toward what (the contract's shape). */
export type StanceMatrix = z.infer<typeof StanceMatrixSchema>;

export function stanceMatrix(model: Model): StanceMatrix {
  const issues = model.space.issues;
  const cells = model.parties.map(() => issues.map(() => null as StanceMatrix["cells"][number][number]));
  for (const s of model.stances ?? [])
    cells[s.party]![s.issue] = {
      strength: s.strength,
      toward: s.toward.map((j) => String(issues[s.issue]!.valueAt(j))),
      cited: s.cited,
      implied: s.implied === true,
      ...(s.note ? { note: s.note } : {}),
    };
  return { parties: model.parties.map((p) => p.name), issues: issues.map((i) => i.name), cells };
}
