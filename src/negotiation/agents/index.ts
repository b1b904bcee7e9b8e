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
    description: "time-dependent, concedes late (e = 0.2; boulware:E sets e)",
    create: (p) => new TimeDependentAgent(exponent(0.2)(p)),
  },
  {
    name: "conceder",
    description: "time-dependent, concedes early (e = 2)",
    create: (p) => new TimeDependentAgent(exponent(2)(p)),
  },
  {
    name: "linear",
    description: "time-dependent, concedes linearly (e = 1)",
    create: (p) => new TimeDependentAgent(exponent(1)(p)),
  },
  {
    name: "tit-for-tat",
    description: "relative Tit for Tat: mirrors the opponent's concessions",
    create: () => new TitForTatAgent(),
  },
  {
    name: "random",
    description: "random offers above its reservation value; random acceptance threshold",
    create: () => new RandomAgent(),
  },
  {
    name: "frontier",
    description: "offers only Pareto-efficient outcomes, conceding linearly along the frontier (frontier:E)",
    create: (p) => new TimeDependentAgent(exponent(1)(p), frontierPool),
  },
  {
    name: "opponent-model",
    description: "Boulware that learns opponents' weights (frequency model) and trades off (opponent-model:E)",
    create: (p) => new OpponentModelAgent(exponent(0.2)(p)),
  },
  {
    name: "red-lines",
    description: "Boulware that never offers or accepts an outcome crossing its party's red lines (red-lines:E)",
    create: (p) => new TimeDependentAgent(exponent(0.2)(p), redLinePool, true),
  },
];

/** Creates an agent from `name` or `name:param`; an unknown name lists the known ones. */
export function createAgent(spec: string): Agent {
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
  return kind.create(param);
}
