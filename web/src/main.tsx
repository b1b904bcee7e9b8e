import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "./api";
import { useRoute } from "./route";
import { setSourceNames } from "./source-names";
import { useData } from "./use-data";
import { Analysis } from "./views/analysis";
import { Changes } from "./views/changes";
import { Contradictions } from "./views/contradictions";
import { Edit } from "./views/edit";
import { ModelView } from "./views/model";
import { Overview } from "./views/overview";
import { People } from "./views/people";
import { Reading } from "./views/reading";
import { Simulate } from "./views/simulate";
import { Sources } from "./views/sources";
import { Timeline } from "./views/timeline";
import "./style.css";

const VIEWS: [string, string][] = [
  ["overview", "Overview"],
  ["changes", "What changed"],
  ["sources", "Sources"],
  ["contradictions", "Contradictions"],
  ["timeline", "Timeline"],
  ["people", "Who said what"],
  ["model", "Model"],
  ["analysis", "Analysis"],
  ["simulate", "Simulate"],
  ["edit", "Edit"],
];

function App() {
  const route = useRoute();
  const scenarios = useData(
    () => Promise.all([api.scenarios(), api.workspace()]).then(([s, w]) => ({ ...s, case: w.case })),
    [],
  );
  const [scenario, setScenario] = useState<string | null>(null);
  // The scenario shown: the one chosen, else the case the server opened, else the first.
  useEffect(() => {
    if (scenarios.state === "ready" && !scenario) {
      const ids = scenarios.data.items.map((s) => s.id);
      const open = scenarios.data.case;
      setScenario(open && ids.includes(open) ? open : (ids[0] ?? null));
    }
  }, [scenarios, scenario]);
  const current = route.view === "read" ? "sources" : route.view;
  // Sources by name in every view: read once, and again on leaving the editor (where uploads add documents).
  const docs = useData(() => api.documents(), [route.view === "edit"]);
  const [named, setNamed] = useState(false);
  useEffect(() => {
    if (docs.state === "ready") {
      setSourceNames(docs.data.items);
      setNamed(true);
    }
  }, [docs]);
  const view = () => {
    if (!named && docs.state === "loading") return <p class="muted">Loading…</p>;
    if (!scenario) return <p class="muted">No scenario in this workspace yet: add one under Edit.</p>;
    switch (route.view) {
      case "sources":
        return <Sources scenario={scenario} />;
      case "changes":
        return <Changes caseId={scenarios.state === "ready" ? (scenarios.data.case ?? null) : null} />;
      case "read":
        return <Reading file={route.arg ?? ""} start={route.params.get("start")} end={route.params.get("end")} />;
      case "contradictions":
        return <Contradictions scenario={scenario} />;
      case "timeline":
        return <Timeline />;
      case "people":
        return <People scenario={scenario} />;
      case "model":
        return <ModelView scenario={scenario} />;
      case "analysis":
        return <Analysis scenario={scenario} />;
      case "simulate":
        return <Simulate scenario={scenario} />;
      case "edit":
        return <Edit scenario={scenario} />;
      default:
        return <Overview scenario={scenario} />;
    }
  };
  return (
    <>
      <header>
        <a class="brand" href="#/overview">
          Parley
        </a>
        {scenarios.state === "ready" && scenarios.data.items.length > 0 && (
          <label class="scenario">
            <span class="sr-only">Scenario</span>
            <select value={scenario ?? ""} onChange={(e) => setScenario((e.target as HTMLSelectElement).value)}>
              {scenarios.data.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <nav aria-label="Views">
          {VIEWS.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={current === id ? "page" : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">{view()}</main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
