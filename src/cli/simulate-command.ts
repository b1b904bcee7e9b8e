import type { Command } from "commander";
import { simulationJson } from "../formats/simulation-json.js";
import { crossesRedLine } from "../model/red-line.js";
import { AGENTS, defaultAgents } from "../negotiation/agents/index.js";
import type { Arena } from "../negotiation/arena.js";
import { MEDIATORS } from "../negotiation/mediators/index.js";
import type { NegotiationResult } from "../negotiation/outcome.js";
import type { ProtocolName } from "../negotiation/simulate.js";
import { integer, load, MAX_STEPS } from "./options.js";
import { fmtUtility, table } from "./table.js";

interface SimulateOptions {
  genius?: boolean;
  json?: boolean;
  protocol: ProtocolName;
  agents?: string;
  mediator: string;
  rounds?: number;
  seconds?: number;
  turnSeconds: number;
  seed: number;
  discretize: number;
  maxRounds?: number;
}

export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("Run one negotiation between strategy agents and show how it went")
    .argument("<files...>", "SCENARIO.yaml, or with --genius: DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]")
    .option("--genius", "read a GENIUS XML domain and its profiles")
    .option("--protocol <name>", "alternating (stacked alternating offers) or single-text (mediated)", "alternating")
    .option(
      "--agents <list>",
      `one agent per party, comma-separated (default: red-lines for every party when they have red lines, else boulware and conceder in turn): ${AGENTS.map((a) => `${a.name} — ${a.description}`).join("; ")}`,
    )
    .option("--mediator <name>", `single-text mediator: ${MEDIATORS.map((m) => m.name).join(", ")}`, "shuttle")
    .option("--rounds <n>", "deadline in rounds (default 100)", integer(1, "--rounds"))
    .option("--seconds <n>", "deadline in simulated seconds instead of rounds", integer(1, "--seconds"))
    .option("--turn-seconds <n>", "simulated seconds each turn takes (with --seconds)", integer(1, "--turn-seconds"), 1)
    .option(
      "--max-rounds <n>",
      "refuse deadlines longer than this many rounds (default 100,000)",
      integer(1, "--max-rounds"),
    )
    .option("--seed <n>", "seed", integer(0, "--seed"), 42)
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize", MAX_STEPS), 11)
    .option("--json", "print one JSON object with the full trace")
    .action(async (files: string[], o: SimulateOptions) => {
      const [{ model }, { createArena }, { createSimulation }] = await Promise.all([
        load(files, o.genius, o.discretize),
        import("../negotiation/arena.js"),
        import("../negotiation/simulate.js"),
      ]);
      const arena = createArena(model);
      // An empty --agents is refused (no agents given); only an absent one takes the default.
      const agents =
        o.agents !== undefined
          ? o.agents
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : defaultAgents(model.parties.length, model.redLines.length > 0);
      const deadline =
        o.seconds !== undefined ? { seconds: o.seconds, turnSeconds: o.turnSeconds } : { rounds: o.rounds ?? 100 };
      const result = createSimulation(arena, {
        protocol: o.protocol,
        agents,
        mediator: o.mediator,
        deadline,
        ...(o.maxRounds ? { maxRounds: o.maxRounds } : {}),
      }).run(o.seed, true);
      process.stdout.write(
        o.json ? `${JSON.stringify(simulationJson(arena, agents, o, result))}\n` : render(arena, agents, o, result),
      );
    });
}

const BARS = "▁▂▃▄▅▆▇█";

/** Each party's own offers over time, as a one-line bar chart of its utility. */
function curve(arena: Arena, r: NegotiationResult, party: number, width = 50): string {
  const own = (r.trace ?? [])
    .filter((s) => s.party === party && s.action !== "accept" && s.offer >= 0)
    .map((s) => arena.utilities[party]![s.offer]!);
  if (!own.length) return "(no offers)";
  // Scaled between the lowest and highest offer, so a small concession still shows.
  let lo = Infinity,
    hi = -Infinity;
  for (const v of own) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  const span = hi - lo;
  const step = Math.max(1, own.length / width);
  let line = "";
  for (let x = 0; x < own.length && line.length < width; x += step) {
    const v = own[Math.floor(x)]!;
    line += BARS[span > 0 ? Math.min(7, Math.floor(((v - lo) / span) * 8)) : 7];
  }
  return `${line}  ${fmtUtility(own[0]!)} → ${fmtUtility(own[own.length - 1]!)}`;
}

function render(arena: Arena, agents: string[], o: SimulateOptions, r: NegotiationResult): string {
  const names = arena.model.parties.map((p) => p.name);
  const units = new Map(arena.model.space.issues.map((i) => [i.name, i.unit]));
  const out: string[] = [];
  const protocol = o.protocol === "single-text" ? `mediated single text (${o.mediator})` : "stacked alternating offers";
  out.push(`${arena.model.name}: ${protocol}, ${agents.join(" vs ")}, seed ${o.seed}`);
  if (arena.restricted)
    out.push("note: the outcome space is too large to enumerate; offers are restricted to Pareto-frontier outcomes");
  const crossed = r.agreement ? arena.model.redLines.filter((l) => crossesRedLine(l, arena.choices(r.outcome))) : [];
  const how =
    r.ending === "agreement"
      ? crossed.length
        ? `an agreement no party bound by its red lines would sign: round ${r.rounds}, crossing ${crossed.length} red line(s)`
        : `agreement in round ${r.rounds}`
      : r.ending === "walk-away"
        ? `no agreement: ${names[r.walkedAway]} walked away in round ${r.rounds}`
        : `no agreement by the deadline (${r.rounds} rounds)`;
  out.push("", how);
  if (r.agreement)
    out.push(
      "  " +
        Object.entries(arena.model.space.toRecord(arena.choices(r.outcome)))
          .map(([k, v]) => `${k}=${v}${units.get(k) ? ` ${units.get(k)}` : ""}`)
          .join(", "),
    );
  if (crossed.length)
    out.push(
      "  the red lines it crosses (these agents judge by utility; red-lines would refuse it):",
      ...crossed.map((l) => `    ${names[l.party]}: "${l.label}"`),
    );
  out.push(
    "",
    table(
      ["party", "agent", "utility", "discounted", "concession (own offers, utility)"],
      names.map((n, p) => [
        n,
        agents[p]!,
        fmtUtility(r.utilities[p]!),
        fmtUtility(r.discounted[p]!),
        curve(arena, r, p),
      ]),
    ),
  );
  return `${out.join("\n")}\n`;
}
