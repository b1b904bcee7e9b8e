/**
 * Frequency opponent model (HardHeaded, ANAC 2011; Baarslag et al. 2013): an opponent offers
 * its preferred values most often, and changes its important issues least. Value estimates are
 * option counts relative to the most frequent option; an issue's weight grows each time
 * two consecutive distinct offers keep its value (a repeated offer says nothing new), with how
 * concentrated its counts are as a tie-breaker.
 */
export class FrequencyModel {
  private readonly counts: Float64Array;
  private readonly kept: Float64Array;
  private readonly last: Int32Array;
  private readonly maxCount: Float64Array;
  private seen = 0;
  private changes = 0;

  constructor(
    private readonly cardinalities: Int32Array,
    private readonly offsets: Int32Array,
  ) {
    this.counts = new Float64Array(offsets[cardinalities.length]!);
    this.kept = new Float64Array(cardinalities.length);
    this.last = new Int32Array(cardinalities.length).fill(-1);
    this.maxCount = new Float64Array(cardinalities.length);
  }

  update(choices: ArrayLike<number>): void {
    const n = this.cardinalities.length;
    let same = this.seen > 0;
    for (let i = 0; i < n && same; i++) same = this.last[i] === choices[i];
    for (let i = 0; i < n; i++) {
      const c = choices[i]!;
      const at = this.offsets[i]! + c;
      this.counts[at]!++;
      if (this.counts[at]! > this.maxCount[i]!) this.maxCount[i] = this.counts[at]!;
      if (!same && this.last[i] === c) this.kept[i]!++;
      this.last[i] = c;
    }
    if (!same && this.seen > 0) this.changes++;
    this.seen++;
  }

  /** Estimated issue weights (sum 1; uniform before any offer). */
  weights(): Float64Array {
    const n = this.cardinalities.length;
    const w = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // Share of offers on the favourite value, above what a uniform choice would give.
      const concentration = this.seen ? this.maxCount[i]! / this.seen - 1 / this.cardinalities[i]! : 0;
      const stability = this.changes ? this.kept[i]! / this.changes : 0;
      w[i] = 1e-6 + 0.01 * Math.max(0, concentration) + stability;
      sum += w[i]!;
    }
    for (let i = 0; i < n; i++) w[i]! /= sum;
    return w;
  }

  /** Estimated utility of an outcome for the modelled opponent. */
  utility(choices: ArrayLike<number>, weights: Float64Array): number {
    let s = 0;
    for (let i = 0; i < weights.length; i++) {
      const m = this.maxCount[i]!;
      if (m > 0) s += (weights[i]! * this.counts[this.offsets[i]! + choices[i]!]!) / m;
    }
    return s;
  }
}
