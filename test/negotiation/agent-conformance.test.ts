import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCEPT, END } from "../../src/negotiation/agent.js";
import { AGENTS, createAgent } from "../../src/negotiation/agents/index.js";
import { runAlternatingOffers } from "../../src/negotiation/alternating-offers.js";
import { createArena } from "../../src/negotiation/arena.js";
import { exampleArena, geniusArena, withReservation } from "./setup.js";

/** Every agent kind passes the same suite; a kind that needs an exception must say why here. */
describe.each(AGENTS.map((a) => a.name))("agent conformance: %s", (name) => {
  const laptop = geniusArena("LaptopC");
  const strict = createArena(withReservation(laptop.model, 0.75));
  const treaty = exampleArena();

  it("answers with ACCEPT, END or a candidate of the arena, and only accepts a standing offer", () => {
    const agent = createAgent(name);
    agent.start({ arena: laptop, party: 0, random: () => 0.5 });
    for (let step = 0; step <= 20; step++) {
      const offer = step === 0 ? -1 : (step * 7) % laptop.size;
      const a = agent.act(offer, step / 20);
      expect(a === ACCEPT || a === END || (Number.isInteger(a) && a >= 0 && a < laptop.size)).toBe(true);
      if (offer < 0) expect(a).not.toBe(ACCEPT);
    }
  });

  it("never agrees below its reservation value, and never offers below it", () => {
    for (const arena of [strict, treaty]) {
      for (const other of AGENTS) {
        for (let seed = 0; seed < 5; seed++) {
          const agents = Array.from({ length: arena.parties }, (_, p) => createAgent(p === 0 ? name : other.name));
          const r = runAlternatingOffers(arena, agents, { deadline: { rounds: 60 }, seed, trace: true });
          if (r.agreement) expect(r.utilities[0]).toBeGreaterThanOrEqual(arena.reservations[0]! - 1e-12);
          for (const s of r.trace!)
            if (s.party === 0 && s.action === "offer")
              expect(arena.utilities[0]![s.offer]).toBeGreaterThanOrEqual(arena.reservations[0]! - 1e-12);
        }
      }
    }
  });

  it("is deterministic for a seed, whatever ran before", () => {
    const run = (seed: number) =>
      runAlternatingOffers(laptop, [createAgent(name), createAgent("random")], {
        deadline: { rounds: 40 },
        seed,
        trace: true,
      });
    const first = run(11);
    run(12);
    expect(run(11)).toEqual(first);
  });

  it("terminates within the deadline for any seed, opponent and deadline (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(...AGENTS.map((a) => a.name)),
        fc.integer({ min: 1, max: 150 }),
        fc.boolean(),
        (seed, other, rounds, first) => {
          const agents = first ? [createAgent(name), createAgent(other)] : [createAgent(other), createAgent(name)];
          const r = runAlternatingOffers(laptop, agents, { deadline: { rounds }, seed });
          expect(r.rounds).toBeLessThanOrEqual(rounds);
          expect(r.time).toBeLessThanOrEqual(1);
          expect(["agreement", "deadline", "walk-away"]).toContain(r.ending);
        },
      ),
      { numRuns: 100 },
    );
  });
});
