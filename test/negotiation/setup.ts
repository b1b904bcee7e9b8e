import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadGeniusFiles } from "../../src/formats/load-files.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import type { Model } from "../../src/model/scenario.js";
import { type Arena, createArena } from "../../src/negotiation/arena.js";
import { GENIUS, ROOT } from "../domains.js";

const arenas = new Map<string, Arena>();

/** A shared GENIUS domain's arena (built once per test file). */
export function geniusArena(name: string): Arena {
  let a = arenas.get(name);
  if (!a) arenas.set(name, (a = createArena(loadGeniusFiles(GENIUS[name]!.domain, GENIUS[name]!.profiles).model)));
  return a;
}

/** The same GENIUS domain with the profiles in the other order. */
export function swappedArena(name: string): Arena {
  return createArena(loadGeniusFiles(GENIUS[name]!.domain, [...GENIUS[name]!.profiles].reverse()).model);
}

/** A model with every party's reservation value set to `rv`. */
export function withReservation(model: Model, rv: number): Model {
  return {
    ...model,
    parties: model.parties.map((p) => ({ ...p, preferences: { ...p.preferences, reservation: rv } })),
  };
}

export function exampleArena(): Arena {
  return createArena(parseScenario(readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8")).model);
}

/** The bilateral shared domains the tournament benchmark uses. */
export const BILATERAL = ["LaptopC", "ItexvsCypress", "EnglandZimbabwe", "CameraB", "Travel", "Energy"];
