import type { CaseChanges, Words } from "../contract/case-changes.js";
import { ellipsis } from "../model/ellipsis.js";
import type { Block, Inline, Section } from "./briefing-document.js";
import { humanDate } from "./human-date.js";

/** Items shown per kind of change; the rest are counted ("and 4 more"). */
const SHOWN = 6;

const said = (w: Words | null): Inline[] => (w ? [` — “${ellipsis(w.text, 240)}” (${ellipsis(w.source, 60)})`] : []);

/**
 * "Since the last briefing": what the coverage that arrived since changed in the case's model —
 * stances that moved, red lines, new plan versions, new events and statements, sources newly
 * quarantined — each with its words and source. Null when there is no earlier version to set it
 * against: the case's first version is the coverage the model was made from, not news.
 */
export function briefingSince(since: CaseChanges | undefined): Section | null {
  if (!since?.from) return null;
  const r = since.changes;
  const list = <T>(title: string, items: readonly T[], line: (t: T) => Inline[]): Block[] => {
    if (!items.length) return [];
    const shown = items.slice(0, SHOWN).map(line);
    if (items.length > SHOWN)
      shown.push([`and ${items.length - SHOWN} more (parley changes, or the web app's What changed)`]);
    return [{ p: [{ strong: title }] }, { list: shown }];
  };
  const from = `${humanDate(since.from.created.slice(0, 10))} (version ${since.from.version})`;
  const blocks: Block[] = [
    {
      p: [
        `From ${from} to ${humanDate(since.to.created.slice(0, 10))} (version ${since.to.version}): ${r.documents.length} new document(s).`,
      ],
    },
    ...list("Stances that moved", r.stances, (s) => [
      `${s.party} on ${s.issue}: ${s.move}${s.from && s.to ? ` (${s.from} → ${s.to})` : ""}`,
      ...said(s.words),
    ]),
    ...list("Red lines", r.redLines, (l) => [`${l.party}: ${l.label} — ${l.change}`, ...said(l.words)]),
    ...list("New plan versions", r.plans, (p) => [
      `${p.name}${p.by ? ` (${p.by})` : ""}${p.against ? `, revising ${p.against}` : ""}`,
      ...said(p.words[0] ?? null),
    ]),
    ...list("New events", r.events, (e) => [
      `${[e.who, e.kind, e.whom].filter(Boolean).join(" ")}${e.where ? ` in ${e.where}` : ""}${e.when ? ` (${e.when})` : ""}`,
      ...said(e.words),
    ]),
    ...list("New statements", r.statements, (s) => [
      `${s.speaker}${s.party && s.party !== s.speaker ? ` (${s.party})` : ""}`,
      ...said(s.words),
    ]),
    ...list("Sources newly quarantined", r.quarantined, (q) => [`${q.source}: ${q.reason}`]),
  ];
  if (blocks.length === 1) blocks.push({ p: ["Nothing in the model changed."] });
  return { title: "Since the last briefing", blocks };
}
