import { descendingOrder } from "../analysis/descending-order.js";
import { type Frontier, paretoFrontier } from "../analysis/pareto.js";
import { crossesRedLine } from "../model/red-line.js";
import type { Model } from "../model/scenario.js";
import { createUtilities, type Utilities, utilitiesStorage } from "../model/utilities.js";

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
  readonly order: Int32Array<ArrayBuffer>[] = [];
  readonly sorted: Float64Array<ArrayBuffer>[] = [];
  readonly reservations: Float64Array;
  readonly discounts: Float64Array;
  readonly tables: Utilities;
  private front: Frontier | undefined;
  private rows: Int32Array | undefined;
  private frontierCandidates: Int32Array | undefined;
  private masks: Uint8Array[] | undefined;

  constructor(readonly model: Model) {
    const k = (this.parties = model.parties.length);
    const total = model.space.countIfSmall;
    this.restricted = total === undefined || total > MAX_ENUMERATED;
    // One buffer holds the utility tables and every per-candidate array: a negotiation built
    // from scratch on a small space would otherwise spend most of its time allocating. Party 0's
    // sorted slot is the scratch space while utilities are built.
    const tableDoubles = utilitiesStorage(model);
    let u: Utilities, size: number, buffer: ArrayBuffer;
    if (this.restricted) {
      // A space too large to enumerate negotiates over its frontier, known only once computed.
      u = createUtilities(model);
      this.front = paretoFrontier(u);
      this.rows = this.front.outcomes;
      size = this.front.size;
      buffer = new ArrayBuffer(8 * (2 * k * size + k) + 4 * k * size);
    } else {
      size = total!;
      buffer = new ArrayBuffer(8 * (tableDoubles + 2 * k * size + k) + 4 * k * size);
      u = createUtilities(model, undefined, undefined, new Float64Array(buffer, 0, tableDoubles));
    }
    this.tables = u;
    this.size = size;
    const at = this.restricted ? 0 : 8 * tableDoubles;
    const doubles = 2 * k * size + k;
    const values = new Float64Array(buffer, at, doubles);
    const indices = new Int32Array(buffer, at + 8 * doubles, k * size);
    for (let p = 0; p < k; p++) {
      this.utilities.push(values.subarray(p * size, (p + 1) * size));
      this.sorted.push(values.subarray((k + p) * size, (k + p + 1) * size));
      this.order.push(indices.subarray(p * size, (p + 1) * size));
    }
    for (let p = 0; p < k; p++) {
      if (this.rows) frontierUtilities(u, p, this.rows, this.utilities[p]!);
      else everyOutcome(u, p, this.utilities[p]!, this.sorted[0]!);
    }
    for (let p = 0; p < k; p++) {
      const col = this.utilities[p]!,
        o = descendingOrder(col, this.order[p]!),
        s = this.sorted[p]!;
      for (let i = 0; i < size; i++) s[i] = col[o[i]!]!;
    }
    this.reservations = u.reservations;
    this.discounts = values.subarray(2 * k * size);
    for (let p = 0; p < k; p++) this.discounts[p] = model.parties[p]!.discount ?? 1;
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
