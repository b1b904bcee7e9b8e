/** "Issue `issue` takes one of the values marked in `allowed`" (a mask over its options). */
export interface Condition {
  readonly issue: number;
  readonly allowed: Uint8Array;
}

/**
 * A hard constraint of one party: whenever every `if` condition holds, `then` must hold.
 * With no `if` it is a plain bound on one issue; with one it couples issues ("if X then not Y").
 */
export interface RedLine {
  readonly party: number;
  readonly label: string;
  readonly if: readonly Condition[];
  readonly then: Condition;
}

/** Whether a complete outcome crosses the red line. */
export function crossesRedLine(line: RedLine, choices: ArrayLike<number>): boolean {
  for (const c of line.if) if (!c.allowed[choices[c.issue]!]) return false;
  return !line.then.allowed[choices[line.then.issue]!];
}

/**
 * For an outcome that may leave issues open (index -1): `crossed` when every completion crosses
 * the line, `open` when some completions do, `clear` when none does.
 */
export function redLineStatus(line: RedLine, choices: ArrayLike<number>): "crossed" | "open" | "clear" {
  let certain = true;
  for (const c of line.if) {
    const x = choices[c.issue]!;
    if (x < 0) {
      if (!c.allowed.includes(1)) return "clear";
      certain = false;
    } else if (!c.allowed[x]) return "clear";
  }
  const x = choices[line.then.issue]!;
  if (x >= 0) return line.then.allowed[x] ? "clear" : certain ? "crossed" : "open";
  if (!line.then.allowed.includes(0)) return "clear";
  return certain && !line.then.allowed.includes(1) ? "crossed" : "open";
}
