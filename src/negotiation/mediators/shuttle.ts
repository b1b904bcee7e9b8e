import type { Arena } from "../arena.js";
import type { Mediator, MediatorContext } from "../mediator.js";

/**
 * Shuttle diplomacy over one text: the mediator visits the objecting parties in turn and moves
 * the text one issue towards the visited party's counter-proposal (an issue picked at random
 * among those where they differ). Parties' aspirations fall with time, so the text converges.
 */
export class ShuttleMediator implements Mediator {
  private arena: Arena | null = null;
  private random: () => number = Math.random;
  private next = 0;
  private text = new Int32Array(0);
  private counter = new Int32Array(0);

  start(ctx: MediatorContext): void {
    this.arena = ctx.arena;
    this.random = ctx.random;
    this.next = 0;
    this.text = new Int32Array(ctx.arena.tables.issues);
    this.counter = new Int32Array(ctx.arena.tables.issues);
  }

  /** The mediator knows nothing of the parties' preferences yet: the first text is random. */
  first(): number {
    return Math.floor(this.random() * this.arena!.size);
  }

  amend(text: number, answers: Int32Array): number {
    const arena = this.arena!;
    const n = answers.length;
    for (let k = 0; k < n; k++) {
      const p = (this.next + k) % n;
      const counter = answers[p]!;
      if (counter < 0) continue;
      this.next = (p + 1) % n;
      arena.choices(text, this.text);
      arena.choices(counter, this.counter);
      let differing = 0;
      for (let i = 0; i < this.text.length; i++) if (this.text[i] !== this.counter[i]) differing++;
      if (differing === 0) return counter;
      let pick = Math.floor(this.random() * differing);
      for (let i = 0; i < this.text.length; i++) {
        if (this.text[i] !== this.counter[i] && pick-- === 0) {
          this.text[i] = this.counter[i]!;
          break;
        }
      }
      return arena.model.space.encode(this.text);
    }
    return text;
  }
}
