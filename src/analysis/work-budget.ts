import { InputError } from "../errors.js";

/**
 * How much work one synchronous analysis may do, in deterministic units (partial outcomes the
 * exact frontier combines; with three or more parties each counts 20, as their dominance check
 * costs that much more): a space whose frontier explodes is refused with a clear message
 * instead of running for hours. The same input always uses the same units.
 */
export class WorkBudget {
  used = 0;
  constructor(
    readonly limit: number = DEFAULT_WORK_LIMIT,
    /** Told of the units used so far, for progress on long analyses. */
    private readonly onSpend?: (used: number, limit: number) => void,
  ) {}

  /** Spends units or throws, saying where the work was when it ran out. */
  spend(units: number, where: () => string): void {
    this.used += units;
    this.onSpend?.(Math.min(this.used, this.limit), this.limit);
    if (this.used > this.limit)
      throw new InputError([
        {
          code: "limit.work",
          message: `the exact analysis needs more work than its limit of ${this.limit.toExponential(0).replace("e+", "e")} units (${where()})`,
          hint: `raise the limit to ${Math.max(this.limit * 10, Math.ceil(this.used))
            .toExponential(0)
            .replace("e+", "e")}, or give fewer issues, options or parties`,
        },
      ]);
  }

  /** Units left. */
  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }
}

/** About 15 s of frontier work on this project's 2-core machine (≈ 4·10^6 units per second). */
export const DEFAULT_WORK_LIMIT = 6e7;
