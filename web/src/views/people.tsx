import { whoSaidWhat } from "../../../src/report/who-said-what";
import { api, type Quote } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { sourceNameOf } from "../source-names";
import { useData } from "../use-data";

const KIND: Record<Quote["kind"], string> = {
  direct: "quoted",
  partial: "partly quoted",
  reported: "reported",
  paraphrase: "the author's paraphrase",
};

/**
 * Who said what: the scenario's principals' people first, each with their words — quoted,
 * partly quoted or reported. Words the model is not confident of are listed under the likeliest
 * speaker, marked unconfirmed; a paraphrase (the author's account) is not a person's words.
 */
export function People({ scenario }: { scenario: string }) {
  const data = useData(
    () => Promise.all([api.evidence("?include=quotes,actors"), api.model(scenario).catch(() => null)]),
    [scenario],
  );
  return (
    <Status of={data}>
      {([ev, spec]) => {
        const quotes = ev.quotes ?? [];
        const speakers = whoSaidWhat({ quotes, actors: ev.actors ?? [] }, spec ?? undefined);
        const heard = speakers.filter((s) => s.confirmed.length > 0 || s.unconfirmed.length >= 2 || s.party);
        const rest = speakers.filter((s) => !heard.includes(s));
        const paraphrases = quotes.filter((q) => q.kind === "paraphrase").length;
        const quoteList = (qs: readonly Quote[], sure: boolean) =>
          qs.map((q) => (
            <li key={`${q.file}:${q.start}`} class={sure ? "" : "unsure"}>
              {q.kind === "reported" ? (
                <a href={readHref(q.file, q.start, q.end)}>{q.text}</a>
              ) : (
                <a href={readHref(q.file, q.start, q.end)}>“{q.text}”</a>
              )}{" "}
              <span class="muted">
                {KIND[q.kind]}
                {q.relayedBy ? `, relayed by ${q.relayedBy}` : ""} · {sourceNameOf(q.file)} · confidence{" "}
                {q.confidence.toFixed(2)}
                {sure ? "" : " · unconfirmed"}
                {q.confirmedBy ? ` · confirmed by the same words in ${sourceNameOf(q.confirmedBy)}` : ""}
                {q.cappedFrom
                  ? ` · cut: the quotation ran on for ${q.cappedFrom.toLocaleString("en-US")} characters`
                  : ""}
              </span>
            </li>
          ));
        const person = (s: (typeof speakers)[number], Heading: "h2" | "h3") => (
          <section class="person" key={s.who}>
            <Heading>
              {s.who}
              {s.party && s.party !== s.who ? <span class="muted"> · {s.party}</span> : null}{" "}
              <span class="muted">
                ({s.confirmed.length} confirmed{s.unconfirmed.length ? `, ${s.unconfirmed.length} unconfirmed` : ""})
              </span>
            </Heading>
            <ul>
              {quoteList(s.confirmed, true)}
              {quoteList(s.unconfirmed, false)}
            </ul>
          </section>
        );
        return (
          <>
            <h1>Who said what</h1>
            <p class="muted">
              {quotes.filter((q) => q.speaker).length} of {quotes.length} quotes have a speaker the attribution model is
              confident of. The others are listed under their likeliest speaker, marked unconfirmed with the model's
              confidence. {paraphrases} paraphrase(s) — the author's words for what someone said — are not listed as
              anyone's words.
            </p>
            {heard.map((s) => person(s, "h2"))}
            {rest.length > 0 && (
              <details class="person">
                <summary>
                  {rest.reduce((n, s) => n + s.unconfirmed.length, 0)} more quote(s) under {rest.length} likely
                  speaker(s), each heard once and never confirmed
                </summary>
                {rest.map((s) => person(s, "h3"))}
              </details>
            )}
          </>
        );
      }}
    </Status>
  );
}
