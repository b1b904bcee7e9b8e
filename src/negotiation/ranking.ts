import { descendingOrder, SMALL, sortRange } from "../analysis/descending-order.js";

// A small space is sorted at once and needs neither: nothing to allocate.
const NO_STARTS = new Int32Array(0);
const NO_FLAGS = new Uint8Array(0);

/**
 * One party's candidates by utility, best first (ties by index), sorted a piece at a time. One
 * bucketing pass puts every candidate in its value bucket — buckets come in value order — and a
 * bucket is sorted only when a search lands in it: a time-dependent agent's hundred offers touch
 * a few dozen of Energy's ~100,000 buckets, where sorting all 390,625 outcomes took most of a
 * negotiation built from scratch. `complete()` sorts the rest, for agents that read the order whole.
 * The order is the one `descendingOrder` gives: it is a total order, so any correct sort agrees.
 */
export class Ranking {
  /** Candidates: bucket by bucket, each bucket sorted once a search has landed in it. */
  readonly order: Int32Array<ArrayBuffer>;
  /** The utilities in that order, valid where the bucket is sorted. */
  readonly sorted: Float64Array<ArrayBuffer>;
  private readonly buckets: number;
  private readonly max: number;
  private readonly scale: number;
  /** Per bucket, where it starts in `order` (buckets + 1 entries); empty when all is sorted. */
  private readonly start: Int32Array;
  /** Per bucket, 1 once sorted. */
  private readonly done: Uint8Array;
  private scratch: Int32Array | undefined;
  private sortedAll: boolean;

  /** Ranks `utilities` into `order` and `sorted` (each as long as it). */
  constructor(
    private readonly utilities: Float64Array,
    order: Int32Array<ArrayBuffer>,
    sorted: Float64Array<ArrayBuffer>,
  ) {
    this.order = order;
    this.sorted = sorted;
    const n = utilities.length;
    let min = Infinity,
      max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = utilities[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.max = max;
    const buckets = Math.max(1, n >> 2);
    // Small, all equal, or a range of a few subnormals (too narrow to bucket): sorted at once.
    this.sortedAll = n <= SMALL || !(max > min) || !Number.isFinite(buckets / (max - min));
    this.buckets = this.sortedAll ? 0 : buckets;
    this.scale = this.sortedAll ? 0 : buckets / (max - min);
    this.start = this.sortedAll ? NO_STARTS : new Int32Array(this.buckets + 1);
    this.done = this.sortedAll ? NO_FLAGS : new Uint8Array(this.buckets);
    if (this.sortedAll && n > SMALL) {
      descendingOrder(utilities, order);
      for (let i = 0; i < n; i++) sorted[i] = utilities[order[i]!]!;
      return;
    }
    if (this.sortedAll) {
      // Insertion into the sorted utilities themselves: on a small space it beats any sort by index.
      for (let i = 0; i < n; i++) {
        const v = utilities[i]!;
        let j = i - 1;
        for (; j >= 0 && sorted[j]! < v; j--) {
          sorted[j + 1] = sorted[j]!;
          order[j + 1] = order[j]!;
        }
        sorted[j + 1] = v;
        order[j + 1] = i;
      }
      return;
    }
    // Counting pass, then a stable scatter in index order: each bucket's candidates in index order.
    const start = this.start;
    for (let i = 0; i < n; i++) start[this.bucketOf(utilities[i]!) + 1]!++;
    for (let b = 0; b < this.buckets; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, this.buckets);
    for (let i = 0; i < n; i++) order[fill[this.bucketOf(utilities[i]!)]!++] = i;
  }

  get size(): number {
    return this.order.length;
  }

  /**
   * The position of the least utility ≥ target among the first `end` positions (0 when even the
   * best is below it), as `lastAtLeast` on the sorted utilities; `order` and `sorted` are valid
   * at the position returned and at 0.
   */
  lastAtLeast(target: number, end = this.order.length): number {
    if (this.sortedAll) return lastAtLeast(this.sorted, target, end);
    if (end <= 0) return 0;
    this.settle(0);
    if (!(this.sorted[0]! >= target)) return 0;
    // Every bucket before target's holds utilities ≥ target; every one after it, below.
    const b = Math.max(0, this.bucketOf(target));
    this.settle(b);
    let lo = this.start[b]!,
      hi = this.start[b + 1]! - 1,
      at: number;
    if (lo > hi || this.sorted[lo]! < target) at = lo - 1;
    else {
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.sorted[mid]! >= target) lo = mid;
        else hi = mid - 1;
      }
      at = lo;
    }
    at = Math.min(at, end - 1);
    this.settle(this.bucketAt(at));
    return at;
  }

  /** Sorts every bucket not yet sorted: `order` and `sorted` are then whole. */
  complete(): this {
    if (!this.sortedAll) {
      for (let b = 0; b < this.buckets; b++) this.settle(b);
      this.sortedAll = true;
    }
    return this;
  }

  private bucketOf(v: number): number {
    return Math.min(this.buckets - 1, Math.floor((this.max - v) * this.scale));
  }

  /** The bucket holding a position. */
  private bucketAt(position: number): number {
    let lo = 0,
      hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private settle(b: number): void {
    if (this.done[b]) return;
    this.done[b] = 1;
    const s = this.start[b]!,
      e = this.start[b + 1]!;
    if (e - s > SMALL) {
      if (!this.scratch || this.scratch.length < 2 * (e - s)) this.scratch = new Int32Array(2 * (e - s));
      sortRange(
        this.utilities,
        this.order,
        s,
        e,
        this.scratch.subarray(0, e - s),
        this.scratch.subarray(e - s, 2 * (e - s)),
      );
    } else sortRange(this.utilities, this.order, s, e);
    for (let i = s; i < e; i++) this.sorted[i] = this.utilities[this.order[i]!]!;
  }
}

/**
 * The smallest candidate utility ≥ target in a descending array: the index of the last element
 * ≥ target (0 when even the best is below it).
 */
export function lastAtLeast(sorted: Float64Array, target: number, end = sorted.length): number {
  let lo = 0,
    hi = end - 1;
  if (sorted[0]! < target) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! >= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
