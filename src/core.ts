// The negotiation core as a library entry (`parley/core`): the model, the exact analysis,
// simulation and GENIUS XML — without the evidence layer's NLP, HTML and date libraries, the
// YAML reader or the schema library, so importing it costs milliseconds.

export { type AnalysisReport, type AnalyzeOptions, analyze } from "./analysis/analyze.js";
export {
  egalitarianSolution,
  kalaiSmorodinskySolution,
  nashSolution,
  utilitarianSolution,
} from "./analysis/bargaining-solutions.js";
export { bruteForce } from "./analysis/brute-force.js";
export { type Concession, minimalConcessions } from "./analysis/concessions.js";
export { feasibleFrontier } from "./analysis/feasible-frontier.js";
export { type Frontier, paretoFrontier } from "./analysis/pareto.js";
export { evaluateProposal } from "./analysis/proposal-evaluation.js";
export { type Robustness, robustness } from "./analysis/robustness.js";
export { type Zopa, zoneOfAgreement } from "./analysis/zopa.js";
export { formatProblem, InputError, type Problem } from "./errors.js";
export { geniusToScenario, modelToGenius, parseGeniusDomain, parseGeniusProfile } from "./formats/genius-xml.js";
export { loadGeniusFiles } from "./formats/load-files.js";
export { compileScenario } from "./model/compile-scenario.js";
export {
  createDiscreteIssue,
  createIntegerIssue,
  createRealIssue,
  type Issue,
  type IssueValue,
} from "./model/issue.js";
export { OutcomeSpace } from "./model/outcome-space.js";
export type { Condition, RedLine } from "./model/red-line.js";
export { crossesRedLine } from "./model/red-line.js";
export type { Model, Party, Proposal } from "./model/scenario.js";
export type { ScenarioSpec } from "./model/schema.js";
export { createUtilities, type Utilities, utilityOf } from "./model/utilities.js";
export { ACCEPT, type Agent, type AgentContext, END } from "./negotiation/agent.js";
export { AGENTS, createAgent } from "./negotiation/agents/index.js";
export { runAlternatingOffers } from "./negotiation/alternating-offers.js";
export { type Arena, createArena } from "./negotiation/arena.js";
export { createMediator, MEDIATORS } from "./negotiation/mediators/index.js";
export { replayAlternatingOffers } from "./negotiation/replay.js";
export { createSimulation } from "./negotiation/simulate.js";
export { runSingleText } from "./negotiation/single-text.js";
export { standings, tournamentJobs } from "./negotiation/tournament.js";
