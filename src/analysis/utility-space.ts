import { crossesRedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import { createUtilities } from "../model/utilities.js";
import { createRandom } from "./random.js";

/** Two parties' utilities over the outcome space: how the outcomes spread, and where the pair's frontier lies. */
export interface UtilitySpace {
  readonly parties: readonly [string, string];
  /** Outcomes looked at: all of them, or a uniform sample when the space is larger than the limit. */
  readonly outcomes: number;
  readonly sampled: boolean;
  /** Outcomes per cell of a bins × bins grid over [0, 1]², row by row from utility 0 of the second party. */
  readonly bins: number;
  readonly counts: readonly number[];
  /** With red lines: per cell, the outcomes that cross none of any party's (the rest cross one). */
  readonly allowed?: readonly number[];
  /** The outcomes no other beats for both parties, by the first party's utility, descending. */
  readonly frontier: readonly (readonly [number, number])[];
}

/**
 * The utility space of parties `a` and `b`: every outcome (or `limit` of them drawn uniformly,
 * seeded) counted on a grid, and the pair's exact Pareto frontier among those looked at.
 */
export function utilitySpace(
  model: Model,
  a: number,
  b: number,
  options: { limit?: number; bins?: number; seed?: number } = {},
): UtilitySpace {
  const u = createUtilities(model);
  const limit = options.limit ?? 2_000_000;
  const bins = options.bins ?? 50;
  const n = u.issues;
  const size = model.space.size;
  const sampled = size > BigInt(limit);
  const count = sampled ? limit : Number(size);
  const ta = u.tables[a]!,
    tb = u.tables[b]!;
  const ua = new Float64Array(count),
    ub = new Float64Array(count);
  // 1 where the outcome crosses no party's red line (only computed when there are red lines).
  const lines = model.redLines;
  const free = lines.length ? new Uint8Array(count) : null;
  const choices = new Int32Array(n);
  const random = createRandom(options.seed ?? 1);
  for (let k = 0; k < count; k++) {
    if (sampled) for (let i = 0; i < n; i++) choices[i] = Math.floor(random() * u.cardinalities[i]!);
    let x = 0,
      y = 0;
    for (let i = 0; i < n; i++) {
      const at = u.offsets[i]! + choices[i]!;
      x += ta[at]!;
      y += tb[at]!;
    }
    ua[k] = x;
    ub[k] = y;
    if (free) free[k] = lines.some((l) => crossesRedLine(l, choices)) ? 0 : 1;
    // The next outcome in mixed radix, the last issue fastest.
    if (!sampled) for (let i = n - 1; i >= 0 && ++choices[i]! === u.cardinalities[i]; i--) choices[i] = 0;
  }
  const counts = new Array<number>(bins * bins).fill(0);
  const cell = (v: number) => Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
  for (let k = 0; k < count; k++) counts[cell(ub[k]!) * bins + cell(ua[k]!)]! += 1;
  let allowed: number[] | undefined;
  if (free) {
    allowed = new Array<number>(bins * bins).fill(0);
    for (let k = 0; k < count; k++) if (free[k]) allowed[cell(ub[k]!) * bins + cell(ua[k]!)]! += 1;
  }
  // Frontier: by the first utility descending (ties: the second descending), keep each point that raises the best second utility.
  const order = Array.from({ length: count }, (_, k) => k).sort((p, q) => ua[q]! - ua[p]! || ub[q]! - ub[p]!);
  const frontier: [number, number][] = [];
  let best = -Infinity;
  for (const k of order)
    if (ub[k]! > best) {
      best = ub[k]!;
      frontier.push([ua[k]!, ub[k]!]);
    }
  return {
    parties: [model.parties[a]!.name, model.parties[b]!.name],
    outcomes: count,
    sampled,
    bins,
    counts,
    ...(allowed ? { allowed } : {}),
    frontier,
  };
}
