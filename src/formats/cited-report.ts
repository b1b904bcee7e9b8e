import type { AnalysisReport, Cited } from "../analysis/analyze.js";
import { formatPath } from "../errors.js";
import { baseName } from "../model/base-name.js";
import type { ScenarioSpec } from "../model/schema.js";

/** What the analysis needs of a contradiction between sources: each side's value and the words that carry it. */
export interface ContradictionInput {
  subject: string;
  attribute: string;
  sides: { value: string | number; spans: { file: string; start: number; end: number }[] }[];
}

/** A source's reliability as the analysis report carries it (the contract's shape). */
export type ReliabilityInput = NonNullable<AnalysisReport["reliability"]>[number];

/** Below this a source is weak: a field resting only on such sources is flagged. */
export const WEAK_SOURCE = 0.5;

/**
 * The analysis with its evidence: every resolved citation, the assumptions, and next to each red
 * line a plan crosses the words that red line rests on.
 */
export function withEvidence(
  report: AnalysisReport,
  spec: ScenarioSpec,
  citations: Cited[],
  assumptions: string[],
  contradictions: ContradictionInput[] = [],
  reliability: readonly ReliabilityInput[] = [],
  names: ReadonlyMap<string, string> = new Map(),
): AnalysisReport {
  // Every citation carries the reliability of the source it rests on, and the source's name.
  const sourceOf = (file: string) => reliability.find((r) => baseName(r.file) === baseName(file));
  citations = citations.map((c) => {
    const r = sourceOf(c.file);
    const name = names.get(baseName(c.file));
    return r ? { ...c, source: { kind: r.kind, score: r.score, ...(name ? { name } : {}) } } : c;
  });
  const evidence = new Map<string, Cited[]>();
  spec.parties.forEach((p, i) =>
    p.redLines.forEach((_, j) => {
      const prefix = formatPath(["parties", i, "redLines", j, "cite"]);
      evidence.set(
        `${p.name}|${report.redLines[indexOf(spec, i, j)]!.label}`,
        citations.filter((c) => c.field.startsWith(prefix)),
      );
    }),
  );
  const deciding = new Set(
    (
      report.explanation.collisions ??
      (report.explanation.collidingRedLines ? [report.explanation.collidingRedLines] : [])
    )
      .flat()
      .map((l) => `${l.party}|${l.label}`),
  );
  return {
    ...report,
    ...(reliability.length
      ? {
          reliability: reliability.map((r) => ({ ...r, reasons: [...r.reasons] })),
          weakFields: weakFields(spec, citations, reliability),
          quarantine: quarantine(spec, citations, reliability),
        }
      : {}),
    proposals: report.proposals.map((p) => ({
      ...p,
      redLinesCrossed: p.redLinesCrossed.map((l) => ({ ...l, evidence: evidence.get(`${l.party}|${l.label}`) ?? [] })),
    })),
    citations,
    assumptions,
    contestedFacts: contradictions.map((c) => {
      // A field rests on a contested fact when one of its citations covers the words carrying a side's value.
      const raw = [
        ...new Set(
          citations
            .filter((x) =>
              c.sides.some((s) =>
                s.spans.some((q) => baseName(q.file) === baseName(x.file) && x.start < q.end && x.end > q.start),
              ),
            )
            .map((x) => x.field.replace(/(\.cite)?\[\d+\]$/, "")),
        ),
      ].filter((f) => !f.startsWith("disputes")); // a dispute's own sides are not fields resting on it
      const fields = [...new Set(raw.map((f) => readable(spec, f)))];
      // Plan terms given as alternatives are evaluated per source: they answer whether it matters.
      const proposals = [
        ...new Set(
          citations
            .filter((x) =>
              c.sides.some((s) =>
                s.spans.some((q) => baseName(q.file) === baseName(x.file) && x.start < q.end && x.end > q.start),
              ),
            )
            .map((x) => /^proposals\[(\d+)\]\.citeTerms/.exec(x.field)?.[1])
            .filter((x): x is string => x !== undefined),
        ),
      ].map((i) => report.proposals[+i]!);
      const judged = proposals.filter((p) => p.contested);
      // Red lines that collide decide the answers whatever the numbers: a fact changes nothing unless one of them rests on it.
      const restsOnDeciding = raw.some((f) => {
        const m = /^parties\[(\d+)\]\.redLines\[(\d+)\]/.exec(f);
        return (
          m !== null &&
          deciding.has(`${spec.parties[+m[1]!]!.name}|${report.redLines[indexOf(spec, +m[1]!, +m[2]!)]!.label}`)
        );
      });
      const decided = deciding.size > 0 && !restsOnDeciding && !judged.some((p) => p.dependsOnSources);
      return {
        subject: c.subject,
        attribute: c.attribute,
        values: c.sides.map((s) => s.value),
        fields,
        changesAnswers: decided
          ? false
          : judged.length
            ? judged.some((p) => p.dependsOnSources)
            : fields.length
              ? null
              : false,
        ...(decided && fields.length ? { why: "decided by the colliding red lines, none of which rests on it" } : {}),
        ...(restsOnDeciding
          ? { why: "a red line that decides the answer rests on it: check which source is right" }
          : {}),
      };
    }),
  };
}

/**
 * Fields whose citations all come from weak sources, and red lines, stances and plan terms
 * whose citations all come from one source — each with the source and its score.
 */
export function weakFields(
  spec: ScenarioSpec,
  citations: Cited[],
  reliability: readonly ReliabilityInput[],
): { field: string; reason: string }[] {
  const scoreOf = (file: string) => reliability.find((r) => baseName(r.file) === baseName(file));
  const byField = new Map<string, Set<string>>();
  for (const c of citations) {
    const field = c.field.replace(/(\.cite)?\[\d+\]$/, "");
    (byField.get(field) ?? byField.set(field, new Set()).get(field)!).add(baseName(c.file));
  }
  const out: { field: string; reason: string }[] = [];
  for (const [field, files] of byField) {
    const sources = [...files].map((f) => ({ f, r: scoreOf(f) }));
    const describe = sources.map(({ f, r }) => `${f}${r ? ` (${r.kind}, ${r.score.toFixed(2)})` : ""}`).join(", ");
    const structural = /redLines|stances|citeTerms/.test(field);
    if (sources.every(({ r }) => r && r.score < WEAK_SOURCE))
      out.push({ field: readable(spec, field), reason: `rests only on weak sources: ${describe}` });
    else if (structural && sources.length === 1)
      out.push({ field: readable(spec, field), reason: `rests on one source only: ${describe}` });
  }
  return out;
}

/** Fields a quarantined source may not carry alone: an issue's option, a red line, a plan's or a sequence's term. */
const STRUCTURAL = /^(?:issues\[\d+\]\.optionCites|parties\[\d+\]\.redLines|proposals\[\d+\]\.citeTerms|sequencing)/;

/**
 * Per quarantined source: why, the options, red lines and plan or sequencing terms resting on it
 * alone (with its words: `validate` refuses them), and the other fields that cite it next to other
 * sources — what it would change if it were believed.
 */
export function quarantine(
  spec: ScenarioSpec,
  citations: Cited[],
  reliability: readonly ReliabilityInput[],
): NonNullable<AnalysisReport["quarantine"]> {
  const held = reliability.filter((r) => r.quarantined);
  if (!held.length) return [];
  const byField = new Map<string, Cited[]>();
  for (const c of citations) {
    const field = c.field.replace(/(\.cite)?\[\d+\]$/, "");
    (byField.get(field) ?? byField.set(field, []).get(field)!).push(c);
  }
  return held.map((r) => {
    const file = baseName(r.file);
    const alone: { field: string; path: string; words: string }[] = [];
    const alongside: string[] = [];
    for (const [field, cites] of byField) {
      const mine = cites.filter((c) => baseName(c.file) === file);
      if (!mine.length || field.startsWith("disputes")) continue; // a dispute shows every side, the doubtful one too
      if (mine.length === cites.length && STRUCTURAL.test(field))
        alone.push({ field: readable(spec, field), path: field, words: mine.map((c) => c.text).join(" … ") });
      else alongside.push(readable(spec, field));
    }
    return {
      file,
      reason: r.quarantineReason ?? "quarantined",
      findings: [...r.findings],
      alone,
      alongside: [...new Set(alongside)],
    };
  });
}

/** `parties[1].redLines[0]` → `Upstream State: red line "no less than 40% of the flow"`. */
function readable(spec: ScenarioSpec, field: string): string {
  const party = /^parties\[(\d+)\]/.exec(field);
  const proposal = /^proposals\[(\d+)\]/.exec(field);
  const issue = /^issues\[(\d+)\]/.exec(field);
  // `citeTerms["Army cap"]` reads as `citeTerms.Army cap`.
  const rest = field
    .replace(/^(parties|proposals|issues)\[\d+\]\.?/, "")
    .replace(/\["([^"]+)"\]/g, ".$1")
    .replace(/^\./, "");
  if (party) {
    const p = spec.parties[+party[1]!]!;
    const line = /^redLines\[(\d+)\]/.exec(rest);
    if (line) return `${p.name}: red line "${p.redLines[+line[1]!]?.label ?? line[1]}"`;
    return `${p.name}: ${
      rest
        .replace(/^stances\./, "stance on ")
        .replace(/^citeValues\./, "values of ")
        .replace(/^citeWeights\./, "weight of ") || "who it is"
    }`;
  }
  if (proposal)
    return `${spec.proposals[+proposal[1]!]!.name}: ${rest.replace(/^citeTerms\./, "") || "the plan itself"}`;
  if (issue)
    return `issue ${spec.issues[+issue[1]!]!.name}${rest ? ` (${rest.replace(/^optionCites\./, "option ")})` : ""}`;
  const sequence = /^sequencing\[(\d+)\]/.exec(field);
  if (sequence) return `sequence "${spec.sequencing?.[+sequence[1]!]?.label ?? sequence[1]}"`;
  const note = /^notes\[(\d+)\]/.exec(field);
  if (note) return `note on ${spec.notes?.[+note[1]!]?.subject ?? note[1]}`;
  return field;
}

/** Position of party i's red line j among all red lines, in the order the model compiles them. */
function indexOf(spec: ScenarioSpec, i: number, j: number): number {
  return spec.parties.slice(0, i).reduce((n, p) => n + p.redLines.length, 0) + j;
}
