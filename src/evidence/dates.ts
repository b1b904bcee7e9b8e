import * as chrono from "chrono-node";
import { DisjointSpans } from "./disjoint-spans.js";
import { lowerBound } from "./lower-bound.js";
import { type Located, locate } from "./span.js";
import type { TextAnalysis } from "./text-analysis.js";

export interface DateMention extends Located {
  readonly kind: "date" | "range" | "duration";
  /** ISO value at the precision the text gives: YYYY-MM-DD, YYYY-MM or YYYY (null for durations). */
  readonly iso: string | null;
  /** End of a range. */
  readonly isoEnd?: string;
  /** The published date the expression was resolved against (null when none was known). */
  readonly reference: string | null;
  /** A day and month the text gives without a year, dated with the batch's year (the text's own date unknown). */
  readonly yearFrom?: "batch";
}

const DURATION =
  /^(for|in|after|within|over|during)\s+(?:the\s+)?(?:a|an|\d+|[a-z]+)(?:[\s-][a-z]+)?\s+(minutes?|hours?|days?|weeks?|months?|years?)$/i;
const YEAR = /\b(?:in|since|by|of|during|until|before|after|from)\s+((?:19|20)\d{2})\b(?!-)/g;
const RELATIVE_YEAR = /\b(this|last|next)\s+year\b/gi;

/**
 * Every date expression, resolved against the document's published date with chrono-node
 * ("on Tuesday" → the nearest Tuesday), at the precision the text gives. Years chrono leaves
 * alone ("in 2022") and relative years are added; durations ("five hours", "five-hour") come
 * from wink-nlp and are kept apart from dates. In a text dated only by its batch (`batch`), a day
 * and month take the batch's year, marked `yearFrom: "batch"`; relative days stay unresolved.
 */
export function findDates(
  file: string,
  a: TextAnalysis,
  reference: string | null,
  at?: string,
  batch?: string | null,
): DateMention[] {
  const text = a.text;
  // With no known date, relative expressions ("on Tuesday", "yesterday") stay unresolved: a date
  // is only given where the text itself says it in full.
  const ref = reference ? new Date(at && /T\d/.test(at) ? at : `${reference}T12:00:00Z`) : undefined;
  const out: DateMention[] = [];
  const held = new DisjointSpans();
  const taken = (s: number, e: number) => held.overlaps(s, e);
  const push = (m: DateMention): boolean => {
    if (taken(m.start, m.end)) return false;
    out.push(m);
    held.add(m.start, m.end);
    return true;
  };
  const now = ref ?? new Date();
  // A time of day alone ("10:35 a.m.") is on the day a weekday right after it names ("10:35 a.m.
  // (0735 GMT) Friday"): the times' places in `out`, dated once every mention is read.
  const timesOnly: number[] = [];
  for (let [r, offset] of chronoParse(text, a, now)) {
    // chrono reads "the night of Oct. 23" as tonight: the date is what follows "of".
    const partOfDay = /^(?:the\s+)?(?:night|morning|evening|afternoon)\s+of\s+/i.exec(r.text);
    if (partOfDay && !r.start.isCertain("day") && !r.start.isCertain("weekday")) {
      const inner = chrono.en.casual.parse(r.text.slice(partOfDay[0].length), now, { forwardDate: false })[0];
      if (inner) (offset += r.index + partOfDay[0].length), (r = inner);
    }
    const start = offset + r.index,
      end = start + r.text.length;
    // chrono reads "300 a year" as 3:00 a.m.: a bare number glued to a/p is not a time.
    if (/\b\d{3,4}\s*[ap]\b(?!\.?m)/i.test(r.text)) continue;
    // chrono reads "for 5 hours", "in 24 hours", "after five months" as moments; they are durations.
    if (DURATION.test(r.text)) {
      push(Object.assign(locate(file, text, start, end), { kind: "duration" as const, iso: null, reference }));
      continue;
    }
    let date = r.start.date();
    // A month and day without a year, over four months ahead of a news report, is last year's (Oct. 23 in May).
    if (
      ref &&
      r.start.isCertain("month") &&
      !r.start.isCertain("year") &&
      date.getTime() - ref.getTime() > 120 * 86_400_000 &&
      !FUTURE.test(sentenceAround(a, start))
    )
      date = new Date(date.getFullYear() - 1, date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
    // A weekday alone: in a sentence told in the past ("took effect on Friday") the last one, not
    // the next; after a deferral or an earliest day ("postponed until Tuesday", "as soon as
    // Tuesday") the next one, not the last.
    if (ref && r.start.isCertain("weekday") && !r.start.isCertain("day")) {
      const dayStart = ref.getTime() - (ref.getTime() % 86_400_000);
      const ahead = AHEAD.test(text.slice(Math.max(0, start - 80), start));
      // a later day, not later the same day ("announced Friday evening" in a Friday's paper)
      const later = date.getTime() > dayStart + 86_400_000;
      const sentence = sentenceAround(a, start);
      if (!ahead && later && PAST.test(sentence) && !FUTURE.test(sentence))
        date = new Date(date.getTime() - 7 * 86_400_000);
      else if (ahead && date.getTime() < dayStart) date = new Date(date.getTime() + 7 * 86_400_000);
    }
    // A day and month without a year ("November 23") in a text dated only by its batch takes the
    // batch's year (the year before when it would fall over four months after the batch), and says so.
    if (!ref && batch && r.start.isCertain("month") && r.start.isCertain("day") && !r.start.isCertain("year")) {
      const batchDay = new Date(`${batch}T12:00:00Z`);
      let y = batchDay.getUTCFullYear();
      const day = (year: number) => new Date(Date.UTC(year, date.getMonth(), date.getDate(), 12));
      if (day(y).getTime() - batchDay.getTime() > 120 * 86_400_000) y--;
      push(
        Object.assign(locate(file, text, start, end), {
          kind: "date" as const,
          iso: day(y).toISOString().slice(0, 10),
          reference,
          yearFrom: "batch" as const,
        }),
      );
      continue;
    }
    // Without a reference, only a date the text writes out resolves: chrono counts "today" or "last
    // week" as certain, but certain only of the day the parsing happened.
    const timeOnly = r.start.isCertain("hour") && !r.start.isCertain("day") && !r.start.isCertain("weekday") && !r.end;
    const written = /\b\d{4}\b/.test(r.text);
    const iso = isoAt(date, grainOf(r.start), !ref && !(certain(r.start) && written));
    const end_ = r.end ? isoAt(r.end.date(), grainOf(r.end), !ref && !(certain(r.end) && written)) : undefined;
    if (
      push(
        Object.assign(
          locate(file, text, start, end),
          { kind: r.end ? ("range" as const) : ("date" as const), iso },
          end_ ? { isoEnd: end_ } : {},
          { reference },
        ),
      ) &&
      timeOnly
    )
      timesOnly.push(out.length - 1);
  }
  // chrono's results come in text order, so the mention after a time is the next one in `out`.
  for (const k of timesOnly) {
    const time = out[k]!,
      next = out[k + 1];
    if (
      next &&
      next.start >= time.end &&
      next.start - time.end <= 20 &&
      /^\d{4}-\d{2}-\d{2}$/.test(next.iso ?? "") &&
      /^[\s(),:\w.]*$/.test(text.slice(time.end, next.start)) &&
      WEEKDAY.test(next.text)
    )
      out[k] = { ...time, iso: next.iso };
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index! + m[0].length - m[1]!.length;
    push(Object.assign(locate(file, text, start, start + 4), { kind: "date" as const, iso: m[1]!, reference }));
  }
  if (reference)
    for (const m of text.matchAll(RELATIVE_YEAR)) {
      const y = +reference.slice(0, 4) + (m[1]!.toLowerCase() === "last" ? -1 : m[1]!.toLowerCase() === "next" ? 1 : 0);
      push(
        Object.assign(locate(file, text, m.index!, m.index! + m[0].length), {
          kind: "date" as const,
          iso: String(y),
          reference,
        }),
      );
    }
  for (const e of a.entities)
    if (e.type === "DURATION")
      push(Object.assign(locate(file, text, e.start, e.end), { kind: "duration" as const, iso: null, reference }));
  return out.sort((x, y) => x.start - y.start);
}

const FUTURE = /\b(will|shall|'ll|going to|plans? to|planned|expected to|scheduled|due to|next)\b/i;
/** Words before a weekday that put it ahead of the text's date: a deferral to it ("postponed until"), or a earliest or latest day ("as soon as"). */
const AHEAD =
  /\b(?:(?:postponed|delayed|deferred|extended|adjourned|suspended|put off|pushed back)\s+(?:[\w.:]+\s+){0,4}?until|as soon as|no later than)\s+(?:[\w.:]+\s+){0,3}$/i;
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const PAST = /\b(was|were|had|did|took|began|came|went|\w{3,}ed)\b/i;

/** Characters chrono reads at once: its patterns look back over all the text before a match, so a whole long text would cost its square. */
const CHUNK = 4000;

/**
 * chrono's results on the text read a paragraph or so at a time (cut at a line break past CHUNK
 * characters, or at a sentence end when a paragraph runs on), each with the offset of its piece.
 */
function chronoParse(text: string, a: TextAnalysis, now: Date): [chrono.ParsedResult, number][] {
  const out: [chrono.ParsedResult, number][] = [];
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf("\n", from + CHUNK);
    if (to < 0 || to > from + 4 * CHUNK) {
      const k = lowerBound(a.sentences.length, (i) => a.sentences[i]!.end < from + CHUNK);
      to = a.sentences[k]?.end ?? text.length;
      if (to > from + 4 * CHUNK || to <= from) to = Math.min(text.length, from + 4 * CHUNK);
    }
    for (const r of chrono.en.casual.parse(text.slice(from, to), now, { forwardDate: false })) out.push([r, from]);
    from = to;
  }
  return out;
}

function sentenceAround(a: TextAnalysis, at: number): string {
  const k = lowerBound(a.sentences.length, (i) => a.sentences[i]!.end <= at);
  const s = a.sentences[k];
  return s && s.start <= at ? a.text.slice(s.start, s.end) : "";
}

/** Whether the text states the date itself (year included, down to its precision), needing no reference date. */
function certain(c: chrono.ParsedComponents): boolean {
  const grain = grainOf(c);
  return c.isCertain("year") && (grain === "year" || c.isCertain("month")) && (grain !== "day" || c.isCertain("day"));
}

/** The precision the text gives: a day (also implied by a weekday, an hour or a relative day), a month, or a year. */
function grainOf(c: chrono.ParsedComponents): "day" | "month" | "year" {
  if (c.isCertain("day") || c.isCertain("weekday") || c.isCertain("hour")) return "day";
  if (c.isCertain("month")) return "month";
  if (c.isCertain("year")) return "year";
  return "day";
}

function isoAt(d: Date, grain: "day" | "month" | "year", unknownYear: boolean): string | null {
  if (unknownYear) return null;
  // chrono builds dates in local time: read them back the same way, whatever the time zone.
  const y = String(d.getFullYear()).padStart(4, "0"),
    m = String(d.getMonth() + 1).padStart(2, "0"),
    day = String(d.getDate()).padStart(2, "0");
  return grain === "day" ? `${y}-${m}-${day}` : grain === "month" ? `${y}-${m}` : y;
}
