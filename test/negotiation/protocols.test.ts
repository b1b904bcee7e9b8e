import { describe, expect, it } from "vitest";
import { UTILITY_EPS } from "../../src/analysis/pareto.js";
import { nearestDominating } from "../../src/analysis/proposal-evaluation.js";
import { resolve } from "../../src/model/preferences.js";
import { createAgent } from "../../src/negotiation/agents/index.js";
import type { OpponentModelAgent } from "../../src/negotiation/agents/opponent-model.js";
import { runAlternatingOffers } from "../../src/negotiation/alternating-offers.js";
import { FrequencyModel } from "../../src/negotiation/frequency-model.js";
import { createMediator } from "../../src/negotiation/mediators/index.js";
import { replayAlternatingOffers } from "../../src/negotiation/replay.js";
import { runSingleText } from "../../src/negotiation/single-text.js";
import { scenarioReference } from "../../src/negotiation/tournament.js";
import { BILATERAL, exampleArena, geniusArena, swappedArena } from "./setup.js";
import { StubbornAgent } from "./stubborn-agent.js";

const ownOfferUtilities = (
  trace: NonNullable<ReturnType<typeof runAlternatingOffers>["trace"]>,
  party: number,
  arena: ReturnType<typeof geniusArena>,
) => trace.filter((s) => s.party === party && s.action === "offer").map((s) => arena.utilities[party]![s.offer]!);

describe("stacked alternating offers", () => {
  it("Boulware concedes later than Conceder (same opponent, same domain)", () => {
    for (const name of ["CameraB", "Energy"]) {
      const arena = geniusArena(name);
      // A hardliner opponent keeps the negotiation going to the deadline.
      const b = runAlternatingOffers(arena, [createAgent("boulware"), createAgent("boulware:0.01")], {
        deadline: { rounds: 100 },
        seed: 1,
        trace: true,
      });
      const c = runAlternatingOffers(arena, [createAgent("conceder"), createAgent("boulware:0.01")], {
        deadline: { rounds: 100 },
        seed: 1,
        trace: true,
      });
      const ub = ownOfferUtilities(b.trace!, 0, arena),
        uc = ownOfferUtilities(c.trace!, 0, arena);
      // Turn by turn, Boulware asks at least as much, and strictly more once Conceder moves.
      const common = Math.min(ub.length, uc.length);
      expect(common).toBeGreaterThan(3);
      for (let k = 0; k < common; k++) expect(ub[k]!).toBeGreaterThanOrEqual(uc[k]!);
      expect(ub.slice(1, common).some((x, k) => x > uc[k + 1]!)).toBe(true);
      expect(b.rounds).toBeGreaterThan(c.rounds);
      // Both concede monotonically.
      for (const u of [ub, uc]) for (let i = 1; i < u.length; i++) expect(u[i]!).toBeLessThanOrEqual(u[i - 1]! + 1e-12);
    }
  });

  it("two frontier-following agents agree on a Pareto-efficient outcome, on every bilateral shared domain", () => {
    for (const name of BILATERAL) {
      const arena = geniusArena(name);
      const { frontier } = scenarioReference(arena);
      for (const seed of [1, 2, 3]) {
        const r = runAlternatingOffers(arena, [createAgent("frontier"), createAgent("frontier:0.5")], {
          deadline: { rounds: 100 },
          seed,
        });
        expect(r.agreement).toBe(true);
        expect(nearestDominating(frontier, r.utilities)).toBe(-1);
        expect(r.utilities.every((u, p) => u >= arena.reservations[p]! - UTILITY_EPS)).toBe(true);
      }
    }
  });

  it("plans the aspiration per turn once, with the same offers as computing it on every call", () => {
    const arena = geniusArena("Energy");
    const planned = createAgent("boulware"),
      direct = createAgent("boulware");
    planned.start({ arena, party: 1, random: () => 0.5, turns: 200 });
    direct.start({ arena, party: 1, random: () => 0.5 });
    for (let turn = 0; turn < 200; turn++) expect(planned.act(-1, turn / 200)).toBe(direct.act(-1, turn / 200));
  });

  it("applies GENIUS discounting: u · d^t at the time of agreement (CameraB, d = 0.5)", () => {
    const arena = geniusArena("CameraB");
    const r = runAlternatingOffers(arena, [createAgent("boulware"), createAgent("conceder")], {
      deadline: { rounds: 100 },
      seed: 4,
    });
    expect(r.agreement).toBe(true);
    for (let p = 0; p < 2; p++) expect(r.discounted[p]).toBeCloseTo(r.utilities[p]! * 0.5 ** r.time, 12);
  });

  it("takes a deadline in simulated time as well as in rounds", () => {
    const arena = geniusArena("CameraB");
    const inTime = runAlternatingOffers(arena, [createAgent("boulware"), createAgent("boulware")], {
      deadline: { seconds: 60, turnSeconds: 2 },
      seed: 1,
    });
    expect(inTime.ending).toBe("agreement");
    expect(inTime.rounds).toBeLessThanOrEqual(15);
    const hard = runAlternatingOffers(arena, [createAgent("boulware:0.01"), createAgent("boulware:0.01")], {
      deadline: { seconds: 60, turnSeconds: 2 },
      seed: 1,
    });
    expect(hard.rounds).toBeLessThanOrEqual(15);
  });

  it("traces replay to the same result", () => {
    for (const name of ["LaptopC", "CameraB", "Energy"]) {
      const arena = geniusArena(name);
      for (const pair of [
        ["boulware", "conceder"],
        ["tit-for-tat", "opponent-model"],
        ["random", "linear"],
        ["boulware:0.01", "boulware:0.01"],
      ]) {
        const r = runAlternatingOffers(arena, pair.map(createAgent), {
          deadline: { rounds: 80 },
          seed: 9,
          trace: true,
        });
        const { trace, ...result } = r;
        const { trace: _none, ...replayed } = replayAlternatingOffers(arena, trace!, 80);
        expect(replayed).toEqual(result);
      }
    }
  });

  it("runs three parties (the example treaty), each agent respecting its party's red lines", () => {
    const arena = exampleArena();
    const r = runAlternatingOffers(
      arena,
      [createAgent("red-lines"), createAgent("red-lines"), createAgent("red-lines")],
      { deadline: { rounds: 200 }, seed: 3 },
    );
    expect(r.agreement).toBe(true);
    for (let p = 0; p < 3; p++) expect(arena.allowed[p]![r.outcome]).toBe(1);
  });
});

describe("a new agent in one file (the README's example)", () => {
  it("negotiates with the built-in agents", () => {
    const arena = geniusArena("CameraB");
    const r = runAlternatingOffers(arena, [new StubbornAgent(), createAgent("conceder")], {
      deadline: { rounds: 100 },
      seed: 1,
    });
    expect(r.agreement).toBe(true);
    expect(r.utilities[0]).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the frequency opponent model", () => {
  const ranking = (w: ArrayLike<number>) =>
    Array.from(w, (x, i) => [x, i] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, i]) => i);
  const spearman = (a: number[], b: number[]) => {
    const pos = (r: number[]) => r.reduce((acc, issue, k) => ((acc[issue] = k), acc), new Array<number>(r.length));
    const pa = pos(a),
      pb = pos(b),
      n = a.length;
    return 1 - (6 * pa.reduce((s, x, i) => s + (x - pb[i]!) ** 2, 0)) / (n * (n * n - 1));
  };
  /** The model built from the opponent's offers of the first 50 rounds of a 100-round negotiation. */
  const learnt = (arena: ReturnType<typeof geniusArena>, opponent: string) => {
    const r = runAlternatingOffers(arena, [createAgent("opponent-model"), createAgent(opponent)], {
      deadline: { rounds: 100 },
      seed: 1,
      trace: true,
    });
    const model = new FrequencyModel(arena.tables.cardinalities, arena.tables.offsets);
    for (const s of r.trace!)
      if (s.party === 1 && s.action === "offer" && s.round <= 50) model.update(arena.choices(s.offer));
    const truth = arena.model.parties[1]!.preferences.weights.map((w) => resolve(w, []));
    return { estimated: ranking(model.weights()), truth: ranking(truth) };
  };

  it("recovers the opponent's exact issue ranking on LaptopC within 50 rounds (both profiles, conceding opponents)", () => {
    for (const arena of [geniusArena("LaptopC"), swappedArena("LaptopC")])
      for (const opponent of ["conceder", "linear"]) {
        const { estimated, truth } = learnt(arena, opponent);
        expect(estimated).toEqual(truth);
      }
  });

  it("ranks CameraB's six issues close to the truth within 50 rounds (Spearman ≥ 0.6)", () => {
    const found: number[] = [];
    for (const arena of [geniusArena("CameraB"), swappedArena("CameraB")])
      for (const opponent of ["conceder", "linear"]) {
        const { estimated, truth } = learnt(arena, opponent);
        found.push(spearman(estimated, truth));
      }
    for (const rho of found) expect(rho).toBeGreaterThanOrEqual(0.6);
  });

  it("is what the opponent-model agent uses while it negotiates", () => {
    const arena = geniusArena("LaptopC");
    const agent = createAgent("opponent-model") as OpponentModelAgent;
    runAlternatingOffers(arena, [agent, createAgent("linear")], { deadline: { rounds: 50 }, seed: 1 });
    expect(ranking(agent.modelOf(1)!.weights())).toEqual(
      ranking(arena.model.parties[1]!.preferences.weights.map((w) => resolve(w, []))),
    );
    expect(agent.modelOf(0)).toBeNull();
  });
});

describe("mediated single negotiating text", () => {
  it.each(["shuttle", "hill-climber"])(
    "%s mediator: an agreement every party accepts, above every reservation value",
    (mediator) => {
      const arena = exampleArena();
      const agents = () => [createAgent("linear"), createAgent("linear"), createAgent("linear")];
      const r = runSingleText(arena, agents(), createMediator(mediator), {
        deadline: { rounds: 200 },
        seed: 5,
        trace: true,
      });
      expect(r.agreement).toBe(true);
      r.utilities.forEach((u, p) => expect(u).toBeGreaterThanOrEqual(arena.reservations[p]!));
      const last = r.trace!.slice(-3);
      expect(last.map((s) => s.action)).toEqual(["accept", "accept", "accept"]);
      expect(
        runSingleText(arena, agents(), createMediator(mediator), { deadline: { rounds: 200 }, seed: 5, trace: true }),
      ).toEqual(r);
    },
  );
});
