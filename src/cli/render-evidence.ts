import type { EvidenceJson } from "../evidence/evidence-json.js";
import { baseName } from "../model/base-name.js";
import { eventSummary } from "../report/event-summary.js";
import { fmtPercent, table, wrapLine } from "./table.js";

const short = (s: string, n = 110) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The evidence report for a terminal: per document its quotes by speaker, dates and quantities; then the events, each once with its sources; then every contradiction with each side's words; then corroborated facts and per-source counts. */
export function renderEvidence(r: EvidenceJson, width = Infinity): string {
  const out: string[] = [];
  for (const d of r.documents) {
    const name = baseName(d.file);
    const start = out.length;
    out.push(`${name}${d.title ? ` — ${short(d.title, 90)}` : ""}`);
    const how = {
      given: "given",
      manifest: "from the manifest",
      stated: "stated by the page",
      "file name": "from the file's name",
      inferred: `inferred from “${d.publishedEvidence?.text ?? ""}”`,
      batch: "assumed: the batch's most common date",
      unknown: "unknown",
    }[d.publishedSource];
    out.push(
      `  published: ${d.published ?? "unknown"} (${how})${d.author ? `; by ${d.author}` : ""}${d.outlet ? `; ${d.outlet}` : ""}${"duplicateOf" in d && d.duplicateOf ? `; DUPLICATE of ${baseName(d.duplicateOf)} (${fmtPercent(d.similarity!)} alike)` : ""}`,
    );
    const quotes = r.quotes.filter((q) => q.file === d.file && q.speaker);
    const bySpeaker = new Map<string, typeof quotes>();
    for (const q of quotes) (bySpeaker.get(q.speaker!) ?? bySpeaker.set(q.speaker!, []).get(q.speaker!)!).push(q);
    if (bySpeaker.size) {
      out.push("  quotes by speaker:");
      for (const [speaker, qs] of bySpeaker) {
        out.push(`    ${speaker}`);
        for (const q of qs)
          out.push(
            `      ${q.kind === "reported" || q.kind === "paraphrase" ? `(${q.kind}) ` : ""}${q.cue ? `[${q.cue}] ` : ""}${q.kind === "direct" || q.kind === "partial" ? `“${short(q.text)}”` : short(q.text)}  @${q.start}`,
          );
      }
    }
    const unattributed = r.quotes.filter((q) => q.file === d.file && !q.speaker).length;
    if (unattributed) out.push(`  ${unattributed} quoted phrase(s) with no speaker named (scare quotes, titles)`);
    const dates = r.dates.filter((x) => x.file === d.file);
    if (dates.length)
      out.push(
        `  dates: ${dates.map((x) => `${short(x.text, 40)} → ${x.kind === "duration" ? "duration" : (x.iso ?? "?") + (x.isoEnd ? `…${x.isoEnd}` : "")}`).join("; ")}`,
      );
    const qty = r.quantities.filter((x) => x.file === d.file);
    if (qty.length) out.push(`  quantities: ${qty.map((q) => `${q.text}${q.noun ? ` (${q.noun})` : ""}`).join("; ")}`);
    // The document's lines wrap at the terminal's width, as the events' do.
    out.splice(start, out.length - start, ...out.slice(start).map((l) => wrapLine(l, width)));
    out.push("");
  }
  const dated = r.events.filter((e) => e.when);
  out.push(
    dated.length
      ? `Events (${dated.length} dated, ${r.events.length - dated.length} undated) — each once, with the sources that tell it`
      : "Events: none dated",
  );
  for (const e of dated) {
    const files = [...new Set(e.versions.map((v) => baseName(v.file)))];
    const dates = e.disputed.includes("date")
      ? ` (sources differ: ${[...new Set(e.versions.map((v) => v.when?.iso).filter(Boolean))].join(", ")})`
      : "";
    out.push(wrapLine(`  ${e.when}${dates} · ${eventSummary(e)} — ${files.join(", ")}`, width));
  }
  out.push("");
  out.push(
    r.contradictions.length
      ? `Contradictions (${r.contradictions.length}) — every side with its exact words; none is picked`
      : "Contradictions: none found",
  );
  for (const c of r.contradictions) {
    out.push(`  ${c.subject} · ${c.attribute}`);
    for (const s of c.sides) {
      out.push(
        `    ${s.polarity ? "" : "NOT "}${s.value}${s.unit && s.unit !== "fraction" ? ` ${s.unit}` : ""} — ${s.files.map(baseName).join(", ")}`,
      );
      for (const q of s.quotes.slice(0, 3))
        out.push(
          `      ${baseName(q.file)} @${q.start}: “${short(q.text, 140)}”${q.attributedTo ? ` (${q.attributedTo})` : ""}`,
        );
    }
  }
  const watched = r.corroborated.filter((f) =>
    r.claims.some((c) => c.watched && c.subject === f.subject && c.attribute === f.attribute),
  );
  if (watched.length) {
    out.push("", "Corroborated");
    for (const f of watched)
      out.push(
        `  ${f.subject} · ${f.attribute}: ${f.polarity ? "" : "NOT "}${f.value}${f.unit ? ` ${f.unit}` : ""} — ${f.files.map(baseName).join(", ")}`,
      );
  }
  out.push(
    "",
    wrapLine("Sources: how many of each source's claims others corroborate, contest, or do not carry at all", width),
    table(
      ["source", "claims", "corroborated", "contested", "only here", "share"],
      r.sources.map((s) => [
        baseName(s.file),
        String(s.claims),
        String(s.corroborated),
        String(s.contested),
        String(s.unique),
        s.claims ? fmtPercent(s.unique / s.claims) : "–",
      ]),
    ),
  );
  // What each source says against itself, and which are kept out of the model for it.
  for (const x of r.reliability.filter((x) => x.findings.length || x.quarantined)) {
    out.push(
      "",
      wrapLine(
        `${baseName(x.file)}${x.quarantined ? ` is QUARANTINED (${x.quarantineReason}): what only it says is unverified, never an option, red line or plan term` : " says things against itself"}`,
        width,
      ),
    );
    for (const f of x.findings) out.push(wrapLine(`  - ${f}`, width));
  }
  return `${out.join("\n")}\n`;
}
