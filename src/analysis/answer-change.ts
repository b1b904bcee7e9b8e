import type { AnalysisReport } from "../contract/analysis-report.js";
import type { AnswerChange, PlanStanding } from "../contract/case-changes.js";

export type { AnswerChange, PlanStanding };

const line = (l: { party: string; label: string }) => `${l.party}: ${l.label}`;

function concession(c: AnalysisReport["concessions"][number]): string {
  if (c.kind === "red-line") return `${c.party} ${c.change} (${c.redLine})`;
  if (c.kind === "red-lines") return c.changes.map((x) => `${x.party} ${x.change} (${x.redLine})`).join(" and ");
  return c.changes
    .map((x) => `${x.party} lowers its reservation from ${x.from.toFixed(2)} to ${x.to.toFixed(2)}`)
    .join(" and ");
}

function standing(p: AnalysisReport["proposals"][number]): PlanStanding {
  return {
    acceptable: p.acceptable,
    crossed: p.redLinesCrossed.map(line),
    utilities: p.utilities ? [...p.utilities] : null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares the answers of two analyses of a scenario (before and after an edit): zone, collisions, concessions, plans. */
export function answerChange(before: AnalysisReport, after: AnalysisReport): AnswerChange {
  const zone = {
    before: { exists: before.zopa.exists, size: before.zopa.size },
    after: { exists: after.zopa.exists, size: after.zopa.size },
  };
  const collisionsOf = (r: AnalysisReport) => (r.explanation.collisions ?? []).map((c) => c.map(line));
  const collisions = { before: collisionsOf(before), after: collisionsOf(after) };
  const concessions = { before: before.concessions.map(concession), after: after.concessions.map(concession) };
  const names = [...new Set([...before.proposals.map((p) => p.name), ...after.proposals.map((p) => p.name)])];
  const plans = names
    .map((name) => {
      const b = before.proposals.find((p) => p.name === name);
      const a = after.proposals.find((p) => p.name === name);
      return { name, before: b ? standing(b) : null, after: a ? standing(a) : null };
    })
    .filter((p) => !same(p.before, p.after));
  const said: string[] = [];
  if (zone.before.exists !== zone.after.exists)
    said.push(zone.after.exists ? "a zone of possible agreement now exists" : "the zone of possible agreement is gone");
  else if (!same(zone.before.size, zone.after.size))
    said.push(
      `the zone of possible agreement changed size: ${zone.before.size ?? "none"} → ${zone.after.size ?? "none"}`,
    );
  if (!same(collisions.before, collisions.after))
    said.push(
      `the red lines that collide: ${collisions.before.map((c) => c.join(" + ")).join("; ") || "none"} → ${collisions.after.map((c) => c.join(" + ")).join("; ") || "none"}`,
    );
  if (!same(concessions.before, concessions.after))
    said.push(
      `the smallest concession that would open a deal: ${concessions.before[0] ?? "none needed"} → ${concessions.after[0] ?? "none needed"}`,
    );
  for (const p of plans) {
    if (!p.before)
      said.push(
        `${p.name} is new: ${p.after!.acceptable ? "acceptable to every party" : `not acceptable${p.after!.crossed.length ? `, crossing ${p.after!.crossed.join("; ")}` : ""}`}`,
      );
    else if (!p.after) said.push(`${p.name} is no longer in the scenario`);
    else if (p.before.acceptable !== p.after.acceptable)
      said.push(
        `${p.name} is ${p.after.acceptable ? "now acceptable to every party" : "no longer acceptable to every party"}`,
      );
    else if (!same(p.before.crossed, p.after.crossed)) {
      const gone = p.before.crossed.filter((l) => !p.after!.crossed.includes(l));
      const added = p.after.crossed.filter((l) => !p.before!.crossed.includes(l));
      const parts = [
        gone.length ? `no longer crosses ${gone.join("; ")}` : "",
        added.length ? `${gone.length ? "and now" : "now"} crosses ${added.join("; ")}` : "",
      ];
      said.push(`${p.name} ${parts.filter(Boolean).join(" ")} (${p.after.crossed.length} red line(s) still crossed)`);
    } else said.push(`${p.name}: its utilities changed`);
  }
  return { moved: said.length > 0, zone, collisions, concessions, plans, said };
}
