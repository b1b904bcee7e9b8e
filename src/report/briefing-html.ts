import { type Briefing, groupNotes, type Inline } from "./briefing.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Adjacent notes are one bracketed group ("[1, 2]"), each number linking to its source.
const inline = (xs: readonly Inline[]) =>
  groupNotes(xs)
    .map((x) =>
      typeof x === "string"
        ? esc(x)
        : "notes" in x || "note" in x
          ? `<sup class="ref">[${("notes" in x ? x.notes : [x.note]).map((n) => `<a href="#n${n}">${n}</a>`).join(", ")}]</sup>`
          : `<strong>${esc(x.strong)}</strong>`,
    )
    .join("");

/** The briefing as one self-contained HTML page (styles and the chart inline, no script) that prints well. */
export function briefingHtml(b: Briefing): string {
  const body = b.sections
    .map((s) => {
      const blocks = s.blocks.map((block) => {
        if ("p" in block) return `<p>${inline(block.p)}</p>`;
        if ("list" in block) {
          const tag = block.ordered ? "ol" : "ul";
          return `<${tag}>${block.list.map((i) => `<li>${inline(i)}</li>`).join("")}</${tag}>`;
        }
        if ("table" in block)
          return `<div class="table"><table><thead><tr>${block.table.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${block.table.rows.map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th>${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table></div>`;
        return `<figure>${block.figure.svg}<figcaption>${esc(block.figure.caption)}</figcaption></figure>`;
      });
      return `<section><h2>${esc(s.title)}</h2>${blocks.join("\n")}</section>`;
    })
    .join("\n");
  const notes = b.notes.length
    ? `<section class="notes"><h2>Sources cited</h2><ol>${b.notes.map((n, i) => `<li id="n${i + 1}">${esc(n)}</li>`).join("")}</ol></section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Briefing: ${esc(b.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
thead th{background:#f1f3f4}tbody th{font-weight:600}sup a{text-decoration:none}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#555}
.notes{font-size:.8rem}.notes li{margin:.15rem 0}
@page{size:A4;margin:16mm 14mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit}h2{break-after:avoid}table,figure,li{break-inside:avoid}.table{overflow:visible}}
</style></head>
<body><h1>Briefing: ${esc(b.title)}</h1>
${body}
${notes}
</body></html>
`;
}
