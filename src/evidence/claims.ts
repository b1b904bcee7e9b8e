import type { CaseKnowledge } from "./case-knowledge.js";
import type { DateMention } from "./dates.js";
import { likelySpeaker } from "./likely-speaker.js";
import { lowerBound } from "./lower-bound.js";
import type { QuantityMention } from "./quantities.js";
import { inQuotationMarks, type Quote } from "./quotes.js";
import { type Located, locate } from "./span.js";
import { statementKind } from "./statement-kind.js";
import type { TextAnalysis } from "./text-analysis.js";

/** subject · attribute · value · time · who says so · where. */
export interface Claim extends Located {
  readonly subject: string;
  readonly attribute: string;
  readonly value: string | number;
  readonly unit: string | null;
  /** True for an assertion, false for a denial ("the minister was absent"). */
  readonly polarity: boolean;
  /** ISO date the claim is about, when the sentence gives one. */
  readonly time: string | null;
  /** The speaker the text attributes the claim to; null when the document itself asserts it. */
  readonly attributedTo: string | null;
  /** True for claims from the watch list; false for the generic "N things" quantity claims. */
  readonly watched: boolean;
  /** The whole sentence: the words a reader checks the claim against. */
  readonly sentence: Located;
}

/**
 * Claims of one document: every watch-list match (from quantities, dates or the sentence
 * itself), and every other counted quantity as a generic claim (noun · number · value), so
 * that what only one source says can be seen. Each claim carries its sentence as the span and
 * the speaker of any quote or reported statement covering it.
 */
export function findClaims(
  file: string,
  a: TextAnalysis,
  evidence: { dates: readonly DateMention[]; quantities: readonly QuantityMention[]; quotes: readonly Quote[] },
  knowledge: Pick<CaseKnowledge, "watch" | "venues">,
): Claim[] {
  const { watch, venues } = knowledge;
  const text = a.text;
  const out: Claim[] = [];
  const claimed = new Set<QuantityMention>();
  // Each sentence looks up its mentions in an index (a scan per sentence made long texts quadratic).
  const datesIn = spanIndex(evidence.dates);
  const quantitiesIn = spanIndex(evidence.quantities);
  const quotesIn = spanIndex(evidence.quotes);
  const spokenAround = containingIndex(evidence.quotes.filter((q) => q.speaker));
  for (const whole of a.sentences) {
    const lead = text.slice(whole.start, whole.end).search(/\S/);
    if (lead < 0) continue;
    const s = { start: whole.start + lead, end: whole.end };
    const sentence = text.slice(s.start, s.end);
    const dates = datesIn(s.start, s.end).filter((d) => d.kind !== "duration" && d.iso);
    const time = dates.find((d) => d.iso!.length === 10)?.iso ?? null;
    const sentenceSpan = locate(file, text, s.start, trimmed(text, s.start, s.end));
    // Who says so: the speaker of a quote or reported statement that contains the claim's words.
    const by = (start: number, end: number) => spokenAround(start, end)?.speaker ?? null;
    const base = { polarity: true, time, watched: true, sentence: sentenceSpan };
    for (const item of watch) {
      if (!item.cue.test(sentence)) continue;
      const place = item.byPlace ? venueOf(sentence, venues, dates[0] ? dates[0].start - s.start : 0) : undefined;
      if (item.byPlace && !place) continue;
      const subject = (sub: string, clause: string) =>
        sub + (place ? ` in ${place}` : "") + (item.qualifiers?.find(([re]) => re.test(clause))?.[1] ?? "");
      if (item.from === "date") {
        for (const d of dates.filter((x) => x.iso!.length === 10 && x.kind === "date"))
          out.push(
            Object.assign(locate(file, text, d.start, d.end), base, {
              attributedTo: by(d.start, d.end),
              subject: subject(item.subject, sentence),
              attribute: item.attribute,
              value: d.iso!,
              unit: null,
              time: d.iso,
            }),
          );
      } else if (item.from === "quantity") {
        for (const q of quantitiesIn(s.start, s.end)) {
          const fits =
            (item.nouns && q.noun && item.nouns.test(q.noun)) || (item.units && q.unit && item.units.includes(q.unit));
          if (!fits) continue;
          claimed.add(q);
          out.push(
            Object.assign(locate(file, text, q.start, q.end), base, {
              attributedTo: by(q.start, q.end),
              subject: subject(item.subject, clauseAround(sentence, q.start - s.start)),
              attribute: item.attribute,
              value: q.high ?? q.value,
              unit: q.unit,
            }),
          );
        }
      } else if (item.from === "quote") {
        for (const q of quotesIn(s.start, s.end)) {
          const who = likelySpeaker(q);
          if (!inQuotationMarks(q) || !who || !item.speaker?.test(who) || q.text.split(/\s+/).length > 8) continue;
          const value = q.text
            .toLowerCase()
            .replace(/[“”"‘’.,;:!?]+$/g, "")
            .replace(/\s+/g, " ")
            .trim();
          out.push(
            Object.assign(locate(file, text, q.start, q.end), base, {
              attributedTo: q.speaker ?? `${who} (unconfirmed)`,
              subject: subject(item.subject, sentence),
              attribute: item.attribute,
              value,
              unit: null,
            }),
          );
        }
      } else {
        // Negated by the item's own words; refused where a refusal governs its cue ("would never accept a
        // withdrawal"): a refusal of a demand is its own claim, not the demand, nor that there is none.
        const negated = item.negation?.test(sentence) ?? false;
        const refusal = statementKind(sentence);
        const refused =
          !negated && refusal.kind === "REJECT" && refusal.at >= 0 && refusal.at < sentence.search(item.cue);
        out.push({
          ...sentenceSpan,
          ...base,
          attributedTo: by(s.start, sentenceSpan.end),
          polarity: !negated,
          subject: subject(item.subject, sentence),
          attribute: refused ? `${item.attribute} (refused)` : item.attribute,
          value: refused ? "refused" : (item.value ?? "stated"),
          unit: null,
        });
      }
    }
    for (const q of quantitiesIn(s.start, s.end)) {
      if (claimed.has(q) || !q.noun || q.unit === "fraction") continue;
      // Object.assign, not spreads: a spread per claim cost seconds over a long text.
      out.push(
        Object.assign(locate(file, text, q.start, q.end), base, {
          attributedTo: by(q.start, q.end),
          watched: false,
          subject: singular(q.noun),
          attribute: q.unit ? `amount (${q.unit})` : "number",
          value: q.high ?? q.value,
          unit: q.unit,
        }),
      );
    }
  }
  return out;
}

/** The comma-, dash- or semicolon-delimited part of a sentence around an offset. */
function clauseAround(sentence: string, at: number): string {
  const before = sentence.slice(0, at).search(/[,;—–(][^,;—–(]*$/);
  const after = sentence.slice(at).search(/[,;—–)]/);
  return sentence.slice(Math.max(before, 0), after < 0 ? sentence.length : at + after);
}

function trimmed(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function singular(noun: string): string {
  return noun.length > 3 && noun.endsWith("s") && !noun.endsWith("ss") ? noun.slice(0, -1) : noun;
}

/**
 * The first item in list order that contains [from, to] wholly, or undefined: a binary search for
 * the items starting at or before `from`, then a walk back that stops where no earlier item
 * reaches `to` (the running maximum of ends says so) instead of a scan of the whole list.
 */
function containingIndex<T extends { readonly start: number; readonly end: number }>(xs: readonly T[]) {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]!.start - xs[b]!.start || a - b);
  const starts = order.map((i) => xs[i]!.start);
  const reach: number[] = [];
  order.forEach((i, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, xs[i]!.end)));
  return (from: number, to: number): T | undefined => {
    let best = -1;
    for (let k = lowerBound(starts.length, (j) => starts[j]! <= from) - 1; k >= 0 && reach[k]! >= to; k--) {
      const i = order[k]!;
      if (xs[i]!.end >= to && (best < 0 || i < best)) best = i;
    }
    return best < 0 ? undefined : xs[best];
  };
}

/**
 * The items lying wholly inside [from, to], in the order the list gives them: a binary search
 * over the items sorted by start instead of a scan of the whole list.
 */
function spanIndex<T extends { readonly start: number; readonly end: number }>(xs: readonly T[]) {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]!.start - xs[b]!.start || a - b);
  const starts = order.map((i) => xs[i]!.start);
  return (from: number, to: number): T[] => {
    const lo = lowerBound(starts.length, (k) => starts[k]! < from);
    const hits: number[] = [];
    for (let k = lo; k < starts.length && starts[k]! <= to; k++) if (xs[order[k]!]!.end <= to) hits.push(order[k]!);
    return hits.sort((a, b) => a - b).map((i) => xs[i]!);
  };
}

/**
 * The venue a sentence places its event in: a venue named after "in" or "at" before one named
 * otherwise, and never one the sentence only travels to or from ("met in Valletta, then flew on to
 * Gozo"); of several, the nearest to `near` (the date's offset).
 */
function venueOf(sentence: string, venues: readonly (readonly [RegExp, string])[], near: number): string | undefined {
  const found = venues.flatMap(([re, name]) => {
    const m = new RegExp(re.source, re.flags.replace("g", "")).exec(sentence);
    if (!m) return [];
    const before = sentence.slice(Math.max(0, m.index - 24), m.index);
    if (/\b(?:to|from|for|toward|towards|via)\s+(?:the\s+)?$/i.test(before)) return [];
    const placed = /\b(?:in|at|near)\s+(?:the\s+)?$/i.test(before);
    return [{ name, rank: (placed ? 0 : 1_000_000) + Math.abs(m.index - near) }];
  });
  return found.sort((a, b) => a.rank - b.rank)[0]?.name;
}
