import type { AgentStanding } from "./tournament.js";

/** A tournament's standings, column by column: what each is called and what it means, in one sentence. */
export const STANDING_COLUMNS: readonly {
  readonly key: keyof AgentStanding;
  readonly label: string;
  readonly meaning: string;
}[] = [
  { key: "agent", label: "agent", meaning: "the strategy" },
  {
    key: "meanUtility",
    label: "mean utility",
    meaning: "its own utility averaged over its runs (0: its worst outcome, 1: its best; no deal: its reservation)",
  },
  { key: "agreementRate", label: "agreements", meaning: "the share of its runs that end in a deal" },
  {
    key: "withinRedLinesRate",
    label: "within red lines",
    meaning:
      "the share of its runs that end in a deal crossing no party's red line (one a party bound by them would sign)",
  },
  {
    key: "meanDistanceToFrontier",
    label: "to Pareto",
    meaning:
      "how far the deal's utilities fall from the Pareto frontier, where no party can gain without another losing (0: on it)",
  },
  {
    key: "meanDistanceToNash",
    label: "to Nash",
    meaning: "how far they fall from the Nash bargaining solution (0: on it)",
  },
  { key: "meanWelfare", label: "welfare", meaning: "the sum of the parties' utilities" },
  { key: "meanRounds", label: "rounds", meaning: "rounds until the end, a deal or the deadline" },
  { key: "runs", label: "runs", meaning: "the runs it played, in every role" },
];
