import type { AnalysisReport, PointReport } from "../analysis/analyze.js";
import { possessive } from "../model/possessive.js";
import { zoneSize } from "../report/zone-size.js";
import { sourceSections } from "./render-sources.js";
import { type RenderOptions, type ReportStyle, reportStyle } from "./report-style.js";
import { fmtCount, fmtPercent, wrapLine } from "./table.js";

export type { RenderOptions } from "./report-style.js";

type ProposalReport = AnalysisReport["proposals"][number];
type Concession = AnalysisReport["concessions"][number];

const SOLUTION_TITLES = {
  nash: "Nash",
  kalaiSmorodinsky: "Kalai–Smorodinsky",
  egalitarian: "Egalitarian",
  utilitarian: "Utilitarian",
} as const;

/**
 * The analysis as a readable terminal report: the answer first and why, then the model's
 * stances and plan versions, then the numbers, every table with a line saying what its
 * columns mean. Utilities that rest on uncertain (assumed) numbers are shown to two decimals.
 */
export function renderAnalysis(r: AnalysisReport, options: RenderOptions = {}): string {
  const s = reportStyle(r, options);
  const out = [
    ...answer(r, s),
    ...issuesAndParties(r, s),
    ...stances(r, s),
    ...frontier(r, s),
    ...solutions(r, s),
    ...zone(r, s),
    ...proposals(r, s),
    ...lineage(r, s),
    ...sequencing(r, s),
    ...notes(r, s),
    ...concessions(r, s),
    ...sourceSections(r, s),
    ...robustness(r, s),
  ];
  // Legends and notes wrap like prose; table lines already fit.
  return `${out
    .join("\n")
    .split("\n")
    .map((l) => wrapLine(l, s.maxWidth))
    .join("\n")}\n`;
}

function answer(r: AnalysisReport, s: ReportStyle): string[] {
  const out = [
    `${r.scenario}: ${r.issues.length} issues, ${r.parties.length} parties, ${fmtCount(r.outcomes)} outcomes`,
    "",
    s.say(`Answer: ${r.explanation.summary}`),
  ];
  if (s.assumed)
    out.push(
      s.say(
        `  (${r.uncertainNumbers} of the scenario's numbers are ranges: utilities below are shown to two decimals; --json gives them in full.)`,
      ),
    );
  return out;
}

function issuesAndParties(r: AnalysisReport, s: ReportStyle): string[] {
  return [
    "",
    "Issues",
    s.table(
      ["issue", "kind", "values"],
      r.issues.map((i) => [i.name, i.kind, i.values]),
    ),
    "",
    "Parties",
    s.table(
      ["party", "reservation", "discount", "red lines"],
      r.parties.map((p, i) => [
        p,
        s.u(r.reservations[i]!),
        r.discounts[i] === null ? "–" : String(r.discounts[i]),
        r.redLines
          .filter((l) => l.party === p)
          .map((l) => l.label)
          .join("; ") || "–",
      ]),
    ),
    "  reservation: the utility of no agreement (0–1); a red line is an outcome the party never accepts.",
    ...(r.alternatives ?? []).map((a) =>
      s.say(
        `  ${possessive(a.party)} alternatives to agreement: ${a.alternatives.map((x) => `${x.name} (${x.low === x.high ? s.u(x.low) : `${s.u(x.low)}–${s.u(x.high)}`})`).join("; ")}; its reservation value is the best of them.`,
      ),
    ),
  ];
}

/** The stance matrix, then a line per cell that says toward what (or which red line implies it). */
function stances(r: AnalysisReport, s: ReportStyle): string[] {
  const m = r.stances;
  if (!m) return [];
  const out = [
    "",
    "Stances (issues × parties)",
    s.table(
      ["issue", ...m.parties],
      m.issues.map((issue, i) => [
        issue,
        ...m.parties.map((_, p) => {
          const c = m.cells[p]![i];
          return c ? `${c.strength}${c.implied ? "" : c.cited ? "" : " *"}` : "–";
        }),
      ]),
    ),
    "  each cell: how strongly the party holds its position — red line > demand > preference > acceptable, or rejects; * rests on no citation. Toward what:",
  ];
  m.parties.forEach((p, pi) =>
    m.issues.forEach((issue, i) => {
      const c = m.cells[pi]![i];
      if (c?.implied) out.push(s.say(`    ${p} on ${issue}: its red line "${c.note}"`));
      else if (c && (c.toward.length || c.note))
        out.push(
          s.say(
            `    ${p} on ${issue}: ${c.strength}${c.toward.length ? ` — ${c.toward.join(" / ")}` : ""}${c.note ? `; ${c.note}` : ""}`,
          ),
        );
    }),
  );
  return out;
}

function frontier(r: AnalysisReport, s: ReportStyle): string[] {
  const fr = r.frontier;
  const title =
    r.unconstrainedFrontierSize === undefined
      ? "Pareto frontier"
      : `Pareto frontier of the outcomes crossing no red line (${fmtCount(r.unconstrainedFrontierSize)} points when red lines are ignored)`;
  const out = [
    "",
    s.say(
      `${title}: ${fmtCount(fr.length)} point${fr.length === 1 ? "" : "s"}${fr.length > s.maxRows ? `, first ${s.maxRows} shown (--json for all)` : ""}`,
    ),
  ];
  if (!fr.length) return out;
  return [
    ...out,
    s.table(
      ["#", ...r.parties, "in zone", "outcome"],
      fr.slice(0, s.maxRows).map((p, i) => [String(i + 1), ...s.utils(p), zoneCell(r, p), s.outcome(p.outcome)]),
    ),
    "  party columns: each party's utility (0–1); in zone: whether every party gets at least its reservation value.",
  ];
}

/** A frontier point below some party's reservation value is efficient but outside the zone of agreement. */
function zoneCell(r: AnalysisReport, p: PointReport): string {
  const below = r.parties.filter((_, i) => p.utilities[i]! < r.reservations[i]! - 1e-9);
  return below.length ? `no: below ${below.join(", ")}` : "yes";
}

function solutions(r: AnalysisReport, s: ReportStyle): string[] {
  return [
    "",
    "Bargaining solutions (disagreement point: reservation values)",
    s.table(
      ["solution", ...r.parties, "outcome"],
      (Object.keys(SOLUTION_TITLES) as (keyof typeof SOLUTION_TITLES)[]).map((k) => {
        const p = r.solutions[k];
        return [
          SOLUTION_TITLES[k],
          ...s.utils(p),
          p ? s.outcome(p.outcome) : "no outcome gives every party its reservation value",
        ];
      }),
    ),
    "  Nash: most product of gains over reservation; Kalai–Smorodinsky: equal shares of each party's best gain; egalitarian: most for the worst-off; utilitarian: most in total.",
  ];
}

function zone(r: AnalysisReport, s: ReportStyle): string[] {
  const z = r.zopa;
  const out = [
    "",
    s.say(
      `Zone of possible agreement: ${z.exists ? `yes — ${zoneSize(r)}` : "none: no outcome gives every party its reservation value without crossing a red line"}`,
    ),
  ];
  if (r.robustness)
    out.push(
      s.say(
        `  probability over the uncertain numbers: ${fmtPercent(z.probability)}${r.explanation.collidingRedLines ? " — fixed by the red lines, not by any number" : ""}`,
      ),
    );
  return out;
}

function proposals(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.proposals.length) return [];
  return ["", "Proposals", ...proposalTable(r, s), ...r.proposals.flatMap((p) => proposalNotes(r, s, p))];
}

/** The proposals as a table with its legend, or one block per proposal when the table is too wide. */
function proposalTable(r: AnalysisReport, s: ReportStyle): string[] {
  const header = ["proposal", ...r.parties, "acceptable", "efficient", "red lines crossed"];
  // Too many columns for the width: one block per proposal instead of a table.
  if (
    s.tooWide(
      header,
      r.proposals.map((p) => [proposalName(p), ...utilityRange(s, p), "no", "open", crossed(p)]),
    )
  )
    return [
      ...r.proposals.flatMap((p) => proposalBlock(r, s, p)),
      "  utilities: each party's utility (a range where the plan leaves issues open); acceptable: at least every party's reservation value and no red line crossed; efficient: no outcome is better for one party and no worse for any.",
    ];
  return [
    s.table(
      header,
      r.proposals.map((p) => [
        proposalName(p),
        ...utilityRange(s, p),
        noTerms(p) ? "–" : p.acceptable ? "yes" : "no",
        noTerms(p) ? "–" : p.paretoEfficient === null ? "open" : p.paretoEfficient ? "yes" : "no",
        crossed(p),
      ]),
    ),
    "  party columns: each party's utility (a range where the plan leaves issues open); acceptable: at least every party's reservation value and no red line crossed; efficient: no outcome is better for one party and no worse for any.",
  ];
}

function proposalBlock(r: AnalysisReport, s: ReportStyle, p: ProposalReport): string[] {
  if (noTerms(p)) return [s.say(`  ${proposalName(p)}: no source states its terms — nothing to evaluate`)];
  return [
    s.say(
      `  ${p.name}${p.by ? ` (${p.by})` : ""}: ${p.acceptable ? "acceptable to every party" : "not acceptable to every party"}; efficient: ${p.paretoEfficient === null ? "open (the plan leaves issues open)" : p.paretoEfficient ? "yes" : "no"}`,
    ),
    s.say(`    utilities: ${r.parties.map((party, i) => `${party} ${utilityRange(s, p)[i]}`).join(", ")}`),
    s.say(`    red lines crossed: ${crossed(p)}`),
  ];
}

function proposalName(p: ProposalReport): string {
  return p.name + (p.by ? ` (${p.by})` : "");
}

/** Each party's utility of a proposal: a range where the plan leaves issues open; nothing where it states no term. */
function utilityRange(s: ReportStyle, p: ProposalReport): string[] {
  if (noTerms(p)) return p.utilities.map(() => "–");
  return p.utilityRanges ? p.utilityRanges.map(([a, b]) => `${s.u(a)}–${s.u(b)}`) : p.utilities.map(s.u);
}

/** A plan the texts name but whose terms none states: there is nothing to evaluate. */
function noTerms(p: ProposalReport): boolean {
  return p.stated === 0;
}

function crossed(p: ProposalReport): string {
  if (noTerms(p)) return "no terms stated";
  return crossedLines(p.redLinesCrossed) || "–";
}

/** Red lines as `party: label`; one a plan leaves open is crossed only if completed so. */
function crossedLines(lines: ProposalReport["redLinesCrossed"]): string {
  return lines.map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`).join("; ");
}

/** Below the table: what a proposal leaves open, what dominates it, and where the sources disagree on it. */
function proposalNotes(r: AnalysisReport, s: ReportStyle, p: ProposalReport): string[] {
  const out: string[] = [];
  if (noTerms(p)) return []; // the table or its block says so
  if (p.open.length)
    out.push(
      s.say(
        `  ${p.name} leaves open: ${p.open.join(", ")}${p.completion ? `; Nash completion ${s.outcome(p.completion.outcome)} → ${s.utils(p.completion).join(" / ")}` : ""}`,
      ),
    );
  if (p.dominatedBy)
    out.push(
      s.say(`  ${p.name} is dominated by ${s.outcome(p.dominatedBy.outcome)} → ${s.utils(p.dominatedBy).join(" / ")}`),
    );
  if (p.contested) out.push(...contestedTerms(r, s, p, p.contested));
  return out;
}

/** A proposal's terms the sources disagree on: whether the answer depends on which is right, then each version. */
function contestedTerms(
  r: AnalysisReport,
  s: ReportStyle,
  p: ProposalReport,
  versions: NonNullable<ProposalReport["contested"]>,
): string[] {
  // The same answer either way may only be because red lines decide it whatever the terms.
  const decided =
    !p.dependsOnSources && versions.every((v) => v.redLinesCrossed.length) && r.explanation.collidingRedLines;
  return [
    s.say(
      `  ${p.name}: the sources disagree on ${Object.keys(versions[0]!.terms).join(", ")}; the answer ${p.dependsOnSources ? "DEPENDS on which source is right" : decided ? "is the same whichever source is right, but only because red lines it crosses decide it anyway" : "is the same whichever source is right"}:`,
    ),
    ...versions.map((v) =>
      s.say(
        `    ${s.outcome(v.terms)} → ${v.utilities.map(s.u).join(" / ")}, ${v.acceptable ? "acceptable to all" : "not acceptable to all"}${v.redLinesCrossed.length ? `; crosses ${crossedLines(v.redLinesCrossed)}` : ""}`,
      ),
    ),
  ];
}

/** Each derived plan version against the one it came from: the terms changed, added, dropped; the objections. */
function lineage(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.lineage?.length) return [];
  const out = ["", "Plan versions: what changed from the one each was derived from"];
  for (const d of r.lineage) {
    const parts = [
      ...d.changed.map((c) => `${c.issue}: ${c.from} → ${c.to}`),
      ...d.added.map((a) => `${a.issue}: added ${a.value}`),
      ...d.dropped.map((a) => `${a.issue}: dropped (was ${a.value})`),
      ...d.notStated.map((a) => `${a.issue}: not stated (was ${a.value})`),
    ];
    out.push(
      s.say(
        `  ${d.from} → ${d.proposal}: ${parts.length ? parts.join("; ") : "no term changed"}${d.unchanged ? ` (${d.unchanged} term${d.unchanged === 1 ? "" : "s"} kept)` : ""}`,
      ),
    );
    for (const o of d.objections)
      out.push(
        s.say(
          `    objected to by ${o.party}${o.terms.length ? ` (${o.terms.join(", ")})` : ""}${o.note ? `: ${o.note}` : ""}`,
        ),
      );
  }
  return out;
}

/** What the texts say beside the model: context, not terms. */
function notes(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.notes?.length) return [];
  return [
    "",
    "Also in the texts (context the model does not encode)",
    ...r.notes.map((n) => s.say(`  ${n.subject}: ${n.text}`)),
  ];
}

function sequencing(r: AnalysisReport, s: ReportStyle): string[] {
  if (!r.sequencing?.length) return [];
  return ["", "Sequencing", ...r.sequencing.map((q) => s.say(`  ${q.label}`))];
}

/** Without a zone of agreement: the smallest concessions that would open one, or why none does. */
function concessions(r: AnalysisReport, s: ReportStyle): string[] {
  if (r.zopa.exists) return [];
  const title = ["", "Smallest concessions that would open a zone of agreement"];
  if (!r.concessions.length)
    return [
      ...title,
      s.say(
        r.explanation.collisions
          ? `  none found: ${r.explanation.collisions.length} collisions of red lines would each have to give, and no relaxation of one line in each opens a zone`
          : "  none found: no single reservation change or red-line relaxation opens one",
      ),
    ];
  return [
    ...title,
    ...concessionTable(r, s),
    `  size: how far the concession moves (reservation lowered, or the share of an issue's values a red line newly allows, summed over the lines); opens: the Nash outcome it makes possible, with each party's utility.${r.explanation.collisions ? ` With ${r.explanation.collisions.length} collisions of red lines no single change opens a zone: one line of each has to give.` : ""}`,
  ];
}

/** The concessions as a table, or one block per concession when the table is too wide for the terminal. */
function concessionTable(r: AnalysisReport, s: ReportStyle): string[] {
  const header = ["concession", "size", "opens", ...r.parties];
  const rows = r.concessions.map((c) => [
    describeConcession(s, c),
    s.u(c.size),
    s.outcome(c.opens.outcome),
    ...s.utils(c.opens),
  ]);
  if (!s.tooWide(header, rows)) return [s.table(header, rows)];
  return r.concessions.flatMap((c, i) => [
    s.say(`  ${i + 1}. ${describeConcession(s, c)} (size ${rows[i]![1]})`),
    s.say(`     opens: ${s.outcome(c.opens.outcome)}`),
    s.say(`     utilities: ${r.parties.map((party, k) => `${party} ${s.utils(c.opens)[k]}`).join(", ")}`),
  ]);
}

/** What a concession asks: reservations lowered, or one or several red lines relaxed. */
function describeConcession(s: ReportStyle, c: Concession): string {
  if (c.kind === "reservation")
    return c.changes.map((x) => `${x.party} lowers its reservation ${s.u(x.from)} → ${s.u(x.to)}`).join(" and ");
  if (c.kind === "red-line") return `${c.party} relaxes "${c.redLine}": ${c.change}`;
  return c.changes.map((x) => `${x.party} relaxes "${x.redLine}": ${x.change}`).join(", and ");
}

/** The Monte Carlo draws over the uncertain numbers, or why none were drawn when red lines alone decide. */
function robustness(r: AnalysisReport, s: ReportStyle): string[] {
  const rb = r.robustness;
  if (!rb)
    return r.explanation.collidingRedLines && r.uncertainNumbers > 0
      ? [
          "",
          s.say(
            `Robustness: not drawn — the red lines alone exclude every outcome, so no value of the ${r.uncertainNumbers} uncertain numbers opens a zone of agreement or makes a proposal acceptable to all (0% exactly).`,
          ),
        ]
      : [];
  const out = [
    "",
    `Robustness: ${fmtCount(rb.samples)} draws over ${rb.parameters} uncertain number${rb.parameters === 1 ? "" : "s"} (seed ${rb.seed})`,
  ];
  if (rb.requested !== undefined)
    out.push(
      `  stopped after ${fmtCount(rb.samples)} of ${fmtCount(rb.requested)} draws: the analysis reached its work limit (raise it with --max-work)`,
    );
  out.push(`  a zone of agreement exists in ${fmtPercent(rb.zopaRate)} of draws`);
  for (const v of rb.versionWeights ?? [])
    out.push(
      s.say(
        `  ${v.proposal}: its versions are drawn in proportion to their sources' reliability — ${v.versions.map((x) => `${x.terms} ${fmtPercent(x.weight)}`).join(", ")}`,
      ),
    );
  return [...out, ...robustnessTables(rb, s)];
}

/** How often each proposal is acceptable, where Nash lands, and the spread of each party's Nash utility. */
function robustnessTables(rb: NonNullable<AnalysisReport["robustness"]>, s: ReportStyle): string[] {
  const out: string[] = [];
  if (rb.proposals.length)
    out.push(
      s.table(
        ["proposal", "acceptable to all"],
        rb.proposals.map((p) => [p.name, fmtPercent(p.acceptableRate)]),
      ),
    );
  if (rb.nash.length)
    out.push(
      s.table(
        ["Nash lands on", "share of draws"],
        rb.nash.map((n) => [s.outcome(n.outcome), fmtPercent(n.rate)]),
      ),
    );
  if (rb.zopaRate > 0)
    out.push(
      s.table(
        ["party", "Nash utility p5", "median", "p95"],
        rb.nashUtility.map((q) => [q.party, s.u(q.p5), s.u(q.median), s.u(q.p95)]),
      ),
      "  p5/median/p95: the Nash utility's 5th, 50th and 95th percentiles over the draws.",
    );
  return out;
}
