// Parley's public library surface: the core (also importable alone as `parley/core`), plus
// scenario YAML and its schema, the evidence layer and the workspace store.
export * from "./core.js";
export { type CaseData, type CaseKnowledge, caseKnowledge, NO_CASE } from "./evidence/case-knowledge.js";
export { type EvidenceDocument, readDocument, withBatchDates } from "./evidence/document.js";
export { evidenceJson } from "./evidence/evidence-json.js";
export { type DocumentEvidence, type EvidenceReport, extractDocument, extractEvidence } from "./evidence/extract.js";
export type { WatchItem } from "./evidence/watch-list.js";
export { loadScenarioFile } from "./formats/scenario-file.js";
export { parseScenario, scenarioToYaml } from "./formats/scenario-yaml.js";
export { readDocuments } from "./ingest/read-documents.js";
export { type ScenarioInput, ScenarioSchema, scenarioJsonSchema } from "./model/schema.js";

export { SqliteStore } from "./store/sqlite-store.js";
