/** A drafted item's confidence, and the reason an analyst reads for it. */
export function sure(level: "high" | "medium" | "low", reason: string) {
  return { level, reason };
}
