// The server's heavy work, on piscina worker threads so the event loop keeps answering: reading,
// analysing and storing articles, the workspace's evidence, scenario checks, analysis,
// validation, simulation, the utility space and the briefing. Plain data in, plain data out.

import { analyze } from "../analysis/analyze.js";
import { utilitySpace } from "../analysis/utility-space.js";
import { InputError, type Problem } from "../errors.js";
import { type EvidenceDocument, readDocument, withBatchDates } from "../evidence/document.js";
import { findDuplicates } from "../evidence/duplicates.js";
import { evidenceJson } from "../evidence/evidence-json.js";
import { extractDocument, extractEvidence, namedPeople } from "../evidence/extract.js";
import { analyseText } from "../evidence/text-analysis.js";
import { weakFields, withEvidence } from "../formats/cited-report.js";
import { geniusToScenario, parseGeniusDomain } from "../formats/genius-xml.js";
import { parseScenario, scenarioToYaml } from "../formats/scenario-yaml.js";
import { simulationJson } from "../formats/simulation-json.js";
import { versionWeights } from "../formats/version-weights.js";
import { loadAttributionModel } from "../ingest/attribution-model.js";
import { storedCorpusEvidence } from "../ingest/corpus-evidence.js";
import { contentId } from "../ingest/read-documents.js";
import { listCitations } from "../model/citations.js";
import { createArena } from "../negotiation/arena.js";
import { createSimulation, type ProtocolName } from "../negotiation/simulate.js";
import { runInBackground } from "../parallel/background-priority.js";
import type { BriefingAnalysis, BriefingEvidence, BriefingSpec } from "../report/briefing.js";
import { renderBriefing } from "../report/render-briefing.js";
import { openStoreAt, type StoreAddress } from "../store/open-store.js";
import type { Store } from "../store/store.js";

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
  | { readonly kind: "duplicates"; readonly docs: readonly EvidenceDocument[] }
  | {
      readonly kind: "store";
      readonly address: StoreAddress;
      readonly docs: readonly {
        readonly doc: EvidenceDocument;
        readonly duplicateOf: string | null;
        readonly names: readonly string[];
      }[];
      readonly people: readonly string[];
    }
  | { readonly kind: "evidence"; readonly docs: readonly EvidenceDocument[] }
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
    }
  | { readonly kind: "validation"; readonly scenario: ScenarioText; readonly docs: readonly EvidenceDocument[] }
  | { readonly kind: "simulation"; readonly scenario: ScenarioText; readonly settings: SimulationSettings }
  | { readonly kind: "utility-space"; readonly scenario: ScenarioText; readonly a: number; readonly b: number }
  | { readonly kind: "model"; readonly scenario: ScenarioText };

/** A task's answer, or the problems of bad input (an InputError does not cross threads as itself). */
export type HeavyResult = { readonly ok: unknown } | { readonly problems: readonly Problem[] };

export default async function run(task: HeavyTask): Promise<HeavyResult> {
  try {
    return { ok: await perform(task) };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems };
    throw e;
  }
}

/** A scenario analysed on its corpus (the documents given), with every citation resolved and the sources' reliability weighed in. */
function citedAnalysis(
  scenario: ScenarioText,
  docs: readonly EvidenceDocument[],
  seed: number,
  samples: number,
  maxWork?: number,
) {
  const loaded = parseScenario(scenario.text, scenario.name);
  const corpus = storedCorpusEvidence(loaded, docs, "the workspace");
  const weights = versionWeights(loaded.model, loaded.spec, corpus.evidence.reliability);
  const analysis = analyze(loaded.model, { samples, seed, versionWeights: weights, ...(maxWork ? { maxWork } : {}) });
  return {
    loaded,
    corpus,
    report: withEvidence(
      analysis,
      loaded.spec,
      corpus.citations,
      corpus.assumptions,
      corpus.evidence.contradictions,
      corpus.evidence.reliability,
    ),
  };
}

/** This thread's connection to each workspace it stores in. */
const stores = new Map<string, Promise<Store>>();
const storeAt = (address: StoreAddress) => {
  const key = JSON.stringify(address);
  let s = stores.get(key);
  if (!s) stores.set(key, (s = openStoreAt(address)));
  return s;
};

async function perform(task: HeavyTask): Promise<unknown> {
  switch (task.kind) {
    case "read":
      return task.files.map((f) => readDocument(f.name, f.raw, contentId, task.date ? { date: task.date } : {}));
    case "check": {
      // Parsed, checked against the schema and compiled: what the scenario is and how large its outcome space.
      const { model, spec } = parseScenario(task.scenario.text, task.scenario.name);
      return {
        name: model.name,
        outcomes: model.space.size.toString(),
        parties: model.parties.map((p) => p.name),
        files: [...new Set(listCitations(spec).map((c) => c.cite.file))],
      };
    }
    case "genius": {
      const spec = geniusToScenario(parseGeniusDomain(task.domain.text, task.domain.name), task.profiles);
      const text = scenarioToYaml(spec);
      parseScenario(text, task.domain.name);
      return text;
    }
    case "names":
      return task.docs.map((d) => namedPeople(d.file, analyseText(d.text)));
    case "duplicates":
      return findDuplicates(task.docs);
    case "store": {
      // Extracted and stored here, each document in its own transaction: the thread answering
      // requests never spends its time on evidence rows.
      const model = loadAttributionModel();
      const store = await storeAt(task.address);
      const out = [];
      for (const { doc, duplicateOf, names } of task.docs) {
        const e = extractDocument(doc, model, undefined, task.people);
        const added = await store.addDocument(e, duplicateOf, names);
        out.push({
          id: doc.id,
          added,
          counts: {
            quotes: e.quotes.length,
            dates: e.dates.length,
            quantities: e.quantities.length,
            claims: e.claims.length,
          },
        });
      }
      return out;
    }
    case "evidence":
      return evidenceJson(extractEvidence(withBatchDates(task.docs), loadAttributionModel()));
    case "analysis":
      // The `analyze --json` contract, as bytes: the same scenario, documents and seed give the same ones.
      return JSON.stringify(citedAnalysis(task.scenario, task.docs, task.seed, task.samples, task.maxWork).report);
    case "report": {
      const { loaded, corpus, report } = citedAnalysis(task.scenario, task.docs, task.seed, task.samples);
      const space = loaded.model.parties.length >= 2 ? utilitySpace(loaded.model, 0, 1) : undefined;
      const input = {
        analysis: report as unknown as BriefingAnalysis,
        spec: loaded.spec as unknown as BriefingSpec,
        evidence: corpus.evidence as unknown as BriefingEvidence,
      };
      return renderBriefing({ ...input, ...(space ? { space } : {}) }, task.format);
    }
    case "validation": {
      const loaded = parseScenario(task.scenario.text, task.scenario.name);
      const corpus = storedCorpusEvidence(loaded, task.docs, "the workspace");
      return {
        citations: corpus.citations,
        assumptions: corpus.assumptions,
        weakFields: weakFields(loaded.spec, corpus.citations, corpus.evidence.reliability),
        reliability: corpus.evidence.reliability.map(({ file, kind, score, reasons }) => ({
          file,
          kind,
          score,
          reasons,
        })),
      };
    }
    case "utility-space": {
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
    }
    case "model":
      // The scenario as data (the schema's shape, defaults filled in) for views that show its terms.
      return parseScenario(task.scenario.text, task.scenario.name).spec;
    case "simulation": {
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
    }
  }
}
