import { type Briefing, groupNotes, type Inline, type Section } from "./briefing-document.js";

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

const section = (s: Section) => {
  const blocks = s.blocks.map((block) => {
    if ("p" in block) return `<p>${inline(block.p)}</p>`;
    if ("list" in block) {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.list.map((i) => `<li>${inline(i)}</li>`).join("")}</${tag}>`;
    }
    if ("table" in block)
      return `<div class="table"><table><thead><tr>${block.table.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${block.table.rows.map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th>${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table></div>`;
    return `<div class="figures">${block.figures.map((f) => `<figure>${f.svg}${f.caption ? `<figcaption>${esc(f.caption)}</figcaption>` : ""}</figure>`).join("")}</div>`;
  });
  return `<section><h2>${esc(s.title)}</h2>${blocks.join("\n")}</section>`;
};

/**
 * The briefing as one self-contained HTML page (styles and charts inline, no script) that prints
 * well: the header and the core on the first two A4 pages, the annex from a new page.
 */
export function briefingHtml(b: Briefing): string {
  const notes = b.notes.length
    ? `<section class="notes"><h2>Sources cited</h2><ol>${b.notes.map((n, i) => `<li id="n${i + 1}">${esc(n)}</li>`).join("")}</ol></section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Briefing: ${esc(b.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.15rem;margin:1.4rem 0 .5rem}
.meta{color:#444;font-size:.85em;margin:.1rem 0}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ccc;padding:.2rem .35rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f1f3f4}thead th:first-child{width:14%}tbody th{font-weight:600}sup a{text-decoration:none}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures figure{flex:1 1 22rem;margin:0}figure svg{max-width:100%;height:auto}.figures figure h2,.figures figure h3{border:0;font-size:1em;margin:0 0 .2rem}.figures figure p,figcaption{font-size:.8em;color:#555;margin:0}
.annex{margin-top:3rem}.annex>h1{font-size:1.4rem}
.notes{font-size:.8rem}.notes li{margin:.15rem 0}
@page{size:A4;margin:14mm 13mm 16mm}
@media print{body{margin:0;max-width:none;font-size:9pt;line-height:1.35}a{color:inherit}h1{font-size:15pt}h2{font-size:11pt;margin:.7rem 0 .3rem;break-after:avoid}p,ul,ol{margin:.25rem 0}ul,ol{padding-left:1.2rem}
table{font-size:8pt;table-layout:fixed}table,figure,li{break-inside:avoid}.table{overflow:visible}.annex{break-before:page;margin-top:0}.figures figure{flex:1 1 0}}
</style></head>
<body><header><h1>Briefing: ${esc(b.title)}</h1>${b.header.map((l) => `<p class="meta">${esc(l)}</p>`).join("")}</header>
<main>
${b.core.map(section).join("\n")}
</main>
<section class="annex"><h1>Annex</h1>
${b.annex.map(section).join("\n")}
${notes}
</section>
</body></html>
`;
}
