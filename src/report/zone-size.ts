import type { AnalysisReport } from "../contract/analysis-report.js";
import { fmtCount, fmtPercent } from "../model/format-number.js";

/**
 * How large the zone of agreement is, as a reader says it: counted exactly ("14 of 1,470 outcomes
 * (1.0%)"), or estimated from random outcomes when there are too many to count; null when there
 * is none. `zopa.size` counts outcomes: it is no share.
 */
export function zoneSize(r: Pick<AnalysisReport, "zopa" | "outcomes">): string | null {
  const z = r.zopa;
  if (!z.exists) return null;
  if (z.size !== null)
    return `${fmtCount(z.size)} of ${fmtCount(r.outcomes)} outcomes (${fmtPercent(Number(z.size) / Number(r.outcomes))})`;
  return z.estimate && z.estimate.hits > 0
    ? `about ${fmtPercent(z.estimate.hits / z.estimate.samples)} of the outcomes (${fmtCount(z.estimate.hits)} of ${fmtCount(z.estimate.samples)} random outcomes; too many to count exactly)`
    : `fewer than 1 in ${fmtCount(z.estimate?.samples ?? 0)} outcomes (none of that many random outcomes is in it; too many to count exactly)`;
}
