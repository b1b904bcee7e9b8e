/** Where problems go: a compilation (its type is not imported, so the compilation may use this file). */
interface Reporter {
  report(path: (string | number)[], message: string, hint?: string): void;
}

/** Invisible format characters: zero-width spaces and joiners, direction marks, the byte-order mark. */
const INVISIBLE = /\p{Cf}/gu;

/** A name as a reader sees it: Unicode compatibility forms folded, invisible characters dropped. */
export function printedForm(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").trim();
}

/** A name with its invisible characters spelled out, so a message shows why two names differ. */
function visible(name: string): string {
  return name.replace(INVISIBLE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}

/**
 * Reports a name given twice, or one that prints like an earlier one ("A" and "A\u200b"): two
 * parties, issues, options or proposals a reader cannot tell apart are one mistake, not two things.
 */
export function checkDistinct(
  c: Reporter,
  what: string,
  names: readonly string[],
  pathOf: (k: number) => (string | number)[],
  hint: string,
): void {
  const first = new Map<string, string>();
  names.forEach((name, k) => {
    const printed = printedForm(name);
    const earlier = first.get(printed);
    if (earlier === name) c.report(pathOf(k), `${what} "${name}" is defined twice`, hint);
    else if (earlier !== undefined)
      c.report(
        pathOf(k),
        `${what} "${visible(name)}" prints like ${what} "${visible(earlier)}" (they differ only in invisible characters or Unicode forms)`,
        hint,
      );
    else first.set(printed, name);
  });
}
