import { parseHTML } from "linkedom";
import { type BriefingInput, buildBriefing } from "./briefing.js";
import { briefingHtml } from "./briefing-html.js";
import { briefingMarkdown } from "./briefing-markdown.js";
import { type ChartSpace, planKey, utilityChart } from "./utility-chart.js";

/** The briefing written out, with the utility space of the first two parties drawn as inline SVG (Plot on a server-side DOM). */
export function renderBriefing(
  input: Omit<BriefingInput, "chart"> & { readonly space?: ChartSpace },
  format: "md" | "html",
): string {
  let chart: BriefingInput["chart"];
  if (input.space) {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const svg = utilityChart(input.space, input.analysis, 0, 1, 820, document);
    const [a, b] = input.space.parties;
    const key = planKey(input.analysis).join(" · ");
    chart = {
      // An element of linkedom's DOM (the Node build has no DOM types to name it by).
      svg: String(Reflect.get(svg, "outerHTML")),
      caption: `${a} (across) and ${b} (up): every outcome shaded by count, their Pareto frontier (black), the plan versions with their ranges over open terms (${key}), reservations (dashed).`,
    };
  }
  const briefing = buildBriefing({ ...input, ...(chart ? { chart } : {}) });
  return format === "html" ? briefingHtml(briefing) : briefingMarkdown(briefing);
}
