import { crossesRedLine, type RedLine } from "../model/red-line.js";
import { type Utilities, utilityOf } from "../model/utilities.js";
import { isRational } from "./bargaining-solutions.js";
import { countAcceptable } from "./count-acceptable.js";
import { type Frontier, fullMask } from "./pareto.js";
import { createRandom } from "./random.js";
import { forEachFeasibleBox } from "./red-line-branches.js";

/** The zone of possible agreement: outcomes that give every party at least its reservation value and cross no red line. */
export interface Zopa {
  readonly exists: boolean;
  /** Exact number of such outcomes, or null when counting it exactly is out of reach. */
  readonly size: bigint | null;
  /** When `size` is null: a sampled estimate of it (seeded; `hits` of `samples` uniform draws fell in the zone). */
  readonly estimate?: { readonly size: number; readonly samples: number; readonly hits: number };
}

/**
 * Whether a zone of agreement exists (some point of the red-line-respecting frontier is
 * individually rational) and how large it is, counted exactly per disjoint feasible box.
 */
export function zoneOfAgreement(
  u: Utilities,
  lines: readonly RedLine[],
  feasible: Frontier,
  options: { samples?: number; seed?: number } = {},
): Zopa {
  let exists = false;
  for (let r = 0; r < feasible.size && !exists; r++) exists = isRational(feasible, r, u.reservations);
  if (!exists) return { exists, size: 0n };
  let size: bigint | null = 0n;
  forEachFeasibleBox(u, lines, fullMask(u), (box) => {
    if (size === null) return;
    const c = countAcceptable(u, box, u.reservations);
    size = c === undefined ? null : size + c;
  });
  if (size !== null) return { exists, size };
  return { exists, size: null, estimate: estimateZopaSize(u, lines, options.samples ?? 100_000, options.seed ?? 1) };
}

function estimateZopaSize(
  u: Utilities,
  lines: readonly RedLine[],
  samples: number,
  seed: number,
): { size: number; samples: number; hits: number } {
  const random = createRandom(seed);
  const choices = new Int32Array(u.issues);
  let hits = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < u.issues; i++) choices[i] = Math.floor(random() * u.cardinalities[i]!);
    if (lines.some((l) => crossesRedLine(l, choices))) continue;
    let ok = true;
    for (let p = 0; p < u.parties && ok; p++) ok = utilityOf(u, p, choices) >= u.reservations[p]! - 1e-9;
    if (ok) hits++;
  }
  const space = u.cardinalities.reduce((n, c) => n * c, 1);
  return { size: (hits / samples) * space, samples, hits };
}
