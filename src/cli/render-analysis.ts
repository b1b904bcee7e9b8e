import type { AnalysisReport, PointReport } from "../analysis/analyze.js";
import { fmtCount, fmtPercent, fmtUtility, table } from "./table.js";

const SOLUTION_TITLES = { nash: "Nash", kalaiSmorodinsky: "Kalai–Smorodinsky", egalitarian: "Egalitarian", utilitarian: "Utilitarian" } as const;

/** The analysis as a readable terminal report. */
export function renderAnalysis(r: AnalysisReport, options: { maxRows?: number } = {}): string {
  const maxRows = options.maxRows ?? 12;
  const units = new Map(r.issues.map((i) => [i.name, i.unit]));
  const outcome = (o: Record<string, string | number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${typeof v === "number" ? round(v) : v}${units.get(k) ? " " + units.get(k) : ""}`)
      .join(", ");
  const utils = (p: PointReport | null) => (p ? p.utilities.map(fmtUtility) : r.parties.map(() => "–"));
  const out: string[] = [];
  out.push(`${r.scenario}: ${r.issues.length} issues, ${r.parties.length} parties, ${fmtCount(r.outcomes)} outcomes`);
  out.push("", "Issues", table(["issue", "kind", "values"], r.issues.map((i) => [i.name, i.kind, i.values])));
  out.push(
    "",
    "Parties",
    table(
      ["party", "reservation", "discount", "red lines"],
      r.parties.map((p, i) => [
        p,
        fmtUtility(r.reservations[i]!),
        r.discounts[i] === null ? "–" : String(r.discounts[i]),
        r.redLines.filter((l) => l.party === p).map((l) => l.label).join("; ") || "–",
      ]),
    ),
  );

  const fr = r.frontier;
  const title = r.unconstrainedFrontierSize === undefined ? "Pareto frontier" : `Pareto frontier of the outcomes crossing no red line (${r.unconstrainedFrontierSize} points when red lines are ignored)`;
  out.push("", `${title}: ${fmtCount(fr.length)} point${fr.length === 1 ? "" : "s"}${fr.length > maxRows ? `, first ${maxRows} shown (--json for all)` : ""}`);
  // A frontier point below some party's reservation value is efficient but outside the zone of agreement.
  const below = (p: PointReport) => r.parties.filter((_, i) => p.utilities[i]! < r.reservations[i]! - 1e-9);
  const zoneCell = (p: PointReport) => (below(p).length ? `no: below ${below(p).join(", ")}` : "yes");
  if (fr.length) out.push(table(["#", ...r.parties, "in zone", "outcome"], fr.slice(0, maxRows).map((p, i) => [String(i + 1), ...utils(p), zoneCell(p), outcome(p.outcome)])));

  out.push("", "Bargaining solutions (disagreement point: reservation values)");
  out.push(
    table(
      ["solution", ...r.parties, "outcome"],
      (Object.keys(SOLUTION_TITLES) as (keyof typeof SOLUTION_TITLES)[]).map((k) => {
        const s = r.solutions[k];
        return [SOLUTION_TITLES[k], ...utils(s), s ? outcome(s.outcome) : "no outcome gives every party its reservation value"];
      }),
    ),
  );

  const z = r.zopa;
  const total = Number(r.outcomes);
  const sizeText =
    z.size !== null
      ? `${fmtCount(z.size)} of ${fmtCount(r.outcomes)} outcomes (${fmtPercent(Number(z.size) / total)})`
      : z.estimate && z.estimate.hits > 0
        ? `about ${fmtPercent(z.estimate.hits / z.estimate.samples)} of the outcomes (${fmtCount(z.estimate.hits)} of ${fmtCount(z.estimate.samples)} random outcomes; too many to count exactly)`
        : `fewer than 1 in ${fmtCount(z.estimate?.samples ?? 0)} outcomes (none of that many random outcomes is in it; too many to count exactly)`;
  out.push("", `Zone of possible agreement: ${z.exists ? `yes — ${sizeText}` : "none: no outcome gives every party its reservation value without crossing a red line"}`);
  if (r.robustness) out.push(`  probability over the uncertain numbers: ${fmtPercent(z.probability)}`);

  if (r.proposals.length) {
    out.push("", "Proposals");
    out.push(
      table(
        ["proposal", ...r.parties, "acceptable", "efficient", "red lines crossed"],
        r.proposals.map((p) => [
          p.name + (p.by ? ` (${p.by})` : ""),
          ...(p.utilityRanges ? p.utilityRanges.map(([a, b]) => `${fmtUtility(a)}–${fmtUtility(b)}`) : p.utilities.map(fmtUtility)),
          p.acceptable ? "yes" : "no",
          p.paretoEfficient === null ? "open" : p.paretoEfficient ? "yes" : "no",
          p.redLinesCrossed.map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`).join("; ") || "–",
        ]),
      ),
    );
    for (const p of r.proposals) {
      if (p.open.length) out.push(`  ${p.name} leaves open: ${p.open.join(", ")}` + (p.completion ? `; Nash completion ${outcome(p.completion.outcome)} → ${utils(p.completion).join(" / ")}` : ""));
      if (p.dominatedBy) out.push(`  ${p.name} is dominated by ${outcome(p.dominatedBy.outcome)} → ${utils(p.dominatedBy).join(" / ")}`);
      if (p.contested) {
        out.push(`  ${p.name}: the sources disagree on ${Object.keys(p.contested[0]!.terms).join(", ")}; the answer ${p.dependsOnSources ? "DEPENDS on which source is right" : "is the same whichever source is right"}:`);
        for (const v of p.contested)
          out.push(`    ${outcome(v.terms)} → ${v.utilities.map(fmtUtility).join(" / ")}, ${v.acceptable ? "acceptable to all" : "not acceptable to all"}${v.redLinesCrossed.length ? `; crosses ${v.redLinesCrossed.map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`).join("; ")}` : ""}`);
      }
    }
  }

  if (!z.exists) {
    out.push("", "Smallest concessions that would open a zone of agreement");
    if (!r.concessions.length) out.push("  none found: no single reservation change or red-line relaxation opens one");
    else
      out.push(
        table(
          ["concession", "size", "opens", ...r.parties],
          r.concessions.map((c) => [
            c.kind === "reservation"
              ? c.changes.map((x) => `${x.party} lowers its reservation ${fmtUtility(x.from)} → ${fmtUtility(x.to)}`).join(" and ")
              : `${c.party} relaxes "${c.redLine}": ${c.change}`,
            c.size.toFixed(4),
            outcome(c.opens.outcome),
            ...utils(c.opens),
          ]),
        ),
      );
  }

  const crossedWithEvidence = r.proposals.flatMap((p) => p.redLinesCrossed.filter((l) => l.evidence?.length).map((l) => ({ p, l })));
  if (crossedWithEvidence.length) {
    out.push("", "Red lines crossed, with the words they rest on");
    for (const { p, l } of crossedWithEvidence)
      out.push(`  ${p.name} ${l.status === "open" ? "may cross" : "crosses"} ${l.party}'s "${l.label}": ${l.evidence!.map((e) => `“${e.text}” (${e.file} @${e.start})`).join("; ")}`);
  }
  if (r.contestedFacts?.length) {
    out.push("", "Contested facts (the sources disagree) and whether they change the answers");
    for (const f of r.contestedFacts)
      out.push(
        `  ${f.subject} · ${f.attribute}: ${f.values.join(" vs ")} — ` +
          (f.fields.length ? `cited by ${f.fields.join(", ")}; ${f.changesAnswers === null ? "not run as alternatives" : f.changesAnswers ? "the answers CHANGE with the source" : "the answers stay the same"}` : "no part of the model rests on it: no answer changes"),
      );
  }
  if (r.citations) out.push("", `Citations: ${r.citations.length}, every one resolved in the corpus`);
  if (r.assumptions?.length) {
    out.push(`Assumptions: ${r.assumptions.length} numbers and terms no citation supports`);
    const byParty = new Map<string, string[]>();
    for (const a of r.assumptions) {
      const [who, what] = a.split(/:\s(.*)/s) as [string, string];
      (byParty.get(who) ?? byParty.set(who, []).get(who)!).push(what);
    }
    for (const [who, what] of byParty) out.push(`  ${who}: ${what.join("; ")}`);
  }

  const rb = r.robustness;
  if (rb) {
    out.push("", `Robustness: ${fmtCount(rb.samples)} draws over ${rb.parameters} uncertain number${rb.parameters === 1 ? "" : "s"} (seed ${rb.seed})`);
    if (rb.requested !== undefined) out.push(`  stopped after ${fmtCount(rb.samples)} of ${fmtCount(rb.requested)} draws: the analysis reached its work limit (raise it with --max-work)`);
    out.push(`  a zone of agreement exists in ${fmtPercent(rb.zopaRate)} of draws`);
    if (rb.proposals.length) out.push(table(["proposal", "acceptable to all"], rb.proposals.map((p) => [p.name, fmtPercent(p.acceptableRate)])));
    if (rb.nash.length) out.push(table(["Nash lands on", "share of draws"], rb.nash.map((n) => [outcome(n.outcome), fmtPercent(n.rate)])));
    if (rb.zopaRate > 0) out.push(table(["party", "Nash utility p5", "median", "p95"], rb.nashUtility.map((q) => [q.party, fmtUtility(q.p5), fmtUtility(q.median), fmtUtility(q.p95)])));
  }
  return out.join("\n") + "\n";
}

function round(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}
