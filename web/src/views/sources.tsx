import { useState } from "preact/hooks";
import { ApiProblem, api, type DocumentSummary } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { setSourceName } from "../source-names";
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
 * Each document with outlet, date (and how it was found), kind and reliability, and whether it is
 * quarantined (why, and what of the model cites it) — as the chosen
 * scenario rates its sources (its own word on a source's kind included), else as the workspace's
 * evidence does.
 */
export function Sources({ scenario }: { scenario: string }) {
  // Grows with each source the analyst renames: the list (and the reliability by outlet) is read again.
  const [edits, setEdits] = useState(0);
  const data = useData(
    () => Promise.all([api.documents(), api.evidence("?include=reliability"), api.analysis(scenario)]),
    [scenario, edits],
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
                    <a href={readHref(d.file)}>{d.name}</a>
                  </h2>
                  <p class="muted">
                    {d.outlet ?? "outlet unknown"}
                    {d.author ? ` · by ${d.author}` : ""} · {d.published ?? "date unknown"} (
                    {HOW[d.publishedSource] ?? d.publishedSource}) · {d.characters.toLocaleString("en-US")} characters
                  </p>
                  <NameSource doc={d} onSaved={() => setEdits((n) => n + 1)} />
                  {r?.quarantined && (
                    <p class="quarantined" role="note">
                      <strong>Quarantined</strong> — {r.quarantineReason}. What only it says is shown as unverified,
                      never as an option, red line or plan term.
                      {r.findings.length > 0 && (
                        <ul>
                          {r.findings.map((f) => (
                            <li key={f}>{f}</li>
                          ))}
                        </ul>
                      )}
                      {(() => {
                        const q = a.quarantine?.find((x) => x.file === d.file);
                        return q?.alongside.length ? <span>Cited by: {q.alongside.join("; ")}.</span> : null;
                      })()}
                    </p>
                  )}
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

/** The analyst's names for a source (title, outlet, author), saved to the workspace; "" clears one. */
function NameSource({ doc, onSaved }: { doc: DocumentSummary; onSaved: () => void }) {
  const [form, setForm] = useState({ title: doc.title ?? "", outlet: doc.outlet ?? "", author: doc.author ?? "" });
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: keyof typeof form, label: string) => (
    <label>
      {label}
      <input
        name={key}
        value={form[key]}
        maxLength={300}
        onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const saved = await api.nameSource(doc.id, form);
      setSourceName(saved.file, saved.name);
      onSaved();
    } catch (err) {
      setProblem(
        err instanceof ApiProblem && err.errors.length
          ? err.errors.map((x) => `${x.field ? `${x.field}: ` : ""}${x.message}`).join("; ")
          : String((err as Error).message),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <details class="name-source">
      <summary>Name this source</summary>
      <form onSubmit={save}>
        {field("title", "Title")}
        {field("outlet", "Outlet")}
        {field("author", "Author")}
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <span class="muted"> Used in every view and the briefing; the text is not changed. Empty clears a field.</span>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}
