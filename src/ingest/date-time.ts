/**
 * Why a publication date is not acceptable, or null when it is: a calendar day as YYYY-MM-DD,
 * optionally with a time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]), as `--date` and manifests take it.
 */
export function checkDateTime(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!m) return `"${value}" is not a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM`;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!)
    return `"${value}" is not a day of the calendar`;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5]! > 59 || +(m[6] ?? 0) > 59)) return `"${value}" is not a time of day`;
  return null;
}
