import { paretoFrontier } from "../analysis/pareto.js";
import { crossesRedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import { createUtilities, utilityOf, type Utilities } from "../model/utilities.js";

/** Spaces up to this size are enumerated once; larger ones negotiate over Pareto-frontier outcomes. */
export const MAX_ENUMERATED = 4_000_000;

/**
 * The outcomes a negotiation can reach, prepared once per scenario so that every round is a
 * few array lookups: each candidate's utility for every party, and per party the candidates
 * sorted by that utility (the index agents search instead of scanning the space).
 */
export interface Arena {
  readonly model: Model;
  readonly parties: number;
  /** Number of candidate outcomes. */
  readonly size: number;
  /** True when the space was too large to enumerate and candidates are the Pareto frontier's outcomes. */
  readonly restricted: boolean;
  /** Per party, per candidate. */
  readonly utilities: readonly Float64Array<ArrayBuffer>[];
  /** Per party: candidates by utility, best first. */
  readonly order: readonly Int32Array<ArrayBuffer>[];
  /** Per party: the utilities in that order (descending). */
  readonly sorted: readonly Float64Array<ArrayBuffer>[];
  readonly reservations: Float64Array;
  /** GENIUS discount factors (1 = none). */
  readonly discounts: Float64Array;
  /** Candidates that reach the exact Pareto frontier (one per frontier point). */
  readonly frontier: Int32Array;
  /** Per party: 1 where a candidate crosses none of the party's red lines. */
  readonly allowed: readonly Uint8Array[];
  readonly tables: Utilities;
  /** The option index per issue of a candidate. */
  choices(candidate: number, into?: Int32Array): Int32Array;
}

export function createArena(model: Model): Arena {
  const u = createUtilities(model);
  const k = u.parties, n = u.issues;
  const total = model.space.countIfSmall;
  const front = paretoFrontier(u);
  const restricted = total === undefined || total > MAX_ENUMERATED;
  const size = restricted ? front.size : total!;
  const rows = restricted ? front.outcomes : undefined;
  const choices = (c: number, into = new Int32Array(n)) => (rows ? (into.set(rows.subarray(c * n, (c + 1) * n)), into) : model.space.decode(c, into));
  const utilities = Array.from({ length: k }, () => new Float64Array(size));
  const allowed = Array.from({ length: k }, () => new Uint8Array(size).fill(1));
  const buf = new Int32Array(n);
  for (let c = 0; c < size; c++) {
    choices(c, buf);
    for (let p = 0; p < k; p++) utilities[p]![c] = utilityOf(u, p, buf);
    for (const line of model.redLines) if (crossesRedLine(line, buf)) allowed[line.party]![c] = 0;
  }
  const order = utilities.map((col) => Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => col[b]! - col[a]! || a - b));
  const sorted = utilities.map((col, p) => Float64Array.from(order[p]!, (c) => col[c]!));
  const frontier = restricted ? Int32Array.from({ length: front.size }, (_, i) => i) : Int32Array.from({ length: front.size }, (_, r) => model.space.encode(front.outcomes.subarray(r * n, (r + 1) * n)));
  return {
    model,
    parties: k,
    size,
    restricted,
    utilities,
    order,
    sorted,
    reservations: u.reservations,
    discounts: Float64Array.from(model.parties, (p) => p.discount ?? 1),
    frontier,
    allowed,
    tables: u,
    choices,
  };
}
