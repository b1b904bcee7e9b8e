import type { Model, StanceStrength } from "../model/scenario.js";

/** Parties × issues: how strongly each party holds its position on each issue, and toward what. */
export interface StanceMatrix {
  readonly parties: string[];
  readonly issues: string[];
  /** `cells[p][i]`, null where the scenario says nothing. */
  readonly cells: ({
    strength: StanceStrength;
    toward: string[];
    cited: boolean;
    implied: boolean;
    note?: string;
  } | null)[][];
}

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
