/** Text as a regular expression's literal: a name with a dot or bracket matches itself only. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
