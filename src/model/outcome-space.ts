import type { Issue, IssueValue } from "./issue.js";

/** An outcome as one option index per issue. */
export type Choices = Int32Array;

/**
 * The Cartesian product of the issues, indexed in mixed radix (the last issue varies
 * fastest). Never materialised: its size is a bigint, and a single outcome is decoded on demand.
 */
export class OutcomeSpace {
  readonly issues: readonly Issue[];
  readonly cardinalities: Int32Array;
  readonly size: bigint;
  /** The size as a number when it is exactly representable, else undefined. */
  readonly countIfSmall: number | undefined;

  constructor(issues: readonly Issue[]) {
    this.issues = issues;
    this.cardinalities = Int32Array.from(issues, (i) => i.cardinality);
    this.size = this.cardinalities.reduce((n, c) => n * BigInt(c), 1n);
    this.countIfSmall = this.size <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(this.size) : undefined;
  }

  decode(index: number, into: Choices = new Int32Array(this.issues.length)): Choices {
    for (let i = this.issues.length - 1; i >= 0; i--) {
      const c = this.cardinalities[i]!;
      into[i] = index % c;
      index = Math.floor(index / c);
    }
    return into;
  }

  encode(choices: ArrayLike<number>): number {
    let index = 0;
    for (let i = 0; i < this.issues.length; i++) index = index * this.cardinalities[i]! + choices[i]!;
    return index;
  }

  /** `{issue name: value}` for an outcome; issues marked -1 (open) are left out. */
  toRecord(choices: ArrayLike<number>): Record<string, IssueValue> {
    const out: Record<string, IssueValue> = {};
    this.issues.forEach((issue, i) => {
      const c = choices[i]!;
      if (c >= 0) out[issue.name] = issue.valueAt(c);
    });
    return out;
  }
}
