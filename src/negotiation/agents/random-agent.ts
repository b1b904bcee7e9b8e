import { ACCEPT, type Agent, type AgentContext, END, lastAtLeast } from "../agent.js";

/** Offers a uniformly random outcome worth at least its reservation value; accepts an offer above a fresh random threshold (and its reservation value). A baseline. */
export class RandomAgent implements Agent {
  private u: Float64Array = new Float64Array(0);
  private order: Int32Array = new Int32Array(0);
  private end = 0;
  private rv = 0;
  private random: () => number = Math.random;

  start(ctx: AgentContext): void {
    const sorted = ctx.arena.sorted[ctx.party]!;
    this.u = ctx.arena.utilities[ctx.party]!;
    this.order = ctx.arena.order[ctx.party]!;
    this.rv = ctx.arena.reservations[ctx.party]!;
    this.end = sorted[0]! >= this.rv ? lastAtLeast(sorted, this.rv) + 1 : 0;
    this.random = ctx.random;
  }

  act(offer: number): number {
    if (this.end === 0) return END;
    if (offer >= 0 && this.u[offer]! >= this.rv && this.u[offer]! >= this.random()) return ACCEPT;
    return this.order[Math.floor(this.random() * this.end)]!;
  }
}
