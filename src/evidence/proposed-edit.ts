import type { ChangeReport, EditItem, EditOp, Words } from "../contract/case-changes.js";
import type { ScenarioSpec } from "../model/schema.js";

export type { EditItem, EditOp };

const POINTS = /\b(\d+)[- ]point\b/i;

/**
 * The edit a change report proposes for a scenario: a stance that moved, set to where it stands now
 * (its new words added to its citations); a red line the coverage says was softened or dropped,
 * removed; a new plan version, added with the terms its words state, derived from the scenario's
 * plan it revises. Only what the scenario can hold is proposed — a party, an issue and a value the
 * scenario names — and nothing it holds already.
 */
export function proposedEdit(spec: ScenarioSpec, changes: ChangeReport): EditItem[] {
  const items: EditItem[] = [];
  const partyIndex = (name: string) => spec.parties.findIndex((p) => p.name === name);
  const issue = (name: string) => spec.issues.find((i) => i.name === name);
  const cite = (w: Words | null) => (w ? [{ file: w.file.split("/").at(-1)!, exact: w.text }] : []);

  for (const s of changes.stances) {
    const pi = partyIndex(s.party);
    if (pi < 0 || !issue(s.issue) || s.to === null) continue;
    const held = spec.parties[pi]!.stances?.[s.issue];
    if (held?.strength === s.to) continue;
    const base = ["parties", pi, "stances", s.issue];
    items.push({
      id: `stance:${s.party}:${s.issue}`,
      kind: "set-stance",
      summary: `${s.party}'s stance on ${s.issue}: ${held?.strength ?? "none"} → ${s.to}`,
      words: s.words,
      ops: held
        ? [
            { action: "set", path: [...base, "strength"], value: s.to },
            ...cite(s.words).map((c) => ({ action: "add" as const, path: [...base, "cite"], value: c })),
          ]
        : [{ action: "set", path: base, value: { strength: s.to, cite: cite(s.words) } }],
    });
  }

  for (const l of changes.redLines) {
    if (l.change === "stated") continue;
    const pi = partyIndex(l.party);
    if (pi < 0) continue;
    const on = l.label.split(":")[0]!.trim();
    spec.parties[pi]!.redLines.forEach((r, ri) => {
      const issues = "then" in r ? [r.then.issue] : [r.issue];
      if (!issues.includes(on)) return;
      items.push({
        id: `red-line:${l.party}:${ri}:${r.label ?? on}`,
        kind: "drop-red-line",
        summary: `${l.party}'s red line ${r.label ? `“${r.label}”` : `on ${on}`}: remove (${l.change} in the coverage)`,
        words: l.words,
        ops: [{ action: "delete", path: ["parties", pi, "redLines", ri] }],
      });
    });
  }

  // A plan the scenario knows under another name: the same number of points.
  const known = (name: string) => {
    const n = POINTS.exec(name)?.[1];
    return (
      spec.proposals.find((p) => p.name === name) ??
      (n ? spec.proposals.find((p) => POINTS.exec(p.name)?.[1] === n) : undefined)
    );
  };
  for (const p of changes.plans) {
    if (known(p.name)) continue;
    const origin = p.against ? known(p.against) : undefined;
    const outcome = Object.fromEntries(
      p.terms.flatMap((t) => {
        const i = issue(t.issue);
        if (!i || t.to === null) return [];
        const valid = i.kind === "discrete" ? i.options.includes(String(t.to)) : typeof t.to === "number";
        return valid ? [[t.issue, t.to] as const] : [];
      }),
    );
    items.push({
      id: `plan:${p.name}`,
      kind: "add-plan",
      summary: `add ${p.name}${origin ? `, derived from ${origin.name}` : ""}${Object.keys(outcome).length ? ` (terms on ${Object.keys(outcome).join(", ")})` : " (no terms stated yet)"}`,
      words: p.words[0] ?? null,
      ops: [
        {
          action: "add",
          path: ["proposals"],
          value: {
            name: p.name,
            ...(p.by && partyIndex(p.by) >= 0 ? { by: p.by } : {}),
            ...(origin ? { derivedFrom: origin.name } : {}),
            description: "drafted from the coverage as it arrived: its terms are the ones its words state",
            outcome,
            cite: p.words.slice(0, 2).flatMap((w) => cite(w)),
          },
        },
      ],
    });
  }
  return items;
}
