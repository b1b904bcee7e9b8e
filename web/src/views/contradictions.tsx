import { contestedSides } from "../../../src/report/contested-sides";
import { api } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { sourceNameOf } from "../source-names";
import { useData } from "../use-data";

const show = (v: string | number) => (typeof v === "number" ? v.toLocaleString("en-US") : v);

/** Where the sources disagree: every side's exact words side by side, the model fields resting on the fact, and whether any answer changes. */
export function Contradictions({ scenario }: { scenario: string }) {
  const data = useData(
    () =>
      Promise.all([api.analysis(scenario), api.model(scenario), api.evidence("?include=contradictions,reliability")]),
    [scenario],
  );
  return (
    <Status of={data}>
      {([a, spec, ev]) => {
        const facts = a.contestedFacts ?? [];
        // The scenario's rating of a source (its own word on kinds included), else the workspace's.
        const score = (file: string) =>
          a.reliability?.find((r) => r.file === file) ?? ev.reliability?.find((r) => r.file === file);
        return (
          <>
            <h1>Contradictions</h1>
            <p class="muted">
              {facts.length} fact(s) the sources disagree on. No side is picked silently: each is shown in its own
              words.
            </p>
            {facts.map((f) => (
              <section class="fact" key={f.subject + f.attribute}>
                <h2>
                  {f.subject}
                  {f.attribute !== "disputed" ? <span class="muted"> — {f.attribute}</span> : null}
                </h2>
                {/* A disagreement Parley found in the texts, not one the analyst listed: unverified until checked. */}
                {f.attribute !== "disputed" && (
                  <p class="muted found">Found in the texts by Parley, not listed by the analyst: unverified.</p>
                )}
                <div class="sides">
                  {contestedSides(f, spec.disputes ?? [], a.citations ?? [], ev.contradictions ?? []).map((s) => (
                    <div class="side" key={String(s.value)}>
                      <p class="value">{show(s.value)}</p>
                      {s.words.length === 0 && <p class="muted">no exact words found</p>}
                      {s.words.map((w) => {
                        const r = score(w.file);
                        return (
                          <blockquote key={`${w.file}:${w.start}`}>
                            <a href={readHref(w.file, w.start, w.end)}>“{w.text}”</a>
                            <footer>
                              {sourceNameOf(w.file)}
                              {r ? ` · ${r.kind}, reliability ${r.score.toFixed(2)}` : ""}
                            </footer>
                          </blockquote>
                        );
                      })}
                    </div>
                  ))}
                </div>
                <p>
                  {f.fields.length ? (
                    <>
                      Model fields resting on it: <span class="fields">{f.fields.join("; ")}</span>.{" "}
                    </>
                  ) : (
                    <>No model field rests on it. </>
                  )}
                  <strong class={f.changesAnswers ? "changes" : "holds"}>
                    {f.changesAnswers ? "It changes the answers." : "It changes no answer"}
                  </strong>
                  {!f.changesAnswers && f.why ? `: ${f.why}.` : f.changesAnswers ? "" : "."}
                </p>
              </section>
            ))}
          </>
        );
      }}
    </Status>
  );
}
