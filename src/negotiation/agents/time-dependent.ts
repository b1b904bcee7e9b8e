import { ACCEPT, type Agent, type AgentContext, END, lastAtLeast } from "../agent.js";
import type { Arena } from "../arena.js";

/** The candidates an agent may offer, best first for it, with their utilities. */
export interface Pool {
  readonly order: Int32Array;
  readonly sorted: Float64Array;
}

/** Which candidates an agent offers from: all of them, by default. */
export type PoolChoice = (arena: Arena, party: number) => Pool;

export const fullPool: PoolChoice = (arena, party) => ({ order: arena.order[party]!, sorted: arena.sorted[party]! });

// Placeholders until start(): agents are created per negotiation, so no allocation here.
const NONE_F = new Float64Array(0);
const NONE_I = new Int32Array(0);

const cache = new WeakMap<Arena, Map<string, Pool>>();

/** A pool of the candidates `keep` admits, computed once per arena, party and key. */
export function filteredPool(
  key: string,
  keep: (arena: Arena, party: number, candidate: number) => boolean,
): PoolChoice {
  return (arena, party) => {
    const byArena = cache.get(arena) ?? cache.set(arena, new Map()).get(arena)!;
    const id = `${key}:${party}`;
    let pool = byArena.get(id);
    if (!pool) {
      const order = arena.order[party]!.filter((c) => keep(arena, party, c));
      pool = { order, sorted: Float64Array.from(order, (c) => arena.utilities[party]![c]!) };
      byArena.set(id, pool);
    }
    return pool;
  };
}

/**
 * Faratin, Sierra & Jennings (1998) time-dependent tactic: aspiration
 * P(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)); e < 1 concedes late (Boulware), e > 1 early
 * (Conceder), e = 1 linearly. Offers the candidate whose utility is the least ≥ P(t) and
 * accepts an offer worth at least that (AC_next). Never offers or accepts below its
 * reservation value; walks away when nothing reaches it.
 */
export class TimeDependentAgent implements Agent {
  protected u: Float64Array = NONE_F;
  protected order: Int32Array = NONE_I;
  protected sorted: Float64Array = NONE_F;
  protected end = 0;
  protected max = 1;
  protected min = 0;
  protected rv = 0;
  protected allowed: Uint8Array | null = null;
  /** Position in `order` of the last offer made. */
  protected index = 0;
  /** Offer position per turn (-1 until first needed), reused while nothing changes. */
  private plan: number[] = [];
  private planFor: readonly unknown[] = [];

  constructor(
    readonly e: number,
    private readonly pool: PoolChoice = fullPool,
    private readonly respectRedLines = false,
  ) {}

  start(ctx: AgentContext): void {
    const { order, sorted } = this.pool(ctx.arena, ctx.party);
    this.u = ctx.arena.utilities[ctx.party]!;
    this.order = order;
    this.sorted = sorted;
    this.rv = ctx.arena.reservations[ctx.party]!;
    this.allowed = this.respectRedLines ? ctx.arena.allowed[ctx.party]! : null;
    this.end = sorted.length ? lastAtLeast(sorted, this.rv) + (sorted[0]! >= this.rv ? 1 : 0) : 0;
    this.max = this.end ? sorted[0]! : 1;
    this.min = this.end ? Math.max(this.rv, sorted[this.end - 1]!) : 1;
    const turns = ctx.turns ?? 0;
    const key = [sorted, this.end, this.min, this.max, turns];
    if (turns > 0 && this.end > 0 && key.some((x, i) => x !== this.planFor[i])) {
      // t^(1/e) costs ~100 ns: each turn's offer position is computed on first use and kept
      // while nothing changes, so a short negotiation pays for its few turns only.
      // A plain array: a typed one this small costs more to allocate than to fill.
      if (this.plan.length !== turns + 1) this.plan = new Array<number>(turns + 1);
      this.plan.fill(-1);
      this.planFor = key;
    }
    if (turns === 0) this.planFor = [];
  }

  /** Aspiration at time t. */
  target(t: number): number {
    return this.min + (this.max - this.min) * (1 - t ** (1 / this.e));
  }

  act(offer: number, t: number): number {
    if (this.end === 0) return END;
    const turns = this.plan.length - 1;
    const k = Math.round(t * turns);
    let i: number;
    if (this.planFor.length && Math.abs(k - t * turns) < 1e-9) {
      i = this.plan[k]!;
      if (i < 0) i = this.plan[k] = lastAtLeast(this.sorted, this.target(k / turns), this.end);
    } else i = lastAtLeast(this.sorted, this.target(t), this.end);
    if (offer >= 0 && this.acceptable(offer, this.sorted[i]!)) return ACCEPT;
    this.index = i;
    return this.order[i]!;
  }

  protected acceptable(offer: number, aspiration: number): boolean {
    const x = this.u[offer]!;
    return x >= aspiration && x >= this.rv && (this.allowed === null || this.allowed[offer] === 1);
  }
}
