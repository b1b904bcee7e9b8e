import type { CaseSnapshot, Words } from "../contract/case-changes.js";
import type { EvidenceJson } from "../contract/evidence.js";
import { baseName } from "../model/base-name.js";
import type { ScenarioInput } from "../model/schema.js";

export type { CaseSnapshot, Words };

/** The case before any coverage: what the first version is compared with. */
export const EMPTY_SNAPSHOT: CaseSnapshot = {
  documents: [],
  events: [],
  statements: [],
  stances: [],
  redLines: [],
  plans: [],
  contradictions: [],
  quarantined: [],
};

/**
 * A case's model after a batch, from its evidence and the scenario drafted from it (null when the
 * coverage drafts none yet): what an analyst follows from one batch to the next.
 */
export function caseSnapshot(evidence: EvidenceJson, draft: ScenarioInput | null): CaseSnapshot {
  // The draft cites a document by its file's base name, the evidence by its file as given.
  const names = new Map(
    evidence.documents.flatMap((d) => [[baseName(d.file), d.name] as const, [d.file, d.name] as const]),
  );
  const words = (file: string, text: string): Words => ({ file, source: names.get(file) ?? file, text });
  const cited = (cite: unknown): Words | null => {
    const first = (Array.isArray(cite) ? cite[0] : cite) as { file?: string; exact?: string } | undefined;
    return first?.file && first.exact ? words(first.file, first.exact) : null;
  };
  const affiliation = new Map(evidence.actors.map((a) => [a.name, a.affiliation ?? null]));
  const parties = draft?.parties ?? [];
  const partyOf = (speaker: string) =>
    parties.find(
      (p) =>
        p.name === speaker ||
        p.name === affiliation.get(speaker) ||
        (p.description ?? "").split(/[,:]\s*/).includes(speaker),
    )?.name ??
    affiliation.get(speaker) ??
    null;
  const seen = new Set<string>();
  return {
    documents: evidence.documents
      .filter((d) => !d.duplicateOf)
      .map((d) => ({ id: d.id, file: d.file, name: d.name, url: d.url })),
    events: evidence.events.map(({ kind, when, where, who, whom, planned, versions: [first] }) => ({
      // An event's identity across snapshots: what happened, when, where, between whom.
      key: [kind, when ?? "", where ?? "", who ?? "", whom ?? ""].join("\u0000"),
      kind,
      when,
      where,
      who,
      whom,
      planned,
      words: words(first!.file, first!.text),
    })),
    statements: evidence.quotes.flatMap((q) => {
      if (!q.speaker || q.kind === "paraphrase") return [];
      // The same words in a copy are one statement.
      const key = `${q.speaker}\u0000${q.text}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ speaker: q.speaker, party: partyOf(q.speaker), kind: q.kind, words: words(q.file, q.text) }];
    }),
    stances: parties.flatMap((p) =>
      Object.entries(p.stances ?? {}).map(([issue, s]) => ({
        party: p.name,
        issue,
        strength: s.strength,
        note: s.note ?? null,
        words: cited(s.cite),
      })),
    ),
    redLines: parties.flatMap((p) =>
      (p.redLines ?? []).map((r) => ({ party: p.name, label: r.label ?? "red line", words: cited(r.cite) })),
    ),
    plans: (draft?.proposals ?? []).map((p) => ({
      name: p.name,
      by: p.by ?? null,
      derivedFrom: p.derivedFrom ?? null,
      outcome: Object.fromEntries(
        // A term the texts leave open between options (`oneOf`) is kept as its alternatives, "a or b".
        Object.entries(p.outcome).map(([k, v]) => [k, typeof v === "object" ? v.oneOf.join(" or ") : v]),
      ),
      words: (Array.isArray(p.cite) ? p.cite : p.cite ? [p.cite] : []).flatMap((c) => cited(c) ?? []),
    })),
    contradictions: evidence.contradictions.map((c) => ({
      key: `${c.subject}\u0000${c.attribute}\u0000${c.sides
        .map((s) => String(s.value))
        .sort()
        .join("\u0000")}`,
      subject: c.subject,
      attribute: c.attribute,
      sides: c.sides.map((s) => ({
        value: String(s.value),
        words: s.quotes[0] ? words(s.quotes[0].file, s.quotes[0].text) : null,
      })),
    })),
    quarantined: evidence.reliability
      .filter((r) => r.quarantined)
      .map((r) => ({ file: r.file, source: names.get(r.file) ?? r.file, reason: r.quarantineReason ?? "" })),
  };
}
