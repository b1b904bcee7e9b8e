import type { Briefing, Inline } from "./briefing.js";

const escapeMarkdown = (s: string) => s.replace(/([\\|*_[\]<>])/g, "\\$1");

const inline = (xs: readonly Inline[]) =>
  xs
    .map((x) =>
      typeof x === "string" ? escapeMarkdown(x) : "note" in x ? `[^${x.note}]` : `**${escapeMarkdown(x.strong)}**`,
    )
    .join("");

/** The briefing as Markdown (GitHub flavour: tables, footnotes; the chart as an inline SVG image). */
export function briefingMarkdown(b: Briefing): string {
  const out = [`# Briefing: ${escapeMarkdown(b.title)}`, ""];
  for (const s of b.sections) {
    out.push(`## ${escapeMarkdown(s.title)}`, "");
    for (const block of s.blocks) {
      if ("p" in block) out.push(inline(block.p), "");
      else if ("list" in block)
        out.push(...block.list.map((i, k) => `${block.ordered ? `${k + 1}.` : "-"} ${inline(i)}`), "");
      else if ("table" in block) {
        const { head, rows } = block.table;
        out.push(
          `| ${head.map(escapeMarkdown).join(" | ")} |`,
          `|${head.map(() => " --- ").join("|")}|`,
          ...rows.map((r) => `| ${r.map(inline).join(" | ")} |`),
          "",
        );
      } else
        out.push(
          `![${escapeMarkdown(block.figure.caption)}](data:image/svg+xml;base64,${Buffer.from(block.figure.svg).toString("base64")})`,
          "",
          `*${escapeMarkdown(block.figure.caption)}*`,
          "",
        );
    }
  }
  if (b.notes.length) out.push(...b.notes.map((n, i) => `[^${i + 1}]: ${escapeMarkdown(n)}`), "");
  return out.join("\n");
}
