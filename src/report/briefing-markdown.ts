import type { Briefing, Inline } from "./briefing.js";

const escape = (s: string) => s.replace(/([\\|*_[\]<>])/g, "\\$1");

const inline = (xs: readonly Inline[]) => xs.map((x) => (typeof x === "string" ? escape(x) : "note" in x ? `[^${x.note}]` : `**${escape(x.strong)}**`)).join("");

/** The briefing as Markdown (GitHub flavour: tables, footnotes; the chart as an inline SVG image). */
export function briefingMarkdown(b: Briefing): string {
  const out = [`# Briefing: ${escape(b.title)}`, ""];
  for (const s of b.sections) {
    out.push(`## ${escape(s.title)}`, "");
    for (const block of s.blocks) {
      if ("p" in block) out.push(inline(block.p), "");
      else if ("list" in block) out.push(...block.list.map((i, k) => `${block.ordered ? `${k + 1}.` : "-"} ${inline(i)}`), "");
      else if ("table" in block) {
        const { head, rows } = block.table;
        out.push(`| ${head.map(escape).join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.map(inline).join(" | ")} |`), "");
      } else out.push(`![${escape(block.figure.caption)}](data:image/svg+xml;base64,${Buffer.from(block.figure.svg).toString("base64")})`, "", `*${escape(block.figure.caption)}*`, "");
    }
  }
  if (b.notes.length) out.push(...b.notes.map((n, i) => `[^${i + 1}]: ${escape(n)}`), "");
  return out.join("\n");
}
