import type { AgentContext } from "../agent.js";
import { FrequencyModel } from "../frequency-model.js";
import { TimeDependentAgent, wholePool } from "./time-dependent.js";

/** How many candidates just above the aspiration are compared by the opponent model each turn. */
const WINDOW = 64;

/**
 * Concedes like a Boulware agent but, among the outcomes worth about its aspiration to itself
 * (the next WINDOW candidates of its utility index), offers the one the frequency models of
 * its opponents value most — trading off on issues the opponents care about more.
 */
export class OpponentModelAgent extends TimeDependentAgent {
  private models: (FrequencyModel | null)[] = [];
  private weights: (Float64Array | null)[] = [];
  private buf: Int32Array = new Int32Array(0);
  private ctx: AgentContext | null = null;

  constructor(e = 0.2) {
    // It reads the candidates just above each offer, which no search has sorted.
    super(e, wholePool);
  }

  override start(ctx: AgentContext): void {
    super.start(ctx);
    const u = ctx.arena.tables;
    this.ctx = ctx;
    this.models = Array.from({ length: ctx.arena.parties }, (_, p) =>
      p === ctx.party ? null : new FrequencyModel(u.cardinalities, u.offsets),
    );
    this.weights = this.models.map(() => null);
    this.buf = new Int32Array(u.issues);
  }

  observe(party: number, offer: number): void {
    const model = this.models[party];
    if (!model) return;
    model.update(this.ctx!.arena.choices(offer, this.buf));
    this.weights[party] = null;
  }

  /** The model of one opponent (for inspection and tests). */
  modelOf(party: number): FrequencyModel | null {
    return this.models[party] ?? null;
  }

  override act(offer: number, t: number): number {
    const base = super.act(offer, t);
    if (base < 0) return base;
    // base is the least candidate ≥ aspiration; look at it and the next better ones.
    let best = base,
      bestScore = -Infinity;
    const from = this.index;
    for (let i = Math.max(0, from - WINDOW + 1); i <= from; i++) {
      const c = this.order[i]!;
      const score = this.opponentValue(c);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private opponentValue(candidate: number): number {
    const choices = this.ctx!.arena.choices(candidate, this.buf);
    let s = 0;
    for (let p = 0; p < this.models.length; p++) {
      const m = this.models[p];
      if (!m) continue;
      const w = this.weights[p] ?? (this.weights[p] = m.weights());
      s += m.utility(choices, w);
    }
    return s;
  }
}
