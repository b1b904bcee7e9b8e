import type { CaseSnapshot, ChangeReport, StanceMove } from "../contract/case-changes.js";
import { STANCE_STRENGTHS } from "../model/schema.js";
import { EMPTY_SNAPSHOT } from "./case-snapshot.js";

export type { ChangeReport, StanceMove };

/**
 * What changed from `before` (null: an empty case) to `after`: the documents added, new events,
 * each party's new statements, stances that moved, red lines stated, softened (no longer a red
 * line, still held) or dropped, new plan versions with their terms against the plan they revise,
 * new contradictions, sources newly quarantined.
 */
export function changeReport(before: CaseSnapshot | null, after: CaseSnapshot): ChangeReport {
  const prev: CaseSnapshot = before ?? EMPTY_SNAPSHOT;
  const newOnly = <T>(items: readonly T[], old: readonly T[], key: (t: T) => string) => {
    const had = new Set(old.map(key));
    return items.filter((t) => !had.has(key(t)));
  };
  const stanceKey = (s: { party: string; issue: string }) => `${s.party}\u0000${s.issue}`;
  const oldStances = new Map(prev.stances.map((s) => [stanceKey(s), s]));
  const newStances = new Map(after.stances.map((s) => [stanceKey(s), s]));
  const stances: ChangeReport["stances"][number][] = [];
  for (const s of after.stances) {
    const was = oldStances.get(stanceKey(s));
    if (was?.strength === s.strength) continue;
    stances.push({
      party: s.party,
      issue: s.issue,
      move: was ? moveOf(was.strength, s.strength) : "stated",
      from: was?.strength ?? null,
      to: s.strength,
      words: s.words,
    });
  }
  for (const s of prev.stances)
    if (!newStances.has(stanceKey(s)))
      stances.push({ party: s.party, issue: s.issue, move: "dropped", from: s.strength, to: null, words: s.words });
  const lineKey = (r: { party: string; label: string }) => `${r.party}\u0000${r.label}`;
  // A red line's issue is the label's head ("Ceasefire: insist on"): still held as a stance, it is softened, not dropped.
  const issueOf = (label: string) => label.split(":")[0]!.trim();
  const redLines: ChangeReport["redLines"][number][] = [
    ...newOnly(after.redLines, prev.redLines, lineKey).map((r) => ({ ...r, change: "stated" as const })),
    ...newOnly(prev.redLines, after.redLines, lineKey).map((r) => {
      const held = newStances.get(stanceKey({ party: r.party, issue: issueOf(r.label) }));
      return held && held.strength !== "red line"
        ? { party: r.party, label: r.label, change: "softened" as const, words: held.words ?? r.words }
        : { ...r, change: "dropped" as const };
    }),
  ];
  const plans = newOnly(after.plans, prev.plans, (p) => p.name).map((p) => {
    // Its terms are set against the plan it revises; a plan that revises none has only terms of its own.
    const base = after.plans.find((q) => q.name === p.derivedFrom) ?? null;
    const issues = [...new Set([...Object.keys(base?.outcome ?? {}), ...Object.keys(p.outcome)])];
    return {
      name: p.name,
      by: p.by,
      against: base?.name ?? null,
      terms: issues
        .map((issue) => ({ issue, from: base?.outcome[issue] ?? null, to: p.outcome[issue] ?? null }))
        .filter((t) => t.from !== t.to),
      words: p.words,
    };
  });
  return {
    documents: newOnly(after.documents, prev.documents, (d) => d.id),
    events: newOnly(after.events, prev.events, (e) => e.key),
    statements: newOnly(after.statements, prev.statements, (s) => `${s.speaker}\u0000${s.words.text}`),
    stances,
    redLines,
    plans,
    contradictions: newOnly(after.contradictions, prev.contradictions, (c) => c.key),
    quarantined: newOnly(after.quarantined, prev.quarantined, (q) => q.file),
  };
}

/** Stances order from the strongest ("red line") to "acceptable"; "rejects" stands apart (a refusal, not a degree). */
function moveOf(from: string, to: string): StanceMove {
  const rank = (s: string) => (s === "rejects" ? -1 : STANCE_STRENGTHS.indexOf(s as (typeof STANCE_STRENGTHS)[number]));
  const [a, b] = [rank(from), rank(to)];
  if (a < 0 || b < 0) return "changed";
  return b > a ? "softened" : "hardened";
}
