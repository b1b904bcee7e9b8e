import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Words } from "../../../src/contract/case-changes.js";
import { type Accepted, ApiProblem, api, type CaseChanges } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { useData } from "../use-data";

type Report = CaseChanges["changes"];

/** Where the analyst's last visit to this view is kept, per case: "since my last visit" reads it. */
const visitKey = (id: string) => `parley.changes.lastVisit.${id}`;

/** Words with a link to their source. */
function Said({ words }: { words: Words | null }) {
  if (!words) return null;
  return (
    <>
      {" "}
      — <q>{words.text}</q>{" "}
      <a class="muted" href={readHref(words.file)}>
        ({words.source})
      </a>
    </>
  );
}

function Section({ title, children, count }: { title: string; count: number; children: ComponentChildren }) {
  if (!count) return null;
  return (
    <section class="change" aria-label={title}>
      <h2>
        {title} <span class="muted">({count})</span>
      </h2>
      <ul>{children}</ul>
    </section>
  );
}

/** A change report, a section per kind of change, each item with its words and source. */
function ChangeList({ r }: { r: Report }) {
  const total =
    r.events.length +
    r.stances.length +
    r.redLines.length +
    r.plans.length +
    r.statements.length +
    r.contradictions.length +
    r.quarantined.length;
  if (!total && !r.documents.length) return <p class="muted">Nothing changed.</p>;
  return (
    <>
      <Section title="Stances that moved" count={r.stances.length}>
        {r.stances.map((s) => (
          <li key={`${s.party}:${s.issue}`}>
            <strong>{s.party}</strong> on <strong>{s.issue}</strong>: <span class={`move ${s.move}`}>{s.move}</span>
            {s.from && s.to ? ` (${s.from} → ${s.to})` : s.to ? ` (${s.to})` : ` (was ${s.from})`}
            <Said words={s.words} />
          </li>
        ))}
      </Section>
      <Section title="Red lines" count={r.redLines.length}>
        {r.redLines.map((l) => (
          <li key={`${l.party}:${l.label}`}>
            <strong>{l.party}</strong>: {l.label} — <span class={`move ${l.change}`}>{l.change}</span>
            <Said words={l.words} />
          </li>
        ))}
      </Section>
      <Section title="New plan versions" count={r.plans.length}>
        {r.plans.map((p) => (
          <li key={p.name}>
            <strong>{p.name}</strong>
            {p.by ? ` (${p.by})` : ""}
            {p.against ? `, revising ${p.against}` : ""}:{" "}
            {p.terms.length
              ? p.terms.map((t) => `${t.issue}: ${t.from ?? "—"} → ${t.to ?? "—"}`).join("; ")
              : "its terms are not stated"}
            <Said words={p.words[0] ?? null} />
          </li>
        ))}
      </Section>
      <Section title="New events" count={r.events.length}>
        {r.events.map((e) => (
          <li key={e.key}>
            {e.planned ? <span class="muted">planned: </span> : null}
            {[e.who, e.kind, e.whom].filter(Boolean).join(" ")}
            {e.where ? ` in ${e.where}` : ""}
            {e.when ? <span class="muted"> ({e.when})</span> : null}
            <Said words={e.words} />
          </li>
        ))}
      </Section>
      <Section title="New statements" count={r.statements.length}>
        {r.statements.map((s) => (
          <li key={`${s.speaker}:${s.words.text}`}>
            <strong>{s.speaker}</strong>
            {s.party && s.party !== s.speaker ? <span class="muted"> · {s.party}</span> : null}
            <Said words={s.words} />
          </li>
        ))}
      </Section>
      <Section title="New contradictions" count={r.contradictions.length}>
        {r.contradictions.map((c) => (
          <li key={c.key}>
            {c.subject} · {c.attribute}: {c.sides.map((s) => s.value).join(" vs ")}
          </li>
        ))}
      </Section>
      <Section title="Sources newly quarantined" count={r.quarantined.length}>
        {r.quarantined.map((q) => (
          <li key={q.file}>
            {q.source}: {q.reason}
          </li>
        ))}
      </Section>
      <Section title="Documents added" count={r.documents.length}>
        {r.documents.map((d) => (
          <li key={d.id}>
            <a href={readHref(d.file)}>{d.name}</a>
          </li>
        ))}
      </Section>
    </>
  );
}

/** The edit the changes propose to the scenario: each item accepted or not by the analyst, none applied until then. */
function Proposed({ caseId, c }: { caseId: string; c: CaseChanges }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<Accepted | null>(null);
  // What was applied is held by the scenario now: no longer proposed.
  const items = (c.proposed ?? []).filter((i) => !result?.applied.some((a) => a.id === i.id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!items.length && !result) return null;
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.accept(caseId, { from: c.from?.version ?? 0, to: c.to.version, accept: [...chosen] });
      setResult(r);
      setChosen(new Set());
    } catch (e) {
      setError(e instanceof ApiProblem ? [e.title, ...e.errors.map((x) => x.message)].join(": ") : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="change proposed" aria-label="Proposed edit">
      <h2>Proposed edit to the scenario</h2>
      {items.length > 0 && (
        <>
          <p class="muted">Nothing here is applied until you accept it; what you leave unticked is rejected.</p>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(i.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if ((e.target as HTMLInputElement).checked) next.add(i.id);
                      else next.delete(i.id);
                      setChosen(next);
                    }}
                  />{" "}
                  {i.summary}
                </label>
                <Said words={i.words} />
              </li>
            ))}
          </ul>
          <button type="button" disabled={busy || !chosen.size} onClick={apply}>
            {busy ? "Applying and analysing…" : `Apply the ${chosen.size || ""} selected and rerun the analysis`}
          </button>
        </>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div class="answer" role="status">
          <p>
            Scenario version {result.version}: {result.applied.length} change(s) applied, {result.rejected.length}{" "}
            rejected. <strong>{result.answer.moved ? "The answer moved:" : "The answer did not move."}</strong>
          </p>
          {result.answer.moved && (
            <ul>
              {result.answer.said.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * What changed in the followed case: since the analyst's last visit (or a date they pick), each
 * change with its words and source; new versions arrive over Server-Sent Events as the coverage
 * does, and are shown at once.
 */
export function Changes({ caseId }: { caseId: string | null }) {
  // The last visit before this one: read once, then this visit is kept for the next.
  const [lastVisit] = useState(() => (caseId ? localStorage.getItem(visitKey(caseId)) : null));
  const [since, setSince] = useState<string | null>(lastVisit);
  const [arrived, setArrived] = useState(0);
  useEffect(() => {
    if (caseId) localStorage.setItem(visitKey(caseId), new Date().toISOString());
  }, [caseId]);
  useEffect(() => {
    if (!caseId) return;
    const source = api.changeEvents(caseId);
    source.addEventListener("version", () => setArrived((n) => n + 1));
    return () => source.close();
  }, [caseId]);
  // By default the last batch's changes: the latest version against the one before.
  const data = useData(
    () => (caseId ? api.changes(caseId, since ? `since=${encodeURIComponent(since)}` : "") : Promise.resolve(null)),
    [caseId, since, arrived],
  );
  if (!caseId) return <p class="muted">This server follows no case: start it with parley serve --case DIR.</p>;
  return (
    <>
      <h1>What changed</h1>
      <form class="since" onSubmit={(e) => e.preventDefault()}>
        <label>
          Since{" "}
          <input
            type="date"
            value={since ? since.slice(0, 10) : ""}
            onChange={(e) => setSince((e.target as HTMLInputElement).value || null)}
          />
        </label>{" "}
        {lastVisit && (
          <button type="button" onClick={() => setSince(lastVisit)}>
            Since my last visit ({new Date(lastVisit).toLocaleString()})
          </button>
        )}{" "}
        <button type="button" onClick={() => setSince(null)}>
          The last batch
        </button>
      </form>
      <Status of={data}>
        {(c) =>
          c ? (
            <>
              <p class="muted" aria-live="polite">
                Version {c.from?.version ?? 0}
                {c.from ? ` (${new Date(c.from.created).toLocaleString()})` : " (the empty case)"} → version{" "}
                {c.to.version} ({new Date(c.to.created).toLocaleString()}, {c.to.documents} documents)
                {arrived ? ` · ${arrived} new version(s) arrived while you were here` : ""}
              </p>
              <Proposed caseId={caseId} c={c} />
              <ChangeList r={c.changes} />
            </>
          ) : null
        }
      </Status>
    </>
  );
}
