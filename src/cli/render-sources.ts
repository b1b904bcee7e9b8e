import type { AnalysisReport } from "../analysis/analyze.js";
import { baseName } from "../model/base-name.js";
import { possessive } from "../model/possessive.js";
import type { ReportStyle } from "./report-style.js";
import { fmtPercent } from "./table.js";

// The sections of the analysis report that rest on a corpus (`analyze --corpus`): the words
// behind the model, how far each source is trusted, and what no words support. Without a
// corpus the report has none of these fields and each section is empty.

/** Cited words in quotation marks, unless they already open and close with them. */
const quoted = (text: string) => (/^[“"‘'].*[”"’']$/s.test(text) ? text : `“${text}”`);

/** Every section on the sources, in the order the report shows them. */
export function sourceSections(r: AnalysisReport, s: ReportStyle): string[] {
  return [
    ...crossedWithEvidence(r, s),
    ...contestedFacts(r, s),
    ...reliability(r, s),
    ...quarantine(r, s),
    ...weakFields(r, s),
    ...citationsAndAssumptions(r, s),
  ];
}

function crossedWithEvidence(r: AnalysisReport, s: ReportStyle): string[] {
  const crossed = r.proposals.flatMap((p) =>
    p.redLinesCrossed.filter((l) => l.evidence?.length).map((l) => ({ p, l })),
  );
  if (!crossed.length) return [];
  return [
    "",
    "Red lines crossed, with the words they rest on",
    ...crossed.map(({ p, l }) =>
      s.say(
        `  ${p.name} ${l.status === "open" ? "may cross" : "crosses"} ${possessive(l.party)} "${l.label}": ${l.evidence!.map((e) => `${quoted(e.text)} (${e.source?.name ?? e.file}${e.source ? `, ${e.source.kind} ${e.source.score.toFixed(2)}` : ""})`).join("; ")}`,
      ),
    ),
  ];
}

function contestedFacts(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.contestedFacts?.length) return [];
  return [
    "",
    "Contested facts (the sources disagree) and whether they change the answers",
    ...r.contestedFacts.map((f) =>
      s.say(
        `  ${f.subject} · ${f.attribute}: ${f.values.join(" vs ")} — ` +
          (f.fields.length
            ? `cited by ${f.fields.join("; ")}; ${factVerdict(f)}`
            : "no part of the model rests on it: no answer changes"),
      ),
    ),
  ];
}

/** Whether a contested fact the model cites changes the answers: the reason when known, else the bare verdict. */
function factVerdict(f: NonNullable<AnalysisReport["contestedFacts"]>[number]): string {
  if (f.why) return `${f.changesAnswers === false ? "the answers stay the same — " : ""}${f.why}`;
  return f.changesAnswers === null
    ? "not run as alternatives"
    : f.changesAnswers
      ? "the answers CHANGE with the source"
      : "the answers stay the same";
}

function reliability(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.reliability?.length) return [];
  return [
    "",
    "Sources and how far to trust them",
    s.table(
      ["source", "kind", "score", "corroborated", "contested", "alone", "hedges", "named"],
      r.reliability.map((x) => [
        baseName(x.file),
        x.kind + (x.overridden ? " *" : "") + (x.quarantined ? " (quarantined)" : ""),
        x.score.toFixed(2),
        fmtPercent(x.corroborated),
        fmtPercent(x.contested),
        fmtPercent(x.unique),
        String(x.hedges),
        fmtPercent(x.named),
      ]),
    ),
    "  score: 0–1, from the kind of source and how its claims fare against the others; corroborated/contested/alone: shares of its claims others carry, dispute, or carry nowhere; hedges: “reportedly”, “sources say”… in its own voice; named: share of its attributions to a named person; * the scenario sets it. Why each score:",
    ...r.reliability.map((x) => s.say(`    ${baseName(x.file)}: ${x.reasons.join("; ")}`)),
  ];
}

/** The sources kept out of the model: why, what rests on them alone (validate refuses it), what else cites them. */
function quarantine(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.quarantine?.length) return [];
  return [
    "",
    "Quarantined sources: what only they say is unverified, never an option, red line or plan term",
    ...r.quarantine.flatMap((q) => [
      s.say(`  ${q.file}: ${q.reason}${q.findings.length ? ` — ${q.findings.join("; ")}` : ""}`),
      ...q.alone.map((a) => s.say(`    rests on it alone (validate refuses it): ${a.field}: “${a.words}”`)),
      s.say(
        q.alongside.length
          ? `    cited besides by: ${q.alongside.join("; ")} — believing it would change only these`
          : "    nothing else of the model cites it: believing it would change no answer",
      ),
    ]),
  ];
}

function weakFields(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.weakFields?.length) return [];
  return [
    "",
    "Fields resting only on a weak or single source",
    ...r.weakFields.map((f) => s.say(`  ${f.field}: ${f.reason}`)),
  ];
}

/** How many citations resolved, then what rests on none, grouped by the party (or part) it belongs to. */
function citationsAndAssumptions(r: AnalysisReport, s: ReportStyle): string[] {
  const out: string[] = [];
  if (r.citations) out.push("", `Citations: ${r.citations.length}, every one resolved in the corpus`);
  if (!r.assumptions?.length) return out;
  out.push(`Assumptions: ${r.assumptions.length} numbers and terms no citation supports`);
  const byParty = new Map<string, string[]>();
  for (const a of r.assumptions) {
    const [who, what] = a.split(/:\s(.*)/s) as [string, string];
    (byParty.get(who) ?? byParty.set(who, []).get(who)!).push(what);
  }
  for (const [who, what] of byParty) out.push(s.say(`  ${who}: ${what.join("; ")}`));
  return out;
}
