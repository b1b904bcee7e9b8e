import { ACCEPT, type Agent, type AgentContext, END, lastAtLeast } from "../agent.js";
import type { Arena } from "../arena.js";

/**
 * The candidates an agent may offer, best first for it, with their utilities. `order` and
 * `sorted` may be sorted only in part: they hold at position 0 and at every position
 * `lastAtLeast` has returned.
 */
export interface Pool {
  readonly order: Int32Array;
  readonly sorted: Float64Array;
  /** The position of the least utility ≥ target among the first `end` (0 when none is). */
  lastAtLeast(target: number, end?: number): number;
}

/** Which candidates an agent offers from: all of them, by default. */
export type PoolChoice = (arena: Arena, party: number) => Pool;

/** Every candidate, sorted as the agent's searches reach it. */
export const fullPool: PoolChoice = (arena, party) => arena.rankings[party]!;

/** Every candidate, sorted whole: for agents that read positions no search returned. */
export const wholePool: PoolChoice = (arena, party) => arena.rankings[party]!.complete();

// Placeholders until start(): agents are created per negotiation, so no allocation here.
const NONE_F = new Float64Array(0);
const NONE_I = new Int32Array(0);
const NO_PLAN: number[] = [];
const NO_POOL: Pool = { order: NONE_I, sorted: NONE_F, lastAtLeast: () => 0 };

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
      const sorted = Float64Array.from(order, (c) => arena.utilities[party]![c]!);
      pool = { order, sorted, lastAtLeast: (target, end) => lastAtLeast(sorted, target, end) };
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
  protected ranked: Pool = NO_POOL;
  protected end = 0;
  protected max = 1;
  protected min = 0;
  protected rv = 0;
  protected allowed: Uint8Array | null = null;
  /** Position in `order` of the last offer made. */
  protected index = 0;
  /** Offer position per turn (-1 until first needed), kept while the agent meets the same arena. */
  private plan: number[] = NO_PLAN;
  // What the plan was made for.
  private planSorted: Float64Array = NONE_F;
  private planEnd = -1;
  private planMin = Number.NaN;
  private planMax = Number.NaN;
  private planTurns = -1;

  constructor(
    readonly e: number,
    private readonly pool: PoolChoice = fullPool,
    private readonly respectRedLines = false,
  ) {}

  start(ctx: AgentContext): void {
    const pool = (this.ranked = this.pool(ctx.arena, ctx.party));
    const { order, sorted } = pool;
    this.u = ctx.arena.utilities[ctx.party]!;
    this.order = order;
    this.sorted = sorted;
    this.rv = ctx.arena.reservations[ctx.party]!;
    this.allowed = this.respectRedLines ? ctx.arena.allowed[ctx.party]! : null;
    this.end = sorted.length ? pool.lastAtLeast(this.rv) + (sorted[0]! >= this.rv ? 1 : 0) : 0;
    this.max = this.end ? sorted[0]! : 1;
    this.min = this.end ? Math.max(this.rv, sorted[this.end - 1]!) : 1;
    const turns = ctx.turns ?? 0;
    const same =
      sorted === this.planSorted &&
      this.end === this.planEnd &&
      this.min === this.planMin &&
      this.max === this.planMax &&
      turns === this.planTurns;
    if (!same) {
      this.plan = NO_PLAN;
      this.planSorted = sorted;
      this.planEnd = this.end;
      this.planMin = this.min;
      this.planMax = this.max;
      this.planTurns = turns;
    } else if (turns > 0 && this.end > 0 && this.plan.length !== turns + 1) {
      // Met again (a tournament reuses its agents): t^(1/e) costs ~100 ns, so each turn's offer
      // position is kept once computed. Not on a first meeting, where each turn comes once.
      // A plain array: a typed one this small costs more to allocate than to fill.
      this.plan = new Array<number>(turns + 1).fill(-1);
    }
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
    if (this.plan.length && Math.abs(k - t * turns) < 1e-9) {
      i = this.plan[k]!;
      if (i < 0) i = this.plan[k] = this.ranked.lastAtLeast(this.target(k / turns), this.end);
    } else i = this.ranked.lastAtLeast(this.target(t), this.end);
    if (offer >= 0 && this.acceptable(offer, this.sorted[i]!)) return ACCEPT;
    this.index = i;
    return this.order[i]!;
  }

  protected acceptable(offer: number, aspiration: number): boolean {
    const x = this.u[offer]!;
    return x >= aspiration && x >= this.rv && (this.allowed === null || this.allowed[offer] === 1);
  }
}
