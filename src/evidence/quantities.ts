import { DisjointSpans } from "./disjoint-spans.js";
import { lowerBound } from "./lower-bound.js";
import { type Located, locate } from "./span.js";
import type { TextAnalysis } from "./text-analysis.js";

export interface QuantityMention extends Located {
  /** The value (for a range, its midpoint; for "up to X", X). */
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  /** USD, EUR, GBP, %, fraction — or null for a count. */
  readonly unit: string | null;
  /** The head noun counted or measured: troops, points, assets, hour… */
  readonly noun: string | null;
}

/** Numbers written as words, up to those a count is often written with. */
export const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  mln: 1e6,
  k: 1e3,
};
const FRACTIONS: Record<string, number> = {
  half: 0.5,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 0.25,
  quarters: 0.25,
  fifth: 0.2,
  fifths: 0.2,
};
const CURRENCY: Record<string, string> = {
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  dollars: "USD",
  euros: "EUR",
  pounds: "GBP",
  rubles: "RUB",
  roubles: "RUB",
  hryvnias: "UAH",
};

const WORD = Object.keys(SMALL).join("|");
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${WORD})(?:-(?:${WORD}))?(?![a-z]))(?:\\s*(?:${Object.keys(SCALE).join("|")})\\b)?`;
const QUANTITY = new RegExp(
  [
    `(?<frac>\\b(?:a|one|two|three)[-\\s](?:half|thirds?|quarters?|fifths?))\\b`,
    `(?<cur>[$€£])\\s?(?<money>${NUMBER})(?<msuf>(?:B|bn|M|mn|T)\\b)?`,
    // "50,000 to 60,000", "18-20" (a hyphen only between digits: "twenty-seven" is one number).
    `(?<range>(?:between\\s+)?(?<lo>${NUMBER})(?:\\s+(?:to|and)\\s+|\\s*–\\s*|(?<=\\d)-(?=\\d))(?<hi>${NUMBER}))(?![\\d-])`,
    `(?<num>\\b${NUMBER})(?<pct>\\s?(?:%|percent\\b|per cent\\b))?(?<hyph>-(?<hnoun>[a-z]+))?`,
  ].join("|"),
  "gi",
);

/** A number written in digits or words ("600,000", "1.5 million", "twenty-seven", "five"). */
export function parseNumber(s: string): number | null {
  const m = /^(.*?)(?:\s+([a-z]+))?$/i.exec(s.trim());
  if (!m) return null;
  let head = m[1]!.toLowerCase(),
    scale = 1;
  const last = m[2]?.toLowerCase();
  if (last && SCALE[last]) scale = SCALE[last]!;
  else if (last) head = `${head} ${last}`.trim();
  let n: number;
  if (/^[\d,.]+$/.test(head)) n = Number(head.replace(/,/g, ""));
  else n = head.split(/[-\s]+/).reduce((acc, w) => acc + (SMALL[w] ?? NaN), 0);
  return Number.isFinite(n) ? n * scale : null;
}

/**
 * Quantities with value, range, unit and head noun: "600,000 troops", "an army of up to
 * 800,000", "$100 billion", "50% of the profits", "27 points", "a 28-point plan", "five-hour
 * meeting", "two-thirds". Numbers inside date expressions are left to the dates.
 */
export function findQuantities(
  file: string,
  a: TextAnalysis,
  dateSpans: readonly { start: number; end: number }[] = [],
): QuantityMention[] {
  const text = a.text;
  const out: QuantityMention[] = [];
  const dates = new DisjointSpans();
  for (const d of dateSpans) dates.add(d.start, d.end);
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups!;
    let start = m.index!,
      end = start + m[0].length;
    if (dates.overlaps(start, end)) continue;
    let value: number | null,
      low: number | null = null,
      high: number | null = null,
      unit: string | null = null,
      noun: string | null = null;
    if (g["frac"]) {
      const [k, f] = g["frac"].toLowerCase().split(/[-\s]/) as [string, string];
      value = (k === "a" ? 1 : SMALL[k]!) * FRACTIONS[f]!;
      unit = "fraction";
    } else if (g["cur"]) {
      value = parseNumber(g["money"]!);
      // "$500B", "€50bn": a scale glued to the number.
      const suffix = g["msuf"]?.toLowerCase();
      if (value !== null && suffix) value *= suffix.startsWith("b") ? 1e9 : suffix.startsWith("m") ? 1e6 : 1e12;
      unit = CURRENCY[g["cur"]]!;
    } else if (g["range"]) {
      low = parseNumber(g["lo"]!);
      high = parseNumber(g["hi"]!);
      // "2014-2022" is a span of years, not a quantity.
      if (
        low === null ||
        high === null ||
        high < low ||
        (/^(1[89]|20)\d{2}$/.test(g["lo"]!) && /^(1[89]|20)\d{2}$/.test(g["hi"]!))
      )
        continue;
      // "600,000 to 800 thousand": a scale on the high end applies to both.
      value = (low + high) / 2;
    } else {
      const raw = g["num"]!;
      // Bare "one" is usually a pronoun, a lone 4-digit year is a date.
      if (/^one$/i.test(raw) && !g["hyph"] && !g["pct"]) continue;
      if (/^(1[89]|20)\d{2}$/.test(raw) && !g["pct"]) continue;
      value = parseNumber(raw);
      if (g["pct"]) unit = "%";
      if (g["hyph"]) noun = g["hnoun"]!.toLowerCase();
    }
    if (value === null) continue;
    const after = text.slice(end, end + 60);
    const cur = /^\s+(dollars|euros|pounds|rubles|roubles|hryvnias)\b/i.exec(after);
    if (!unit && cur) {
      unit = CURRENCY[cur[1]!.toLowerCase()]!;
      end += cur[0].length;
    }
    if (!noun) noun = nounAfter(a, end) ?? nounBefore(text, start);
    if (/^up to\s*$/i.test(text.slice(Math.max(0, start - 6), start))) {
      high = value;
      start -= text.slice(Math.max(0, start - 6), start).length;
    }
    // Object.assign, not a spread: a spread per item cost a second over a long text's 200,000 numbers.
    out.push(Object.assign(locate(file, text, start, end), { value, low, high, unit, noun }));
  }
  return out;
}

/** The head noun right after a quantity: the last noun of the following noun phrase ("27 points", "600,000 Maltese troops"). */
function nounAfter(a: TextAnalysis, end: number): string | null {
  // The first token starting at or after `end`, by binary search (tokens are in text order).
  let i = lowerBound(a.tokens.length, (k) => a.tokens[k]!.start < end);
  if (i >= a.tokens.length) return null;
  if (/^(of|percent|%)$/i.test(a.tokens[i]!.value) && a.tokens[i + 1]?.value.toLowerCase() === "the") i += 2;
  else if (/^of$/i.test(a.tokens[i]!.value)) i += 1;
  let noun: string | null = null;
  for (let k = i; k < Math.min(a.tokens.length, i + 4); k++) {
    const t = a.tokens[k]!;
    if (t.pos === "NOUN" || (t.pos === "PROPN" && noun === null && k === i + 1)) noun = t.value.toLowerCase();
    else if (t.pos === "ADJ" || t.pos === "NUM" || t.pos === "PROPN" || t.pos === "PART" || /^[-’']s?$/.test(t.value))
      continue;
    else break;
    if (a.tokens[k + 1]?.pos !== "NOUN") break;
  }
  return noun;
}

/** "an army of up to 800,000", "a cap of 600,000": the noun the quantity is "of". */
function nounBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 50), start);
  // "an army of up to 800,000", "capping the army at 600,000", "frozen assets, around $100 billion"
  const m = /\b([a-z]+)(?:\s+(?:of|at)|,)\s+(?:up to|about|around|approximately|some|nearly|roughly)?\s*$/i.exec(
    before,
  );
  return m && !SCALE[m[1]!.toLowerCase()] ? m[1]!.toLowerCase() : null;
}
