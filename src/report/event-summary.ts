import type { NegotiationEvent } from "../contract/evidence.js";

/** An event in a line: who did what to whom, and where ("Ruritania's government approved the truce in Valletta"). */
export function eventSummary(e: Pick<NegotiationEvent, "kind" | "who" | "whom" | "where" | "planned">): string {
  const bare = (x: string | null) => x?.replace(/^the\s+/i, "") ?? null;
  const whom = e.whom && bare(e.whom) !== bare(e.where) ? ` ${e.whom}` : "";
  const where = e.where ? ` in ${e.where}` : "";
  return `${e.who ?? "(unnamed)"} ${e.planned ? `(expected) ${e.kind}` : e.kind}${whom}${where}`;
}
