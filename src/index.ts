// Parley's public library surface: the core (also importable alone as `parley/core`), plus
// scenario YAML and its schema, the evidence layer and the workspace store.
export * from "./core.js";

export { ScenarioSchema, scenarioJsonSchema, type ScenarioInput } from "./model/schema.js";
export { parseScenario, scenarioToYaml } from "./formats/scenario-yaml.js";
export { loadScenarioFile } from "./formats/scenario-file.js";

export { readDocument, withBatchDates, type EvidenceDocument } from "./evidence/document.js";
export { extractDocument, extractEvidence, type EvidenceReport, type DocumentEvidence } from "./evidence/extract.js";
export { evidenceJson } from "./evidence/evidence-json.js";
export { PEACE_TALKS, type WatchItem } from "./evidence/watch-list.js";
export { readDocuments } from "./ingest/read-documents.js";

export { Workspace } from "./store/workspace.js";
