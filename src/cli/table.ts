import { eastAsianWidth } from "get-east-asian-width";

/** Renders rows as aligned columns; cells that read as numbers are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = "  "): string {
  const widths = header.map((h, c) => rows.reduce((w, r) => Math.max(w, width(r[c] ?? "")), width(h)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+%?$|^–$/.test(r[c] ?? "")));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, c) => (c === cells.length - 1 && !numeric[c] ? cell : numeric[c] ? cell.padStart(widths[c]!) : pad(cell, widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), indent + widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Columns a string takes in a terminal: East Asian wide characters and emoji take two,
 * combining marks and zero-width joiners none. (Per code point: a sequence of emoji joined into
 * one picture counts each part.)
 */
export function width(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length; // plain ASCII, most cells
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ZERO_WIDTH.test(ch)) continue;
    w += cp >= 0x1100 ? eastAsianWidth(cp) : 1;
  }
  return w;
}
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]$/u;

function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

export const fmtUtility = (x: number) => x.toFixed(4);
export const fmtPercent = (x: number) => `${(x * 100).toFixed(1)}%`;
export function fmtCount(x: number | string): string {
  return typeof x === "number" ? groupThousands(x) : x.length > 15 ? `≈${x[0]}.${x.slice(1, 4)}e${x.length - 1}` : x;
}

/** 1234567 → "1,234,567" without `toLocaleString`, whose first call loads ICU's locale data (≈ 20 ms). */
export function groupThousands(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(Number.isInteger(x) ? 0 : 3);
  const [int, frac] = (fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed).split(".") as [string, string?];
  return `${x < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? "." + frac : ""}`;
}
