import { lowerBound } from "./lower-bound.js";

/**
 * Spans that do not overlap one another, kept sorted by start: whether a new span overlaps any
 * of them is a binary search, not a scan (a scan per mention made long texts quadratic).
 */
export class DisjointSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether [start, end) overlaps a span held. */
  overlaps(start: number, end: number): boolean {
    // The last span starting before `end` is the only one that can reach past `start`.
    const k = this.firstStartAtOrAfter(end) - 1;
    return k >= 0 && this.ends[k]! > start;
  }

  /** Holds [start, end); the caller makes sure it overlaps none held. */
  add(start: number, end: number): void {
    const k = this.firstStartAtOrAfter(start);
    this.starts.splice(k, 0, start);
    this.ends.splice(k, 0, end);
  }

  private firstStartAtOrAfter(x: number): number {
    return lowerBound(this.starts.length, (k) => this.starts[k]! < x);
  }
}
