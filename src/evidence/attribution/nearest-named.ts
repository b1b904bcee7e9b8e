import { lowerBound } from "../lower-bound.js";

/** The one of a set of people named last before a point, where that mention ends, and where the last other of them named before it ends (−1: none). */
export interface NamedLast<T> {
  readonly who: T;
  readonly end: number;
  readonly otherEnd: number;
}

/**
 * The mentions of a set of people in text order, to tell by binary search which of them was named
 * last before a point (and whether another of them was named before that), or first after it: a
 * role phrase ("the minister") asks this of everyone holding the role, and a list of a thousand
 * ministers asks it a thousand times.
 */
export class NearestNamed<T> {
  private readonly ends: Float64Array;
  private readonly byEnd: T[];
  /** Per mention by end, the index of the latest mention before it of another person, or −1. */
  private readonly other: Int32Array;
  private readonly starts: Float64Array;
  private readonly byStart: T[];

  /**
   * `members` in the order ties go by (the first listed wins where two mentions end, or start, at
   * one point); their mentions are read once, here.
   */
  constructor(members: readonly T[], mentionsOf: (member: T) => readonly (readonly [number, number])[]) {
    const all = members.flatMap((who, rank) => mentionsOf(who).map(([start, end]) => ({ start, end, rank, who })));
    all.sort((x, y) => x.end - y.end || y.rank - x.rank);
    this.ends = Float64Array.from(all, (x) => x.end);
    this.byEnd = all.map((x) => x.who);
    this.other = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++)
      this.other[i] = i === 0 ? -1 : this.byEnd[i - 1] !== this.byEnd[i] ? i - 1 : this.other[i - 1]!;
    all.sort((x, y) => x.start - y.start || x.rank - y.rank);
    this.starts = Float64Array.from(all, (x) => x.start);
    this.byStart = all.map((x) => x.who);
  }

  /** Who of them was named last in a mention ending at or before `at`, or null if none was. */
  before(at: number): NamedLast<T> | null {
    const k = lowerBound(this.ends.length, (i) => this.ends[i]! <= at) - 1;
    if (k < 0) return null;
    const o = this.other[k]!;
    return { who: this.byEnd[k]!, end: this.ends[k]!, otherEnd: o < 0 ? -1 : this.ends[o]! };
  }

  /** Who of them is named first in a mention starting at or after `at`, and where, or null. */
  after(at: number): { who: T; start: number } | null {
    const k = lowerBound(this.starts.length, (i) => this.starts[i]! < at);
    return k < this.starts.length ? { who: this.byStart[k]!, start: this.starts[k]! } : null;
  }
}
