import type { ScenarioInput } from "../model/schema.js";
import { citeAround } from "./draft-citation.js";
import { sure } from "./draft-confidence.js";
import type { EvidenceJson } from "./evidence-json.js";

/**
 * The evidence's contradictions as the scenario's disputes: each figure or date the sources give
 * differently, every side with the words that give it; and each event whose tellings date it
 * differently.
 */
export function disputesOf(evidence: EvidenceJson): NonNullable<ScenarioInput["disputes"]> {
  const figures = evidence.contradictions.map((c) => {
    const watched = evidence.claims.some((x) => x.watched && x.subject === c.subject && x.attribute === c.attribute);
    return {
      subject: `${c.subject} · ${c.attribute}`,
      sides: c.sides.map((side) => ({
        value: side.unit && side.unit !== "fraction" ? `${side.value} ${side.unit}` : side.value,
        cite: side.quotes.slice(0, 2).map((q, i) => {
          const span = side.spans[i]!;
          return citeAround(q, q.text.slice(span.start - q.start, span.end - q.start));
        }),
      })),
      confidence: sure(
        watched ? "high" : "low",
        watched
          ? "the case's watch list follows this figure, and the sources give it differently"
          : "the same noun counted differently, within a tenth, by different sources: they may count different moments",
      ),
    };
  });
  const dates = evidence.events
    .filter((e) => e.disputed.includes("date"))
    .map((e) => {
      const byDate = new Map<string, (typeof e.versions)[number]>();
      for (const v of e.versions) if (v.when?.iso && !byDate.has(v.when.iso)) byDate.set(v.when.iso, v);
      return {
        subject: `date: ${e.who ?? "(unnamed)"} ${e.kind}${e.where ? ` in ${e.where}` : ""}`,
        sides: [...byDate].map(([iso, v]) => ({
          value: iso,
          cite: [citeAround(v, v.when!.text)],
        })),
        confidence: sure("medium", "sources tell one act with different dates"),
      };
    })
    .filter((d) => d.sides.length >= 2);
  return [...figures, ...dates];
}
