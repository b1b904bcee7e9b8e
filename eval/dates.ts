import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as chrono from "chrono-node";
import { findDates } from "../src/evidence/dates.js";
import { analyseText } from "../src/evidence/text-analysis.js";

interface Timex {
  type: string;
  value: string;
  start: number;
  end: number;
  text: string;
}
interface AquaintDoc {
  id: string;
  dct: string;
  text: string;
  timexes: Timex[];
}

export interface DateScores {
  predictions: number;
  gold: number;
  precision: number;
  recall: number;
  dayNormalised: number;
  dayMatched: number;
}

/**
 * Date detection and normalisation on AQUAINT TimeML (TempEval-3): gold = DATE and TIME
 * TIMEX3s; a prediction matches a gold timex when their spans overlap; normalisation is scored
 * on day-valued gold values (YYYY-MM-DD…) whose timex was detected.
 */
export function evaluateDates(shared: string): { parley: DateScores; chrono: DateScores } {
  const docs = readFileSync(join(shared, "benchmarks", "aquaint-timeml-timex3.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as AquaintDoc);
  const baseline = (d: AquaintDoc) =>
    chrono
      .parse(d.text, new Date(d.dct.length > 10 ? d.dct : `${d.dct}T12:00:00`))
      .map((r) => ({ start: r.index, end: r.index + r.text.length, iso: localDay(r.start.date()) }));
  const ours = (d: AquaintDoc) =>
    findDates(d.id, analyseText(d.text), d.dct.slice(0, 10))
      .filter((m) => m.kind !== "duration")
      .map((m) => ({ start: m.start, end: m.end, iso: m.iso }));
  return { parley: score(docs, ours), chrono: score(docs, baseline) };
}

function score(
  docs: AquaintDoc[],
  predict: (d: AquaintDoc) => { start: number; end: number; iso: string | null }[],
): DateScores {
  let predictions = 0,
    matchedPredictions = 0,
    gold = 0,
    matchedGold = 0,
    dayMatched = 0,
    dayRight = 0;
  for (const d of docs) {
    const golds = d.timexes.filter((t) => t.type === "DATE" || t.type === "TIME");
    const preds = predict(d);
    predictions += preds.length;
    gold += golds.length;
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    matchedPredictions += preds.filter((p) => golds.some((g) => overlaps(p, g))).length;
    for (const g of golds) {
      const hit = preds.find((p) => overlaps(p, g));
      if (!hit) continue;
      matchedGold++;
      if (/^\d{4}-\d{2}-\d{2}/.test(g.value)) {
        dayMatched++;
        if (hit.iso === g.value.slice(0, 10)) dayRight++;
      }
    }
  }
  return {
    predictions,
    gold,
    precision: matchedPredictions / predictions,
    recall: matchedGold / gold,
    dayNormalised: dayRight / dayMatched,
    dayMatched,
  };
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
