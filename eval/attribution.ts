import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findActors } from "../src/evidence/actors.js";
import { findQuotes } from "../src/evidence/quotes.js";
import { analyseText } from "../src/evidence/text-analysis.js";

type Span = [number, number];
interface Role {
  spans: Span[];
  text: string;
}
interface Attribution {
  kind: string;
  source: Role[];
  cue: Role[];
  content: Role[];
}
interface PolnearRecord {
  id: string;
  annotator: string;
  text: string;
  attributions: Attribution[];
}

export interface RoleScore {
  role: "source" | "cue" | "content";
  predicted: number;
  gold: number;
  exact: { precision: number; recall: number; f1: number };
  overlap: { precision: number; recall: number; f1: number };
}

/**
 * Attribution extraction on the PolNeAR dev split: every source, cue and content span Parley
 * finds against the annotated ones, per role, exact and overlapping matches.
 */
export function evaluateAttribution(shared: string): { records: number; relations: number; roles: RoleScore[] } {
  const records = readFileSync(join(shared, "benchmarks", "polnear-dev-attributions.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as PolnearRecord);
  const counts = { source: newCounts(), cue: newCounts(), content: newCounts() };
  let relations = 0;
  for (const r of records) {
    const a = analyseText(r.text);
    const quotes = findQuotes(r.id, a, findActors(r.id, a)).filter((q) => q.speakerSpan);
    relations += r.attributions.length;
    const predicted = {
      source: quotes.map((q): Span => [q.speakerSpan!.start, q.speakerSpan!.end]),
      cue: quotes.filter((q) => q.cueSpan).map((q): Span => [q.cueSpan!.start, q.cueSpan!.end]),
      // PolNeAR content spans include the quote marks of a direct quote.
      content: quotes.map((q): Span => (q.kind !== "reported" && /["“”‘’]/.test(r.text[q.start - 1] ?? "") ? [q.start - 1, q.end + 1] : [q.start, q.end])),
    };
    for (const role of ["source", "cue", "content"] as const) {
      const gold = r.attributions.flatMap((x) => x[role].flatMap((y) => y.spans));
      tally(counts[role], dedupe(predicted[role]), dedupe(gold));
    }
  }
  const roles = (["source", "cue", "content"] as const).map((role): RoleScore => {
    const c = counts[role];
    return { role, predicted: c.predicted, gold: c.gold, exact: prf(c.exactP, c.predicted, c.exactR, c.gold), overlap: prf(c.overlapP, c.predicted, c.overlapR, c.gold) };
  });
  return { records: records.length, relations, roles };
}

function newCounts() {
  return { predicted: 0, gold: 0, exactP: 0, exactR: 0, overlapP: 0, overlapR: 0 };
}

function dedupe(spans: Span[]): Span[] {
  return [...new Map(spans.map((s) => [s.join(","), s])).values()];
}

function tally(c: ReturnType<typeof newCounts>, pred: Span[], gold: Span[]): void {
  const same = (a: Span, b: Span) => a[0] === b[0] && a[1] === b[1];
  const overlap = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
  c.predicted += pred.length;
  c.gold += gold.length;
  c.exactP += pred.filter((p) => gold.some((g) => same(p, g))).length;
  c.exactR += gold.filter((g) => pred.some((p) => same(p, g))).length;
  c.overlapP += pred.filter((p) => gold.some((g) => overlap(p, g))).length;
  c.overlapR += gold.filter((g) => pred.some((p) => overlap(p, g))).length;
}

function prf(tp: number, predicted: number, tr: number, gold: number) {
  const precision = predicted ? tp / predicted : 0, recall = gold ? tr / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
