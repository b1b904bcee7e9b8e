import * as Plot from "@observablehq/plot";
import { useState } from "preact/hooks";
import { eventSummary } from "../../../src/report/event-summary";
import { api, type NegotiationEvent } from "../api";
import { PlotFigure } from "../components/plot-figure";
import { Status } from "../components/status";
import { readHref } from "../route";
import { sourceNameOf } from "../source-names";
import { useData } from "../use-data";

const DAY = 86_400_000;
type Dated = NegotiationEvent & { when: string };

/** What happened, on a time axis and day by day: each event once with every source's telling; a date the sources dispute is drawn as a conflict. */
export function Timeline() {
  const data = useData(() => api.evidence("?include=events,contradictions"), []);
  const [all, setAll] = useState(false);
  return (
    <Status of={data}>
      {(ev) => {
        const events = ev.events ?? [];
        const dated = events.filter((e): e is Dated => !!e.when && /^\d{4}-\d{2}-\d{2}/.test(e.when));
        const latest = Math.max(...dated.map((e) => Date.parse(e.when)));
        const shown = all ? dated : dated.filter((e) => Date.parse(e.when) >= latest - 120 * DAY);
        const conflicts = (ev.contradictions ?? []).filter(
          (c) => c.attribute === "date" || c.sides.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(String(s.value))),
        );
        const disputed = shown.filter((e) => e.disputed.includes("date"));
        const kinds = [...new Set(shown.map((e) => e.kind))].sort();
        const byDay = new Map<string, Dated[]>();
        for (const e of shown) byDay.set(e.when.slice(0, 10), [...(byDay.get(e.when.slice(0, 10)) ?? []), e]);
        return (
          <>
            <h1>Timeline</h1>
            <p class="muted">
              {dated.length} dated event(s), {events.length - dated.length} undated, from what the sources tell.{" "}
              <button type="button" onClick={() => setAll(!all)}>
                {all ? "Show the last 120 days" : "Show every event"}
              </button>
            </p>
            {(conflicts.length > 0 || disputed.length > 0) && (
              <ul class="conflicts">
                {conflicts.map((c) => (
                  <li key={c.subject}>
                    <strong>Conflicting dates</strong> for {c.subject}:{" "}
                    {c.sides.map((s) => `${s.value} (${(s.files ?? []).map(sourceNameOf).join("; ")})`).join(" vs ")}
                  </li>
                ))}
                {disputed.map((e) => (
                  <li key={`${e.when}:${eventSummary(e)}`}>
                    <strong>Conflicting dates</strong> for “{eventSummary(e)}”:{" "}
                    {[...new Set(e.versions.map((v) => v.when?.iso).filter(Boolean))].join(" vs ")}
                  </li>
                ))}
              </ul>
            )}
            <PlotFigure
              label="events by kind on a time axis"
              deps={[shown]}
              make={() =>
                Plot.plot({
                  width: Math.min(1100, document.querySelector("main")?.clientWidth ?? 900),
                  height: 60 + 34 * kinds.length,
                  marginLeft: 110,
                  // Days, not hours: an event is dated to the day at best.
                  x: { type: "utc", label: "date", grid: true, tickFormat: "%b %-d, %Y", ticks: 6 },
                  y: { domain: kinds, label: null },
                  marks: [
                    Plot.dot(shown, {
                      x: (e: Dated) => new Date(e.when.slice(0, 10)),
                      y: "kind",
                      r: (e: Dated) => 4 + 2 * Math.min(4, e.versions.length - 1),
                      fill: (e: Dated) => (e.disputed.length ? "#c0392b" : "#2c6fbb"),
                      fillOpacity: 0.7,
                      title: (e: Dated) => `${e.when} — ${eventSummary(e)} (${e.versions.length} telling(s))`,
                    }),
                  ],
                })
              }
            />
            <h2>By day</h2>
            <dl class="days">
              {[...byDay].map(([day, es]) => (
                <div key={day}>
                  <dt>{day}</dt>
                  {es.map((e) => (
                    <dd key={`${e.versions[0]!.file}:${e.versions[0]!.start}`}>
                      <strong>{eventSummary(e)}</strong>
                      {e.disputed.length > 0 && (
                        <span class="muted"> — sources differ on its {e.disputed.join(" and ")}</span>
                      )}
                      <ul>
                        {e.versions.map((v) => (
                          <li key={`${v.file}:${v.start}`}>
                            <a href={readHref(v.file, v.start, v.end)}>
                              “{v.text.length > 160 ? `${v.text.slice(0, 159)}…` : v.text}”
                            </a>{" "}
                            <span class="muted">
                              {sourceNameOf(v.file)}
                              {v.when ? ` · “${v.when.text}”${v.when.iso ? ` → ${v.when.iso}` : ""}` : ""}
                            </span>
                          </li>
                        ))}
                      </ul>
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
