// The negotiation core as a library entry (`parley/core`): the model, the exact analysis,
// simulation and GENIUS XML — without the evidence layer's NLP, HTML and date libraries, the
// YAML reader or the schema library, so importing it costs milliseconds.
export { InputError, formatProblem, type Problem } from "./errors.js";

export { createDiscreteIssue, createIntegerIssue, createRealIssue, type Issue, type IssueValue } from "./model/issue.js";
export { OutcomeSpace } from "./model/outcome-space.js";
export type { Model, Party, Proposal } from "./model/scenario.js";
export type { RedLine, Condition } from "./model/red-line.js";
export { crossesRedLine } from "./model/red-line.js";
export { compileScenario } from "./model/compile-scenario.js";
export type { ScenarioSpec } from "./model/schema.js";
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

export { parseGeniusDomain, parseGeniusProfile, geniusToScenario, modelToGenius } from "./formats/genius-xml.js";
export { loadGeniusFiles } from "./formats/load-files.js";

export { createArena, type Arena } from "./negotiation/arena.js";
export { ACCEPT, END, type Agent, type AgentContext } from "./negotiation/agent.js";
export { AGENTS, createAgent } from "./negotiation/agents/index.js";
export { MEDIATORS, createMediator } from "./negotiation/mediators/index.js";
export { runAlternatingOffers } from "./negotiation/alternating-offers.js";
export { runSingleText } from "./negotiation/single-text.js";
export { replayAlternatingOffers } from "./negotiation/replay.js";
export { createSimulation } from "./negotiation/simulate.js";
export { standings, tournamentJobs } from "./negotiation/tournament.js";
