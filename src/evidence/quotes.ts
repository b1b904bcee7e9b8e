import ACTOR_LANGUAGE from "../../language/actors.json" with { type: "json" };
import type { Actor } from "./actors.js";
import { attributionSignals, calibrated, cueShare } from "./attribution/confidence.js";
import {
  isPronoun,
  newSpeakerMemory,
  OWNED,
  type Resolution,
  remember,
  resolveSource,
  sourceContext,
  tiedToAnother,
} from "./attribution/coreference.js";
import { tokenFeatures } from "./attribution/features.js";
import { linkSpans } from "./attribution/linker.js";
import type { AttributionModel } from "./attribution/model.js";
import { tagText } from "./attribution/tagger.js";
import { definiteSource, type EarlierSource, namesBody } from "./definite-source.js";
import { relayOf } from "./relay.js";
import { type Located, locate } from "./span.js";
import type { TextAnalysis } from "./text-analysis.js";
import { wordCount } from "./word-count.js";

/**
 * A statement attributed to someone: a direct quote (their words in quotation marks), a partial
 * quote (a few of their words quoted inside the author's sentence), reported speech (a clause
 * giving what they said: "said that the talks would go on"), or a paraphrase (the author's words
 * for what they said, with no clause of theirs: "demanded a legally binding treaty").
 */
export interface Quote extends Located {
  readonly kind: "direct" | "partial" | "reported" | "paraphrase";
  /** The length of the words before they were cut at `QUOTE_CAP` (an unclosed quotation mark, a run-on paragraph); absent when whole. */
  readonly cappedFrom?: number;
  /** The file whose confident attribution of the same words confirms this one's speaker (a copy's quote), when that is how it was confirmed. */
  readonly confirmedBy?: string;
  /** For a partial quote, the reported speech or paraphrase it sits in. */
  readonly within?: { readonly start: number; readonly end: number };
  /**
   * Who said it (a canonical actor name, or the words of an unnamed source), when the model is
   * sure enough (`confidence` ≥ the model's threshold); else null, with the best guess kept in
   * `speakerCandidate`. A briefing never shows a confident wrong name.
   */
  readonly speaker: string | null;
  readonly speakerCandidate: string | null;
  /** How sure the attribution is: the calibrated probability (0–1) that its source is right, from the tagger's margins, how the content was linked to its cue, and how the source was resolved. */
  readonly confidence: number;
  /** How the source phrase became a speaker. */
  readonly resolvedBy: "name" | "organisation" | "role" | "pronoun" | "unnamed" | null;
  /** Where the source is named (the pronoun or role, when that is how the text names it). */
  readonly speakerSpan: { readonly start: number; readonly end: number; readonly text: string } | null;
  readonly cue: string | null;
  readonly cueSpan: { readonly start: number; readonly end: number } | null;
  /** The outlet the text relays the words from ("according to NBC News, …"), or null. */
  readonly relayedBy: string | null;
}

/** A quote before its confidence is known, with the signals the confidence is computed from (null without a source and cue). */
export interface QuoteCandidate {
  readonly quote: Omit<Quote, "speaker" | "speakerCandidate" | "confidence" | "relayedBy">;
  readonly resolved: string | null;
  readonly resolution: Resolution | null;
  readonly signals: Float64Array | null;
}

/**
 * Attributions found by the trained model (`AttributionModel`): the tagger marks source, cue and
 * content tokens, the linker pairs them, and each source is resolved to an actor of the text.
 * Every quote carries a confidence (the model's calibrated probability that its source is
 * right); below the model's threshold the speaker is withheld and kept as a candidate.
 */
export function findQuotes(
  file: string,
  a: TextAnalysis,
  actors: readonly Actor[],
  model: AttributionModel,
  knownPeople: readonly string[] = [],
): Quote[] {
  // The sources met so far, for a definite one ("the advisers", "the organisation") to stand for.
  const earlier: EarlierSource[] = [];
  const kinds = new Map(actors.map((x) => [x.name, x.kind]));
  return quoteCandidates(file, a, actors, model, knownPeople).map(({ quote, resolution, signals }) => {
    // A pronoun or a role stands for a person only as surely as the resolution is: training data
    // marks "he" as a right source whoever it stands for, so the calibration cannot know.
    // A passive cue ("was accused of", "has been called") makes its subject the one spoken about:
    // on PolNeAR such a subject is the source one time in eleven (23 of 266, train and dev).
    const passive = quote.cue !== null && PASSIVE_CUE.test(quote.cue);
    const cap = passive
      ? PASSIVE_SHARE
      : resolution && (resolution.how === "pronoun" || resolution.how === "role")
        ? resolution.confidence
        : 1;
    const confidence = signals ? Math.round(Math.min(cap, calibrated(model.calibrator, signals)) * 1000) / 1000 : 0;
    // A phrase naming a thing ("a revision", "this cap", "according to Vella's plan") is no
    // speaker, however sure the linker is, even when a name in it resolves to a person.
    const span = quote.speakerSpan;
    // (A headline in capitals writes the possessive "OZ’S BOSS".)
    const possessed = span ? /[’'][sS]\s+(?:[\p{L}-]+\s+)*([\p{L}-]+)[\s,]*$/u.exec(span.text) : null;
    let who =
      resolution && namesSpeaker(resolution) && (!possessed || speaks(possessed[1]!)) ? resolution.speaker : null;
    // "Vella's doctor", "Vella's former boss" is someone else: the phrase, not the person it hangs on.
    if (who && possessed && tiedToAnother(possessed[1]!)) who = span!.text.replace(/[\s,]+$/, "");
    // Words an outlet carries are its source's where the phrase names one ("NBC News, officials"), else the outlet's.
    const relay = span
      ? relayOf(span.text, () => a.text.slice(Math.max(0, span.start - RELAY_LOOKBACK), span.start))
      : null;
    // A source the linker named stays its name; an unnamed one is the relayed source, else the outlet.
    if (relay && resolution?.how === "unnamed") who = relay.source ?? relay.outlet;
    // "The official" is the one the text named with that role just before ("an official from the
    // ministry said …"), "the organisation" the body quoted before: one source, one name.
    else if (who && span && resolution?.how === "unnamed") who = definiteSource(a, who, span.start, earlier);
    const denied = quote.cueSpan !== null && notSaid(a.text, quote.cueSpan);
    const sure = who !== null && !denied && confidence >= model.threshold;
    // Only a source the model stands by is one a later "the advisers" or "the organisation" stands for.
    if (sure && who && span)
      earlier.push({
        who,
        at: span.start,
        body: namesBody(a, who, resolution?.how, kinds),
      });
    return {
      ...quote,
      // Words denied are nobody's: no speaker, no candidate, no confidence that they were said.
      speaker: sure ? who : null,
      speakerCandidate: sure || denied ? null : who,
      confidence: denied ? 0 : confidence,
      relayedBy: relay?.outlet ?? null,
    };
  });
}

export function quoteCandidates(
  file: string,
  a: TextAnalysis,
  actors: readonly Actor[],
  model: AttributionModel,
  knownPeople: readonly string[] = [],
): QuoteCandidate[] {
  const text = a.text;
  if (!a.tokens.length) return [];
  const features = tokenFeatures(a, model.cues);
  const { tags, score, posterior } = tagText(model.weights, a, features);
  const words = a.tokens.map((t) => t.value);
  const memory = newSpeakerMemory();
  const context = sourceContext(actors, knownPeople, text, a.tokens);
  const out: QuoteCandidate[] = [];
  for (const r of linkSpans(a, tags)) {
    const resolution = r.source ? resolveSource(text, r.source.start, r.source.end, context, memory) : null;
    // Words given to a thing ("The obstacle remains that Vella refuses …") are the author's own:
    // a person named in them is no one merely talked about.
    const said = !resolution || namesSpeaker(resolution);
    for (const { span, link } of r.contents) {
      // "told a memorial for the victims that he is determined …": who was told is no part of what.
      const told = r.cue && TOLD.test(text.slice(r.cue.start, r.cue.end)) ? addresseeEnd(a, span) : -1;
      const extent = quoteExtent(text, told >= 0 ? a.tokens[told]!.start : span.start, span.end);
      // What a source refused, tried, failed or vowed to do is no words of theirs, nor is what it
      // reacted to: the statement is the author's telling, cue and all ("refused to lay down its
      // weapons", "failed to reach an agreement", "reacted forcefully to what was seen as a
      // capitulation"), a paraphrase — never "to lay down its weapons" or "an agreement" as if said.
      const intent =
        r.cue !== null &&
        r.cue.end <= extent.start &&
        extent.kind === "reported" &&
        (/^to\s+\p{L}/iu.test(text.slice(extent.start, extent.end)) ||
          REACTION.test(text.slice(r.cue.start, r.cue.end)) ||
          ACTION_TO.test(text.slice(r.cue.start, r.cue.end)));
      // "a second ferry terminal, which Vella says will never happen": the words said are about the
      // noun the relative clause hangs on, so the quote runs from that noun, not from "will".
      const antecedent =
        !intent && extent.kind === "reported" && r.source && r.cue && r.cue.to === span.from
          ? relativeAntecedent(a, r.source.from, span.from)
          : -1;
      // "said over | the weekend the hostages could …": when it was said is no part of what.
      const when = extent.kind === "reported" ? TIME_LEAD.exec(text.slice(extent.start, extent.end)) : null;
      // "In addition, as of Wednesday night, the board had not …, a source told the BBC": the
      // connective is the author's, joining the sentence to the one before.
      const lead =
        extent.kind === "reported" ? (when ?? CONNECTIVE_LEAD.exec(text.slice(extent.start, extent.end))) : null;
      const start = intent
        ? r.cue!.start
        : antecedent >= 0
          ? antecedent
          : extent.start + (lead && lead[0].length < extent.end - extent.start ? lead[0].length : 0);
      // A quotation mark left open runs to the end of its paragraph, which can be the whole text:
      // the quote is cut at a sentence's end within the cap, and says so.
      const end = capped(
        text,
        start,
        extent.kind === "reported"
          ? wrappedLineRunOn(text, predicateAfter(text, missedSentenceEnd(text, start, extent.end)))
          : extent.end,
      );
      if (end <= start) continue;
      // A pronoun alone ("which", "it") stands for words elsewhere: no statement by itself.
      if (extent.kind === "reported" && (isPronoun(text.slice(start, end)) || /^what$/i.test(text.slice(start, end))))
        continue;
      // Reported words that are the author's account, not a clause said: what the source called or
      // decried something ("called the agreement a “much needed step”"), a noun with no verb of its
      // own before a participle ("echoed positivity December 4, confirming …") or a clause on a
      // noun ("expressed scepticism that …"), or how the source sees something ("sees its weapons as …"),
      // or the question put to the source ("Asked whether the meeting brought peace closer, he replied …").
      const cueText = r.cue ? text.slice(r.cue.start, r.cue.end) : "";
      const accounted =
        extent.kind === "reported" &&
        (NAMING.test(cueText) ||
          (cueText === "Asked" &&
            opensSentence(text, r.cue!.start) &&
            /^(?:whether|if)\s/i.test(text.slice(start, end))) ||
          (VIEWING.test(cueText) && /^(?:\S+\s+){1,6}as\s/.test(text.slice(start, end))) ||
          nounAccount(a, span.from, span.to));
      // Reported words with no verb of their own are the author's summary of what was said.
      // A transcript's turn is the speaker's own words, quoted or not.
      const kind = r.verbatim
        ? "direct"
        : intent || accounted || (extent.kind === "reported" && !hasVerb(a, span.from, span.to))
          ? "paraphrase"
          : extent.kind;
      const signals =
        resolution && r.source && r.cue && link !== "none"
          ? attributionSignals({
              words,
              score,
              posterior,
              source: r.source,
              cue: r.cue,
              content: span,
              link,
              resolution,
              quoted: kind === "direct" || kind === "partial",
              contents: r.contents.length,
              subject: r.subject === true,
              cueShare: cueShare(model.calibrator.cues, cueText.toLowerCase()),
            })
          : null;
      const attribution = {
        resolvedBy: resolution?.how ?? null,
        speakerSpan: r.source
          ? { start: r.source.start, end: r.source.end, text: text.slice(r.source.start, r.source.end) }
          : null,
        cue: r.cue ? text.slice(r.cue.start, r.cue.end).toLowerCase() : null,
        cueSpan: r.cue ? { start: r.cue.start, end: r.cue.end } : null,
      };
      // Words quoted inside reported speech ("described the talks as “very useful”") are partial
      // quotes of the same speaker, with the same attribution, kept with the words around them.
      if (kind === "reported" || kind === "paraphrase")
        for (const m of text.slice(start, end).matchAll(/[“"]([^“”"\n]{2,200})[”"]/g)) {
          const s = start + m.index! + 1;
          // "a thaw from Vella's prior “unrealistic” labels": words the text gives someone else.
          const owner = OWNED.exec(text.slice(Math.max(start, s - 40), s - 1));
          const after = text.slice(s + m[1]!.length + 1, s + m[1]!.length + 30);
          if (owner && SAYING_NOUN.test(after) && !resolution?.speaker?.includes(owner[1]!)) continue;
          out.push({
            quote: Object.assign(
              locate(file, text, s, s + m[1]!.replace(/[.,;:]+$/, "").length),
              { kind: "partial" as const, within: { start, end } },
              attribution,
            ),
            resolved: resolution?.speaker ?? null,
            resolution,
            signals,
          });
        }
      out.push({
        quote: Object.assign(
          locate(file, text, start, end),
          { kind },
          end < extent.end ? { cappedFrom: extent.end - start } : {},
          attribution,
        ),
        resolved: resolution?.speaker ?? null,
        resolution,
        signals,
      });
      if (said) memory.said.push({ from: start, to: end });
    }
    if (resolution) remember(memory, resolution, r.source!.end);
  }
  return withoutRepeats(
    file,
    text,
    joinCutClauses(
      file,
      text,
      out.sort((x, y) => x.quote.start - y.quote.start),
    ),
  );
}

/**
 * Contents the tagger found line by line in a wrapped text each run on to the same full stop
 * (`wrappedLineRunOn`). Of those with the same source and end, the one that starts first is the
 * quote; reported words or a paraphrase with no source that start inside others run those on to
 * their own end.
 */
function withoutRepeats(file: string, text: string, sorted: readonly QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  // Each dropped or run-on quote's old place, and the index of the quote its words are now in.
  const moved = new Map<string, number>();
  // Looked up, not searched for: a text of many short lines has many quotes.
  const bySourceAndEnd = new Map<string, number>();
  let reaching = -1; // the kept reported words or paraphrase that reach furthest
  for (const c of sorted) {
    const q = c.quote;
    if (q.kind === "partial") {
      out.push(c);
      continue;
    }
    const source = q.speakerSpan?.start ?? -1;
    const same = bySourceAndEnd.get(`${source},${q.end}`);
    const inside =
      source < 0 && q.kind !== "direct" && reaching >= 0 && q.start < out[reaching]!.quote.end ? reaching : undefined;
    const at = same ?? inside ?? -1;
    if (at < 0) {
      out.push(c);
      bySourceAndEnd.set(`${source},${q.end}`, out.length - 1);
      if (q.kind !== "direct" && (reaching < 0 || q.end > out[reaching]!.quote.end)) reaching = out.length - 1;
      continue;
    }
    const kept = out[at]!;
    const end = capped(text, kept.quote.start, q.end);
    if (end > kept.quote.end) {
      moved.set(partKey(kept.quote), at);
      // A line with a verb of its own makes the whole reported words, not the author's summary.
      const kind = q.kind === "reported" ? q.kind : kept.quote.kind;
      out[at] = { ...kept, quote: { ...kept.quote, ...locate(file, text, kept.quote.start, end), kind } };
      bySourceAndEnd.set(`${kept.quote.speakerSpan?.start ?? -1},${end}`, at);
      if (kept.quote.kind !== "direct" && end > out[reaching]!.quote.end) reaching = at;
    }
    moved.set(partKey(q), at);
  }
  return withinJoined(
    out,
    new Map([...moved].map(([key, at]) => [key, { start: out[at]!.quote.start, end: out[at]!.quote.end }])),
  );
}

/**
 * "noted that before the minister got involved, it seemed that the board ran the talks": the
 * tagger reads "it seemed" as an attribution of its own and cuts the words noted in two. A
 * reported clause that ends on a pronoun, with the next cue of the same source right after it,
 * runs on through that cue's words: one quote, not a fragment and its tail.
 */
function joinCutClauses(file: string, text: string, sorted: QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const moved = new Map<string, { start: number; end: number }>();
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    const q = c.quote;
    if (q.kind !== "reported" || !q.speakerSpan || !/\b(?:it|he|she|they)$/i.test(q.text)) {
      out.push(c);
      continue;
    }
    // The tail: reported words of the same source whose cue follows the clause, nothing between.
    // Sorted by start, the tail is among the next few: the search stops a quote's length past the clause.
    let next = -1;
    for (let j = i + 1; j < sorted.length && sorted[j]!.quote.start <= q.end + QUOTE_CAP; j++) {
      const x = sorted[j]!;
      if (
        x.quote.kind === "reported" &&
        x.quote.cueSpan !== null &&
        x.quote.cueSpan.start >= q.end &&
        x.quote.start > q.end &&
        x.quote.speakerSpan?.start === q.speakerSpan!.start &&
        /^\s*$/.test(text.slice(q.end, x.quote.cueSpan.start))
      ) {
        next = j;
        break;
      }
    }
    if (next < 0) {
      out.push(c);
      continue;
    }
    const tail = sorted[next]!.quote;
    const end = capped(text, q.start, tail.end);
    const { cappedFrom: _head, ...head } = q;
    const joined = {
      ...head,
      ...locate(file, text, q.start, end),
      ...(end < tail.end ? { cappedFrom: tail.end - q.start } : {}),
    };
    for (const part of [q, tail]) moved.set(partKey(part), { start: joined.start, end: joined.end });
    out.push({ ...c, quote: joined });
    sorted.splice(next, 1);
  }
  return withinJoined(out, moved);
}

/** A quote's place among an attribution's quotes: its source and its range. */
const partKey = (q: { start: number; end: number; speakerSpan: { start: number } | null }) =>
  `${q.speakerSpan?.start ?? -1},${q.start},${q.end}`;

/** Partial quotes sit within the quote their words were joined into (`moved`: old place → new range). */
function withinJoined(
  quotes: QuoteCandidate[],
  moved: ReadonlyMap<string, { start: number; end: number }>,
): QuoteCandidate[] {
  if (!moved.size) return quotes;
  return quotes.map((c) => {
    const { within, speakerSpan } = c.quote;
    const to = c.quote.kind === "partial" && within ? moved.get(partKey({ ...within, speakerSpan })) : undefined;
    return to ? { ...c, quote: { ...c.quote, within: to } } : c;
  });
}

/** The longest a quote's text is kept: longer, it is cut before this many characters. */
export const QUOTE_CAP = 1200;

/** Where an over-long quote is cut: after its last sentence within the cap (if that keeps a quarter of it), else at its last space, else at the cap. */
function capped(text: string, start: number, end: number): number {
  if (end - start <= QUOTE_CAP) return end;
  const head = text.slice(start, start + QUOTE_CAP);
  const sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf("? "), head.lastIndexOf("! "));
  const space = head.lastIndexOf(" ");
  return start + (sentence > QUOTE_CAP / 4 ? sentence + 1 : space > 0 ? space : QUOTE_CAP);
}

/** A lone capital's full stop before a word that opens sentences ("… on X. In Washington, …"), which the splitter takes for an initial. */
const LETTER_THEN_SENTENCE =
  /\s\p{Lu}(?=\.\s+(?:In|On|At|The|A|An|But|And|He|She|It|They|We|This|That|After|When|While|As|For|Meanwhile|However)\s)/u;

/** Where reported words end when they run over such a sentence end: after the capital, else where they end. */
function missedSentenceEnd(text: string, start: number, end: number): number {
  const m = LETTER_THEN_SENTENCE.exec(text.slice(start, end));
  return m ? start + m.index + m[0].length : end;
}

/**
 * Where reported words end when the tagger left their own predicate out, taking it for a cue
 * ("revealed that several options … were considered."): the passive or copula that closes the
 * sentence right after them is theirs.
 */
function predicateAfter(text: string, end: number): number {
  const m = CLOSING_PREDICATE.exec(text.slice(end, end + 60));
  return m ? end + m[0].length : end;
}
const CLOSING_PREDICATE =
  /^\s+(?:was|were|is|are|has been|have been|had been|would be|will be|could be|remained|remains)(?:\s+\p{Ll}[\p{Ll}-]*){1,2}(?=\s*[.!?;](?:\s|$))/u;

/**
 * Where reported words end when their text wraps lines at a fixed width and the tagger, reading
 * one line at a time, stopped at a line's end ("could also strengthen interstate trust and⏎
 * establish a lasting … peace"): the sentence runs on to its full stop.
 */
function wrappedLineRunOn(text: string, end: number): number {
  if (!WRAPPED_AT.test(text.slice(Math.max(0, end - 1), end + 20))) return end;
  const rest = text.slice(end, end + QUOTE_CAP);
  const stop = rest.search(/[.!?](?=["”’]?(?:\s|$))|\n[ \t]*\n/);
  return stop > 0 ? end + stop : end;
}
/** A line that stops mid-sentence, the next going on in lower case. */
const WRAPPED_AT = /^[^\s.!?:;"”’)\]][ \t]*\n[ \t]*\p{Ll}/u;

/** A content span without its enclosing quotation marks and final punctuation, and what kind of quote it is. */
function quoteExtent(text: string, start: number, end: number): { start: number; end: number; kind: Quote["kind"] } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const opens = /["“‘]/.test(text[start] ?? "") || /["“‘]/.test(text[start - 1] ?? "");
  if (/["“‘]/.test(text[start] ?? "")) start++;
  const full = end;
  while (end > start && /["”’.,;:]/.test(text[end - 1]!)) end--;
  // A quotation opened inside the words keeps its closing mark ('could be released "very soon"').
  const inner = text.slice(start, end);
  const unclosed =
    (inner.match(/“/g)?.length ?? 0) > (inner.match(/”/g)?.length ?? 0) ||
    (inner.match(/"/g)?.length ?? 0) % 2 === 1 ||
    /‘[^’]*$/.test(inner);
  if (unclosed) {
    const close = text.slice(end, full).search(/["”’]/);
    if (close >= 0) end += close + 1;
  }
  const words = wordCount(text.slice(start, end));
  // A quotation closed early, the words running on after it ('“den**ification” (a euphemism …),
  // and lifting all sanctions'), is a partial quotation inside the author's words: the whole is
  // reported, opening mark and all.
  const closed = opens ? text.slice(start, end).search(/["”]/) : -1;
  if (closed >= 0 && /\p{L}/u.test(text.slice(start + closed + 1, end))) {
    if (/["“‘]/.test(text[start - 1] ?? "")) start--;
    return { start, end, kind: "reported" };
  }
  return { start, end, kind: opens ? (words >= 5 ? "direct" : "partial") : "reported" };
}

/** Cues whose object is who was told, before what ("told reporters that …", "said in a speech to | the nation that …"; the tagger may take the one told into the cue: "told a memorial for"). */
const TOLD = /\b(?:told|tell|tells|telling|informed|assured|reminded|warned)\b|\bto$/i;

/** Where "that" opens what was said after the one told ("a memorial for the victims | that …"): its token, or −1. */
function addresseeEnd(a: TextAnalysis, span: { from: number; to: number }): number {
  for (let t = span.from + 1; t < span.to && t - span.from <= 15; t++) {
    const tok = a.tokens[t]!;
    // A verb of its own ends the search; one inside a compound ("Gozo-led") does not.
    const compound = a.tokens[t - 1]!.value === "-";
    if (((tok.pos === "VERB" || tok.pos === "AUX") && !compound) || /^[,;:"“”]$/.test(tok.value)) return -1;
    if (tok.value.toLowerCase() === "that") return t;
  }
  return -1;
}

/** A connective opening reported words, with its comma ("In addition, ", "However, "). */
const CONNECTIVE_LEAD =
  /^(?:In addition|Additionally|However|Meanwhile|Moreover|Furthermore|Separately|Nonetheless|Nevertheless|Still|Also|Yet|But|And|So|Instead|Indeed),\s+/;

/** A time phrase opening reported words, with the space after it ("the weekend ", "on Monday ", "last week "). */
const TIME_LEAD =
  /^(?:(?:on|over|during|at|late|early|earlier|later)\s+)?(?:(?:the|this|last|that)\s+)?(?:weekend|week|morning|afternoon|evening|night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?!(?:is|was|were|are|has|had|have|will|would|could|can|should|may|might|must|did|does|do)\b)/;

/** Parts of speech a noun phrase is made of, read back from its head. */
const NOUN_PHRASE = new Set(["NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"]);

/**
 * Where the noun phrase starts that a relative clause's missing subject stands for ("a second
 * ferry terminal, which Vella says | will never happen"): the source follows "which" or
 * "that" after a noun, and the content opens on its verb. −1 when that is not the sentence.
 */
function relativeAntecedent(a: TextAnalysis, source: number, content: number): number {
  const toks = a.tokens;
  const first = toks[content]!;
  if (
    first.pos !== "AUX" &&
    first.pos !== "VERB" &&
    !(first.pos === "ADV" && /^(?:AUX|VERB)$/.test(toks[content + 1]?.pos ?? ""))
  )
    return -1;
  const pronoun = toks[source - 1]?.value.toLowerCase();
  if (pronoun !== "which" && pronoun !== "that") return -1;
  let head = source - 2;
  if (toks[head]?.value === ",") head--;
  if (head < 0 || (toks[head]!.pos !== "NOUN" && toks[head]!.pos !== "PROPN")) return -1;
  let from = head;
  while (from > 0 && NOUN_PHRASE.has(toks[from - 1]!.pos) && !/^[,;:"“”]$/.test(toks[from - 1]!.value)) from--;
  return toks[from]!.start;
}

/** Nouns of saying just after a quotation, making its words the possessor's ("… “unrealistic” labels"). */
const SAYING_NOUN = /^\W{0,3}\s*(?:labels?|remarks?|words|phrase|descriptions?|comments?|claims?|slogan|rhetoric)\b/i;

/** Cues of trying, failing or agreeing to do something ("failed to reach", "agreed to hold"): what follows is the deed's object. */
const ACTION_TO =
  /\b(?:fail|refus|tr(?:y|ies|ied|ying)\b|want|vow|attempt|seek|sought|declin|plan|hop|aim|agree|promis|threaten|pledg|offer|decid|manag|struggl)\p{L}*\s+to\s+\p{L}+$/iu;

/** Cues of reacting to something ("reacted forcefully to", "responded to"): what follows is what was reacted to. */
const REACTION = /\b(?:react(?:s|ed|ing)?|respond(?:s|ed|ing)?)(?:\s+\p{L}+ly)?\s+to$/iu;

/** Cues that name what something is, not what was said: the words after them are the author's. */
const NAMING =
  /\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|describ(?:e|es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|term(?:s|ed|ing)?|hail(?:s|ed|ing)?|decr(?:y|ies|ied|ying)|accus(?:e|es|ed|ing))\b(?:\s+(?:it|them|this|that))?(?:\s+as)?$/i;

/** Cues of regarding, portraying or citing, whose "X as Y" is the author's account ("sees its weapons as part of …", "cast it as a first step", "pointed to the damage as one reason"). */
const VIEWING =
  /\b(?:sees?|saw|seen|seeing|regards?|regarded|views?|viewed|considers?|considered|treats?|treated|cast(?:s|ing)?|portray(?:s|ed|ing)?|fram(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|cite[sd]?|citing|point(?:s|ed|ing)?\s+to)$/i;

/** Nouns of saying or intending whose "to …" or "that …" is what was pledged, demanded, threatened. */
const ACCOUNT_NOUN =
  /^(?:pledges?|promises?|vows?|calls?|demands?|threats?|warnings?|bids?|offers?|proposals?|refusals?|decisions?|intentions?|attempts?|commitments?|claims?|insistence|plans?|efforts?|push)$/i;

/**
 * Whether reported words are a noun phrase about what was said: no verb before a participle after
 * the first comma, a noun opening a "that" clause, or a noun phrase whose first verb follows "and"
 * ("expressing his positive views on the talks and has demanded …": the verb is the source's own
 * second predicate, so no clause was said).
 */
function nounAccount(a: TextAnalysis, from: number, to: number): boolean {
  const toks = a.tokens;
  if (toks[from]!.pos === "NOUN" && toks[from + 1]?.value.toLowerCase() === "that") return true;
  // "(Vella's repeated) campaign pledge to end the strike, a promise …": a noun of saying or
  // intending with what it pledged and no verb of its own after it, the author's account. ("Plans
  // to close the port were shelved" goes on with its own verb: a clause said.)
  let head = from;
  while (head + 1 < to && /^(?:NOUN|ADJ)$/.test(toks[head]!.pos) && toks[head + 1]!.pos === "NOUN") head++;
  if (
    head + 2 < to &&
    ACCOUNT_NOUN.test(toks[head]!.value) &&
    toks[head + 1]!.value.toLowerCase() === "to" &&
    toks[head + 2]!.pos === "VERB"
  ) {
    let u = head + 3;
    while (u < to && toks[u]!.value !== "," && !/^(?:VERB|AUX)$/.test(toks[u]!.pos)) u++;
    if (u === to || toks[u]!.value === ",") return true;
  }
  let t = from;
  while (t < to && toks[t]!.value !== ",") {
    if (toks[t]!.pos === "VERB" || toks[t]!.pos === "AUX")
      return t > from + 1 && /^(?:and|or|but)$/i.test(toks[t - 1]!.value);
    t++;
  }
  while (t < to && /^(?:,|and|or)$/i.test(toks[t]!.value)) t++;
  return t < to && t > from && /^\p{Ll}+ing$/u.test(toks[t]!.value) && toks[t]!.pos === "VERB";
}

/** Whether a word at `at` opens its sentence or line ("Asked whether …, he replied": a question put to the source named after it, not asked by them). */
function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?]["”’]?\s+|\n\s*)["“]?$/.test(text.slice(Math.max(0, at - 4), at));
}

/** Whether tokens [from, to) hold a verb: a clause someone said, not a noun phrase about it. */
function hasVerb(a: TextAnalysis, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (a.tokens[t]!.pos === "VERB" || a.tokens[t]!.pos === "AUX") return true;
  return false;
}

/** Whether a quote gives the speaker's own words in quotation marks (direct or partial), not the author's account of them. */
export function inQuotationMarks(q: Pick<Quote, "kind">): boolean {
  return q.kind === "direct" || q.kind === "partial";
}

/** A negation or refusal just before the cue's last word ("has not publicly said"). */
const NOT_SAID =
  /(?:\b(?:not|never|cannot|declined to|refused to)|n[’']t)\s+(?:(?:yet|(?!only\b)\w+ly)\s+){0,2}[\p{L}-]+$|\bmade no mention(?:\s+of)?$/iu;
/**
 * A cue in the passive voice: a form of "be", an adverb or none, a past participle ("was accused
 * of", "has been harshly criticized for", "is expected"). Participles of a state of mind ("is
 * convinced", "were worried about") and of being quoted or asked keep their subject as the source.
 */
const PASSIVE_CUE =
  /^(?:is|are|was|were|be|been|being|has been|have been|had been|will be|would be|could be|to be)\s+(?:\w+ly\s+)?(?!(?:concerned|worried|convinced|unconvinced|frustrated|shocked|surprised|stunned|thrilled|delighted|excited|impressed|pleased|disappointed|dismayed|alarmed|upset|angered|outraged|annoyed|troubled|disturbed|horrified|appalled|saddened|relieved|heartened|encouraged|satisfied|puzzled|baffled|offended|embittered|divided|split|torn|united|undecided|inclined|determined|prepared|committed|obliged|engaged|interested|involved|opposed|focused|attracted|assured|confident|quoted|asked|pressed|prompted|allowed|even|often|outspoken|keen|open)\b)\w+(?:ed|[^e]en|wn|ght|ld|lt|aid)\b/i;
/** The share of passive cues' subjects that are their source (PolNeAR train and dev: 23 of 266). */
const PASSIVE_SHARE = 0.09;

/** A cue of refusal whose content is the saying refused ("declined | to specify which …"). */
const DECLINED_TO_SAY =
  /^\S*\s*(?:declined|refused|declining|refusing)\s+to\s+(?:say|specify|comment|elaborate|discuss|disclose|reveal|confirm|name|identify|detail|answer)\b/i;

/** A cue of stirring others' views ("fuelling speculation", "sparking fears"): what follows is theirs, not the source's. */
const STIRRED_VIEW =
  /\b(?:fuel(?:l)?(?:s|ed|ing)?|prompt(?:s|ed|ing)?|spark(?:s|ed|ing)?|stok(?:e|es|ed|ing)|feed(?:s|ing)?|add(?:s|ed|ing)?\s+to|reviv(?:e|es|ed|ing))\s+(?:\p{L}+\s+)?(?:speculation|fears?|suspicions?|rumou?rs?|doubts?|questions?)$/iu;

/**
 * Whether what follows the cue is what the source did not say ("has not publicly said that …",
 * "declined to specify which …"), or what others make of what it did ("made no mention of
 * disarming, fuelling speculation that its position has not changed").
 */
function notSaid(text: string, cue: { start: number; end: number }): boolean {
  return (
    NOT_SAID.test(text.slice(Math.max(0, cue.start - 40), cue.end)) ||
    DECLINED_TO_SAY.test(text.slice(cue.start, cue.end + 30)) ||
    STIRRED_VIEW.test(text.slice(cue.start, cue.end))
  );
}

/** How far back "the newspaper" looks for the outlet it stands for. */
const RELAY_LOOKBACK = 2000;

/** Head nouns of phrases that name a thing, not someone who speaks (language/actors.json). */
const THINGS = new Set(ACTOR_LANGUAGE.notSpeakerHeads.words);

/** A lone verb, function word or quantifier the tagger took for a source names nobody ("some", "many"). */
const NOT_A_SOURCE_WORD =
  /^(said|says|told|tells|about|and|or|but|the|a|an|of|to|in|on|more|next|nothing|will|would|some|many|most|several|few|none)$/i;
/**
 * A relative clause taken for a source ("who talks to the unions", "many of whom"): its antecedent
 * was not found. A free relative ("Everything Vella says is a lie") is what was said, not who
 * said it, and a phrase ending in "Let's" opens the author's own supposition ("Let's say you …").
 * "No country" is no one; "Vella-" is the first half of a compound ("Vella-led talks").
 */
const NAMES_NO_ONE =
  /^who\s|\bof\s+(?:whom|which)$|^(?:everything|anything|nothing|whatever|what)\s|\blet[’']s$|\p{L}-$/iu;
/** "No country", "no one else": a common noun after "no" (not a name: "No Labels" is a group). */
const NO_NOUN = /^[Nn]o\s+\p{Ll}[\p{Ll}-]*$/u;

/** Whether a resolved source names someone who speaks: not a word that names no one, nor a thing. */
function namesSpeaker(r: Resolution): boolean {
  return !r.nobody && speaks(r.speaker);
}

/** Whether a source phrase can be a speaker: a person or a body, not a plan, a cap or an obstacle. */
export function speaks(source: string): boolean {
  // A pronoun whose antecedent was not found names nobody a reader would know; nor does a
  // relative clause whose antecedent was not found, or a figure ("80%").
  const trimmed = source.trim();
  if (
    isPronoun(trimmed) ||
    NOT_A_SOURCE_WORD.test(trimmed) ||
    NAMES_NO_ONE.test(trimmed) ||
    NO_NOUN.test(trimmed) ||
    !/\p{L}/u.test(trimmed)
  )
    return false;
  const last = (phrase: string) =>
    phrase
      .trim()
      .split(/\s+/)
      .at(-1)
      ?.toLowerCase()
      .replace(/[’']s$/, "") ?? "";
  // The head is before a modifier ("a revision of the plan", "drills in the Baltic", not "a
  // spokesperson for the plan"), else the last word.
  const core = MODIFIER.exec(source);
  return !THINGS.has(last(core ? source.slice(0, core.index) : source));
}
/** Where a noun phrase's modifier starts ("… for troop pullbacks", "… in the Baltic"). */
const MODIFIER = /\s(?:of|for|in|on|with|from|at|over|about)\s/i;
