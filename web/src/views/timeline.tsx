import * as Plot from "@observablehq/plot";
import { useState } from "preact/hooks";
import { api, type DateMention } from "../api";
import { PlotFigure } from "../components/plot-figure";
import { Status } from "../components/status";
import { readHref } from "../route";
import { useData } from "../use-data";

const DAY = 86_400_000;

/** Dated mentions across the sources on a time axis; an event the sources date differently is drawn as a conflict. */
export function Timeline() {
  const data = useData(() => api.evidence("?include=dates,contradictions"), []);
  const [all, setAll] = useState(false);
  return (
    <Status of={data}>
      {(ev) => {
        const dated = (ev.dates ?? []).filter(
          (d): d is DateMention & { iso: string } => !!d.iso && /^\d{4}-\d{2}-\d{2}/.test(d.iso),
        );
        const latest = Math.max(...dated.map((d) => Date.parse(d.iso)));
        const shown = all ? dated : dated.filter((d) => Date.parse(d.iso) >= latest - 120 * DAY);
        const conflicts = (ev.contradictions ?? []).filter(
          (c) => c.attribute === "date" || c.sides.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(String(s.value))),
        );
        const files = [...new Set(dated.map((d) => d.file))].sort();
        const byDay = new Map<string, typeof shown>();
        for (const d of [...shown].sort((a, b) => a.iso.localeCompare(b.iso)))
          byDay.set(d.iso.slice(0, 10), [...(byDay.get(d.iso.slice(0, 10)) ?? []), d]);
        return (
          <>
            <h1>Timeline</h1>
            <p class="muted">
              {dated.length} resolved date mention(s) in {files.length} source(s).{" "}
              <button type="button" onClick={() => setAll(!all)}>
                {all ? "Show the last 120 days" : "Show every date"}
              </button>
            </p>
            {conflicts.length > 0 && (
              <ul class="conflicts">
                {conflicts.map((c) => (
                  <li key={c.subject}>
                    <strong>Conflicting dates</strong> for {c.subject}:{" "}
                    {c.sides.map((s) => `${s.value} (${(s.files ?? []).join(", ")})`).join(" vs ")}
                  </li>
                ))}
              </ul>
            )}
            <PlotFigure
              label="dates mentioned, by source, on a time axis"
              deps={[shown, conflicts]}
              make={() =>
                Plot.plot({
                  width: Math.min(1100, document.querySelector("main")?.clientWidth ?? 900),
                  height: 60 + 40 * files.length,
                  marginLeft: 170,
                  x: { type: "utc", label: "date mentioned", grid: true },
                  y: { domain: files, label: null },
                  marks: [
                    ...conflicts.map((c) =>
                      Plot.ruleX(
                        c.sides.map((s) => new Date(String(s.value))),
                        { stroke: "#c0392b", strokeWidth: 2, strokeDasharray: "4 3" },
                      ),
                    ),
                    ...conflicts.map((c) =>
                      Plot.text(
                        c.sides
                          .slice(0, 1)
                          .map((s) => ({ x: new Date(String(s.value)), label: `conflict: ${c.subject}` })),
                        {
                          x: "x",
                          frameAnchor: "top",
                          text: "label",
                          fill: "#c0392b",
                          dy: 6,
                          textAnchor: "start",
                          dx: 4,
                        },
                      ),
                    ),
                    Plot.dot(shown, {
                      x: (d: DateMention & { iso: string }) => new Date(d.iso),
                      y: "file",
                      r: 5,
                      fill: "#2c6fbb",
                      fillOpacity: 0.6,
                      title: (d: DateMention) => `${d.iso} — “${d.text}”`,
                    }),
                  ],
                })
              }
            />
            <h2>By day</h2>
            <dl class="days">
              {[...byDay].map(([day, ds]) => (
                <div key={day}>
                  <dt>{day}</dt>
                  {ds.map((d) => (
                    <dd key={`${d.file}:${d.start}`}>
                      <a href={readHref(d.file, d.start, d.end)}>“{d.text}”</a> <span class="muted">{d.file}</span>
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          </>
        );
      }}
    </Status>
  );
}
