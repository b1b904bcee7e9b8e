import type { AnalysisReport } from "../contract/analysis-report.js";
import type { CorpusEvidence } from "../contract/evidence.js";
import { baseName } from "../model/base-name.js";
import type { ScenarioSpec } from "../model/schema.js";
import { fieldCitations } from "./field-citations.js";
import { quarantinedFiles } from "./trusted-sources.js";

type Citation = NonNullable<AnalysisReport["citations"]>[number];

/** One plan version in time: when the texts date it, and how it stands with each party. */
export interface PlanMoment {
  readonly index: number;
  readonly name: string;
  readonly by: string | undefined;
  readonly derivedFrom: string | undefined;
  /** ISO, at the precision the words give ("2025-11", "2025-11-23"); null where nothing dates it. */
  readonly when: string | null;
  /** "text": a date in the words that name the plan; "reported": the earliest date of a source that names it. */
  readonly whenFrom: "text" | "reported" | null;
  readonly cites: readonly Citation[];
  /** Every source naming it is quarantined. */
  readonly unverified: boolean;
}

/** How far either side of a plan's cited words a date still dates the plan. */
const NEAR = 160;
/** A date this long before its text's own date is history the text recalls, not the plan's. */
const RECALLED_DAYS = 365;

/**
 * The plan versions in the order the texts date them: by a date written near the words that name
 * the plan ("adjusted following the consultations in Valletta on March 3"), else by the earliest
 * date of a source that names it. Plans nothing dates come last, in the scenario's order.
 */
export function planHistory(spec: ScenarioSpec, a: AnalysisReport, evidence: CorpusEvidence): PlanMoment[] {
  const quarantined = quarantinedFiles(a);
  const published = new Map(evidence.documents.map((d) => [baseName(d.file), d.published]));
  const moments = spec.proposals.map((p, index): PlanMoment => {
    const cites = fieldCitations(a.citations, `proposals[${index}]`);
    const trusted = cites.filter((c) => !quarantined.has(baseName(c.file)));
    const written = trusted.flatMap((c) => {
      const own = published.get(baseName(c.file));
      const window = own ? [isoDaysBefore(own, RECALLED_DAYS), own] : null;
      return evidence.dates
        .filter(
          (d) =>
            d.iso &&
            d.kind === "date" &&
            // At least the month, and inside the year before its text's date (not "annexed in 2014").
            d.iso.length >= 7 &&
            (!window || (d.iso.slice(0, 7) >= window[0]!.slice(0, 7) && d.iso <= window[1]!)) &&
            baseName(d.file) === baseName(c.file) &&
            d.start >= c.start - NEAR &&
            d.end <= c.end + NEAR,
        )
        .map((d) => d.iso!);
    });
    const reported = trusted.flatMap((c) => published.get(baseName(c.file)) ?? []);
    const when = [...written].sort()[0] ?? [...reported].sort()[0] ?? null;
    return {
      index,
      name: p.name,
      by: p.by,
      derivedFrom: p.derivedFrom,
      when,
      whenFrom: written.length ? "text" : when ? "reported" : null,
      cites,
      unverified: cites.length > 0 && !trusted.length,
    };
  });
  // A dated month sorts before its days ("2025-11" < "2025-11-23"): the earlier telling first.
  return moments.sort((x, y) =>
    x.when && y.when ? x.when.localeCompare(y.when) || x.index - y.index : x.when ? -1 : y.when ? 1 : x.index - y.index,
  );
}

function isoDaysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10)) - days * 86_400_000).toISOString().slice(0, 10);
}
