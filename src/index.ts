// Parley's public library surface.
export { InputError, formatProblem, type Problem } from "./errors.js";

export { createDiscreteIssue, createIntegerIssue, createRealIssue, type Issue, type IssueValue } from "./model/issue.js";
export { OutcomeSpace } from "./model/outcome-space.js";
export type { Model, Party, Proposal } from "./model/scenario.js";
export type { RedLine, Condition } from "./model/red-line.js";
export { crossesRedLine } from "./model/red-line.js";
export { compileScenario } from "./model/compile-scenario.js";
export { ScenarioSchema, scenarioJsonSchema, type ScenarioSpec, type ScenarioInput } from "./model/schema.js";
export { createUtilities, utilityOf, type Utilities } from "./model/utilities.js";

export { analyze, type AnalysisReport, type AnalyzeOptions } from "./analysis/analyze.js";
export { paretoFrontier, type Frontier } from "./analysis/pareto.js";
export { feasibleFrontier } from "./analysis/feasible-frontier.js";
export { nashSolution, kalaiSmorodinskySolution, egalitarianSolution, utilitarianSolution } from "./analysis/bargaining-solutions.js";
export { zoneOfAgreement, type Zopa } from "./analysis/zopa.js";
export { evaluateProposal } from "./analysis/proposal-evaluation.js";
export { minimalConcessions, type Concession } from "./analysis/concessions.js";
export { robustness, type Robustness } from "./analysis/robustness.js";
export { bruteForce } from "./analysis/brute-force.js";

export { parseScenario, scenarioToYaml } from "./formats/scenario-yaml.js";
export { parseGeniusDomain, parseGeniusProfile, geniusToScenario, modelToGenius } from "./formats/genius-xml.js";
export { loadScenarioFile, loadGeniusFiles } from "./formats/load-files.js";

export { readDocument, withBatchDates, type EvidenceDocument } from "./evidence/document.js";
export { extractDocument, extractEvidence, type EvidenceReport, type DocumentEvidence } from "./evidence/extract.js";
export { evidenceJson } from "./evidence/evidence-json.js";
export { PEACE_TALKS, type WatchItem } from "./evidence/watch-list.js";
export { readDocuments } from "./ingest/read-documents.js";

export { createArena, type Arena } from "./negotiation/arena.js";
export { ACCEPT, END, type Agent, type AgentContext } from "./negotiation/agent.js";
export { AGENTS, createAgent } from "./negotiation/agents/index.js";
export { MEDIATORS, createMediator } from "./negotiation/mediators/index.js";
export { runAlternatingOffers } from "./negotiation/alternating-offers.js";
export { runSingleText } from "./negotiation/single-text.js";
export { replayAlternatingOffers } from "./negotiation/replay.js";
export { createSimulation } from "./negotiation/simulate.js";
export { standings, tournamentJobs } from "./negotiation/tournament.js";
export { Workspace } from "./store/workspace.js";
