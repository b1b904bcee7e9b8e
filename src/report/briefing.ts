/**
 * The briefing on a scenario, from its cited analysis (the `analyze --json` contract): bottom
 * line first, then the red lines, the plan versions, the smallest concessions, the contested
 * facts, and every cited field's exact words as a footnote. One document model, written out as
 * Markdown or as one self-contained HTML page that prints well.
 */

interface Cite {
  readonly field: string;
  readonly file: string;
  readonly text: string;
  readonly source?: { readonly kind: string; readonly score: number };
}

export interface BriefingInput {
  readonly scenario: string;
  readonly parties: readonly string[];
  readonly outcomes?: number | string;
  readonly reservations: readonly number[];
  readonly explanation?: { readonly summary?: string };
  readonly zopa: { readonly exists: boolean; readonly size: number; readonly probability?: number };
  readonly redLines: readonly { readonly party: string; readonly label: string }[];
  readonly proposals: readonly { readonly name: string; readonly by?: string; readonly utilities: readonly number[]; readonly redLinesCrossed: readonly { readonly party: string; readonly label: string; readonly status: string; readonly evidence?: readonly Cite[] }[]; readonly acceptable?: boolean }[];
  readonly concessions: readonly { readonly kind: string; readonly changes?: readonly { readonly party: string; readonly redLine?: string; readonly change: string }[]; readonly size: number }[];
  readonly contestedFacts?: readonly { readonly subject: string; readonly values: readonly (string | number)[]; readonly changesAnswers: boolean; readonly why?: string }[];
  readonly citations?: readonly Cite[];
  readonly assumptions?: readonly string[];
  readonly weakFields?: readonly { readonly field: string; readonly reason: string }[];
}

type Inline = string | { readonly note: number };
type Block = { readonly p: Inline[] } | { readonly list: Inline[][] } | { readonly table: { readonly head: string[]; readonly rows: string[][] } };
interface Section {
  readonly title: string;
  readonly blocks: Block[];
}

const fixed = (x: number) => x.toFixed(2);

function build(r: BriefingInput): { title: string; sections: Section[]; notes: Cite[] } {
  const notes: Cite[] = [];
  const note = (c: Cite): Inline => {
    let i = notes.findIndex((n) => n.file === c.file && n.text === c.text);
    if (i < 0) i = notes.push(c) - 1;
    return { note: i + 1 };
  };
  const citesOf = (prefix: string) => (r.citations ?? []).filter((c) => c.field.startsWith(prefix));
  const bottom: Block[] = [{ p: [r.explanation?.summary ?? (r.zopa.exists ? "A zone of agreement exists." : "No zone of agreement.")] }];
  if (r.zopa.exists) bottom.push({ p: [`The zone of agreement holds ${(r.zopa.size * 100).toFixed(1)} % of the outcomes${r.zopa.probability !== undefined ? `; it exists in ${(r.zopa.probability * 100).toFixed(0)} % of the draws over the uncertain numbers` : ""}.`] });
  const sections: Section[] = [{ title: "Bottom line", blocks: bottom }];
  sections.push({
    title: "Parties and red lines",
    blocks: [
      {
        list: r.parties.map((p, i) => {
          const lines = r.redLines.filter((l) => l.party === p);
          const inline: Inline[] = [`${p} (reservation ${fixed(r.reservations[i] ?? 0)}): `];
          if (!lines.length) inline.push("no red line stated");
          lines.forEach((l, j) => {
            inline.push(`${j ? "; " : ""}${l.label}`);
            for (const c of citesOf(`parties[${i}].redLines[${j}].`)) inline.push(note(c));
          });
          return inline;
        }),
      },
    ],
  });
  sections.push({
    title: "Plan versions",
    blocks: [
      {
        table: {
          head: ["plan", "by", ...r.parties, "red lines crossed"],
          rows: r.proposals.map((p) => [
            p.name,
            p.by ?? "",
            ...r.parties.map((_, i) => fixed(p.utilities[i] ?? 0)),
            p.redLinesCrossed.filter((x) => x.status !== "open").map((x) => `${x.party}: ${x.label}`).join("; ") || (p.redLinesCrossed.length ? `${p.redLinesCrossed.length} open` : "none"),
          ]),
        },
      },
      { p: ["Utilities run from 0 (a party's worst outcome) to 1 (its best); a red line marked open depends on terms the plan leaves open."] },
    ],
  });
  const concessions = r.concessions.slice(0, 5);
  sections.push({
    title: "Smallest concessions that would open a deal",
    blocks: concessions.length
      ? [{ list: concessions.map((c) => [`${(c.changes ?? []).map((x) => `${x.party}: ${x.change}${x.redLine ? ` (relaxing “${x.redLine}”)` : ""}`).join("; ")} — size ${fixed(c.size)}`]) }]
      : [{ p: ["None found within the search."] }],
  });
  const facts = r.contestedFacts ?? [];
  if (facts.length)
    sections.push({
      title: "Where the sources disagree",
      blocks: [{ list: facts.map((f) => [`${f.subject}: ${f.values.map(String).join(" / ")} — ${f.changesAnswers ? "changes the answers" : `does not change the answers${f.why ? ` (${f.why})` : ""}`}`]) }],
    });
  const method: Inline[][] = [[`${(r.assumptions ?? []).length} number(s) or term(s) are assumptions no citation supports.`]];
  for (const w of r.weakFields ?? []) method.push([`${w.field}: ${w.reason}`]);
  sections.push({ title: "Assumptions and weak support", blocks: [{ list: method }] });
  return { title: r.scenario, sections, notes };
}

const noteLabel = (c: Cite) => `“${c.text}” — ${c.file}${c.source ? ` (${c.source.kind}, reliability ${fixed(c.source.score)})` : ""}`;

export function briefingMarkdown(r: BriefingInput): string {
  const { title, sections, notes } = build(r);
  const inline = (xs: Inline[]) => xs.map((x) => (typeof x === "string" ? x.replace(/([|*_[\]])/g, "\\$1") : `[^${x.note}]`)).join("");
  const out = [`# Briefing: ${title}`, ""];
  for (const s of sections) {
    out.push(`## ${s.title}`, "");
    for (const b of s.blocks) {
      if ("p" in b) out.push(inline(b.p), "");
      else if ("list" in b) out.push(...b.list.map((i) => `- ${inline(i)}`), "");
      else out.push(`| ${b.table.head.join(" | ")} |`, `|${b.table.head.map(() => " --- ").join("|")}|`, ...b.table.rows.map((row) => `| ${row.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`), "");
    }
  }
  if (notes.length) out.push(...notes.map((n, i) => `[^${i + 1}]: ${noteLabel(n)}`), "");
  return out.join("\n");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function briefingHtml(r: BriefingInput): string {
  const { title, sections, notes } = build(r);
  const inline = (xs: Inline[]) => xs.map((x) => (typeof x === "string" ? esc(x) : `<sup><a href="#n${x.note}" id="r${x.note}">${x.note}</a></sup>`)).join("");
  const body = sections
    .map(
      (s) =>
        `<section><h2>${esc(s.title)}</h2>${s.blocks
          .map((b) =>
            "p" in b
              ? `<p>${inline(b.p)}</p>`
              : "list" in b
                ? `<ul>${b.list.map((i) => `<li>${inline(i)}</li>`).join("")}</ul>`
                : `<table><thead><tr>${b.table.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${b.table.rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`,
          )
          .join("")}</section>`,
    )
    .join("\n");
  const footnotes = notes.length ? `<section class="notes"><h2>Sources</h2><ol>${notes.map((n, i) => `<li id="n${i + 1}">${esc(noteLabel(n))} <a href="#r${i + 1}">↩</a></li>`).join("")}</ol></section>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Briefing: ${esc(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.notes{font-size:.85rem}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}section{break-inside:avoid-page}}
</style></head>
<body><h1>Briefing: ${esc(title)}</h1>
${body}
${footnotes}
</body></html>
`;
}
