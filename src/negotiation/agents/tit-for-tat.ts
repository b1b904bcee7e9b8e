import { ACCEPT, type AgentContext, END } from "../agent.js";
import { TimeDependentAgent } from "./time-dependent.js";

/**
 * Relative Tit for Tat (after Faratin et al. 1998), in utility terms: we concede the same share
 * of our range as the opponent has conceded of what it first demanded from us — its demand
 * being 1 − our utility of its offer, its concession measured at its best offer so far. A slow
 * Boulware floor (t³) keeps two Tit-for-Tat agents from deadlocking.
 */
export class TitForTatAgent extends TimeDependentAgent {
  private firstDemand = -1;
  private bestOffer = 0;

  constructor() {
    super(1 / 3);
  }

  override start(ctx: AgentContext): void {
    super.start(ctx);
    this.firstDemand = -1;
    this.bestOffer = 0;
  }

  override act(offer: number, t: number): number {
    if (this.end === 0) return END;
    let share = 1;
    if (offer >= 0) {
      const x = this.u[offer]!;
      if (this.firstDemand < 0) this.firstDemand = 1 - x;
      if (x > this.bestOffer) this.bestOffer = x;
      if (this.firstDemand > 0) share = (1 - this.bestOffer) / this.firstDemand;
    }
    // The floor is the inherited time-dependent aspiration with e = 1/3, i.e. 1 − t³ of the range.
    const aspiration = Math.min(this.min + (this.max - this.min) * share, this.target(t));
    const i = this.ranked.lastAtLeast(aspiration, this.end);
    if (offer >= 0 && this.acceptable(offer, this.sorted[i]!)) return ACCEPT;
    return this.order[i]!;
  }
}
