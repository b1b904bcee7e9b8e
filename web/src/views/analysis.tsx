import * as Plot from "@observablehq/plot";
import { useState } from "preact/hooks";
import { api, type Analysis as Report, type Space } from "../api";
import { PlotFigure } from "../components/plot-figure";
import { Status } from "../components/status";
import { useData } from "../use-data";

interface Robustness {
  samples: number;
  zopaRate?: number;
  proposals?: { name: string; acceptableRate: number }[];
  nashUtility?: { party: string; p5: number; median: number; p95: number }[];
}

/** The utility space of a chosen pair: every outcome as a density, the pair's frontier, the plans with their ranges, reservations, Nash and Kalai–Smorodinsky. */
function spaceChart(space: Space, a: Report, i: number, j: number, width: number): Element {
  const step = 1 / space.bins;
  const cells = space.counts.flatMap((n, k) => (n ? [{ x: (k % space.bins) * step, y: Math.floor(k / space.bins) * step, n }] : []));
  const plans = a.proposals.map((p) => ({ name: p.name, x: p.utilities[i]!, y: p.utilities[j]!, r: p.utilityRanges }));
  const solutions = (["nash", "kalaiSmorodinsky"] as const).flatMap((k) => (a.solutions[k] ? [{ name: k === "nash" ? "Nash" : "Kalai–Smorodinsky", x: a.solutions[k]!.utilities[i]!, y: a.solutions[k]!.utilities[j]! }] : []));
  return Plot.plot({
    width,
    height: Math.min(width, 560),
    x: { domain: [0, 1], label: `${space.parties[0]} utility →` },
    y: { domain: [0, 1], label: `↑ ${space.parties[1]} utility` },
    color: { type: "log", scheme: "blues", label: "outcomes" },
    marks: [
      Plot.rect(cells, { x1: "x", x2: (d: { x: number }) => d.x + step, y1: "y", y2: (d: { y: number }) => d.y + step, fill: "n", title: (d: { n: number }) => `${d.n.toLocaleString("en-US")} outcomes` }),
      Plot.ruleX([a.reservations[i]!], { stroke: "#b35900", strokeDasharray: "5 3" }),
      Plot.ruleY([a.reservations[j]!], { stroke: "#b35900", strokeDasharray: "5 3" }),
      Plot.text([{ x: a.reservations[i]!, y: 1 }], { x: "x", y: "y", text: () => `${space.parties[0]}'s reservation`, textAnchor: "start", dx: 4, dy: 8, fill: "#b35900" }),
      Plot.line(space.frontier, { x: "0", y: "1", stroke: "#111", strokeWidth: 2, curve: "step-after" }),
      Plot.link(
        plans.filter((p) => p.r),
        { x1: (p: (typeof plans)[number]) => p.r![i]![0], x2: (p: (typeof plans)[number]) => p.r![i]![1], y1: "y", y2: "y", stroke: "#7a1f5c", strokeOpacity: 0.6 },
      ),
      Plot.link(
        plans.filter((p) => p.r),
        { x1: "x", x2: "x", y1: (p: (typeof plans)[number]) => p.r![j]![0], y2: (p: (typeof plans)[number]) => p.r![j]![1], stroke: "#7a1f5c", strokeOpacity: 0.6 },
      ),
      Plot.dot(plans, { x: "x", y: "y", fill: "#7a1f5c", r: 5, title: "name" }),
      Plot.text(plans, { x: "x", y: "y", text: "name", dx: 8, textAnchor: "start", fontSize: 11, fill: "#4a0f38" }),
      Plot.dot(solutions, { x: "x", y: "y", symbol: "star", r: 8, fill: "#e0a800", stroke: "#000" }),
      Plot.text(solutions, { x: "x", y: "y", text: "name", dy: -12, fontWeight: "bold" }),
    ],
  });
}

export function Analysis({ scenario }: { scenario: string }) {
  const report = useData(() => api.analysis(scenario), [scenario]);
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const space = useData(() => api.space(scenario, pair[0], pair[1]), [scenario, pair[0], pair[1]]);
  return (
    <Status of={report}>
      {(a) => {
        const rob = (a as unknown as { robustness?: Robustness }).robustness;
        const width = Math.min(900, (document.querySelector("main")?.clientWidth ?? 900) - 8);
        return (
          <>
            <h1>Analysis</h1>
            <p>
              <strong>{a.zopa.exists ? "A zone of agreement exists" : "No zone of agreement"}</strong>
              {a.zopa.exists && a.zopa.size !== null ? `: ${(a.zopa.size * 100).toFixed(2)} % of the ${Number(a.outcomes).toLocaleString("en-US")} outcomes` : ` among ${Number(a.outcomes).toLocaleString("en-US")} outcomes`}.
            </p>
            <fieldset class="pair">
              <legend>Utility space of two parties</legend>
              {[0, 1].map((k) => (
                <label key={k}>
                  {k === 0 ? "across " : "up "}
                  <select value={pair[k]} onChange={(e) => setPair((p) => (k === 0 ? [Number((e.target as HTMLSelectElement).value), p[1]] : [p[0], Number((e.target as HTMLSelectElement).value)]))}>
                    {a.parties.map((p, i) => (
                      <option key={p} value={i} disabled={i === pair[1 - k]}>
                        {p}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
            <Status of={space}>
              {(s) => (
                <>
                  <PlotFigure label={`utility space of ${s.parties.join(" and ")}: outcomes, Pareto frontier, plan versions, reservations`} deps={[s, a, width]} make={() => spaceChart(s, a, pair[0], pair[1], width)} />
                  <p class="muted">
                    {s.outcomes.toLocaleString("en-US")} outcomes{s.sampled ? " (a uniform sample)" : ""} shaded by how many fall in each cell; the black line is the two parties' Pareto frontier; plans are dots with their ranges over terms left open; dashed lines are reservations
                    {a.solutions["nash"] ? "; stars mark the Nash and Kalai–Smorodinsky solutions." : "; there is no Nash or Kalai–Smorodinsky solution without a zone of agreement."}
                  </p>
                </>
              )}
            </Status>
            {a.concessions.length > 0 && (
              <section>
                <h2>Concessions</h2>
                <ol>
                  {a.concessions.slice(0, 6).map((c, i) => (
                    <li key={i}>
                      {(c.changes ?? []).map((x) => `${x.party}: ${x.change}`).join("; ")} <span class="muted">(size {c.size.toFixed(2)})</span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
            <section>
              <h2>Robustness over the uncertain numbers</h2>
              {rob ? (
                <>
                  <p>
                    Over {rob.samples.toLocaleString("en-US")} draws a zone of agreement exists in <strong>{((rob.zopaRate ?? 0) * 100).toFixed(1)} %</strong>.
                  </p>
                  {rob.proposals && (
                    <PlotFigure
                      label="share of draws in which each plan is acceptable to every party"
                      deps={[rob, width]}
                      make={() => Plot.plot({ width, marginLeft: 200, x: { domain: [0, 1], label: "share of draws acceptable to all →", percent: true }, marks: [Plot.barX(rob.proposals!, { x: "acceptableRate", y: "name", fill: "#2c6fbb" }), Plot.ruleX([0])] })}
                    />
                  )}
                  {rob.nashUtility && (
                    <PlotFigure
                      label="each party's utility at the Nash solution across draws: 5th percentile, median, 95th percentile"
                      deps={[rob, width]}
                      make={() =>
                        Plot.plot({
                          width,
                          marginLeft: 120,
                          x: { domain: [0, 1], label: "utility at the Nash solution (5th–95th percentile, median) →" },
                          marks: [Plot.link(rob.nashUtility!, { x1: "p5", x2: "p95", y1: "party", y2: "party", strokeWidth: 6, stroke: "#9cc3e6" }), Plot.dot(rob.nashUtility!, { x: "median", y: "party", fill: "#111" })],
                        })
                      }
                    />
                  )}
                </>
              ) : (
                <p class="muted">No draws: {a.explanation?.summary ?? "the answer does not depend on the uncertain numbers."}</p>
              )}
            </section>
          </>
        );
      }}
    </Status>
  );
}
