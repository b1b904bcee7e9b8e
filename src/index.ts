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
