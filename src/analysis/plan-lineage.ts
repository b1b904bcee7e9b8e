import type { z } from "zod";
import type { PlanDiff as PlanDiffSchema } from "../contract/analysis-report.js";
import type { Model } from "../model/scenario.js";

/** What changed from one plan version to the next, term by term, and who objected (the contract's shape). */
export type PlanDiff = z.infer<typeof PlanDiffSchema>;

/** Every derived version against the version it came from (contested terms compared by their first reading). */
export function planLineage(model: Model): PlanDiff[] {
  const issues = model.space.issues;
  return model.proposals.flatMap((p) => {
    if (p.derivedFrom === undefined) return [];
    const base = model.proposals[p.derivedFrom]!;
    const diff: PlanDiff = {
      proposal: p.name,
      from: base.name,
      added: [],
      dropped: [],
      notStated: [],
      changed: [],
      unchanged: 0,
      objections: [],
    };
    issues.forEach((issue, i) => {
      const a = base.choices[i]!,
        b = p.choices[i]!;
      if (a < 0 && b >= 0) diff.added.push({ issue: issue.name, value: issue.valueAt(b) });
      else if (a >= 0 && b < 0)
        (p.drops?.includes(i) ? diff.dropped : diff.notStated).push({ issue: issue.name, value: issue.valueAt(a) });
      else if (a >= 0 && a !== b)
        diff.changed.push({ issue: issue.name, from: issue.valueAt(a), to: issue.valueAt(b) });
      else if (a >= 0) diff.unchanged++;
    });
    for (const o of p.objections ?? [])
      diff.objections.push({
        party: model.parties[o.party]!.name,
        terms: o.terms.map((t) => issues[t]!.name),
        ...(o.note ? { note: o.note } : {}),
      });
    return [diff];
  });
}
