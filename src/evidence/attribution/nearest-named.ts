import type { Actor } from "../actors.js";
import { lowerBound } from "../lower-bound.js";

/** The one of a set of people named last before a point, where that mention ends, and where the last other of them named before it ends (−1: none). */
export interface NamedLast {
  readonly actor: Actor;
  readonly end: number;
  readonly otherEnd: number;
}

/**
 * The mentions of a set of people in text order, to tell which of them was named last before a
 * point, and whether another of them was named before that, by binary search: a role phrase
 * ("the minister") asks this of everyone holding the role, and a list of a thousand ministers
 * asks it a thousand times.
 */
export class NearestNamed {
  private readonly ends: Float64Array;
  private readonly actors: Actor[];
  /** Per mention, the index of the latest mention before it of another person, or −1. */
  private readonly other: Int32Array;

  /** `members` in the order ties go by (the first listed wins where two mentions end at one point). */
  constructor(members: readonly Actor[], endsOf: ReadonlyMap<Actor, readonly number[]>) {
    const all = members
      .flatMap((actor, rank) => (endsOf.get(actor) ?? []).map((end) => ({ end, rank, actor })))
      .sort((x, y) => x.end - y.end || y.rank - x.rank);
    this.ends = Float64Array.from(all, (x) => x.end);
    this.actors = all.map((x) => x.actor);
    this.other = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++)
      this.other[i] = i === 0 ? -1 : this.actors[i - 1] !== this.actors[i] ? i - 1 : this.other[i - 1]!;
  }

  /** Who of them was named last in a mention ending at or before `at`, or null if none was. */
  before(at: number): NamedLast | null {
    const k = lowerBound(this.ends.length, (i) => this.ends[i]! <= at) - 1;
    if (k < 0) return null;
    const o = this.other[k]!;
    return { actor: this.actors[k]!, end: this.ends[k]!, otherEnd: o < 0 ? -1 : this.ends[o]! };
  }
}
