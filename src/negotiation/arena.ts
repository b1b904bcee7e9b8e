import { type Frontier, paretoFrontier } from "../analysis/pareto.js";
import { nominalUtilities } from "../model/nominal-utilities.js";
import { crossesRedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import type { Utilities } from "../model/utilities.js";
import { Ranking } from "./ranking.js";
import { carve } from "./slab.js";

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
  /** Per party: candidates by utility, best first, sorted as searches need them. */
  readonly rankings: readonly Ranking[];
  /** Per party: candidates by utility, best first (every ranking sorted whole on first use). */
  readonly order: readonly Int32Array<ArrayBuffer>[];
  /** Per party: the utilities in that order (descending). */
  readonly sorted: readonly Float64Array<ArrayBuffer>[];
  readonly reservations: Float64Array;
  /** GENIUS discount factors (1 = none). */
  readonly discounts: Float64Array;
  /** Candidates that reach the exact Pareto frontier (one per frontier point); computed on first use. */
  readonly frontier: Int32Array;
  /** Per party: 1 where a candidate crosses none of the party's red lines; computed on first use. */
  readonly allowed: readonly Uint8Array[];
  readonly tables: Utilities;
  /** The option index per issue of a candidate. */
  choices(candidate: number, into?: Int32Array): Int32Array;
}

export function createArena(model: Model): Arena {
  return new PreparedArena(model);
}

class PreparedArena implements Arena {
  readonly parties: number;
  readonly size: number;
  readonly restricted: boolean;
  readonly utilities: Float64Array<ArrayBuffer>[] = [];
  readonly rankings: Ranking[] = [];
  readonly reservations: Float64Array;
  readonly discounts: Float64Array;
  readonly tables: Utilities;
  private front: Frontier | undefined;
  private rows: Int32Array | undefined;
  private frontierCandidates: Int32Array | undefined;
  private masks: Uint8Array[] | undefined;
  private orders: Int32Array<ArrayBuffer>[] | undefined;
  private sortedUtilities: Float64Array<ArrayBuffer>[] | undefined;

  constructor(readonly model: Model) {
    const k = (this.parties = model.parties.length);
    const total = model.space.countIfSmall;
    this.restricted = total === undefined || total > MAX_ENUMERATED;
    const u = (this.tables = nominalUtilities(model));
    let size: number;
    if (this.restricted) {
      // A space too large to enumerate negotiates over its frontier, known only once computed.
      this.front = paretoFrontier(u);
      this.rows = this.front.outcomes;
      size = this.front.size;
    } else size = total!;
    this.size = size;
    // One run of memory holds every per-candidate array: a negotiation built from scratch on a
    // small space would otherwise spend most of its time allocating.
    const { buffer, offset: at } = carve(8 * (2 * k * size + k) + 4 * k * size);
    // Per party its utilities, then per party its sorted utilities, the discounts, then per party its order.
    const ints = at + 8 * (2 * k * size + k);
    const sorted0 = new Float64Array(buffer, at + 8 * k * size, size);
    for (let p = 0; p < k; p++) {
      const col = new Float64Array(buffer, at + 8 * p * size, size);
      this.utilities.push(col);
      // The first party's sorted slot is the scratch space while utilities are built.
      if (this.rows) frontierUtilities(u, p, this.rows, col);
      else everyOutcome(u, p, col, sorted0);
    }
    for (let p = 0; p < k; p++)
      this.rankings.push(
        new Ranking(
          this.utilities[p]!,
          new Int32Array(buffer, ints + 4 * p * size, size),
          p === 0 ? sorted0 : new Float64Array(buffer, at + 8 * (k + p) * size, size),
        ),
      );
    this.reservations = u.reservations;
    this.discounts = new Float64Array(buffer, at + 8 * 2 * k * size, k);
    for (let p = 0; p < k; p++) this.discounts[p] = model.parties[p]!.discount ?? 1;
  }

  get order(): Int32Array<ArrayBuffer>[] {
    return (this.orders ??= this.rankings.map((r) => r.complete().order));
  }

  get sorted(): Float64Array<ArrayBuffer>[] {
    return (this.sortedUtilities ??= this.rankings.map((r) => r.complete().sorted));
  }

  choices(c: number, into: Int32Array = new Int32Array(this.tables.issues)): Int32Array {
    const n = this.tables.issues;
    if (this.rows) {
      into.set(this.rows.subarray(c * n, (c + 1) * n));
      return into;
    }
    return this.model.space.decode(c, into);
  }

  get frontier(): Int32Array {
    if (!this.frontierCandidates) {
      const f = (this.front ??= paretoFrontier(this.tables));
      const n = this.tables.issues,
        space = this.model.space;
      this.frontierCandidates = this.rows
        ? Int32Array.from({ length: f.size }, (_, i) => i)
        : Int32Array.from({ length: f.size }, (_, r) => space.encode(f.outcomes.subarray(r * n, (r + 1) * n)));
    }
    return this.frontierCandidates;
  }

  get allowed(): readonly Uint8Array[] {
    return (this.masks ??= redLineMasks(this.model, this.size, (c, into) => this.choices(c, into)));
  }
}

/** Per party, 1 where a candidate crosses none of the party's red lines. */
function redLineMasks(model: Model, size: number, choices: (c: number, into: Int32Array) => Int32Array): Uint8Array[] {
  const allowed = model.parties.map(() => new Uint8Array(size).fill(1));
  if (!model.redLines.length) return allowed;
  const buf = new Int32Array(model.space.issues.length);
  for (let c = 0; c < size; c++) {
    choices(c, buf);
    for (const line of model.redLines) if (crossesRedLine(line, buf)) allowed[line.party]![c] = 0;
  }
  return allowed;
}

/**
 * Party p's utility of every outcome in index order (the last issue varying fastest), built
 * issue by issue: each step extends every prefix by each option of the next issue. The sums
 * are added in the same order as `utilityOf`, so the values are the same to the last bit.
 */
function everyOutcome(u: Utilities, p: number, col: Float64Array, scratch: Float64Array): void {
  const t = u.tables[p]!;
  const size = col.length;
  // Alternate between the two buffers so that the last issue's step writes into `col`.
  let cur = u.issues % 2 === 0 ? col : scratch,
    next = u.issues % 2 === 0 ? scratch : col;
  cur[0] = 0;
  let m = 1;
  for (let i = 0; i < u.issues; i++) {
    const q = u.cardinalities[i]!,
      off = u.offsets[i]!;
    for (let s = m - 1; s >= 0; s--) {
      const base = cur[s]!;
      for (let o = 0; o < q; o++) next[s * q + o] = base + t[off + o]!;
    }
    [cur, next] = [next, cur];
    m *= q;
  }
  for (let c = 0; c < size; c++) if (col[c]! > 1) col[c] = 1;
}

function frontierUtilities(u: Utilities, p: number, outcomes: Int32Array, col: Float64Array): void {
  const n = u.issues,
    t = u.tables[p]!;
  for (let c = 0; c < col.length; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += t[u.offsets[i]! + outcomes[c * n + i]!]!;
    col[c] = Math.min(s, 1);
  }
}
