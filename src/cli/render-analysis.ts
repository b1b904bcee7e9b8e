import type { AnalysisReport, PointReport } from "../analysis/analyze.js";
import { baseName } from "../model/base-name.js";
import { possessive } from "../model/possessive.js";
import { fmtCount, fmtPercent, table, wrapLine } from "./table.js";

/** Cited words in quotation marks, unless they already open and close with them. */
const quoted = (text: string) => (/^[“"‘'].*[”"’']$/s.test(text) ? text : `“${text}”`);

const SOLUTION_TITLES = {
  nash: "Nash",
  kalaiSmorodinsky: "Kalai–Smorodinsky",
  egalitarian: "Egalitarian",
  utilitarian: "Utilitarian",
} as const;

export interface RenderOptions {
  /** Frontier rows shown. */
  readonly maxRows?: number;
  /** Line width to wrap tables and prose to (Infinity for the full lines). */
  readonly width?: number;
}

/**
 * The analysis as a readable terminal report: the answer first and why, then the model's
 * stances and plan versions, then the numbers, every table with a line saying what its
 * columns mean. Utilities that rest on uncertain (assumed) numbers are shown to two decimals.
 */
export function renderAnalysis(r: AnalysisReport, options: RenderOptions = {}): string {
  const maxRows = options.maxRows ?? 12;
  const maxWidth = options.width ?? Infinity;
  const t = (header: readonly string[], rows: readonly (readonly string[])[]) => table(header, rows, { maxWidth });
  const say = (line: string) => wrapLine(line, maxWidth);
  // Numbers that rest on assumed ranges do not deserve four decimals.
  const assumed = r.uncertainNumbers > 0;
  const u = (x: number) => (assumed ? x.toFixed(2) : x.toFixed(4));
  const units = new Map(r.issues.map((i) => [i.name, i.unit]));
  const outcome = (o: Record<string, string | number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${typeof v === "number" ? round(v) : v}${units.get(k) ? ` ${units.get(k)}` : ""}`)
      .join(", ");
  const utils = (p: PointReport | null) => (p ? p.utilities.map(u) : r.parties.map(() => "–"));
  const out: string[] = [];
  out.push(`${r.scenario}: ${r.issues.length} issues, ${r.parties.length} parties, ${fmtCount(r.outcomes)} outcomes`);
  out.push("", say(`Answer: ${r.explanation.summary}`));
  if (assumed)
    out.push(
      say(
        `  (${r.uncertainNumbers} of the scenario's numbers are ranges: utilities below are shown to two decimals; --json gives them in full.)`,
      ),
    );

  out.push(
    "",
    "Issues",
    t(
      ["issue", "kind", "values"],
      r.issues.map((i) => [i.name, i.kind, i.values]),
    ),
  );
  out.push(
    "",
    "Parties",
    t(
      ["party", "reservation", "discount", "red lines"],
      r.parties.map((p, i) => [
        p,
        u(r.reservations[i]!),
        r.discounts[i] === null ? "–" : String(r.discounts[i]),
        r.redLines
          .filter((l) => l.party === p)
          .map((l) => l.label)
          .join("; ") || "–",
      ]),
    ),
    "  reservation: the utility of no agreement (0–1); a red line is an outcome the party never accepts.",
  );
  for (const a of r.alternatives ?? [])
    out.push(
      say(
        `  ${possessive(a.party)} alternatives to agreement: ${a.alternatives.map((x) => `${x.name} (${x.low === x.high ? u(x.low) : `${u(x.low)}–${u(x.high)}`})`).join("; ")}; its reservation value is the best of them.`,
      ),
    );

  if (r.stances) {
    const s = r.stances;
    out.push("", "Stances (issues × parties)");
    out.push(
      t(
        ["issue", ...s.parties],
        s.issues.map((issue, i) => [
          issue,
          ...s.parties.map((_, p) => {
            const c = s.cells[p]![i];
            return c ? `${c.strength}${c.implied ? "" : c.cited ? "" : " *"}` : "–";
          }),
        ]),
      ),
      "  each cell: how strongly the party holds its position — red line > demand > preference > acceptable, or rejects; * rests on no citation. Toward what:",
    );
    s.parties.forEach((p, pi) =>
      s.issues.forEach((issue, i) => {
        const c = s.cells[pi]![i];
        if (c?.implied) out.push(say(`    ${p} on ${issue}: its red line "${c.note}"`));
        else if (c && (c.toward.length || c.note))
          out.push(
            say(
              `    ${p} on ${issue}: ${c.strength}${c.toward.length ? ` — ${c.toward.join(" / ")}` : ""}${c.note ? `; ${c.note}` : ""}`,
            ),
          );
      }),
    );
  }

  const fr = r.frontier;
  const title =
    r.unconstrainedFrontierSize === undefined
      ? "Pareto frontier"
      : `Pareto frontier of the outcomes crossing no red line (${fmtCount(r.unconstrainedFrontierSize)} points when red lines are ignored)`;
  out.push(
    "",
    say(
      `${title}: ${fmtCount(fr.length)} point${fr.length === 1 ? "" : "s"}${fr.length > maxRows ? `, first ${maxRows} shown (--json for all)` : ""}`,
    ),
  );
  // A frontier point below some party's reservation value is efficient but outside the zone of agreement.
  const below = (p: PointReport) => r.parties.filter((_, i) => p.utilities[i]! < r.reservations[i]! - 1e-9);
  const zoneCell = (p: PointReport) => (below(p).length ? `no: below ${below(p).join(", ")}` : "yes");
  if (fr.length) {
    out.push(
      t(
        ["#", ...r.parties, "in zone", "outcome"],
        fr.slice(0, maxRows).map((p, i) => [String(i + 1), ...utils(p), zoneCell(p), outcome(p.outcome)]),
      ),
    );
    out.push(
      "  party columns: each party's utility (0–1); in zone: whether every party gets at least its reservation value.",
    );
  }

  out.push("", "Bargaining solutions (disagreement point: reservation values)");
  out.push(
    t(
      ["solution", ...r.parties, "outcome"],
      (Object.keys(SOLUTION_TITLES) as (keyof typeof SOLUTION_TITLES)[]).map((k) => {
        const s = r.solutions[k];
        return [
          SOLUTION_TITLES[k],
          ...utils(s),
          s ? outcome(s.outcome) : "no outcome gives every party its reservation value",
        ];
      }),
    ),
    "  Nash: most product of gains over reservation; Kalai–Smorodinsky: equal shares of each party's best gain; egalitarian: most for the worst-off; utilitarian: most in total.",
  );

  const z = r.zopa;
  const total = Number(r.outcomes);
  const sizeText =
    z.size !== null
      ? `${fmtCount(z.size)} of ${fmtCount(r.outcomes)} outcomes (${fmtPercent(Number(z.size) / total)})`
      : z.estimate && z.estimate.hits > 0
        ? `about ${fmtPercent(z.estimate.hits / z.estimate.samples)} of the outcomes (${fmtCount(z.estimate.hits)} of ${fmtCount(z.estimate.samples)} random outcomes; too many to count exactly)`
        : `fewer than 1 in ${fmtCount(z.estimate?.samples ?? 0)} outcomes (none of that many random outcomes is in it; too many to count exactly)`;
  out.push(
    "",
    say(
      `Zone of possible agreement: ${z.exists ? `yes — ${sizeText}` : "none: no outcome gives every party its reservation value without crossing a red line"}`,
    ),
  );
  if (r.robustness)
    out.push(
      say(
        `  probability over the uncertain numbers: ${fmtPercent(z.probability)}${r.explanation.collidingRedLines ? " — fixed by the red lines, not by any number" : ""}`,
      ),
    );

  if (r.proposals.length) {
    out.push("", "Proposals");
    const crossed = (p: (typeof r.proposals)[number]) =>
      p.redLinesCrossed
        .map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`)
        .join("; ") || "–";
    const range = (p: (typeof r.proposals)[number]) =>
      p.utilityRanges ? p.utilityRanges.map(([a, b]) => `${u(a)}–${u(b)}`) : p.utilities.map(u);
    const wideTable = t(
      ["proposal", ...r.parties, "acceptable", "efficient", "red lines crossed"],
      r.proposals.map((p) => [
        p.name + (p.by ? ` (${p.by})` : ""),
        ...range(p),
        p.acceptable ? "yes" : "no",
        p.paretoEfficient === null ? "open" : p.paretoEfficient ? "yes" : "no",
        crossed(p),
      ]),
    );
    // Too many columns for the width: one block per proposal instead of a table.
    if (
      Number.isFinite(maxWidth) &&
      table(
        ["proposal", ...r.parties, "acceptable", "efficient", "red lines crossed"],
        r.proposals.map((p) => [p.name + (p.by ? ` (${p.by})` : ""), ...range(p), "no", "open", crossed(p)]),
      )
        .split("\n")
        .some((l) => l.length > maxWidth)
    ) {
      for (const p of r.proposals) {
        out.push(
          say(
            `  ${p.name}${p.by ? ` (${p.by})` : ""}: ${p.acceptable ? "acceptable to every party" : "not acceptable to every party"}; efficient: ${p.paretoEfficient === null ? "open (the plan leaves issues open)" : p.paretoEfficient ? "yes" : "no"}`,
          ),
        );
        out.push(say(`    utilities: ${r.parties.map((party, i) => `${party} ${range(p)[i]}`).join(", ")}`));
        out.push(say(`    red lines crossed: ${crossed(p)}`));
      }
      out.push(
        "  utilities: each party's utility (a range where the plan leaves issues open); acceptable: at least every party's reservation value and no red line crossed; efficient: no outcome is better for one party and no worse for any.",
      );
    } else
      out.push(
        wideTable,
        "  party columns: each party's utility (a range where the plan leaves issues open); acceptable: at least every party's reservation value and no red line crossed; efficient: no outcome is better for one party and no worse for any.",
      );
    for (const p of r.proposals) {
      if (p.open.length)
        out.push(
          say(
            `  ${p.name} leaves open: ${p.open.join(", ")}${p.completion ? `; Nash completion ${outcome(p.completion.outcome)} → ${utils(p.completion).join(" / ")}` : ""}`,
          ),
        );
      if (p.dominatedBy)
        out.push(
          say(`  ${p.name} is dominated by ${outcome(p.dominatedBy.outcome)} → ${utils(p.dominatedBy).join(" / ")}`),
        );
      if (p.contested) {
        const decided =
          !p.dependsOnSources && p.contested.every((v) => v.redLinesCrossed.length) && r.explanation.collidingRedLines;
        out.push(
          say(
            `  ${p.name}: the sources disagree on ${Object.keys(p.contested[0]!.terms).join(", ")}; the answer ${p.dependsOnSources ? "DEPENDS on which source is right" : decided ? "is the same whichever source is right, but only because red lines it crosses decide it anyway" : "is the same whichever source is right"}:`,
          ),
        );
        for (const v of p.contested)
          out.push(
            say(
              `    ${outcome(v.terms)} → ${v.utilities.map(u).join(" / ")}, ${v.acceptable ? "acceptable to all" : "not acceptable to all"}${v.redLinesCrossed.length ? `; crosses ${v.redLinesCrossed.map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`).join("; ")}` : ""}`,
            ),
          );
      }
    }
  }

  if (r.lineage?.length) {
    out.push("", "Plan versions: what changed from the one each was derived from");
    for (const d of r.lineage) {
      const parts = [
        ...d.changed.map((c) => `${c.issue}: ${c.from} → ${c.to}`),
        ...d.added.map((a) => `${a.issue}: added ${a.value}`),
        ...d.dropped.map((a) => `${a.issue}: dropped (was ${a.value})`),
        ...d.notStated.map((a) => `${a.issue}: not stated (was ${a.value})`),
      ];
      out.push(
        say(
          `  ${d.from} → ${d.proposal}: ${parts.length ? parts.join("; ") : "no term changed"}${d.unchanged ? ` (${d.unchanged} term${d.unchanged === 1 ? "" : "s"} kept)` : ""}`,
        ),
      );
      for (const o of d.objections)
        out.push(
          say(
            `    objected to by ${o.party}${o.terms.length ? ` (${o.terms.join(", ")})` : ""}${o.note ? `: ${o.note}` : ""}`,
          ),
        );
    }
  }
  if (r.sequencing?.length) {
    out.push("", "Sequencing");
    for (const q of r.sequencing) out.push(say(`  ${q.label}`));
  }

  if (!z.exists) {
    out.push("", "Smallest concessions that would open a zone of agreement");
    if (!r.concessions.length)
      out.push(
        say(
          r.explanation.collisions
            ? `  none found: ${r.explanation.collisions.length} collisions of red lines would each have to give, and no relaxation of one line in each opens a zone`
            : "  none found: no single reservation change or red-line relaxation opens one",
        ),
      );
    else {
      const what = (c: (typeof r.concessions)[number]) =>
        c.kind === "reservation"
          ? c.changes.map((x) => `${x.party} lowers its reservation ${u(x.from)} → ${u(x.to)}`).join(" and ")
          : c.kind === "red-line"
            ? `${c.party} relaxes "${c.redLine}": ${c.change}`
            : c.changes.map((x) => `${x.party} relaxes "${x.redLine}": ${x.change}`).join(", and ");
      const header = ["concession", "size", "opens", ...r.parties];
      const rows = r.concessions.map((c) => [
        what(c),
        c.size.toFixed(assumed ? 2 : 4),
        outcome(c.opens.outcome),
        ...utils(c.opens),
      ]);
      // Too wide for the terminal: one block per concession instead of a table.
      if (
        Number.isFinite(maxWidth) &&
        table(header, rows)
          .split("\n")
          .some((l) => l.length > maxWidth)
      )
        r.concessions.forEach((c, i) => {
          out.push(say(`  ${i + 1}. ${what(c)} (size ${rows[i]![1]})`));
          out.push(say(`     opens: ${outcome(c.opens.outcome)}`));
          out.push(say(`     utilities: ${r.parties.map((party, k) => `${party} ${utils(c.opens)[k]}`).join(", ")}`));
        });
      else out.push(t(header, rows));
      out.push(
        `  size: how far the concession moves (reservation lowered, or the share of an issue's values a red line newly allows, summed over the lines); opens: the Nash outcome it makes possible, with each party's utility.${r.explanation.collisions ? ` With ${r.explanation.collisions.length} collisions of red lines no single change opens a zone: one line of each has to give.` : ""}`,
      );
    }
  }

  const crossedWithEvidence = r.proposals.flatMap((p) =>
    p.redLinesCrossed.filter((l) => l.evidence?.length).map((l) => ({ p, l })),
  );
  if (crossedWithEvidence.length) {
    out.push("", "Red lines crossed, with the words they rest on");
    for (const { p, l } of crossedWithEvidence)
      out.push(
        say(
          `  ${p.name} ${l.status === "open" ? "may cross" : "crosses"} ${possessive(l.party)} "${l.label}": ${l.evidence!.map((e) => `${quoted(e.text)} (${e.file} @${e.start}${e.source ? `, ${e.source.kind} ${e.source.score.toFixed(2)}` : ""})`).join("; ")}`,
        ),
      );
  }
  if (r.contestedFacts?.length) {
    out.push("", "Contested facts (the sources disagree) and whether they change the answers");
    for (const f of r.contestedFacts)
      out.push(
        say(
          `  ${f.subject} · ${f.attribute}: ${f.values.join(" vs ")} — ` +
            (f.fields.length
              ? `cited by ${f.fields.join("; ")}; ${f.why ? `${f.changesAnswers === false ? "the answers stay the same — " : ""}${f.why}` : f.changesAnswers === null ? "not run as alternatives" : f.changesAnswers ? "the answers CHANGE with the source" : "the answers stay the same"}`
              : "no part of the model rests on it: no answer changes"),
        ),
      );
  }
  if (r.reliability?.length) {
    out.push("", "Sources and how far to trust them");
    const short = baseName;
    out.push(
      t(
        ["source", "kind", "score", "corroborated", "contested", "alone", "hedges", "named"],
        r.reliability.map((s) => [
          short(s.file),
          s.kind + (s.overridden ? " *" : ""),
          s.score.toFixed(2),
          fmtPercent(s.corroborated),
          fmtPercent(s.contested),
          fmtPercent(s.unique),
          String(s.hedges),
          fmtPercent(s.named),
        ]),
      ),
      "  score: 0–1, from the kind of source and how its claims fare against the others; corroborated/contested/alone: shares of its claims others carry, dispute, or carry nowhere; hedges: “reportedly”, “sources say”… in its own voice; named: share of its attributions to a named person; * the scenario sets it. Why each score:",
    );
    for (const s of r.reliability) out.push(say(`    ${short(s.file)}: ${s.reasons.join("; ")}`));
  }
  if (r.weakFields?.length) {
    out.push("", "Fields resting only on a weak or single source");
    for (const f of r.weakFields) out.push(say(`  ${f.field}: ${f.reason}`));
  }
  if (r.citations) out.push("", `Citations: ${r.citations.length}, every one resolved in the corpus`);
  if (r.assumptions?.length) {
    out.push(`Assumptions: ${r.assumptions.length} numbers and terms no citation supports`);
    const byParty = new Map<string, string[]>();
    for (const a of r.assumptions) {
      const [who, what] = a.split(/:\s(.*)/s) as [string, string];
      (byParty.get(who) ?? byParty.set(who, []).get(who)!).push(what);
    }
    for (const [who, what] of byParty) out.push(say(`  ${who}: ${what.join("; ")}`));
  }

  const rb = r.robustness;
  if (!rb && r.explanation.collidingRedLines && r.uncertainNumbers > 0)
    out.push(
      "",
      say(
        `Robustness: not drawn — the red lines alone exclude every outcome, so no value of the ${r.uncertainNumbers} uncertain numbers opens a zone of agreement or makes a proposal acceptable to all (0% exactly).`,
      ),
    );
  if (rb) {
    out.push(
      "",
      `Robustness: ${fmtCount(rb.samples)} draws over ${rb.parameters} uncertain number${rb.parameters === 1 ? "" : "s"} (seed ${rb.seed})`,
    );
    if (rb.requested !== undefined)
      out.push(
        `  stopped after ${fmtCount(rb.samples)} of ${fmtCount(rb.requested)} draws: the analysis reached its work limit (raise it with --max-work)`,
      );
    out.push(`  a zone of agreement exists in ${fmtPercent(rb.zopaRate)} of draws`);
    if (rb.versionWeights?.length)
      for (const v of rb.versionWeights)
        out.push(
          say(
            `  ${v.proposal}: its versions are drawn in proportion to their sources' reliability — ${v.versions.map((x) => `${x.terms} ${fmtPercent(x.weight)}`).join(", ")}`,
          ),
        );
    if (rb.proposals.length)
      out.push(
        t(
          ["proposal", "acceptable to all"],
          rb.proposals.map((p) => [p.name, fmtPercent(p.acceptableRate)]),
        ),
      );
    if (rb.nash.length)
      out.push(
        t(
          ["Nash lands on", "share of draws"],
          rb.nash.map((n) => [outcome(n.outcome), fmtPercent(n.rate)]),
        ),
      );
    if (rb.zopaRate > 0)
      out.push(
        t(
          ["party", "Nash utility p5", "median", "p95"],
          rb.nashUtility.map((q) => [q.party, u(q.p5), u(q.median), u(q.p95)]),
        ),
        "  p5/median/p95: the Nash utility's 5th, 50th and 95th percentiles over the draws.",
      );
  }
  // Legends and notes wrap like prose; table lines already fit.
  return `${out
    .join("\n")
    .split("\n")
    .map((l) => wrapLine(l, maxWidth))
    .join("\n")}\n`;
}

function round(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}
