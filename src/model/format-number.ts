/** A share as a percentage with one decimal: 0.125 → "12.5%". */
export const fmtPercent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A count with thousands grouped; one too large for a number (a string of digits) in scientific form. */
export function fmtCount(x: number | string): string {
  return typeof x === "number" ? groupThousands(x) : x.length > 15 ? `≈${x[0]}.${x.slice(1, 4)}e${x.length - 1}` : x;
}

/** 1234567 → "1,234,567" without `toLocaleString`, whose first call loads ICU's locale data (≈ 20 ms). */
export function groupThousands(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(Number.isInteger(x) ? 0 : 3);
  const [int, frac] = (fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed).split(".") as [string, string?];
  return `${x < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
}
