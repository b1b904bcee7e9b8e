import { useEffect, useRef, useState } from "preact/hooks";
import { ApiProblem, api, type ProblemDetail, upload } from "../api";
import { Status } from "../components/status";
import { readHref } from "../route";
import { useData } from "../use-data";

interface Stored {
  file: string;
  status: string;
  counts: { quotes: number; dates: number; quantities: number; claims: number } | null;
}

/** Articles in: upload files or paste a text; progress while they are read and stored, then each one listed with its evidence. */
function Articles() {
  const [phase, setPhase] = useState<string | null>(null);
  const [fraction, setFraction] = useState(0);
  const [stored, setStored] = useState<Stored[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [name, setName] = useState("");
  const files = useRef<HTMLInputElement>(null);
  const send = async (items: File[] | { name: string; text: string }[]) => {
    setProblem(null);
    setPhase("uploading");
    try {
      const r = await upload(items, (f) => setFraction(f));
      let result = r.body as { documents?: Stored[]; id?: string };
      if (r.status === 202 && result.id) {
        // Past the request's budget the ingest goes on as a job: follow it.
        setPhase("analysing and storing");
        for (;;) {
          const job = await api.job(result.id);
          setFraction(job.total ? job.done / job.total : 0);
          if (job.status === "done") {
            result = job.result as { documents: Stored[] };
            break;
          }
          if (job.status === "failed") throw new Error(job.error?.title ?? "the ingest failed");
          await new Promise((w) => setTimeout(w, 700));
        }
      }
      setStored(result.documents ?? []);
    } catch (e) {
      setProblem(
        e instanceof ApiProblem
          ? `${e.title}${e.errors[0]?.hint ? ` — ${e.errors[0].hint}` : ""}`
          : (e as Error).message,
      );
    } finally {
      setPhase(null);
    }
  };
  return (
    <section aria-labelledby="articles">
      <h2 id="articles">Add articles</h2>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = [...(files.current?.files ?? [])];
          if (chosen.length) void send(chosen);
        }}
      >
        <label>
          files (.txt, .md, .html){" "}
          <input ref={files} type="file" name="file" multiple accept=".txt,.md,.markdown,.html,.htm" />
        </label>
        <button type="submit" disabled={phase !== null}>
          Upload
        </button>
      </form>
      <form
        class="form stacked"
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) void send([{ name: name.trim() || "pasted.txt", text: pasted }]);
        }}
      >
        <label>
          name{" "}
          <input value={name} placeholder="pasted.txt" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          or paste an article
          <textarea rows={5} value={pasted} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" disabled={phase !== null}>
          Store the text
        </button>
      </form>
      {phase && (
        <p role="status">
          <progress max={1} value={fraction} /> {phase}…
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {stored.length > 0 && (
        <ul class="stored">
          {stored.map((d) => (
            <li key={d.file}>
              <a href={readHref(d.file)}>{d.file}</a> — {d.status}
              {d.counts
                ? `: ${d.counts.quotes} quotes, ${d.counts.dates} dates, ${d.counts.quantities} quantities, ${d.counts.claims} claims`
                : " (this text is stored already)"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The scenario's YAML in the browser: problems shown at their line and field; saved, it is analysed again. */
function ScenarioEditor({ scenario }: { scenario: string }) {
  const loaded = useData(() => api.scenarioText(scenario), [scenario]);
  const [text, setText] = useState<string | null>(null);
  const [problems, setProblems] = useState<ProblemDetail[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The stored version this text was read from or last saved as. */
  const [base, setBase] = useState(0);
  /** The text as stored: edits beyond it are unsaved. */
  const [stored, setStored] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (loaded.state === "ready") {
      setText(loaded.data.text);
      setStored(loaded.data.text);
      setBase(loaded.data.version);
    }
  }, [loaded]);
  // Unsaved edits are not lost without a word: leaving the page or the view asks first.
  const dirty = text !== null && stored !== null && text !== stored;
  useEffect(() => {
    if (!dirty) return;
    const unload = (e: BeforeUnloadEvent) => e.preventDefault();
    const leave = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href^='#']");
      if (link && !confirm("The scenario has unsaved edits. Leave this view and lose them?")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    addEventListener("beforeunload", unload);
    document.addEventListener("click", leave, true);
    return () => {
      removeEventListener("beforeunload", unload);
      document.removeEventListener("click", leave, true);
    };
  }, [dirty]);
  const lines = (text ?? "").split("\n");
  const bad = new Map(problems.filter((p) => p.line).map((p) => [p.line!, p]));
  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    el.scrollTop = Math.max(0, (line - 3) * 20);
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
  };
  const save = async () => {
    if (text === null) return;
    setBusy(true);
    setProblems([]);
    setSaved(null);
    try {
      const v = await api.replace(scenario, text, base);
      setBase(v.version);
      setStored(text);
      // Saved: analysed again on the new version.
      const a = await api.analysis(scenario);
      setSaved(
        `Saved as version ${v.version}. ${a.explanation?.summary ?? (a.zopa.exists ? "A zone of agreement exists." : "No zone of agreement.")}`,
      );
    } catch (e) {
      const found =
        e instanceof ApiProblem
          ? e.errors.length
            ? e.errors
            : [{ code: "error", message: e.title }]
          : [{ code: "error", message: (e as Error).message }];
      setProblems(found);
      // The editor goes to the first problem's line.
      const first = found.find((p) => p.line);
      if (first) setTimeout(() => goTo(first.line!), 0);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="yaml">
      <h2 id="yaml">Edit the scenario</h2>
      <Status of={loaded}>
        {() => (
          <>
            <div class="editor">
              <div class="gutter" ref={gutter} aria-hidden="true">
                {lines.map((_, i) => (
                  <div key={i} class={bad.has(i + 1) ? "bad" : ""}>
                    {i + 1}
                  </div>
                ))}
              </div>
              <textarea
                ref={area}
                spellcheck={false}
                aria-label="scenario YAML"
                value={text ?? ""}
                onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
                onScroll={(e) =>
                  gutter.current && (gutter.current.scrollTop = (e.target as HTMLTextAreaElement).scrollTop)
                }
              />
            </div>
            <p>
              <button type="button" onClick={save} disabled={busy}>
                {busy ? "Checking…" : "Save and analyse"}
              </button>
            </p>
            {problems.length > 0 && (
              <ul class="problems" role="alert">
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.line ? (
                      <button type="button" class="link" onClick={() => goTo(p.line!)}>
                        line {p.line}
                        {p.column ? `:${p.column}` : ""}
                      </button>
                    ) : null}{" "}
                    {p.field ? <code>{p.field}</code> : null} {p.message}
                    {p.hint ? <span class="muted"> — {p.hint}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {saved && <p role="status">{saved}</p>}
          </>
        )}
      </Status>
    </section>
  );
}

export function Edit({ scenario }: { scenario: string }) {
  return (
    <>
      <h1>Edit</h1>
      <Articles />
      <ScenarioEditor scenario={scenario} />
    </>
  );
}
