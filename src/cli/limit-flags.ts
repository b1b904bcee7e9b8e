import type { Problem } from "../errors.js";

/** The flag that raises each limit the core refuses work at: its messages speak of the limit, the CLI names the flag. */
const FLAGS: Readonly<Record<string, string>> = {
  "limit.work": "--max-work",
  "limit.rounds": "--max-rounds",
  "limit.html-depth": "--max-html-depth",
};

/** A limit's problem with the flag that raises it named in its hint ("raise the limit to N" → "raise it with --flag N"). */
export function withFlag(p: Problem): Problem {
  const flag = FLAGS[p.code];
  return flag && p.hint ? { ...p, hint: p.hint.replace(/^raise the limit to /, `raise it with ${flag} `) } : p;
}
