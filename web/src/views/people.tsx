import { api, type Quote } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { sourceNameOf } from "../source-names";
import { useData } from "../use-data";

/** Per person, their quotes across sources; attributions below the confidence threshold are listed apart, as unsure. */
export function People() {
  const data = useData(() => api.evidence("?include=quotes"), []);
  return (
    <Status of={data}>
      {(ev) => {
        const quotes = (ev.quotes ?? []).filter((q) => q.kind !== "reported" || q.speaker);
        const people = new Map<string, { sure: Quote[]; unsure: Quote[] }>();
        for (const q of quotes) {
          const who = q.speaker ?? q.speakerCandidate;
          if (!who) continue;
          const p = people.get(who) ?? people.set(who, { sure: [], unsure: [] }).get(who)!;
          (q.speaker ? p.sure : p.unsure).push(q);
        }
        const ordered = [...people].sort(
          (a, b) =>
            b[1].sure.length - a[1].sure.length || b[1].unsure.length - a[1].unsure.length || a[0].localeCompare(b[0]),
        );
        // People the model is confident of at least once; candidates it never is sure of are listed apart.
        const sure = ordered.filter(([, p]) => p.sure.length > 0);
        const unsure = ordered.filter(([, p]) => p.sure.length === 0);
        const nobody = quotes.filter((q) => !q.speaker && !q.speakerCandidate).length;
        const quoteList = (qs: Quote[]) => (
          <ul>
            {qs.map((q) => (
              <li key={`${q.file}:${q.start}`} class={q.speaker ? "" : "unsure"}>
                <a href={readHref(q.file, q.start, q.end)}>“{q.text}”</a>{" "}
                <span class="muted">
                  {q.relayedBy ? `relayed by ${q.relayedBy}, in ` : ""}
                  {sourceNameOf(q.file)} · confidence {q.confidence.toFixed(2)}
                  {q.speaker ? "" : " · unsure"}
                </span>
              </li>
            ))}
          </ul>
        );
        return (
          <>
            <h1>Who said what</h1>
            <p class="muted">
              {sure.length} speaker(s) with at least one confident attribution. A quote keeps its speaker only when the
              attribution is confident; below that, the likeliest speaker is shown as unsure. {nobody} quote(s) have no
              speaker at all.
            </p>
            {sure.map(([who, p]) => (
              <section class="person" key={who}>
                <h2>
                  {who}{" "}
                  <span class="muted">
                    ({p.sure.length} quote(s){p.unsure.length ? `, ${p.unsure.length} unsure` : ""})
                  </span>
                </h2>
                {quoteList([...p.sure, ...p.unsure])}
              </section>
            ))}
            {unsure.length > 0 && (
              <details class="person">
                <summary>
                  {unsure.reduce((n, [, p]) => n + p.unsure.length, 0)} quote(s) whose likeliest speaker is never
                  attributed with confidence ({unsure.length} candidate name(s))
                </summary>
                {unsure.map(([who, p]) => (
                  <div key={who}>
                    <h3>{who}</h3>
                    {quoteList(p.unsure)}
                  </div>
                ))}
              </details>
            )}
          </>
        );
      }}
    </Status>
  );
}
