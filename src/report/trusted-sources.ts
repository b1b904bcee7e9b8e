import type { AnalysisReport } from "../contract/analysis-report.js";
import type { CorpusEvidence } from "../contract/evidence.js";
import { baseName } from "../model/base-name.js";

/** The sources the analysis quarantined, by base name. */
export function quarantinedFiles(a: Pick<AnalysisReport, "quarantine">): Set<string> {
  return new Set((a.quarantine ?? []).map((q) => baseName(q.file)));
}

/** The latest date of a source that is neither a copy nor quarantined: what a briefing knows is as of then. */
export function latestTrustedDate(
  evidence: Pick<CorpusEvidence, "documents">,
  a: Pick<AnalysisReport, "quarantine">,
): string | undefined {
  const quarantined = quarantinedFiles(a);
  return evidence.documents
    .filter((d) => !d.duplicateOf && !quarantined.has(baseName(d.file)))
    .flatMap((d) => d.published ?? [])
    .sort()
    .at(-1);
}
