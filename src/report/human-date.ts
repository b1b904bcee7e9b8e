const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** An ISO date at its own precision, as a reader writes it: "23 November 2025", "November 2025", "2025". */
export function humanDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1));
  return (m[3] ? DAY : MONTH).format(at);
}
