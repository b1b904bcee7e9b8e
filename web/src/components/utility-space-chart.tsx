import { planKey, utilityChart } from "../../../src/report/utility-chart";
import type { Analysis, Space } from "../api";
import { PlotFigure } from "./plot-figure";

/** The utility space of parties `a` and `b` drawn, with its export buttons and the key to the plans' numbers. */
export function UtilitySpaceChart({
  space,
  analysis,
  pair,
  file,
}: {
  space: Space;
  analysis: Analysis;
  pair: readonly [number, number];
  file: string;
}) {
  const width = Math.min(900, (document.querySelector("main")?.clientWidth ?? 900) - 8);
  return (
    <>
      <PlotFigure
        label={`utility space of ${space.parties.join(" and ")}: outcomes, red lines, Pareto frontier, plans, reservations`}
        deps={[space, analysis, width, pair[0], pair[1]]}
        make={() =>
          utilityChart(
            space,
            analysis,
            pair[0],
            pair[1],
            width,
            undefined,
            `Parley's analysis of “${analysis.scenario}”`,
          )
        }
        file={file}
      />
      <ol class="plan-key" aria-label="plan versions on the chart">
        {planKey(analysis).map((k) => (
          <li key={k} value={Number(/^\d+/.exec(k)![0])}>
            {k.replace(/^\d+ /, "")}
          </li>
        ))}
      </ol>
    </>
  );
}
