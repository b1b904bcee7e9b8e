import { api, type Analysis, type Cited, type Contradiction, type Spec } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { useData } from "../use-data";

interface Side {
  value: string | number;
  words: { file: string; start: number; end: number; text: string }[];
}

const same = (a: string | number, b: string | number) => String(a).replace(/[\s,]/g, "").toLowerCase() === String(b).replace(/[\s,]/g, "").toLowerCase();

/** Each side of a contested fact with its exact words: the scenario's own dispute citations, else what the evidence found. */
function sidesOf(fact: NonNullable<Analysis["contestedFacts"]>[number], spec: Spec, cites: readonly Cited[], found: readonly Contradiction[]): Side[] {
  const d = (spec.disputes ?? []).findIndex((x) => x.subject === fact.subject);
  const evidence = found.find((c) => c.subject === fact.subject && c.attribute === fact.attribute) ?? found.find((c) => fact.values.every((v) => c.sides.some((s) => same(s.value, v))));
  return fact.values.map((value, j) => {
    const authored = d >= 0 ? cites.filter((c) => c.field.startsWith(`disputes[${d}].sides[${j}].`)) : [];
    const side = evidence?.sides.find((s) => same(s.value, value));
    const words = authored.length ? authored.map((c) => ({ file: c.file, start: c.start, end: c.end, text: c.text })) : (side?.spans ?? []).map((s) => ({ file: s.file, start: s.start, end: s.end, text: s.text ?? "" }));
    return { value, words };
  });
}

const show = (v: string | number) => (typeof v === "number" ? v.toLocaleString("en-US") : v);

/** Where the sources disagree: every side's exact words side by side, the model fields resting on the fact, and whether any answer changes. */
export function Contradictions({ scenario }: { scenario: string }) {
  const data = useData(() => Promise.all([api.analysis(scenario), api.model(scenario), api.evidence("?include=contradictions,reliability")]), [scenario]);
  return (
    <Status of={data}>
      {([a, spec, ev]) => {
        const facts = a.contestedFacts ?? [];
        const score = (file: string) => ev.reliability?.find((r) => r.file === file);
        return (
          <>
            <h1>Contradictions</h1>
            <p class="muted">{facts.length} fact(s) the sources disagree on. No side is picked silently: each is shown in its own words.</p>
            {facts.map((f) => (
              <section class="fact" key={f.subject + f.attribute}>
                <h2>
                  {f.subject}
                  {f.attribute !== "disputed" ? <span class="muted"> — {f.attribute}</span> : null}
                </h2>
                <div class="sides">
                  {sidesOf(f, spec, a.citations ?? [], ev.contradictions ?? []).map((s) => (
                    <div class="side" key={String(s.value)}>
                      <p class="value">{show(s.value)}</p>
                      {s.words.length === 0 && <p class="muted">no exact words found</p>}
                      {s.words.map((w) => {
                        const r = score(w.file);
                        return (
                          <blockquote key={`${w.file}:${w.start}`}>
                            <a href={readHref(w.file, w.start, w.end)}>“{w.text}”</a>
                            <footer>
                              {w.file}
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
                  <strong class={f.changesAnswers ? "changes" : "holds"}>{f.changesAnswers ? "It changes the answers." : "It changes no answer"}</strong>
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
