// The server's heavy work, on piscina worker threads so the event loop keeps answering: reading,
// analysing and storing articles, the workspace's evidence, scenario checks, analysis,
// validation, simulation, the utility space and the briefing. Plain data in, plain data out.

import { utilitySpace } from "../analysis/utility-space.js";
import type { CaseChanges } from "../contract/case-changes.js";
import { InputError, type Problem } from "../errors.js";
import { type CaseKnowledge, NO_CASE } from "../evidence/case-knowledge.js";
import { type EvidenceDocument, readDocument } from "../evidence/document.js";
import { namedPeople } from "../evidence/extract.js";
import { analyseText } from "../evidence/text-analysis.js";
import { parseCaseFile } from "../formats/case-file.js";
import { geniusToScenario, parseGeniusDomain } from "../formats/genius-xml.js";
import { parseScenario, scenarioToYaml } from "../formats/scenario-yaml.js";
import { simulationJson } from "../formats/simulation-json.js";
import { loadAttributionModel } from "../ingest/attribution-model.js";
import { contentId } from "../ingest/read-documents.js";
import { listCitations } from "../model/citations.js";
import { createArena } from "../negotiation/arena.js";
import { createSimulation, type ProtocolName } from "../negotiation/simulate.js";
import { runInBackground } from "../parallel/background-priority.js";
import type { StoreAddress } from "../store/open-store.js";
import { withThreadStore } from "../store/thread-store.js";
import { snapshotOf } from "../workflows/case-version.js";
import { briefing, citedAnalysis, validation } from "../workflows/cited-analysis.js";
import { type CitedInput, citedInputFromDocuments } from "../workflows/cited-input.js";
import { batchEvidence } from "../workflows/evidence.js";
import { type IngestItem, inThisThread } from "../workflows/ingest-documents.js";

runInBackground();

export interface ScenarioText {
  readonly name: string;
  readonly text: string;
}

export interface SimulationSettings {
  readonly agents: readonly string[];
  readonly protocol: ProtocolName;
  readonly mediator: string;
  readonly rounds: number;
  readonly seed: number;
}

export type HeavyTask =
  | {
      readonly kind: "read";
      readonly files: readonly { readonly name: string; readonly raw: string }[];
      readonly date?: string;
    }
  | { readonly kind: "check"; readonly scenario: ScenarioText }
  | {
      readonly kind: "genius";
      readonly domain: { readonly name: string; readonly text: string };
      readonly profiles: readonly { readonly file: string; readonly text: string }[];
    }
  | { readonly kind: "names"; readonly docs: readonly EvidenceDocument[] }
  | {
      readonly kind: "store";
      readonly address: StoreAddress;
      readonly docs: readonly IngestItem[];
      readonly people: readonly string[];
    }
  | { readonly kind: "evidence"; readonly docs: readonly EvidenceDocument[] }
  | { readonly kind: "snapshot"; readonly docs: readonly EvidenceDocument[] }
  | {
      readonly kind: "analysis";
      readonly scenario: ScenarioText;
      readonly docs: readonly EvidenceDocument[];
      readonly seed: number;
      readonly samples: number;
      readonly maxWork?: number;
    }
  | {
      readonly kind: "report";
      readonly scenario: ScenarioText;
      readonly docs: readonly EvidenceDocument[];
      readonly seed: number;
      readonly samples: number;
      readonly format: "md" | "html";
      /** What changed in the followed case since the last briefing: the briefing's first section. */
      readonly since?: CaseChanges;
    }
  | { readonly kind: "validation"; readonly scenario: ScenarioText; readonly docs: readonly EvidenceDocument[] }
  | { readonly kind: "simulation"; readonly scenario: ScenarioText; readonly settings: SimulationSettings }
  | { readonly kind: "utility-space"; readonly scenario: ScenarioText; readonly a: number; readonly b: number }
  | { readonly kind: "model"; readonly scenario: ScenarioText };

/** A task with the server's case file (its text: compiled regular expressions do not cross threads). */
export type HeavyRequest = HeavyTask & { readonly case?: ScenarioText };

/** A task's answer, or the problems of bad input (an InputError does not cross threads as itself). */
export type HeavyResult = { readonly ok: unknown } | { readonly problems: readonly Problem[] };

export default async function run(task: HeavyRequest): Promise<HeavyResult> {
  try {
    return { ok: await perform(task) };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems };
    throw e;
  }
}

/** The case knowledge of a case file, compiled once per text in this thread. */
const cases = new Map<string, CaseKnowledge>();
function knowledgeOf(file: ScenarioText | undefined): CaseKnowledge {
  if (!file) return NO_CASE;
  let k = cases.get(file.text);
  if (!k) cases.set(file.text, (k = parseCaseFile(file.text, file.name)));
  return k;
}

/** A scenario on its corpus: the workspace's documents, cited by file name. */
const cited = (scenario: ScenarioText, docs: readonly EvidenceDocument[], knowledge: CaseKnowledge): CitedInput =>
  citedInputFromDocuments(parseScenario(scenario.text, scenario.name), docs, "the workspace", knowledge);

type Of<K extends HeavyTask["kind"]> = Extract<HeavyRequest, { kind: K }>;

/** The result type of each task kind. */
export type HeavyResults = { [K in keyof typeof handlers]: Awaited<ReturnType<(typeof handlers)[K]>> };

/** One handler per task kind; its return type is the result type of that kind (HeavyResults). */
const handlers = {
  read: async (task: Of<"read">) =>
    task.files.map((f) => readDocument(f.name, f.raw, contentId, task.date ? { date: task.date } : {})),
  check: async (task: Of<"check">) => {
    // Parsed, checked against the schema and compiled: what the scenario is and how large its outcome space.
    const { model, spec } = parseScenario(task.scenario.text, task.scenario.name);
    return {
      name: model.name,
      outcomes: model.space.size.toString(),
      parties: model.parties.map((p) => p.name),
      redLines: model.redLines.length,
      files: [...new Set(listCitations(spec).map((c) => c.cite.file))],
    };
  },
  genius: async (task: Of<"genius">) => {
    const spec = geniusToScenario(parseGeniusDomain(task.domain.text, task.domain.name), task.profiles);
    const text = scenarioToYaml(spec);
    parseScenario(text, task.domain.name);
    return text;
  },
  names: async (task: Of<"names">, knowledge: CaseKnowledge) =>
    task.docs.map((d) => namedPeople(d.file, analyseText(d.text), knowledge)),
  store: async (task: Of<"store">, knowledge: CaseKnowledge) => {
    // Extracted and stored here, each document in its own transaction: the thread answering
    // requests never spends its time on evidence rows.
    return withThreadStore(task.address, (store) =>
      inThisThread(store, loadAttributionModel(), knowledge).store(task.docs, task.people),
    );
  },
  evidence: async (task: Of<"evidence">, knowledge: CaseKnowledge) =>
    batchEvidence(task.docs, loadAttributionModel(), knowledge),
  snapshot: async (task: Of<"snapshot">, knowledge: CaseKnowledge) =>
    snapshotOf(task.docs, loadAttributionModel(), knowledge),
  analysis: async (task: Of<"analysis">, knowledge: CaseKnowledge) => {
    // The `analyze --json` contract, as bytes: the same scenario, documents and seed give the same ones.
    const { seed, samples, maxWork } = task;
    const options = { seed, samples, ...(maxWork ? { maxWork } : {}) };
    return JSON.stringify(citedAnalysis(cited(task.scenario, task.docs, knowledge), options).report);
  },
  report: async (task: Of<"report">, knowledge: CaseKnowledge) =>
    briefing(cited(task.scenario, task.docs, knowledge), task, task.format),
  validation: async (task: Of<"validation">, knowledge: CaseKnowledge) =>
    validation(cited(task.scenario, task.docs, knowledge)),
  "utility-space": async (task: Of<"utility-space">) => {
    const { model } = parseScenario(task.scenario.text, task.scenario.name);
    const bad = [task.a, task.b].find((p) => p >= model.parties.length);
    if (bad !== undefined)
      throw new InputError([
        {
          code: "request.party",
          field: bad === task.a ? "querystring.a" : "querystring.b",
          message: `no party ${bad}: the scenario has ${model.parties.length} (0–${model.parties.length - 1})`,
          hint: "give two party indices in the scenario's order",
        },
      ]);
    return utilitySpace(model, task.a, task.b);
  },
  model: async (task: Of<"model">) => {
    // The scenario as data (the schema's shape, defaults filled in) for views that show its terms.
    return parseScenario(task.scenario.text, task.scenario.name).spec;
  },
  simulation: async (task: Of<"simulation">) => {
    const { model } = parseScenario(task.scenario.text, task.scenario.name);
    const arena = createArena(model);
    const s = task.settings;
    const result = createSimulation(arena, {
      protocol: s.protocol,
      agents: [...s.agents],
      mediator: s.mediator,
      deadline: { rounds: s.rounds },
    }).run(s.seed, true);
    return simulationJson(arena, s.agents, s, result);
  },
};

function perform(task: HeavyRequest): Promise<unknown> {
  const handler = handlers[task.kind] as (t: HeavyRequest, k: CaseKnowledge) => Promise<unknown>;
  return handler(task, knowledgeOf(task.case));
}
