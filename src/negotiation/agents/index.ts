import { InputError } from "../../errors.js";
import type { Agent, AgentKind } from "../agent.js";
import { OpponentModelAgent } from "./opponent-model.js";
import { RandomAgent } from "./random-agent.js";
import { filteredPool, TimeDependentAgent } from "./time-dependent.js";
import { TitForTatAgent } from "./tit-for-tat.js";

const exponent = (fallback: number) => (param?: string) => {
  if (param === undefined) return fallback;
  const e = Number(param);
  if (!(e > 0) || !Number.isFinite(e))
    throw new InputError([
      {
        code: "agent.param",
        message: `the concession exponent must be a number > 0, got "${param}"`,
        hint: "e.g. boulware:0.1, conceder:3",
      },
    ]);
  return e;
};

const frontierPool = filteredPool("frontier", (arena, _party, c) => {
  // Frontier candidates are few; a set keeps the filter linear.
  let set = frontierSets.get(arena);
  if (!set) frontierSets.set(arena, (set = new Set(arena.frontier)));
  return set.has(c);
});
const frontierSets = new WeakMap<object, Set<number>>();
const redLinePool = filteredPool("red-lines", (arena, party, c) => arena.allowed[party]![c] === 1);

/** Every agent kind `parley simulate` and `parley tournament` know, by name. */
export const AGENTS: readonly AgentKind[] = [
  {
    name: "boulware",
    description: "holds out and concedes only near the deadline (boulware:E sets how late; E = 0.2)",
    create: (p) => new TimeDependentAgent(exponent(0.2)(p)),
  },
  {
    name: "conceder",
    description: "concedes early, then slowly (E = 2)",
    create: (p) => new TimeDependentAgent(exponent(2)(p)),
  },
  {
    name: "linear",
    description: "concedes at a steady pace from its best outcome toward no deal (E = 1)",
    create: (p) => new TimeDependentAgent(exponent(1)(p)),
  },
  {
    name: "tit-for-tat",
    description: "mirrors the other side: concedes as much as it was just conceded to",
    create: () => new TitForTatAgent(),
  },
  {
    name: "random",
    description: "offers random outcomes it prefers to no deal and accepts above a random threshold: a baseline",
    create: () => new RandomAgent(),
  },
  {
    name: "frontier",
    description:
      "offers only outcomes no other outcome beats for every party, conceding steadily along them (frontier:E)",
    create: (p) => new TimeDependentAgent(exponent(1)(p), frontierPool),
  },
  {
    name: "opponent-model",
    description:
      "holds out like boulware while learning from the others' offers what they care about, and trades on it (opponent-model:E)",
    create: (p) => new OpponentModelAgent(exponent(0.2)(p)),
  },
  {
    name: "red-lines",
    description:
      "holds out like boulware and never offers or accepts an outcome that crosses its party's red lines (red-lines:E)",
    create: (p) => new TimeDependentAgent(exponent(0.2)(p), redLinePool, true),
  },
];

/**
 * The agents a simulation runs when none are chosen: where the parties have red lines, one that
 * never crosses them for each (a deal across them is one no party bound by them would sign);
 * otherwise boulware and conceder in turn.
 */
export function defaultAgents(parties: number, redLines: boolean): string[] {
  return Array.from({ length: parties }, (_, i) => (redLines ? "red-lines" : i % 2 ? "conceder" : "boulware"));
}

/** Creates an agent from `name` or `name:param`; an unknown name lists the known ones. */
export function createAgent(spec: string): Agent {
  const known = parsed.get(spec);
  if (known) return known.create(known.param);
  const [name, param] = spec.split(":", 2) as [string, string | undefined];
  const kind = AGENTS.find((a) => a.name === name.trim().toLowerCase());
  if (!kind)
    throw new InputError([
      {
        code: "agent.unknown",
        message: `unknown agent "${spec}"`,
        hint: `known agents: ${AGENTS.map((a) => a.name).join(", ")}`,
      },
    ]);
  const agent = kind.create(param); // checks the parameter before the spec is remembered
  if (parsed.size < 1000) parsed.set(spec, { create: kind.create, param });
  return agent;
}

/** Specs already read: a negotiation built from scratch creates its agents from them each time. */
const parsed = new Map<string, { create: AgentKind["create"]; param: string | undefined }>();
