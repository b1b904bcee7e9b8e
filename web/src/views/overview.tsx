import { concessionChanges } from "../../../src/report/concession-changes";
import { zoneSize } from "../../../src/report/zone-size";
import { type Analysis, api, type Spec } from "../api";
import { Cites } from "../components/cite";
import { Status } from "../components/status";
import { UtilitySpaceChart } from "../components/utility-space-chart";
import { csv, download } from "../download";
import { useData } from "../use-data";

const fixed = (x: number) => x.toFixed(2);

/** The answers first: is there a zone of agreement, what blocks it, the smallest concessions, how each plan fares; then who is at the table. */
export function Overview({ scenario }: { scenario: string }) {
  const data = useData(() => Promise.all([api.analysis(scenario), api.model(scenario)]), [scenario]);
  return <Status of={data}>{([a, spec]) => <OverviewOf scenario={scenario} a={a} spec={spec} />}</Status>;
}

/** The answer drawn: the first two parties' utility space, outcomes across a red line in grey, the plans numbered. */
function OverviewChart({ scenario, a }: { scenario: string; a: Analysis }) {
  const space = useData(() => api.space(scenario, 0, 1), [scenario]);
  return (
    <section aria-labelledby="space" class="overview-chart">
      <h2 id="space">
        The answer drawn: {a.parties[0]} and {a.parties[1]}
      </h2>
      <Status of={space}>
        {(s) => <UtilitySpaceChart space={s} analysis={a} pair={[0, 1]} file={`${scenario}-utility-space`} />}
      </Status>
    </section>
  );
}

function OverviewOf({ scenario, a, spec }: { scenario: string; a: Analysis; spec: Spec }) {
  // A followed case's briefing opens with what changed since the last one this browser saved.
  const briefingKey = `parley.briefing.last.${scenario}`;
  const last = localStorage.getItem(briefingKey);
  const sinceBriefing = last ? `&since=${encodeURIComponent(last)}` : "";
  const briefed = () => localStorage.setItem(briefingKey, new Date().toISOString());
  const cited = a.citations?.length ?? 0;
  const assumed = a.assumptions?.length ?? 0;
  // Every collision that blocks a deal; a single one is `collidingRedLines` alone.
  const collisions =
    a.explanation?.collisions ?? (a.explanation?.collidingRedLines ? [a.explanation.collidingRedLines] : []);
  return (
    <>
      <h1>{a.scenario}</h1>
      <section class="answer" aria-labelledby="zone">
        <h2 id="zone">Is there a zone of agreement?</h2>
        <p class={`verdict ${a.zopa.exists ? "yes" : "no"}`}>{a.zopa.exists ? "Yes." : "No."}</p>
        <p>
          {a.explanation?.summary ??
            (a.zopa.exists
              ? `A zone of agreement exists: ${zoneSize(a) ?? "its size unknown"}.`
              : "No outcome is acceptable to every party.")}
        </p>
        {collisions.length > 0 && (
          <>
            <h3>What blocks it: red lines that exclude each other</h3>
            <ul>
              {collisions.map((c, i) => (
                <li key={i}>
                  {c.map((l, j) => (
                    <span key={j}>
                      {j > 0 && <span class="versus"> ✕ </span>}
                      <strong>{l.party}</strong>: “{l.label}”{" "}
                      <Cites all={a.citations} field={redLineField(spec, l.party, l.label)} />
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {a.parties.length >= 2 && <OverviewChart scenario={scenario} a={a} />}
      {a.concessions.length > 0 && (
        <section aria-labelledby="concessions">
          <h2 id="concessions">The smallest concessions that would open a deal</h2>
          <ol class="concessions">
            {a.concessions.slice(0, 4).map((c, i) => (
              <li key={i}>
                {concessionChanges(c).map((x, j) => (
                  <div key={j}>
                    <strong>{x.party}</strong> {x.change}
                    {x.redLine ? <span class="muted"> — relaxing “{x.redLine}”</span> : null}
                  </div>
                ))}
                <div class="muted">size {fixed(c.size)} (share of each issue's range given up, summed)</div>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="plans">
        <h2 id="plans">How each plan version fares</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">plan</th>
                <th scope="col">by</th>
                {a.parties.map((p) => (
                  <th scope="col" key={p} class="num">
                    {p}
                  </th>
                ))}
                <th scope="col">red lines crossed</th>
              </tr>
            </thead>
            <tbody>
              {a.proposals.map((p) => {
                const definite = p.redLinesCrossed.filter((x) => x.status !== "open");
                const open = p.redLinesCrossed.length - definite.length;
                return (
                  <tr key={p.name}>
                    <th scope="row">{p.name}</th>
                    <td>{p.by ?? ""}</td>
                    {p.stated === 0 ? (
                      <td colSpan={p.utilities.length} class="muted">
                        no source states its terms
                      </td>
                    ) : (
                      p.utilities.map((u, i) => (
                        <td key={i} class="num">
                          {p.utilityRanges
                            ? `${fixed(p.utilityRanges[i]![0])}–${fixed(p.utilityRanges[i]![1])}`
                            : fixed(u)}
                        </td>
                      ))
                    )}
                    <td>
                      {p.stated === 0 ? (
                        <span class="muted">nothing to read</span>
                      ) : (
                        <>
                          {definite.map((x) => `${x.party}: ${x.label}`).join("; ") || "none"}
                          {open > 0 && <span class="muted"> (+{open} depending on terms left open)</span>}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p class="muted">
          Utilities run from 0 (the party's worst outcome) to 1 (its best); reservations:{" "}
          {a.parties.map((p, i) => `${p} ${fixed(a.reservations[i] ?? 0)}`).join(", ")}.
        </p>
        <p class="exports">
          Save:{" "}
          <button type="button" onClick={() => download(`${scenario}-plans.csv`, plansCsv(a), "text/csv")}>
            the plans table (CSV)
          </button>{" "}
          <a
            href={`/api/scenarios/${encodeURIComponent(scenario)}/report?format=html${sinceBriefing}`}
            onClick={briefed}
            download={`${scenario}-briefing.html`}
          >
            the briefing (HTML)
          </a>{" "}
          <a
            href={`/api/scenarios/${encodeURIComponent(scenario)}/report?format=pdf${sinceBriefing}`}
            onClick={briefed}
            download={`${scenario}-briefing.pdf`}
          >
            the briefing (PDF)
          </a>{" "}
          <a
            href={`/api/scenarios/${encodeURIComponent(scenario)}/report?format=md${sinceBriefing}`}
            onClick={briefed}
            download={`${scenario}-briefing.md`}
          >
            the briefing (Markdown)
          </a>
        </p>
      </section>
      <section aria-labelledby="parties">
        <h2 id="parties">Who is at the table</h2>
        <ul class="parties">
          {spec.parties.map((p, i) => (
            <li key={p.name}>
              <strong>{p.name}</strong>
              {p.role ? <span class="muted"> ({p.role})</span> : null}: {p.description ?? ""}{" "}
              <Cites all={a.citations} field={`parties[${i}]`} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="numbers">
        <h2 id="numbers">How much rests on the sources</h2>
        <p>
          {cited} citation(s) tie the model to the texts; <strong>{assumed}</strong> number(s) or term(s) are
          assumptions no citation supports (weights and values mostly).
          {(a.weakFields?.length ?? 0) > 0 && (
            <> {a.weakFields!.length} field(s) rest only on a weak or a single source.</>
          )}
        </p>
      </section>
    </>
  );
}

/** The scenario field of a party's red line, by its label (for its citations). */
export function redLineField(spec: Spec, party: string, label: string): string {
  const p = spec.parties.findIndex((x) => x.name === party);
  const l = spec.parties[p]?.redLines?.findIndex((r) => r.label === label) ?? -1;
  return `parties[${p}].redLines[${l}]`;
}

/** The plans table as CSV: each plan, who put it forward, each party's utility (low and high), the red lines it crosses. */
function plansCsv(a: Analysis): string {
  return csv([
    ["plan", "by", ...a.parties.flatMap((p) => [`${p} low`, `${p} high`]), "red lines crossed"],
    ...a.proposals.map((p) => [
      p.name,
      p.by ?? "",
      ...a.parties.flatMap((_, i) =>
        p.stated === 0
          ? ["", ""]
          : (p.utilityRanges?.[i] ?? [p.utilities[i]!, p.utilities[i]!]).map((u) => u.toFixed(3)),
      ),
      p.stated === 0
        ? "no terms stated"
        : p.redLinesCrossed
            .map((l) => `${l.party}: ${l.label}${l.status === "open" ? " (if completed so)" : ""}`)
            .join("; "),
    ]),
  ]);
}
