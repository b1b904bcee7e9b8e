import * as Plot from "@observablehq/plot";
import type { AnalysisReport } from "../contract/analysis-report.js";
import type { UtilitySpace } from "../contract/utility-space.js";
import { possessive } from "./possessive.js";
import { zoneSize } from "./zone-size.js";

/** What the chart needs of the utility space (GET …/utility-space) and of the analysis. */
export type ChartSpace = Pick<UtilitySpace, "parties" | "bins" | "counts" | "frontier" | "allowed">;
export type ChartAnalysis = Pick<AnalysisReport, "reservations" | "proposals" | "solutions"> &
  Partial<Pick<AnalysisReport, "zopa" | "explanation" | "outcomes">>;

/** The chart's takeaway in one line: what blocks a deal, or how large the zone is. */
export function chartTitle(a: ChartAnalysis): string | undefined {
  const c = a.explanation?.collisions?.[0] ?? a.explanation?.collidingRedLines;
  if (a.zopa && !a.zopa.exists && c?.length)
    return `No outcome every party accepts: ${c.map((l) => `${possessive(l.party)} “${l.label}”`).join(" and ")} exclude each other`;
  const zone = a.zopa && a.outcomes !== undefined ? zoneSize({ zopa: a.zopa, outcomes: a.outcomes }) : null;
  if (zone) return `A zone of agreement: ${zone} every party accepts`;
  return a.zopa && !a.zopa.exists ? "No outcome every party accepts" : undefined;
}

/**
 * The utility space of parties i (across) and j (up): every outcome as a density, the pair's
 * Pareto frontier, the plan versions with their ranges over open terms (none for a plan whose
 * terms no source states), both reservations, and
 * the Nash and Kalai–Smorodinsky solutions where they exist; `source` (what it is drawn from) closes
 * the caption. The web app draws it in the page; the briefing passes a server-side `document`
 * (linkedom) and inlines the SVG.
 */
export function utilityChart(
  space: ChartSpace,
  a: ChartAnalysis,
  i: number,
  j: number,
  width: number,
  document?: unknown,
  source?: string,
): ReturnType<typeof Plot.plot> {
  const step = 1 / space.bins;
  // Outcomes that cross no red line are shaded by how many fall in a cell; those that cross one are grey.
  const at = (k: number) => ({ x: (k % space.bins) * step, y: Math.floor(k / space.bins) * step });
  const cells = space.counts.flatMap((n, k) => {
    const free = space.allowed ? space.allowed[k]! : n;
    return free ? [{ ...at(k), n: free }] : [];
  });
  const crossing = space.allowed
    ? space.counts.flatMap((n, k) => (n - space.allowed![k]! > 0 ? [{ ...at(k), n: n - space.allowed![k]! }] : []))
    : [];
  const title = chartTitle(a);
  // Each grid cell as a box, and what its count means.
  const box = {
    x1: "x",
    x2: (d: { x: number }) => d.x + step,
    y1: "y",
    y2: (d: { y: number }) => d.y + step,
  };
  const count = (what: string) => (d: { n: number }) => `${d.n.toLocaleString("en-US")} outcomes${what}`;
  // Plans are numbered on the chart (names of plans at nearby points would overlap); planKey lists them.
  // A plan no source states terms for has no place on the chart: it could be anywhere.
  const plans = a.proposals.flatMap((p, k) =>
    p.stated === 0
      ? []
      : [{ name: p.name, n: String(k + 1), x: p.utilities[i]!, y: p.utilities[j]!, r: p.utilityRanges }],
  );
  const ranged = plans.filter((p) => p.r);
  const solutions = (["nash", "kalaiSmorodinsky"] as const).flatMap((k) => {
    const s = a.solutions[k];
    return s ? [{ name: k === "nash" ? "Nash" : "Kalai–Smorodinsky", x: s.utilities[i]!, y: s.utilities[j]! }] : [];
  });
  return Plot.plot({
    ...(document ? { document: document as NonNullable<Plot.PlotOptions["document"]> } : {}),
    width,
    height: Math.min(width, 560),
    ...(title ? { title } : {}),
    ...(space.allowed
      ? {
          caption: `Blue: outcomes that cross no party's red line (darker: more of them); grey: outcomes that cross one. Black line: the pair's Pareto frontier; dashed: reservations; a dashed box: where a plan that leaves terms open can fall.${source ? ` Source: ${source}.` : ""}`,
        }
      : {}),
    x: { domain: [0, 1], label: `${space.parties[0]} utility →` },
    y: { domain: [0, 1], label: `↑ ${space.parties[1]} utility` },
    // The legend says what a shade of blue counts, where there is blue. Plot draws a continuous
    // legend on a canvas, which a server-side DOM lacks: there the caption says it.
    color: {
      type: "log",
      scheme: "blues",
      label: "outcomes per cell crossing no red line",
      legend: !document && cells.length > 0,
    },
    marks: [
      Plot.rect(crossing, { ...box, fill: "#d4d4d4", title: count(" crossing a red line") }),
      Plot.rect(cells, { ...box, fill: "n", title: count(space.allowed ? " crossing no red line" : "") }),
      Plot.ruleX([a.reservations[i]!], { stroke: "#b35900", strokeDasharray: "5 3" }),
      Plot.ruleY([a.reservations[j]!], { stroke: "#b35900", strokeDasharray: "5 3" }),
      Plot.text([{ x: a.reservations[i]!, y: 1 }], {
        x: "x",
        y: "y",
        text: () => `${possessive(space.parties[0]!)} reservation`,
        textAnchor: "start",
        dx: 4,
        dy: 8,
        fill: "#b35900",
      }),
      Plot.text([{ x: 1, y: a.reservations[j]! }], {
        x: "x",
        y: "y",
        text: () => `${possessive(space.parties[1]!)} reservation`,
        textAnchor: "end",
        dy: -6,
        fill: "#b35900",
      }),
      Plot.line(space.frontier, { x: "0", y: "1", stroke: "#111", strokeWidth: 2, curve: "step-after" }),
      // A plan that leaves terms open could fall anywhere in the box its ranges span.
      Plot.rect(ranged, {
        x1: (p: (typeof plans)[number]) => p.r![i]![0],
        x2: (p: (typeof plans)[number]) => p.r![i]![1],
        y1: (p: (typeof plans)[number]) => p.r![j]![0],
        y2: (p: (typeof plans)[number]) => p.r![j]![1],
        fill: "none",
        stroke: "#7a1f5c",
        strokeOpacity: 0.55,
        strokeDasharray: "3 2",
      }),
      Plot.dot(plans, { x: "x", y: "y", fill: "#7a1f5c", r: 5, title: "name" }),
      Plot.text(plans, {
        x: "x",
        y: "y",
        text: "n",
        dx: 7,
        dy: -7,
        textAnchor: "start",
        fontSize: 12,
        fontWeight: "bold",
        fill: "#4a0f38",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      Plot.dot(solutions, { x: "x", y: "y", symbol: "star", r: 8, fill: "#e0a800", stroke: "#000" }),
      // Nash above its star, Kalai–Smorodinsky below: the two often fall close together.
      ...solutions.map((s) =>
        Plot.text([s], { x: "x", y: "y", text: "name", dy: s.name === "Nash" ? -12 : 16, fontWeight: "bold" }),
      ),
    ],
  });
}

/** The key to the plans' numbers on the chart: "1 Leaked 28-point plan", …. */
export function planKey(a: ChartAnalysis): string[] {
  return a.proposals.flatMap((p, k) => (p.stated === 0 ? [] : [`${k + 1} ${p.name}`]));
}
