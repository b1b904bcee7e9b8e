import { api } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { useData } from "../use-data";

const HOW: Record<string, string> = {
  given: "given",
  manifest: "from the manifest",
  stated: "stated by the page",
  "file name": "from the file's name",
  inferred: "inferred from the text",
  batch: "from the batch",
  unknown: "unknown",
};

/**
 * Each document with outlet, date (and how it was found), kind and reliability — as the chosen
 * scenario rates its sources (its own word on a source's kind included), else as the workspace's
 * evidence does.
 */
export function Sources({ scenario }: { scenario: string }) {
  const data = useData(
    () => Promise.all([api.documents(), api.evidence("?include=reliability"), api.analysis(scenario)]),
    [scenario],
  );
  return (
    <Status of={data}>
      {([docs, ev, a]) => (
        <>
          <h1>Sources</h1>
          <p class="muted">
            {docs.total} document(s) in the workspace. Open one to read it with its evidence highlighted.
          </p>
          <ul class="cards">
            {docs.items.map((d) => {
              const r = a.reliability?.find((x) => x.file === d.file) ?? ev.reliability?.find((x) => x.file === d.file);
              return (
                <li key={d.id} class="card">
                  <h2>
                    <a href={readHref(d.file)}>{d.title ?? d.file}</a>
                  </h2>
                  <p class="muted">
                    {d.file} · {d.outlet ?? "outlet unknown"} · {d.published ?? "date unknown"} (
                    {HOW[d.publishedSource] ?? d.publishedSource}) · {d.characters.toLocaleString("en-US")} characters
                  </p>
                  {r && (
                    <p>
                      <span class={`kind ${r.kind.replace(/\s/g, "-")}`}>{r.kind}</span> reliability{" "}
                      <strong>{r.score.toFixed(2)}</strong>
                      <details>
                        <summary>why</summary>
                        <ul>
                          {r.reasons.map((x) => (
                            <li key={x}>{x}</li>
                          ))}
                        </ul>
                      </details>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Status>
  );
}
