import { parseHTML } from "linkedom";
import { type BriefingInput, buildBriefing } from "./briefing.js";
import { briefingHtml } from "./briefing-html.js";
import { briefingMarkdown } from "./briefing-markdown.js";
import { humanDate } from "./human-date.js";
import { planChart, planChartTitle } from "./plan-chart.js";
import { latestTrustedDate } from "./trusted-sources.js";
import { type ChartSpace, chartTitle, planKey, utilityChart } from "./utility-chart.js";

/** Chart width in SVG units: two fit side by side on an A4 page. */
const WIDTH = 400;

/**
 * An element of linkedom's DOM as markup (the Node build has no DOM types to name it by). Plot
 * titles a chart with an h2; in the briefing it sits under its section's h2, so it is an h3 (and
 * the PDF's outline nests it there).
 */
const markup = (svg: unknown) => String(Reflect.get(svg as object, "outerHTML")).replace(/<(\/?)h2\b/g, "<$1h3");

/** What the charts are drawn from: "the model cited to 5 sources, the latest trusted of 2 December 2025". */
function chartSource({ evidence, analysis }: Pick<BriefingInput, "evidence" | "analysis">): string {
  const latest = latestTrustedDate(evidence, analysis);
  return `the model cited to ${evidence.documents.length} source(s)${latest ? `, the latest trusted of ${humanDate(latest)}` : ""}`;
}

/**
 * The briefing written out, with its two charts drawn as inline SVG (Plot on a server-side DOM):
 * the utility space of the pair (`space`, parties `pair`), and the plans against each of the
 * pair's reservations.
 */
export function renderBriefing(
  input: Omit<BriefingInput, "charts"> & { readonly space?: ChartSpace; readonly pair?: readonly [number, number] },
  format: "md" | "html",
): string {
  const charts: NonNullable<BriefingInput["charts"]> = [];
  const [i, j] = input.pair ?? [0, 1];
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  if (input.space) {
    const key = planKey(input.analysis).join(" · ");
    charts.push({
      title:
        chartTitle(input.analysis) ??
        `The utility space of ${input.analysis.parties[i]} and ${input.analysis.parties[j]}`,
      svg: markup(utilityChart(input.space, input.analysis, i, j, WIDTH, document, chartSource(input))),
      caption: key ? `Plans: ${key}.` : "",
    });
  }
  if (input.analysis.parties.length >= 2 && input.analysis.proposals.some((p) => p.stated !== 0))
    charts.push({
      title: planChartTitle(input.analysis, [i, j]),
      svg: markup(planChart(input.analysis, [i, j], WIDTH, document)),
      caption: "",
    });
  const briefing = buildBriefing({ ...input, ...(charts.length ? { charts } : {}) });
  return format === "html" ? briefingHtml(briefing) : briefingMarkdown(briefing);
}
