import { eastAsianWidth } from "get-east-asian-width";

// The number formats are the model's (the briefing and the web app share them); the CLI's modules import them from here.
export { fmtCount, fmtPercent, groupThousands } from "../model/format-number.js";

/**
 * Renders rows as aligned columns; cells that read as numbers are right-aligned. With
 * `maxWidth`, number columns' headers wrap at their spaces, then the widest text column is
 * wrapped onto continuation lines, so no line is wider.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent: string | { indent?: string; maxWidth?: number } = "  ",
): string {
  const opts = typeof indent === "string" ? { indent } : indent;
  const pre = opts.indent ?? "  ";
  const widths = header.map((h, c) => rows.reduce((w, r) => Math.max(w, width(r[c] ?? "")), width(h)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+%?$|^–$/.test(r[c] ?? "")));
  const total = () => width(pre) + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const natural = [...widths];
  // Number columns whose header is wider than their values give way first, the largest saving
  // first and only until the table fits: the header wraps at its spaces onto two lines, then,
  // if that is not enough, three ("within red lines" → "within" / "red lines").
  if (opts.maxWidth && Number.isFinite(opts.maxWidth))
    for (const lines of [2, 3]) {
      const narrower = header
        .map((h, c) => {
          const values = rows.reduce((w, r) => Math.max(w, width(r[c] ?? "")), 0);
          let w = Math.max(values, ...h.split(/\s+/).map(width));
          while (w < widths[c]! && wrapText(h, w).length > lines) w++;
          return { c, w };
        })
        .filter(({ c, w }) => numeric[c] && w < widths[c]!)
        .sort((x, y) => widths[y.c]! - y.w - (widths[x.c]! - x.w));
      for (const { c, w } of narrower) {
        if (total() <= opts.maxWidth) break;
        widths[c] = w;
      }
    }
  // Text columns give way, the widest first, until the table fits (none below 12 columns).
  if (opts.maxWidth && Number.isFinite(opts.maxWidth))
    for (let guard = 0; total() > opts.maxWidth && guard < 100; guard++) {
      let c = -1;
      widths.forEach((w, k) => {
        if (!numeric[k] && w > 12 && (c < 0 || w > widths[c]!)) c = k;
      });
      if (c < 0) break;
      const second = Math.max(12, ...widths.filter((_, k) => k !== c && !numeric[k]));
      widths[c] = Math.max(12, Math.max(second, widths[c]! - (total() - opts.maxWidth)));
      if (widths[c] === second && second > 12 && total() > opts.maxWidth) widths[c] = Math.max(12, second - 1);
    }
  const line = (cells: readonly string[]) => {
    const parts = cells.map((cell, c) => (widths[c]! < natural[c]! ? wrapText(cell, widths[c]!) : [cell]));
    const height = Math.max(...parts.map((p) => p.length));
    return Array.from(
      { length: height },
      (_, k) =>
        pre +
        parts
          .map((p, c) => {
            const cell = p[k] ?? "";
            return c === cells.length - 1 && !numeric[c]
              ? cell
              : numeric[c]
                ? cell.padStart(widths[c]!)
                : pad(cell, widths[c]!);
          })
          .join("  ")
          .trimEnd(),
    ).join("\n");
  };
  return [line(header), pre + widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Words of a cell on lines of at most `max` columns (a word longer than that is cut). */
function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    for (let w = word; w; ) {
      const piece = width(w) > max ? w.slice(0, max) : w;
      w = w.slice(piece.length);
      if (!current) current = piece;
      else if (width(current) + 1 + width(piece) <= max) current += ` ${piece}`;
      else lines.push(current), (current = piece);
    }
  }
  lines.push(current);
  return lines;
}

/** Wraps a paragraph of prose to `max` columns, continuation lines indented like the first. */
export function wrapLine(text: string, max = Infinity): string {
  if (width(text) <= max) return text;
  const indent = /^\s*/.exec(text)![0];
  return wrapText(text.trimStart(), Math.max(20, max - indent.length - 2))
    .map((l, i) => (i ? `${indent}  ${l}` : `${indent}${l}`))
    .join("\n");
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
// A single code point: combining marks, zero-width characters and variation selectors.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: tested one code point at a time, never a sequence
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]$/u;

function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

export const fmtUtility = (x: number) => x.toFixed(4);
