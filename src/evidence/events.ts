import LANGUAGE from "../../language/events.json" with { type: "json" };
import type { NegotiationEvent as EventJson } from "../contract/evidence.js";
import type { DateMention } from "./dates.js";
import { lowerBound } from "./lower-bound.js";
import { type Located, locate } from "./span.js";
import type { Statement } from "./statements.js";
import { doerAndTarget, sentenceTokens, timeTest } from "./statements.js";
import type { TextAnalysis, Token } from "./text-analysis.js";
import { toRegExp } from "./written-pattern.js";

/** What happened, in the words an analyst's timeline uses (the contract lists them). */
export type EventKind = EventJson["kind"];

/** Global (for matchAll), compiled once: a pattern compiled per sentence cost more than its matching. */
const CUES: readonly (readonly [EventKind, RegExp])[] = LANGUAGE.cues.map((c) => {
  const re = toRegExp(c.pattern);
  return [c.kind as EventKind, new RegExp(re.source, `${re.flags.replace("g", "")}g`)];
});
const FROM_STATEMENT: Readonly<Record<string, EventKind>> = LANGUAGE.fromStatement as Record<string, EventKind>;
const PLANNED = toRegExp(LANGUAGE.planned.pattern);
/** Global (for matchAll), compiled once, with the data's own flags. */
const PLACES = (() => {
  const re = toRegExp(LANGUAGE.place.pattern);
  return new RegExp(re.source, `${re.flags.replace("g", "")}g`);
})();
const NOT_A_PLACE = toRegExp(LANGUAGE.notAPlace.pattern);
const BODY = toRegExp(LANGUAGE.body.pattern);
/** A word that ends a place's name rather than a demonym's noun: "in Bamako on Sunday", "in Helsinki and Oslo". */
const FUNCTION_WORD =
  /^\s+(?:on|at|in|to|for|with|and|or|but|since|after|before|until|last|this|next|from|by|as|where|when|while|that|which|is|was|were|are|has|had|have)\b/;

/** An auxiliary right before a cue: the cue is a passive participle. */
const PASSIVE = /\b(?:was|were|been|be|is|are|being)\s+(?:\w+ly\s+)?$/i;
const NOT_A_PARTICIPANT = toRegExp(LANGUAGE.notAParticipant.pattern);

/** One source's telling of an event: the sentence, its cue, who, to whom, when and where. */
export interface EventMention extends Located {
  readonly kind: EventKind;
  readonly cue: Located;
  readonly who: Located | null;
  readonly whom: Located | null;
  /** The date the sentence gives nearest the cue (null when it gives none). */
  readonly when: DateMention | null;
  readonly where: Located | null;
  /** Said as still to happen ("will meet", "is expected to sign"). */
  readonly planned: boolean;
}

/** Every event cue of a sentence in order (none inside another), or its statement's kind at the statement's cue. */
function cuesOf(text: string, statement: Statement | undefined, start: number): [EventKind, number, number][] {
  const found: [EventKind, number, number][] = [];
  for (const [kind, re] of CUES)
    for (const m of text.matchAll(re)) found.push([kind, start + m.index!, start + m.index! + m[0].length]);
  found.sort((x, y) => x[1] - y[1] || y[2] - x[2]);
  const cues = found.filter((c, i) => !found.slice(0, i).some((d) => d[1] <= c[1] && c[2] <= d[2]));
  if (cues.length || !statement) return cues;
  const kind = FROM_STATEMENT[statement.kind];
  return kind ? [[kind, statement.cue.start, statement.cue.end]] : [];
}

/**
 * The events one text tells: each sentence with an event cue (or a coded statement) that also
 * says when or where it happened — who did it (the cue's subject), to whom, the date that belongs
 * to its cue (as the dates resolved it), and the place after "in" or "at" nearest that date. A
 * sentence that dates and places nothing is a stance, not an event.
 */
export function findEvents(
  file: string,
  a: TextAnalysis,
  dates: readonly DateMention[],
  statements: readonly Statement[],
): EventMention[] {
  const isTime = timeTest(a);
  // A year alone ("in 2025", "since 2014") dates a period, not an act.
  const days = dates.filter((d) => d.kind !== "duration" && !/^\d{4}$/.test(d.iso ?? d.text.trim()));
  const starts = days.map((d) => d.start);
  const out: EventMention[] = [];
  let from = 0;
  let tokens: Token[] = [];
  const statementAt = new Map(statements.map((x) => [x.start, x]));
  for (const s of a.sentences) {
    const text = a.text.slice(s.start, s.end);
    const inside = days.slice(
      lowerBound(starts.length, (i) => starts[i]! < s.start),
      lowerBound(starts.length, (i) => starts[i]! < s.end),
    );
    // A sentence with no date and no place tells no event, whatever its cues: they are not looked for.
    if (!inside.length && !placeIn(file, a.text, s.start, text, inside, null)) continue;
    const cues = cuesOf(text, statementAt.get(s.start), s.start);
    if (!cues.length) continue;
    // Each date dates one act: the nearest whose cue comes before it ("arrived in Valletta after the
    // talks in Gozo on 23 November and was handed over …": the 23rd is the talks'), else the nearest.
    // An act the sentence dates nothing for is an event only as its first, and only with a place.
    const nearest = (d: DateMention) => {
      const before = cues.filter((c) => c[2] <= d.start);
      const from = before.length ? before : cues;
      const gap = (c: (typeof cues)[number]) => (c[2] <= d.start ? d.start - c[2] : c[1] - d.end);
      return from.reduce((best, c) => (gap(c) < gap(best) ? c : best), from[0]!);
    };
    const dated = cues.flatMap((c) => {
      const mine = inside.filter((d) => nearest(d) === c);
      return mine.length
        ? [[c, mine.sort((x, y) => Math.abs(x.start - c[1]) - Math.abs(y.start - c[1]))[0]!] as const]
        : [];
    });
    const acts = dated.length ? dated : [[cues[0]!, null] as const];
    for (const [[kind, cueStart, cueEnd], when] of acts) {
      const where = placeIn(file, a.text, s.start, text, inside, when);
      if (!when && !where) continue;
      [tokens, from] = sentenceTokens(a.tokens, from, s.start, s.end);
      let { doer, target } = doerAndTarget(tokens, cueStart, cueEnd, isTime);
      doer = ownDoer(tokens, doer);
      // In the passive ("the deal was approved by the cabinet") the subject is done to; the doer follows "by".
      if (
        /^(?:\w+(?:ed|en|wn)|held|struck|hit|put|set)\b/i.test(a.text.slice(cueStart, cueEnd)) &&
        PASSIVE.test(a.text.slice(Math.max(s.start, cueStart - 24), cueStart))
      ) {
        const by = tokens.findIndex((t) => t.start >= cueEnd && t.value.toLowerCase() === "by");
        const agent =
          by >= 0 ? doerAndTarget(tokens.slice(by), tokens[by]!.end, tokens[by]!.end, isTime).target : undefined;
        [doer, target] = [agent, doer];
      }
      const span = (p: Token[] | undefined) => {
        // A phrase the tokenizer began on a possessive's "'s" starts after it.
        const from = p?.findIndex((t) => !/^['’]s$/.test(t.value)) ?? -1;
        return p && from >= 0 ? locate(file, a.text, p[from]!.start, p[p.length - 1]!.end) : null;
      };
      // An actor is named, or is a body ("the cabinet"): "fury" or "the big questions" do nothing.
      const actor = (p: Token[] | undefined) =>
        p && (p.some((t) => t.pos === "PROPN") || BODY.test(p.map((t) => t.value).join(" "))) ? span(p) : null;
      out.push(
        Object.assign(locate(file, a.text, s.start, s.end), {
          kind,
          cue: locate(file, a.text, cueStart, cueEnd),
          who: actor(doer),
          // "arrived in Valletta": what follows the cue is the place, not whom it was done to.
          whom: /\s(?:in|at)$/.test(a.text.slice(cueStart, cueEnd)) ? null : span(target),
          when,
          where,
          planned: PLANNED.test(a.text.slice(Math.max(s.start, cueStart - 30), cueStart)),
        }),
      );
    }
  }
  return out;
}

/**
 * A possessor is not the doer: in "the President's envoy, Anna Borg, met …" the envoy did it, named
 * by the appositive after the possessed noun (or unnamed when none follows).
 */
function ownDoer(tokens: readonly Token[], doer: Token[] | undefined): Token[] | undefined {
  if (!doer) return doer;
  const at = tokens.indexOf(doer[doer.length - 1]!);
  if (!/^['’]s$/.test(tokens[at + 1]?.value ?? "")) return doer;
  // Past the possessed noun, a comma and a run of proper nouns: the appositive.
  let k = at + 2;
  while (k < tokens.length && tokens[k]!.value !== "," && tokens[k]!.pos !== "VERB") k++;
  if (tokens[k]?.value !== ",") return undefined;
  const name: Token[] = [];
  for (k++; k < tokens.length && tokens[k]!.pos === "PROPN"; k++) name.push(tokens[k]!);
  return name.length ? name : undefined;
}

/**
 * The place a sentence names after "in" or "at" (no date, title or possessive): the one nearest
 * the event's date when it gives one ("consultations in Gozo on 23 November" — not the Valletta
 * the sentence began in), else the first.
 */
function placeIn(
  file: string,
  text: string,
  offset: number,
  sentence: string,
  dates: readonly DateMention[],
  when: DateMention | null,
): Located | null {
  const places: Located[] = [];
  for (const m of sentence.matchAll(PLACES)) {
    const name = m[1]!.replace(/^the\s+/, "").replace(/['’]s?$/, "");
    const start = offset + m.index! + m[0].length - m[1]!.length + (m[1]!.length - m[1]!.replace(/^the\s+/, "").length);
    const next = sentence.slice(m.index! + m[0].length);
    if (NOT_A_PLACE.test(name) || /^['’]s\b/.test(next)) continue;
    // A demonym before a noun ("in Maltese jails", "in the Ruritanian capital") qualifies it: no place.
    // (A place ending so, "in Bamako on Sunday", is followed by a function word.)
    if (/(?:ian|ean|ese|ish|i)$/.test(name) && /^\s+[a-z]/.test(next) && !FUNCTION_WORD.test(next)) continue;
    if (dates.some((d) => d.start < start + name.length && start < d.end)) continue;
    places.push(locate(file, text, start, start + name.length));
  }
  if (!when) return places[0] ?? null;
  const distance = (p: Located) => Math.min(Math.abs(p.start - when.end), Math.abs(when.start - p.end));
  return places.sort((x, y) => distance(x) - distance(y))[0] ?? null;
}

/** An event as the sources tell it: one entry however many sources tell it, with each telling. */
export interface NegotiationEvent {
  readonly kind: EventKind;
  /** The date most tellings give (ISO, at the precision given), or null. */
  readonly when: string | null;
  readonly where: string | null;
  readonly who: string | null;
  readonly whom: string | null;
  readonly planned: boolean;
  /** What the tellings disagree on: their dates, or their places. */
  readonly disputed: readonly ("date" | "place")[];
  readonly versions: readonly EventMention[];
}

/** Days apart within which two sources' dates for the same act at the same place are one event told differently. */
const SAME_EVENT_DAYS = 3;

const day = (iso: string | null | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(iso.slice(0, 10)) : NaN;

/** The words naming who took part and where, cut to five letters so "Ruritania's" and "Ruritanian" meet. */
const participants = (m: EventMention) => {
  let words = participantWords.get(m);
  if (!words)
    participantWords.set(
      m,
      (words = new Set(
        [m.who, m.whom, m.where]
          .flatMap((x) => (x?.text ?? "").split(/[^\p{L}\d]+/u))
          .filter((w) => w.length > 3 && !NOT_A_PARTICIPANT.test(w))
          .map((w) => w.toLowerCase().slice(0, 5)),
      )),
    );
  return words;
};
/** Each telling's participant words, read once however often it is compared. */
const participantWords = new WeakMap<EventMention, Set<string>>();
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;
const place = (m: EventMention) => m.where?.text.toLowerCase() ?? null;

/** Whether a telling `m` tells the same act as `v`, from another source. */
function sameEvent(m: EventMention, v: EventMention, sourceOf: (file: string) => string): boolean {
  if (v.kind !== m.kind || v.planned !== m.planned || sourceOf(v.file) === sourceOf(m.file)) return false;
  const mine = participants(m),
    theirs = participants(v);
  const places = place(m) && place(v) ? (place(m) === place(v) ? 1 : -1) : 0;
  const at = day(m.when?.iso),
    vAt = day(v.when?.iso);
  const names = shared(mine, theirs);
  // Undated, it takes the same place and a shared name, or three shared names, to say it is the same
  // act; dated alike, one shared name; placed apart on the same day, two (the place is then disputed).
  if (Number.isNaN(at) || Number.isNaN(vAt)) return places > 0 ? names >= 1 : places === 0 && names >= 3;
  if (at === vAt) return places < 0 ? names >= 2 : names >= 1;
  if (places < 0) return false;
  return Math.abs(at - vAt) <= SAME_EVENT_DAYS * 86_400_000 && names >= 2;
}

/**
 * The events of a batch, each told once: tellings from different sources of the same act (same
 * kind) are one event when they give the same date and name one participant alike, or name two
 * alike and give dates a few days apart (the date is then disputed), no date, or places apart on
 * the same day (the place is then disputed).
 * `sourceOf` maps a copy to its original, so a copy never disputes or confirms its own article.
 */
export function mergeEvents(mentions: readonly EventMention[], sourceOf: (file: string) => string = (f) => f) {
  // Dated tellings first, so an undated one joins the event its dated tellings make.
  const ordered = [...mentions].sort((x, y) => Number(!x.when?.iso) - Number(!y.when?.iso));
  const events: { versions: EventMention[]; alike: Map<string, EventMention[]> }[] = [];
  // Every merge needs a participant's name in common and another source: only events sharing a
  // name through a telling of another source are compared (each telling against every event of
  // the batch would grow with the square of the batch; a long timeline of one source, with the
  // square of its length, though none of its tellings can merge with another of its own). A
  // telling dated to the day meets another dated one only within a few days: those are looked up
  // by name and day, so thousands of sources naming one participant on different days are not each
  // compared with all the others.
  //
  // Each index holds, per name (and day, or place), the events with a telling under it: those told
  // there by one source, by that source (a long timeline of one source is passed over whole), and
  // those told there by two sources or more (any of them is another source than any given one).
  type Held = { multi: Set<number>; single: Map<string, Set<number>>; soleSource: Map<number, string> };
  const byName = new Map<string, Held>();
  const undatedByName = new Map<string, Held>();
  const byNameDay = new Map<string, Held>();
  const byNamePlace = new Map<string, Held>();
  const placelessByName = new Map<string, Held>();
  const add = (index: Map<string, Held>, key: string, source: string, k: number) => {
    const held =
      index.get(key) ?? index.set(key, { multi: new Set(), single: new Map(), soleSource: new Map() }).get(key)!;
    if (held.multi.has(k)) return;
    const sole = held.soleSource.get(k);
    if (sole === undefined) {
      held.soleSource.set(k, source);
      (held.single.get(source) ?? held.single.set(source, new Set()).get(source)!).add(k);
    } else if (sole !== source) {
      const events = held.single.get(sole)!;
      events.delete(k);
      if (!events.size) held.single.delete(sole);
      held.soleSource.delete(k);
      held.multi.add(k);
    }
  };
  const DAY = 86_400_000;
  const around = (w: string, at: number) =>
    Array.from({ length: 2 * SAME_EVENT_DAYS + 1 }, (_, d) => `${w} ${at / DAY + d - SAME_EVENT_DAYS}`);
  for (const m of ordered) {
    const names = [...participants(m)];
    const source = sourceOf(m.file);
    const at = day(m.when?.iso);
    // Undated, a telling meets one at its place, or one with no place that shares three names.
    const where = place(m);
    const looked = !Number.isNaN(at)
      ? names.flatMap((w) => [undatedByName.get(w), ...around(w, at).map((key) => byNameDay.get(key))])
      : where
        ? names.flatMap((w) => [byNamePlace.get(`${w} ${where}`), placelessByName.get(w)])
        : names.map((w) => byName.get(w));
    const candidates = new Set<number>();
    for (const held of looked) {
      if (!held) continue;
      for (const k of held.multi) candidates.add(k);
      for (const [from, ks] of held.single) if (from !== source) for (const k of ks) candidates.add(k);
    }
    const found = [...candidates]
      .sort((x, y) => x - y)
      .find((k) =>
        [...events[k]!.alike.values()].some((reps) => {
          const rep = reps.find((r) => sourceOf(r.file) !== source);
          return rep !== undefined && sameEvent(m, rep, sourceOf);
        }),
      );
    const k = found ?? events.push({ versions: [], alike: new Map() }) - 1;
    events[k]!.versions.push(m);
    // Tellings alike in all sameEvent reads but their source answer alike: one of each source
    // (two do) stands for them all, so an event told thousands of times is compared as a few.
    const sig = `${m.kind}|${m.planned}|${[...participants(m)].sort().join(",")}|${place(m)}|${at}`;
    const reps = events[k]!.alike.get(sig) ?? events[k]!.alike.set(sig, []).get(sig)!;
    if (reps.length < 2 && reps.every((r) => sourceOf(r.file) !== source)) reps.push(m);
    for (const w of names) {
      add(byName, w, source, k);
      if (Number.isNaN(at)) add(undatedByName, w, source, k);
      else add(byNameDay, `${w} ${at / DAY}`, source, k);
      if (where) add(byNamePlace, `${w} ${where}`, source, k);
      else add(placelessByName, w, source, k);
    }
  }
  return events.map(({ versions }): NegotiationEvent => {
    // What most sources say (each source once; ties: the first telling's), not what one source repeats.
    const most = (pick: (v: EventMention) => string | null) => {
      const by = new Map<string, Set<string>>();
      for (const v of versions) {
        const x = pick(v);
        if (x !== null) (by.get(x) ?? by.set(x, new Set()).get(x)!).add(sourceOf(v.file));
      }
      return [...by].sort((p, q) => q[1].size - p[1].size)[0]?.[0] ?? null;
    };
    // Only dates to the day dispute each other: "in 2025" does not contradict "on 2 December".
    const days = versions.filter((v) => v.when?.iso && /^\d{4}-\d{2}-\d{2}$/.test(v.when.iso));
    // Places dispute only where two sources put the same act on the same day in different places
    // ("the palace" and "Valletta" on different days' tellings are no contradiction).
    // (Two places on one day, from two sources at least: then two of them differ in both.)
    const placesOn = new Map<string, { places: Set<string>; sources: Set<string> }>();
    for (const v of days) {
      const at = place(v);
      if (!at) continue;
      const on =
        placesOn.get(v.when!.iso!) ??
        placesOn.set(v.when!.iso!, { places: new Set(), sources: new Set() }).get(v.when!.iso!)!;
      on.places.add(at);
      on.sources.add(sourceOf(v.file));
    }
    const placedApart = [...placesOn.values()].some((on) => on.places.size > 1 && on.sources.size > 1);
    // The date most sources give (ties: the earliest), each source counted once.
    const bySources = new Map<string, Set<string>>();
    for (const v of days)
      (bySources.get(v.when!.iso!) ?? bySources.set(v.when!.iso!, new Set()).get(v.when!.iso!)!).add(sourceOf(v.file));
    const when =
      [...bySources].sort((x, y) => y[1].size - x[1].size || x[0].localeCompare(y[0]))[0]?.[0] ??
      most((v) => v.when?.iso ?? null);
    const who = most((v) => v.who?.text ?? null);
    return {
      kind: versions[0]!.kind,
      when,
      where: most((v) => v.where?.text ?? null),
      who,
      // Whom it was done to, never the doer again (tellings differ on which side of "met" each stands).
      whom: most((v) => (v.whom && v.whom.text !== who ? v.whom.text : null)),
      planned: versions[0]!.planned,
      disputed: [...(bySources.size > 1 ? ["date" as const] : []), ...(placedApart ? ["place" as const] : [])],
      versions,
    };
  });
}
