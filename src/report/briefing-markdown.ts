import { type Briefing, groupNotes, type Inline, type Section } from "./briefing-document.js";

const escapeMarkdown = (s: string) => s.replace(/([\\|*_[\]<>])/g, "\\$1");

// Notes are numbered references in brackets ("[1, 2]"), listed at the end.
const inline = (xs: readonly Inline[]) =>
  groupNotes(xs)
    .map((x) =>
      typeof x === "string"
        ? escapeMarkdown(x)
        : "notes" in x
          ? ` \\[${x.notes.join(", ")}\\]`
          : "note" in x
            ? ` \\[${x.note}\\]`
            : `**${escapeMarkdown(x.strong)}**`,
    )
    .join("");

const section = (s: Section, level: string) => {
  const out = [`${level} ${escapeMarkdown(s.title)}`, ""];
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
        ...block.figures.map(
          (f) =>
            `*Chart (drawn in the HTML and PDF briefing: \`--out briefing.html\` or \`briefing.pdf\`): ${escapeMarkdown([f.title, f.caption].filter(Boolean).join(". "))}*`,
        ),
        "",
      );
  }
  return out;
};

/**
 * The briefing as Markdown (GitHub flavour: tables; notes as "[1, 2]" listed at the end). Charts
 * are not inlined (a Markdown file that carries an image as text is unreadable): each caption says
 * it is drawn in the HTML and PDF briefing.
 */
export function briefingMarkdown(b: Briefing): string {
  const out = [`# Briefing: ${escapeMarkdown(b.title)}`, "", ...b.header.map((l) => `*${escapeMarkdown(l)}*  `), ""];
  for (const s of b.core) out.push(...section(s, "##"));
  out.push("---", "", "# Annex", "");
  for (const s of b.annex) out.push(...section(s, "##"));
  if (b.notes.length) out.push("## Sources cited", "", ...b.notes.map((n, i) => `${i + 1}. ${escapeMarkdown(n)}`), "");
  return out.join("\n");
}
