import { ACCEPT } from "../agent.js";
import type { Arena } from "../arena.js";
import type { Mediator, MediatorContext } from "../mediator.js";

/**
 * Klein et al. (2003)-style mediated hill climbing: the mediator mutates one issue of the best
 * text so far at random and keeps a mutation when at least as many parties accept it.
 */
export class HillClimbingMediator implements Mediator {
  private arena: Arena | null = null;
  private random: () => number = Math.random;
  private best = 0;
  private bestAccepts = -1;
  private buf = new Int32Array(0);

  start(ctx: MediatorContext): void {
    this.arena = ctx.arena;
    this.random = ctx.random;
    this.bestAccepts = -1;
    this.buf = new Int32Array(ctx.arena.tables.issues);
  }

  first(): number {
    return (this.best = Math.floor(this.random() * this.arena!.size));
  }

  amend(text: number, answers: Int32Array): number {
    let accepts = 0;
    for (let p = 0; p < answers.length; p++) if (answers[p] === ACCEPT) accepts++;
    if (accepts >= this.bestAccepts) {
      this.best = text;
      this.bestAccepts = accepts;
    }
    const arena = this.arena!;
    const cards = arena.tables.cardinalities;
    arena.choices(this.best, this.buf);
    const i = Math.floor(this.random() * cards.length);
    if (cards[i]! > 1) this.buf[i] = (this.buf[i]! + 1 + Math.floor(this.random() * (cards[i]! - 1))) % cards[i]!;
    return arena.model.space.encode(this.buf);
  }
}
