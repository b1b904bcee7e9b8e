import { ACCEPT, END, lastAtLeast, type Agent, type AgentContext } from "../agent.js";

/**
 * Relative Tit for Tat (after Faratin et al. 1998), in utility terms: we concede the same share
 * of our range as the opponent has conceded of what it first demanded from us — its demand
 * being 1 − our utility of its offer, its concession measured at its best offer so far. A slow
 * Boulware floor (t³) keeps two Tit-for-Tat agents from deadlocking.
 */
export class TitForTatAgent implements Agent {
  private u: Float64Array = new Float64Array(0);
  private order: Int32Array = new Int32Array(0);
  private sorted: Float64Array = new Float64Array(0);
  private end = 0;
  private max = 1;
  private min = 0;
  private rv = 0;
  private firstDemand = -1;
  private bestOffer = 0;

  start(ctx: AgentContext): void {
    this.u = ctx.arena.utilities[ctx.party]!;
    this.order = ctx.arena.order[ctx.party]!;
    this.sorted = ctx.arena.sorted[ctx.party]!;
    this.rv = ctx.arena.reservations[ctx.party]!;
    this.end = this.sorted[0]! >= this.rv ? lastAtLeast(this.sorted, this.rv) + 1 : 0;
    this.max = this.end ? this.sorted[0]! : 1;
    this.min = this.end ? Math.max(this.rv, this.sorted[this.end - 1]!) : 1;
    this.firstDemand = -1;
    this.bestOffer = 0;
  }

  act(offer: number, t: number): number {
    if (this.end === 0) return END;
    let share = 1;
    if (offer >= 0) {
      const x = this.u[offer]!;
      if (this.firstDemand < 0) this.firstDemand = 1 - x;
      if (x > this.bestOffer) this.bestOffer = x;
      if (this.firstDemand > 0) share = (1 - this.bestOffer) / this.firstDemand;
    }
    const floor = 1 - t * t * t;
    const aspiration = this.min + (this.max - this.min) * Math.min(share, floor);
    const i = lastAtLeast(this.sorted, aspiration, this.end);
    if (offer >= 0 && this.u[offer]! >= this.sorted[i]! && this.u[offer]! >= this.rv) return ACCEPT;
    return this.order[i]!;
  }
}
