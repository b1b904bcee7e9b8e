// The agent the README shows under "Writing an agent", kept here so it keeps compiling.
import { ACCEPT, type Agent, type AgentContext } from "../../src/negotiation/agent.js";

export class StubbornAgent implements Agent {
  private u = new Float64Array(0);
  private best = 0;
  start(ctx: AgentContext): void {
    this.u = ctx.arena.utilities[ctx.party]!;
    this.best = ctx.arena.order[ctx.party]![0]!;
  }
  act(offer: number): number {
    return offer >= 0 && this.u[offer]! >= 0.9 ? ACCEPT : this.best;
  }
}
