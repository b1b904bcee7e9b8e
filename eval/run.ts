/** `npm run eval`: the extractors scored on data no one here wrote (../shared/benchmarks). */
import { SHARED } from "../test/domains.js";
import { evaluateDates } from "./dates.js";

const f = (x: number) => x.toFixed(3);
const dates = evaluateDates(SHARED);
const rows = [
  ["AQUAINT TimeML dates (DATE+TIME)", "predictions", "precision", "recall", "day-level normalisation"],
  ...(["parley", "chrono"] as const).map((k) => {
    const s = dates[k];
    return [k === "parley" ? "  Parley (findDates)" : "  plain chrono-node (baseline)", String(s.predictions), f(s.precision), `${f(s.recall)} of ${s.gold}`, `${f(s.dayNormalised)} of ${s.dayMatched}`];
  }),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
process.stdout.write(rows.map((r) => r.map((x, c) => (c ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join("  ")).join("\n") + "\n");
