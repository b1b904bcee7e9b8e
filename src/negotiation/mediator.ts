import type { Arena } from "./arena.js";

export interface MediatorContext {
  readonly arena: Arena;
  readonly random: () => number;
}

/**
 * A mediator's strategy in the single negotiating text protocol: it drafts the first text, then
 * amends it from the parties' answers (ACCEPT, END, or a counter-offer read as an objection).
 */
export interface Mediator {
  start(ctx: MediatorContext): void;
  first(): number;
  amend(text: number, answers: Int32Array, t: number): number;
}

export interface MediatorKind {
  readonly name: string;
  readonly description: string;
  create(): Mediator;
}
