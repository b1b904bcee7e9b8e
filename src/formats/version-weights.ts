import { baseName } from "../model/base-name.js";
import type { Model } from "../model/scenario.js";
import { proposalVariants } from "../model/scenario.js";
import type { ScenarioSpec } from "../model/schema.js";
import type { ReliabilityInput } from "./cited-report.js";

/**
 * For each proposal with terms the sources dispute (`{oneOf: […]}`): how likely each version is,
 * in proportion to the reliability of the sources that give each reading. A reading's sources
 * are the term's citations whose words contain it (else the citation in the same position).
 */
export function versionWeights(model: Model, spec: ScenarioSpec, reliability: readonly ReliabilityInput[]) {
  const score = (file: string) => reliability.find((r) => baseName(r.file) === baseName(file))?.score ?? 0.5;
  const norm = (s: string) => s.toLowerCase().replace(/[\s,’']/g, "");
  return model.proposals.map((p, k) => {
    if (!p.alternatives) return undefined;
    const s = spec.proposals[k]!;
    // Per disputed term, a weight per reading.
    const perTerm = p.alternatives.map((alt) => {
      const issue = model.space.issues[alt.issue]!;
      const cites = s.citeTerms?.[issue.name] ?? [];
      return alt.options.map((o, i) => {
        const label = norm(String(issue.valueAt(o)));
        const backing = cites.filter((c) => norm(c.exact).includes(label));
        const files = backing.length ? backing.map((c) => c.file) : cites[i] ? [cites[i].file] : [];
        return files.length ? Math.max(...files.map(score)) : 0.5;
      });
    });
    // Versions are the product of the readings, in proposalVariants order (the last term varies fastest).
    const variants = proposalVariants(p);
    const weights = variants.map((v) =>
      p.alternatives!.reduce((w, alt, t) => w * perTerm[t]![alt.options.indexOf(v.choices[alt.issue]!)]!, 1),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    const versions = variants.map((v, i) => ({
      terms: p
        .alternatives!.map(
          (alt) =>
            `${model.space.issues[alt.issue]!.name}=${model.space.issues[alt.issue]!.valueAt(v.choices[alt.issue]!)}`,
        )
        .join(", "),
      weight: Math.round((weights[i]! / total) * 1000) / 1000,
    }));
    return { weights: weights.map((w) => w / total), versions };
  });
}
