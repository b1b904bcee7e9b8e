import * as Plot from "@observablehq/plot";
import { useState } from "preact/hooks";
import { concessionChanges } from "../../../src/report/concession-changes";
import { zoneSize } from "../../../src/report/zone-size";
import { api } from "../api";
import { PlotFigure } from "../components/plot-figure";
import { Status } from "../components/status";
import { UtilitySpaceChart } from "../components/utility-space-chart";
import { parseRoute } from "../route";
import { useData } from "../use-data";

export function Analysis({ scenario }: { scenario: string }) {
  const report = useData(() => api.analysis(scenario), [scenario]);
  // The pair drawn is in the URL (#/analysis?a=1&b=2): a link to the view shows the same chart.
  const [pair, choosePair] = useState<[number, number]>(() => {
    const p = parseRoute(location.hash).params;
    const a = Number(p.get("a") ?? 0),
      b = Number(p.get("b") ?? 1);
    return Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a !== b ? [a, b] : [0, 1];
  });
  const setPair = (next: (p: [number, number]) => [number, number]) =>
    choosePair((p) => {
      const [a, b] = next(p);
      history.replaceState(null, "", `#/analysis?a=${a}&b=${b}`);
      return [a, b];
    });
  // A pair beyond the scenario's parties (an old link) falls back to the first two.
  const parties = report.state === "ready" ? report.data.parties.length : Infinity;
  const valid = pair[0] < parties && pair[1] < parties;
  const space = useData(
    () => api.space(scenario, valid ? pair[0] : 0, valid ? pair[1] : 1),
    [scenario, pair[0], pair[1], valid],
  );
  return (
    <Status of={report}>
      {(a) => {
        const rob = a.robustness;
        const width = Math.min(900, (document.querySelector("main")?.clientWidth ?? 900) - 8);
        return (
          <>
            <h1>Analysis</h1>
            <p>
              <strong>{a.zopa.exists ? "A zone of agreement exists" : "No zone of agreement"}</strong>
              {zoneSize(a) ? `: ${zoneSize(a)}` : ` among ${Number(a.outcomes).toLocaleString("en-US")} outcomes`}.
            </p>
            <fieldset class="pair">
              <legend>Utility space of two parties</legend>
              {[0, 1].map((k) => (
                <label key={k}>
                  {k === 0 ? "across " : "up "}
                  <select
                    value={pair[k]}
                    onChange={(e) =>
                      setPair((p) =>
                        k === 0
                          ? [Number((e.target as HTMLSelectElement).value), p[1]]
                          : [p[0], Number((e.target as HTMLSelectElement).value)],
                      )
                    }
                  >
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
                  <UtilitySpaceChart
                    space={s}
                    analysis={a}
                    pair={pair}
                    file={`${scenario}-utility-space-${pair[0]}-${pair[1]}`}
                  />
                  <p class="muted">
                    {s.outcomes.toLocaleString("en-US")} outcomes{s.sampled ? " (a uniform sample)" : ""}: those that
                    cross a party's red line grey, the rest blue by how many fall in each cell; the black line is the
                    two parties' Pareto frontier; plans are dots with their ranges over terms left open; dashed lines
                    are reservations
                    {a.solutions["nash"]
                      ? "; stars mark the Nash and Kalai–Smorodinsky solutions."
                      : "; there is no Nash or Kalai–Smorodinsky solution without a zone of agreement."}
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
                      {concessionChanges(c)
                        .map((x) => `${x.party}: ${x.change}`)
                        .join("; ")}{" "}
                      <span class="muted">(size {c.size.toFixed(2)})</span>
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
                    Over {rob.samples.toLocaleString("en-US")} draws a zone of agreement exists in{" "}
                    <strong>{((rob.zopaRate ?? 0) * 100).toFixed(1)} %</strong>.
                  </p>
                  {rob.proposals && (
                    <PlotFigure
                      label="share of draws in which each plan is acceptable to every party"
                      deps={[rob, width]}
                      make={() =>
                        Plot.plot({
                          width,
                          marginLeft: 200,
                          x: { domain: [0, 1], label: "share of draws acceptable to all →", percent: true },
                          marks: [
                            Plot.barX(rob.proposals, { x: "acceptableRate", y: "name", fill: "#2c6fbb" }),
                            Plot.ruleX([0]),
                          ],
                        })
                      }
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
                          marks: [
                            Plot.link(rob.nashUtility, {
                              x1: "p5",
                              x2: "p95",
                              y1: "party",
                              y2: "party",
                              strokeWidth: 6,
                              stroke: "#9cc3e6",
                            }),
                            Plot.dot(rob.nashUtility, { x: "median", y: "party", fill: "#111" }),
                          ],
                        })
                      }
                    />
                  )}
                </>
              ) : (
                <p class="muted">
                  No draws: {a.explanation?.summary ?? "the answer does not depend on the uncertain numbers."}
                </p>
              )}
            </section>
          </>
        );
      }}
    </Status>
  );
}
