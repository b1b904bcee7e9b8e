import * as Plot from "@observablehq/plot";
import { useEffect, useState } from "preact/hooks";
import { STANDING_COLUMNS } from "../../../src/negotiation/standing-columns";
import { api, type Simulation } from "../api";
import { PlotFigure } from "../components/plot-figure";
import { Status } from "../components/status";
import { useData } from "../use-data";

type Standing = {
  agent: string;
  meanUtility: number | null;
  agreementRate: number | null;
  withinRedLinesRate: number | null;
  meanDistanceToFrontier: number | null;
  meanRounds: number | null;
  runs: number;
};

/** The standings' columns this view shows, each explained where it is shown. */
const SHOWN = STANDING_COLUMNS.filter((c) =>
  [
    "agent",
    "meanUtility",
    "agreementRate",
    "withinRedLinesRate",
    "meanDistanceToFrontier",
    "meanRounds",
    "runs",
  ].includes(c.key),
);

/** Each party's own offers, as its utility per round: how fast it concedes. */
function curves(sim: Simulation, width: number): Element {
  const points = sim.trace
    .filter((s) => s.action !== "accept" && s.utilities && sim.parties.includes(s.party))
    .map((s) => ({
      round: s.round,
      party: `${s.party} (${sim.agents[sim.parties.indexOf(s.party)]})`,
      u: s.utilities![sim.parties.indexOf(s.party)]!,
    }));
  return Plot.plot({
    width,
    height: 320,
    y: { domain: [0, 1], label: "↑ utility of its own offer", grid: true },
    x: { label: "round →" },
    color: { legend: true },
    marks: [Plot.line(points, { x: "round", y: "u", stroke: "party", strokeWidth: 2 }), Plot.ruleY([0])],
  });
}

export function Simulate({ scenario }: { scenario: string }) {
  const setup = useData(() => Promise.all([api.agents(), api.model(scenario)]), [scenario]);
  return (
    <Status of={setup}>
      {([known, spec]) => (
        <SimulateWith
          scenario={scenario}
          agents={known.agents}
          parties={spec.parties.map((p) => p.name)}
          redLines={spec.parties.some((p) => (p.redLines ?? []).length > 0)}
        />
      )}
    </Status>
  );
}

/** What each protocol does, in one sentence where it is chosen. */
const PROTOCOLS: Record<string, [string, string]> = {
  alternating: [
    "stacked alternating offers",
    "each party in turn accepts the offer on the table or makes its own; a deal when all accept it",
  ],
  "single-text": [
    "mediated single text",
    "a mediator puts one text to the parties and amends it as they vote; a deal when all accept it",
  ],
};

function SimulateWith({
  scenario,
  agents,
  parties,
  redLines,
}: {
  scenario: string;
  agents: { name: string; description: string }[];
  parties: string[];
  redLines: boolean;
}) {
  // By default the agents respect their party's red lines: a deal across them is one no party would sign.
  const [chosen, setChosen] = useState<string[]>(
    parties.map((_, i) => (redLines ? "red-lines" : i % 2 ? "conceder" : "boulware")),
  );
  const [protocol, setProtocol] = useState("alternating");
  const [rounds, setRounds] = useState(100);
  const [seed, setSeed] = useState(42);
  const [sim, setSim] = useState<Simulation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setSim((await api.simulate(scenario, { agents: chosen, protocol, rounds, seed })).result);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const width = Math.min(900, (document.querySelector("main")?.clientWidth ?? 900) - 8);
  return (
    <>
      <h1>Simulate</h1>
      <form class="form" onSubmit={run}>
        {parties.map((p, i) => (
          <label key={p}>
            {p}
            <select
              value={chosen[i]}
              onChange={(e) => setChosen((c) => c.map((x, k) => (k === i ? (e.target as HTMLSelectElement).value : x)))}
            >
              {agents.map((a) => (
                <option key={a.name} value={a.name} title={a.description}>
                  {a.name}
                </option>
              ))}
            </select>
            <small class="muted">{agents.find((a) => a.name === chosen[i])?.description}</small>
          </label>
        ))}
        <label>
          protocol
          <select value={protocol} onChange={(e) => setProtocol((e.target as HTMLSelectElement).value)}>
            {Object.entries(PROTOCOLS).map(([value, [name]]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
          <small class="muted">{PROTOCOLS[protocol]![1]}</small>
        </label>
        <label>
          rounds{" "}
          <input
            type="number"
            min={1}
            max={100000}
            value={rounds}
            onInput={(e) => setRounds(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <label>
          seed{" "}
          <input
            type="number"
            min={0}
            value={seed}
            onInput={(e) => setSeed(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Running…" : "Run"}
        </button>
      </form>
      {problem && <p class="problem">{problem}</p>}
      {sim && (
        <section aria-labelledby="result">
          <h2 id="result">
            {sim.agreement
              ? sim.redLinesCrossed.length
                ? `A deal no party bound by its red lines would sign: round ${sim.rounds}, crossing ${sim.redLinesCrossed.length} red line(s)`
                : `Agreement in round ${sim.rounds}`
              : `No agreement (${sim.ending}) after ${sim.rounds} rounds`}
          </h2>
          {sim.outcome && (
            <p>
              {Object.entries(sim.outcome)
                .map(([k, v]) => `${k}: ${v}`)
                .join(" · ")}
            </p>
          )}
          <p>{sim.parties.map((p, i) => `${p} ${sim.utilities[i]!.toFixed(2)}`).join(" · ")}</p>
          {sim.redLinesCrossed.length > 0 && (
            <p class="problem" role="note">
              This agreement crosses {sim.redLinesCrossed.map((l) => `${l.party}'s red line “${l.label}”`).join(", ")}:
              these agents judge offers by utility alone (the red-lines agent refuses such outcomes), so no real party
              bound by those lines would sign it.
            </p>
          )}
          <PlotFigure
            label="concession curves: each party's utility for its own offers, per round"
            deps={[sim, width]}
            make={() => curves(sim, width)}
          />
        </section>
      )}
      <Tournament scenario={scenario} agents={agents} />
    </>
  );
}

function Tournament({ scenario, agents }: { scenario: string; agents: { name: string; description: string }[] }) {
  const [picked, setPicked] = useState<string[]>(
    ["boulware", "conceder", "linear", "tit-for-tat", "red-lines"].filter((a) => agents.some((x) => x.name === a)),
  );
  const [repetitions, setRepetitions] = useState(5);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [standings, setStandings] = useState<Standing[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [source, setSource] = useState<EventSource | null>(null);
  useEffect(() => () => source?.close(), [source]);
  const start = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setStandings(null);
    try {
      const job = await api.tournament({ scenarios: [scenario], agents: picked, repetitions, rounds: 100 });
      setProgress({ done: 0, total: job.total });
      const es = new EventSource(`/api/tournaments/${job.id}/events`);
      es.addEventListener("progress", (m) => setProgress(JSON.parse((m as MessageEvent).data)));
      es.addEventListener("done", (m) => {
        const r = JSON.parse((m as MessageEvent).data) as { runs: number; total: number; standings: Standing[] };
        setProgress({ done: r.runs, total: r.total });
        setStandings(r.standings);
        es.close();
      });
      es.addEventListener("failed", (m) => {
        setProblem((JSON.parse((m as MessageEvent).data) as { title: string }).title);
        es.close();
      });
      setSource(es);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(0)} %`);
  const num = (x: number | null) => (x === null ? "—" : x.toFixed(3));
  return (
    <section aria-labelledby="tournament">
      <h2 id="tournament">Tournament</h2>
      <form class="form" onSubmit={start}>
        <fieldset>
          <legend>agents</legend>
          {agents.map(({ name: a, description }) => (
            <label key={a} class="check" title={description}>
              <input
                type="checkbox"
                checked={picked.includes(a)}
                onChange={() => setPicked((p) => (p.includes(a) ? p.filter((x) => x !== a) : [...p, a]))}
              />{" "}
              {a}
            </label>
          ))}
        </fieldset>
        <label>
          repetitions{" "}
          <input
            type="number"
            min={1}
            max={1000}
            value={repetitions}
            onInput={(e) => setRepetitions(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <button type="submit" disabled={picked.length === 0 || (progress !== null && !standings && !problem)}>
          Start
        </button>
      </form>
      {progress && (
        <p>
          <progress max={progress.total} value={progress.done} /> {progress.done.toLocaleString("en-US")} of{" "}
          {progress.total.toLocaleString("en-US")} runs
        </p>
      )}
      {problem && <p class="problem">{problem}</p>}
      {standings && (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                {SHOWN.map((c) => (
                  <th key={c.key} scope="col" class={c.key === "agent" ? undefined : "num"} title={c.meaning}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...standings]
                .sort((x, y) => (y.meanUtility ?? 0) - (x.meanUtility ?? 0))
                .map((s) => (
                  <tr key={s.agent}>
                    <th scope="row">{s.agent}</th>
                    <td class="num">{num(s.meanUtility)}</td>
                    <td class="num">{pct(s.agreementRate)}</td>
                    <td class="num">{pct(s.withinRedLinesRate)}</td>
                    <td class="num">{num(s.meanDistanceToFrontier)}</td>
                    <td class="num">{s.meanRounds === null ? "—" : s.meanRounds.toFixed(1)}</td>
                    <td class="num">{s.runs}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <dl class="columns">
            {SHOWN.slice(1).map((c) => (
              <div key={c.key}>
                <dt>{c.label}</dt>
                <dd>{c.meaning}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}
