import { formatPath } from "../../../src/errors";
import { type Analysis, api, type Spec } from "../api";
import { Cites } from "../components/cite";
import { Status } from "../components/status";
import { useData } from "../use-data";

const STRENGTH = ["red line", "demand", "preference", "open", "concession"];

/** The negotiation as modelled: the stance matrix, the plan versions term by term with what changed and the red lines each crosses. */
export function ModelView({ scenario }: { scenario: string }) {
  const data = useData(() => Promise.all([api.analysis(scenario), api.model(scenario)]), [scenario]);
  return <Status of={data}>{([a, spec]) => <ModelOf a={a} spec={spec} />}</Status>;
}

function ModelOf({ a, spec }: { a: Analysis; spec: Spec }) {
  const st = a.stances;
  return (
    <>
      <h1>Model</h1>
      <p class="muted">
        Every cited field links to its source's exact words; <span class="assumption">assumed</span> marks what no
        citation supports.
      </p>
      {st && (
        <section aria-labelledby="stances">
          <h2 id="stances">Stances: parties × issues</h2>
          <div class="scroll">
            <table class="stances">
              <thead>
                <tr>
                  <th scope="col">issue</th>
                  {st.parties.map((p) => (
                    <th scope="col" key={p}>
                      {p}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {st.issues.map((issue, i) => (
                  <tr key={issue}>
                    <th scope="row">{issue}</th>
                    {st.parties.map((p, j) => {
                      const c = st.cells[j]?.[i];
                      const party = spec.parties.findIndex((x) => x.name === p);
                      return (
                        <td
                          key={p}
                          class={`stance s${STRENGTH.indexOf(c?.strength ?? "") + 1}${c?.implied ? " implied" : ""}`}
                          title={c?.note ?? ""}
                        >
                          {c ? (
                            <>
                              <strong>{c.strength}</strong>
                              {c.toward?.length ? <div>{c.toward.join(", ")}</div> : null}
                              {c.cited ? (
                                <Cites all={a.citations} field={formatPath(["parties", party, "stances", issue])} />
                              ) : (
                                <span class="assumption">{c.implied ? "implied by its values" : "assumed"}</span>
                              )}
                            </>
                          ) : (
                            <span class="muted">—</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="versions">
        <h2 id="versions">Plan versions, term by term</h2>
        <div class="scroll">
          <table class="versions">
            <thead>
              <tr>
                <th scope="col">issue</th>
                {spec.proposals.map((p) => (
                  <th scope="col" key={p.name}>
                    {p.name}
                    {p.by ? <div class="muted">{p.by}</div> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.issues.map((issue) => (
                <tr key={issue.name}>
                  <th scope="row">{issue.name}</th>
                  {spec.proposals.map((p, k) => {
                    const v = p.outcome[issue.name];
                    const text =
                      v === undefined
                        ? null
                        : typeof v === "object" && v && "oneOf" in v
                          ? (v as { oneOf: unknown[] }).oneOf.join(" or ")
                          : String(v);
                    return (
                      <td key={p.name} class={text === null ? "open" : ""}>
                        {text === null ? (
                          <span class="muted">not stated</span>
                        ) : (
                          <>
                            {text}{" "}
                            <Cites
                              all={a.citations}
                              field={formatPath(["proposals", k, "citeTerms", issue.name])}
                              list
                            />
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">red lines crossed</th>
                {a.proposals.map((p) => (
                  <td key={p.name}>
                    {p.redLinesCrossed.length === 0 ? (
                      "none"
                    ) : (
                      <ul class="tight">
                        {p.redLinesCrossed.map((x) => (
                          <li key={x.party + x.label} class={x.status === "open" ? "muted" : "crossed"}>
                            {x.party}: {x.label}
                            {x.status === "open" ? " (if its open terms go that way)" : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      {(a.lineage?.length ?? 0) > 0 && (
        <section aria-labelledby="lineage">
          <h2 id="lineage">What changed between versions</h2>
          <ul class="lineage">
            {a.lineage!.map((l) => (
              <li key={l.proposal}>
                <strong>{l.proposal}</strong> <span class="muted">from {l.from}</span>
                <ul class="tight">
                  {l.changed.map((c) => (
                    <li key={c.issue}>
                      {c.issue}: {c.from} → {c.to}
                    </li>
                  ))}
                  {l.added.map((c) => (
                    <li key={c.issue}>
                      added {c.issue}: {c.value}
                    </li>
                  ))}
                  {l.dropped.map((c) => (
                    <li key={c.issue}>
                      dropped {c.issue} ({c.value})
                    </li>
                  ))}
                  {l.notStated.map((c) => (
                    <li key={c.issue} class="muted">
                      not stated: {c.issue} (was {c.value})
                    </li>
                  ))}
                  {(l.objections ?? []).map((o) => (
                    <li key={o.party}>
                      {o.party} objects to {o.terms.join(", ")}
                      {o.note ? ` — ${o.note}` : ""}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="assumptions">
        <h2 id="assumptions">Assumptions</h2>
        <details>
          <summary>{a.assumptions?.length ?? 0} number(s) and term(s) no citation supports</summary>
          <ul class="columns">
            {(a.assumptions ?? []).map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}
