import type { RedLine } from "../model/red-line.js";
import type { Utilities } from "../model/utilities.js";
import { fullMask } from "./pareto.js";
import { forEachFeasibleBox } from "./red-line-branches.js";

/** Whether some outcome crosses none of `lines`. */
export function anyOutcomeRespects(u: Utilities, lines: readonly RedLine[]): boolean {
  let found = false;
  forEachFeasibleBox(u, lines, fullMask(u), () => (found = true), () => found);
  return found;
}

/**
 * When the red lines alone leave no outcome, a smallest set of them that already excludes
 * every outcome (indices into `lines`): first any pair that collides, else the set left after
 * dropping each line that is not needed for the collision. Null when some outcome respects them all.
 */
export function collidingRedLines(u: Utilities, lines: readonly RedLine[]): number[] | null {
  if (anyOutcomeRespects(u, lines)) return null;
  for (let a = 0; a < lines.length; a++) if (!anyOutcomeRespects(u, [lines[a]!])) return [a];
  for (let a = 0; a < lines.length; a++)
    for (let b = a + 1; b < lines.length; b++) if (!anyOutcomeRespects(u, [lines[a]!, lines[b]!])) return [a, b];
  let kept = lines.map((_, i) => i);
  for (const i of [...kept]) {
    const without = kept.filter((k) => k !== i);
    if (!anyOutcomeRespects(u, without.map((k) => lines[k]!))) kept = without;
  }
  return kept;
}
