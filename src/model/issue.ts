/** A value an issue can take: an option's name, or a number. */
export type IssueValue = string | number;

/**
 * A negotiable issue. Each kind declares how many values it has and how to move between a
 * value and its index, so analysis works on indices and never asks which kind it is.
 */
export interface Issue {
  readonly name: string;
  readonly kind: "discrete" | "integer" | "real";
  readonly unit?: string;
  /** Number of values (a real range counts its discretisation steps). */
  readonly cardinality: number;
  valueAt(index: number): IssueValue;
  /** Index of a value, or -1 when the issue cannot take it. */
  indexOf(value: IssueValue): number;
  /** Numeric position of a value index, for value functions and numeric red lines. */
  numberAt(index: number): number;
  /** A short human description of the value range. */
  describe(): string;
}

export interface DiscreteIssue extends Issue {
  readonly kind: "discrete";
  readonly options: readonly string[];
}

export interface NumericIssue extends Issue {
  readonly kind: "integer" | "real";
  readonly lower: number;
  readonly upper: number;
}

export interface RealIssue extends NumericIssue {
  readonly kind: "real";
  readonly steps: number;
}

/** Values a discrete issue may have: beyond this it is a numeric issue in disguise, and tables of its values stop being readable. */
export const MAX_OPTIONS = 100_000;
/** Values an integer issue may have. */
export const MAX_INTEGER_VALUES = 1_000_000;

export function createDiscreteIssue(name: string, options: readonly string[], unit?: string): DiscreteIssue {
  const index = new Map(options.map((o, i) => [o, i]));
  return {
    name,
    kind: "discrete",
    ...(unit === undefined ? {} : { unit }),
    options,
    cardinality: options.length,
    valueAt: (i) => options[i]!,
    indexOf: (v) => index.get(String(v)) ?? -1,
    numberAt: (i) => i,
    describe: () => options.join(" | "),
  };
}

export function createIntegerIssue(name: string, lower: number, upper: number, unit?: string): NumericIssue {
  return {
    name,
    kind: "integer",
    ...(unit === undefined ? {} : { unit }),
    lower,
    upper,
    cardinality: upper - lower + 1,
    valueAt: (i) => lower + i,
    indexOf: (v) => {
      const x = typeof v === "number" ? v : Number(v);
      return Number.isInteger(x) && x >= lower && x <= upper ? x - lower : -1;
    },
    numberAt: (i) => lower + i,
    describe: () => `${lower}…${upper}${unit ? ` ${unit}` : ""} (integer)`,
  };
}

/** A real range, discretised into `steps` evenly spaced values including both ends. */
export function createRealIssue(name: string, lower: number, upper: number, steps: number, unit?: string): RealIssue {
  const step = steps > 1 ? (upper - lower) / (steps - 1) : 0;
  const at = (i: number) => (i === steps - 1 ? upper : lower + i * step);
  return {
    name,
    kind: "real",
    ...(unit === undefined ? {} : { unit }),
    lower,
    upper,
    steps,
    cardinality: steps,
    valueAt: at,
    indexOf: (v) => {
      const x = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(x) || x < lower - 1e-9 || x > upper + 1e-9) return -1;
      if (step === 0) return 0;
      const i = Math.round((x - lower) / step);
      // Only grid points are values of the discretised issue.
      return Math.abs(at(i) - x) <= 1e-9 * Math.max(1, Math.abs(x)) ? i : -1;
    },
    numberAt: at,
    describe: () => `${lower}…${upper}${unit ? ` ${unit}` : ""} (real, ${steps} steps)`,
  };
}
