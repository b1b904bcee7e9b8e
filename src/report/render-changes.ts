import type { Words } from "../evidence/case-snapshot.js";
import type { ChangeReport } from "../evidence/change-report.js";

const said = (w: Words | null) => (w ? ` — “${w.text}” (${w.source})` : "");

/**
 * A change report as Markdown, for the terminal and the briefing: a heading per kind of change
 * with at least one item, each item with its words and source. `level` is the headings' depth.
 */
export function renderChanges(r: ChangeReport, level = 3): string {
  const h = "#".repeat(level);
  const out: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length) out.push(`${h} ${title}\n`, ...lines.map((l) => `- ${l}`), "");
  };
  section(
    "New events",
    r.events.map(
      (e) =>
        `${e.planned ? "planned: " : ""}${[e.who, e.kind, e.whom].filter(Boolean).join(" ")}${e.where ? ` in ${e.where}` : ""}${e.when ? ` (${e.when})` : ""}${said(e.words)}`,
    ),
  );
  section(
    "Stances that moved",
    r.stances.map(
      (s) =>
        `${s.party} on ${s.issue}: ${s.move}${s.from && s.to ? ` (${s.from} → ${s.to})` : s.to ? ` (${s.to})` : ` (was ${s.from})`}${said(s.words)}`,
    ),
  );
  section(
    "Red lines",
    r.redLines.map((l) => `${l.party}: ${l.label} — ${l.change}${said(l.words)}`),
  );
  section(
    "New plan versions",
    r.plans.map((p) => {
      const terms = p.terms.length
        ? p.terms.map((t) => `${t.issue}: ${t.from ?? "—"} → ${t.to ?? "—"}`).join("; ")
        : "its terms are not stated";
      return `${p.name}${p.by ? ` (${p.by})` : ""}${p.against ? `, revising ${p.against}` : ""}: ${terms}${said(p.words[0] ?? null)}`;
    }),
  );
  section(
    "New statements",
    r.statements.map((s) => `${s.speaker}${s.party && s.party !== s.speaker ? ` (${s.party})` : ""}${said(s.words)}`),
  );
  section(
    "New contradictions",
    r.contradictions.map(
      (c) => `${c.subject} · ${c.attribute}: ${c.sides.map((s) => `${s.value}${said(s.words)}`).join(" vs ")}`,
    ),
  );
  section(
    "Sources newly quarantined",
    r.quarantined.map((q) => `${q.source}: ${q.reason}`),
  );
  section(
    "Documents added",
    r.documents.map((d) => `${d.name}${d.url ? ` <${d.url}>` : ""}`),
  );
  return out.length ? out.join("\n") : "Nothing changed.\n";
}
