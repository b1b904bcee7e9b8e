import * as Plot from "@observablehq/plot";
import type { AnalysisReport } from "../contract/analysis-report.js";
import { ellipsis } from "../model/ellipsis.js";

export type PlanChartAnalysis = Pick<AnalysisReport, "parties" | "reservations" | "proposals">;

/** A plan's name short enough to label its row. */
const short = (s: string, n = 30) => ellipsis(s, n);

/** The chart's takeaway: which plans every shown party could accept, or that none can. */
export function planChartTitle(a: PlanChartAnalysis, parties: readonly number[]): string {
  const clears = a.proposals.filter(
    (p) =>
      p.stated !== 0 &&
      parties.every(
        (i) =>
          (p.utilityRanges?.[i]?.[1] ?? p.utilities[i]!) >= a.reservations[i]! &&
          !p.redLinesCrossed.some((l) => l.party === a.parties[i] && l.status !== "open"),
      ),
  );
  return clears.length
    ? `Plans that could clear every side: ${clears.map((p) => p.name).join(", ")}`
    : "No plan clears every side's reservation and red lines";
}

/**
 * The plan versions against each party's reservation: one row per plan and party, the plan's
 * utility (a range where it leaves terms open), the party's reservation as a dashed line, and a
 * plan that crosses one of the party's red lines drawn hollow and grey. Plans whose terms no source
 * states are left out (they could be anywhere). Server-side, pass linkedom's `document`.
 */
export function planChart(
  a: PlanChartAnalysis,
  parties: readonly number[],
  width: number,
  document?: unknown,
): ReturnType<typeof Plot.plot> {
  const plans = a.proposals.filter((p) => p.stated !== 0);
  const rows = plans.flatMap((p) =>
    parties.map((i) => {
      const [lo, hi] = p.utilityRanges?.[i] ?? [p.utilities[i]!, p.utilities[i]!];
      const crosses = p.redLinesCrossed.some((l) => l.party === a.parties[i] && l.status !== "open");
      return { plan: short(p.name), party: a.parties[i]!, lo, hi, crosses };
    }),
  );
  const reservations = parties.map((i) => ({ party: a.parties[i]!, r: a.reservations[i]! }));
  const colour = (d: { crosses: boolean }) => (d.crosses ? "#9a9a9a" : "#1f5f9e");
  return Plot.plot({
    ...(document ? { document: document as NonNullable<Plot.PlotOptions["document"]> } : {}),
    width,
    height: 40 + parties.length * (plans.length * 18 + 24),
    marginLeft: 190,
    marginRight: 80,
    title: planChartTitle(a, parties),
    caption:
      "Each plan's utility for each side (0: its worst outcome, 1: its best), a bar where the plan leaves terms open; dashed: the side's reservation. Grey and hollow: the plan crosses one of that side's red lines.",
    x: { domain: [0, 1], label: "utility →", grid: true },
    y: { label: null, domain: plans.map((p) => short(p.name)) },
    fy: { label: null, domain: parties.map((i) => a.parties[i]!), tickFormat: (d: string) => short(d, 14) },
    marks: [
      Plot.ruleX(reservations, { x: "r", fy: "party", stroke: "#b35900", strokeWidth: 1.5, strokeDasharray: "5 3" }),
      Plot.link(rows, { x1: "lo", x2: "hi", y1: "plan", y2: "plan", fy: "party", stroke: colour, strokeWidth: 4 }),
      Plot.dot(rows, {
        x: "lo",
        y: "plan",
        fy: "party",
        r: 4,
        stroke: colour,
        fill: (d: { crosses: boolean }) => (d.crosses ? "white" : "#1f5f9e"),
      }),
    ],
  });
}
