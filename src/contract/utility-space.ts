import { z } from "zod";

/** Two parties' utilities over the outcome space: outcomes counted on a grid, and the pair's exact Pareto frontier. */
export const UtilitySpace = z
  .object({
    parties: z.tuple([z.string(), z.string()]).readonly(),
    outcomes: z.number().describe("outcomes looked at: all of them, or a uniform sample beyond the limit"),
    sampled: z.boolean(),
    bins: z.number(),
    counts: z
      .array(z.number())
      .readonly()
      .describe("outcomes per cell of a bins × bins grid over [0, 1]², row by row from utility 0 of the second party"),
    allowed: z
      .array(z.number())
      .readonly()
      .optional()
      .describe(
        "with red lines: per cell, the outcomes that cross no party's red line (the rest of `counts` cross one)",
      ),
    frontier: z
      .array(z.tuple([z.number(), z.number()]).readonly())
      .readonly()
      .describe("the outcomes no other beats for both parties, by the first party's utility, descending"),
  })
  .meta({ id: "UtilitySpace" });
export type UtilitySpace = z.infer<typeof UtilitySpace>;
