import type { RedLine } from "../model/red-line.js";
import type { Utilities } from "../model/utilities.js";
import { fullMask } from "./pareto.js";
import { forEachFeasibleBox } from "./red-line-branches.js";

/** Whether some outcome crosses none of `lines`. */
export function anyOutcomeRespects(u: Utilities, lines: readonly RedLine[]): boolean {
  let found = false;
  forEachFeasibleBox(
    u,
    lines,
    fullMask(u),
    () => (found = true),
    () => found,
  );
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
    if (
      !anyOutcomeRespects(
        u,
        without.map((k) => lines[k]!),
      )
    )
      kept = without;
  }
  return kept;
}

/**
 * Collisions that each have to be broken before any outcome respects the red lines: a smallest
 * colliding set, then another among the lines left once it is set aside, until the rest leave
 * some outcome. They share no line, so relaxing fewer lines than there are collisions never
 * opens the outcome space.
 */
export function redLineCollisions(u: Utilities, lines: readonly RedLine[]): number[][] {
  const out: number[][] = [];
  let rest = lines.map((_, i) => i);
  for (;;) {
    const c = collidingRedLines(
      u,
      rest.map((i) => lines[i]!),
    );
    if (!c) return out;
    const found = c.map((k) => rest[k]!);
    out.push(found);
    rest = rest.filter((i) => !found.includes(i));
  }
}
