// The regular-expression attribution that the trained model replaced (src/evidence/quotes.ts before
// it), kept only as the baseline `npm run bench` measures evidence throughput against.
import type { Actor } from "../src/evidence/actors.js";
import { locate, type Located } from "../src/evidence/span.js";
import type { TextAnalysis } from "../src/evidence/text-analysis.js";

/** A statement attributed to someone: a direct quote, a partial quote inside a sentence, or reported speech. */
export interface Quote extends Located {
  readonly kind: "direct" | "partial" | "reported";
  /** The actor it is attributed to (a canonical name), or the words naming the source when no actor matches. */
  readonly speaker: string | null;
  /** Where the source is named (the pronoun or role, when that is how the text names it). */
  readonly speakerSpan: { readonly start: number; readonly end: number; readonly text: string } | null;
  readonly cue: string | null;
  readonly cueSpan: { readonly start: number; readonly end: number } | null;
}

const CUE =
  "said|says|say|told|tells|tell|added|adds|stressed|stresses|noted|notes|explained|explains|argued|argues|claimed|claims|insisted|insists|warned|warns|stated|states|announced|announces|reported|reports|wrote|writes|asked|asks|acknowledged|acknowledges|admitted|admits|declared|declares|suggested|suggests|indicated|indicates|confirmed|confirms|denied|denies|emphasized|emphasised|emphasizes|emphasises|urged|urges|promised|promises|vowed|vows|replied|responded|commented|recalled|predicted|predicts|revealed|tweeted|posted|conceded|concedes|remarked|observed|believes|believed|thinks|thought|has learned|have learned|pointed out|points out|made clear|makes clear|described|describes|called|calls|agreed|agrees|alleged|alleges|estimated|estimates|expects|expected|hopes|hoped|feared|fears|knows|knew|found|finds|shows|showed|cited|cites|pledged|pledges|criticized|criticised|echoed|echoes|contended|contends|maintained|maintains|asserted|asserts|wants|wanted";
const PRONOUN = "he|she|they|we|I|it";
const ROLE_NOUN =
  "official|officials|aide|adviser|advisor|spokesman|spokeswoman|spokesperson|minister|president|envoy|source|sources|analyst|analysts|diplomat|diplomats|statement|report|reports|ministry|embassy|newspaper|agency|leader|leaders|negotiator|negotiators|lawmaker|lawmakers|senator|expert|experts|observer|observers|people|person|officer|commander|representative|secretary|ambassador|government|administration|campaign|side|delegation|critics|allies|partners|commissioner|chairman|chairwoman|governor|nominee|candidate|announcer|narrator|member|members|businessman|businesswoman|bank|company|poll|survey|study|group|police|court|judge|prosecutor|prosecutors|attorney|lawyer|lawyers|mayor|author|writer|economist|economists|professor|researcher|researchers|voters|supporters|residents|witnesses|aides|advisers|staff|team|Kremlin|Post|Times|Journal";
/** Who is speaking: a name, a pronoun, or a determiner phrase ending in a role noun. */
const SPEAKER = `(?:(?:[A-Z][\\w’'.-]*\\s+){1,3}(?:[a-z][\\w-]*\\s+){1,2}(?:[A-Z][\\w’'.-]*\\s+){0,2}[A-Z][\\w’'.-]+|(?:[A-Z][\\w’'.-]*\\s+){0,4}[A-Z][\\w’'.-]+|${PRONOUN}|(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Oo]ther|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\\w.-]*[’']s)\\s+(?:[\\w’'.-]+\\s+){0,4}?(?:${ROLE_NOUN})|(?:${ROLE_NOUN}))(?:\\s+\\([^)\\n]{1,24}\\))?`;
const AFTER_QUOTE = new RegExp(`^\\s*[,—–-]?\\s*(?:(?<sp1>${SPEAKER})\\s+(?<cue1>${CUE})\\b|(?<cue2>${CUE})\\s+(?<sp2>${SPEAKER})\\b)`);
const BEFORE_QUOTE = new RegExp(`(?:(?<sp1>${SPEAKER})(?:,\\s[^,“”"]{3,90},)?\\s+(?:(?:also|then|later|again|once|has|had|have|repeatedly|publicly|reportedly)\\s+)?(?<cue1>${CUE})\\b(?:\\s+(?:reporters|journalists|the\\s+\\w+|him|her|them|us|me|that|in\\s+\\w+(?:\\s+\\w+)?|on\\s+\\w+|at\\s+\\w+(?:\\s+\\w+)?|of\\s+[\\w’'.-]+))*|[Aa]ccording\\s+to\\s+(?<sp3>${SPEAKER}))\\s*[,:]?\\s*$`);
const REPORTED = new RegExp(`(?<sp1>${SPEAKER})(?:,\\s[^,“”"\\n]{3,90},)?\\s+(?:(?:also|has|had|have|reportedly|repeatedly|publicly|later)\\s+)?(?<cue1>${CUE})(?:\\s+(?:reporters|journalists|him|her|them|us|me|(?:[\\w’'.,-]+\\s+){0,7}?[\\w’'.-]+(?=\\s+that\\s)))?[,:]?\\s+(?<that>that\\s+)?(?!(?:on|in|at|for|during|to|as|by|with|from|of)\\b|[“"‘])(?<content>(?:[^.?!\\n]|[.?!](?=[\\w”’"])|\\.(?=\\s+[a-z0-9]))+)`, "g");
/** "The campaign denied the report, saying (that) …": the sentence's subject speaks. */
const PARTICIPLE = new RegExp(`^(?<sp1>${SPEAKER})\\b[^“”"\\n]*?,\\s+(?<cue1>saying|arguing|adding|noting|insisting|warning|claiming|explaining|stressing|suggesting|asserting|citing)\\s+(?<that>that\\s+)?(?<content>[^\\n]{12,})$`);
/** A partial quote's speaker a few words before it: "what the Kremlin described as a “very useful” meeting". */
const PARTIAL_BEFORE = new RegExp(`(?<sp1>${SPEAKER})\\s+(?:[\\w’'-]+\\s+)?(?<cue1>${CUE})(?:\\s+[\\w’'-]+){0,6}\\s*$`);
const TRAILING = new RegExp(`^(?<content>.{12,}?),\\s+(?:(?<sp1>${SPEAKER})\\s+(?<cue1>${CUE})|(?<cue2>${CUE})\\s+(?<sp2>${SPEAKER})|according\\s+to\\s+(?<sp3>${SPEAKER}))\\s*[.!?]?\\s*$`);
const LEADING_ACCORDING = new RegExp(`^[Aa]ccording\\s+to\\s+(?<sp3>${SPEAKER}),\\s+(?<content>.{12,})$`);

/** Quote spans by their marks: curly or straight double quotes (also across paragraphs), curly single ones. */
export function quoteSpans(text: string): { start: number; end: number; open: number; close: number }[] {
  const spans: { start: number; end: number; open: number; close: number }[] = [];
  let open = -1, single = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "“" || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === "”" || c === '"') && open >= 0) {
      spans.push({ start: open + 1, end: i, open, close: i + 1 });
      open = -1;
    } else if (c === "‘" && open < 0) single = i;
    else if (c === "’" && single >= 0 && !/\w/.test(text[i + 1] ?? "")) {
      spans.push({ start: single + 1, end: i, open: single, close: i + 1 });
      single = -1;
    } else if (c === "\n") {
      // A quote running over paragraphs continues when the next paragraph opens with a quote mark.
      const next = text.slice(i + 1).match(/^\s*/)![0].length + i + 1;
      if (open >= 0 && (text[next] === "“" || text[next] === '"')) {
        i = next;
        continue;
      }
      if (open >= 0) spans.push({ start: open + 1, end: i, open, close: i });
      open = -1;
      single = -1;
    }
  }
  return spans.filter((s) => s.end > s.start);
}

/**
 * Direct and partial quotes with their speaker and cue verb — "X said", "said X", "according to
 * X", "X told reporters", quotes split by an attribution, quotes over paragraphs — and reported
 * speech ("Ushakov said the sides discussed …") with the same speaker. Pronouns and role phrases
 * resolve to the nearest fitting person named before.
 */
export function findQuotes(file: string, a: TextAnalysis, actors: readonly Actor[]): Quote[] {
  const text = a.text;
  const out: Quote[] = [];
  const sentenceOf = (at: number) => a.sentences.find((s) => s.start <= at && at < s.end) ?? { start: at, end: at };
  const spans = quoteSpans(text);
  let previous: Omit<Quote, keyof Located | "kind"> | null = null;
  let previousClose = -1;
  // "he said" most often refers to the last person quoted, not merely the last one named.
  const lastSpeaker: { name: string; at: number } = { name: "", at: -1 };
  const resolve = (at: number, window: string, speaker: string, cue: string, before: number) => {
    const r = resolveAttribution(actors, at, window, speaker, cue, before, lastSpeaker);
    if (r?.speaker && actors.some((x) => x.kind === "person" && x.name === r.speaker)) Object.assign(lastSpeaker, { name: r.speaker, at });
    return r;
  };
  for (const q of spans) {
    const words = text.slice(q.start, q.end).trim().split(/\s+/).length;
    const sStart = sentenceOf(q.open).start;
    const kind = words >= 5 || /[.,!?]\s*$/.test(text.slice(q.start, q.end)) ? "direct" : "partial";
    const lineEnd = text.indexOf("\n", q.close);
    const after = AFTER_QUOTE.exec(text.slice(q.close, Math.min(q.close + 120, lineEnd < 0 ? text.length : lineEnd)));
    let attribution: Omit<Quote, keyof Located | "kind"> | null = null;
    if (after?.groups) {
      const g = after.groups;
      attribution = resolve(q.close + after.index, after[0], g["sp1"] ?? g["sp2"]!, g["cue1"] ?? g["cue2"]!, q.open);
    }
    if (!attribution) {
      const lineStart = Math.max(sStart, text.lastIndexOf("\n", q.open - 1) + 1);
      const before = text.slice(lineStart, q.open);
      const m = BEFORE_QUOTE.exec(before);
      if (m?.groups) attribution = resolve(lineStart + m.index, m[0], m.groups["sp1"] ?? m.groups["sp3"]!, m.groups["cue1"] ?? "according to", q.open);
      // Quotes inside reported speech: "Ushakov said the sides discussed “territorial issues”".
      else {
        const r = [...before.matchAll(REPORTED)].pop() ?? PARTIAL_BEFORE.exec(before);
        if (r?.groups) attribution = resolve(lineStart + r.index!, r[0], r.groups["sp1"]!, r.groups["cue1"]!, q.open);
      }
    }
    // The second half of a quote split by its attribution ("…,” he said, “…”) shares the first half's.
    if (!attribution && previous && previousClose >= 0) {
      const between = text.slice(previousClose, q.open);
      if (!between.includes("\n") && between.length < 160 && AFTER_QUOTE.test(between)) attribution = previous;
    }
    if (!attribution && kind === "direct" && /:\s*$/.test(text.slice(0, q.open))) {
      // Introduced by a colon in the preceding words: "Ushakov said:"
      const intro = BEFORE_QUOTE.exec(text.slice(Math.max(0, q.open - 150), q.open));
      if (intro?.groups) attribution = resolve(q.open - 150 + intro.index, intro[0], intro.groups["sp1"] ?? intro.groups["sp3"]!, intro.groups["cue1"] ?? "according to", q.open);
    }
    out.push({ ...locate(file, text, q.start, q.end), kind, speaker: attribution?.speaker ?? null, speakerSpan: attribution?.speakerSpan ?? null, cue: attribution?.cue ?? null, cueSpan: attribution?.cueSpan ?? null });
    previous = attribution;
    previousClose = q.close;
  }
  // Reported speech in sentences without a long direct quote: "X said (that) …", "…, X said.", "According to X, …".
  for (const whole of a.sentences) {
    const lead = text.slice(whole.start, whole.end).search(/\S/);
    if (lead < 0) continue;
    const s = { start: whole.start + lead, end: whole.end };
    const sentence = text.slice(s.start, s.end);
    const t = TRAILING.exec(sentence) ?? LEADING_ACCORDING.exec(sentence) ?? PARTICIPLE.exec(sentence);
    if (t?.groups) {
      const g = t.groups;
      const sp = g["sp1"] ?? g["sp2"] ?? g["sp3"]!;
      const content = (g["that"] ?? "") + g["content"]!;
      const cStart = s.start + sentence.indexOf(content);
      const tail = sentence.startsWith(content) ? sentence.indexOf(sp, content.length) : sentence.indexOf(sp);
      const attribution = resolve(s.start + tail, sentence.slice(tail), sp, g["cue1"] ?? g["cue2"] ?? "according to", s.start);
      if (attribution) out.push({ ...locate(file, text, cStart, trimEnd(text, cStart, cStart + content.length)), kind: "reported", ...attribution });
    }
    REPORTED.lastIndex = 0;
    for (const m of sentence.matchAll(REPORTED)) {
      if (!m.groups || (t && m.index! + m[0].length > sentence.length - 2 && t.groups?.["content"] && m.index! >= t.groups["content"].length)) continue;
      const speakerStart = s.start + m.index!;
      const attribution = resolve(speakerStart, m[0], m.groups["sp1"]!, m.groups["cue1"]!, speakerStart);
      const content = (m.groups["that"] ?? "") + m.groups["content"]!;
      const contentStart = s.start + m.index! + m[0].length - content.length;
      // Content stops where a trailing attribution of the whole sentence begins.
      const stop = t?.groups ? Math.min(s.end, s.start + t.groups["content"]!.length + sentence.indexOf(t.groups["content"]!)) : s.end;
      if (attribution && contentStart < stop) out.push({ ...locate(file, text, contentStart, trimEnd(text, contentStart, Math.max(contentStart + 1, stop))), kind: "reported", ...attribution });
    }
  }
  // A reported statement that only repeats a quote already attributed through the same cue adds nothing.
  const quoted = out.filter((q) => q.kind !== "reported" && q.cueSpan);
  return out
    .filter((r) => r.kind !== "reported" || !quoted.some((q) => q.cueSpan!.start === r.cueSpan?.start && q.start >= r.start - 1 && q.end <= r.end + 1 && q.end - q.start > 0.8 * (r.end - r.start)))
    .sort((x, y) => x.start - y.start);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?,;:]/.test(text[end - 1]!)) end--;
  return end;
}

/** Speaker and cue of an attribution found in `window` (which starts at `at`), resolved to an actor. */
function resolveAttribution(
  actors: readonly Actor[],
  at: number,
  window: string,
  speaker: string,
  cue: string,
  before: number,
  lastSpeaker: { name: string; at: number },
): Omit<Quote, keyof Located | "kind"> | null {
  // A sentence-initial conjunction is not part of the speaker's name.
  const conj = /^(?:But|And|Yet|So|Then|However|Meanwhile|Still)\s+/.exec(speaker);
  if (conj) speaker = speaker.slice(conj[0].length);
  const spIndex = window.indexOf(speaker);
  const cueIndex = cue === "according to" ? window.search(/according to/i) : window.indexOf(cue, spIndex >= 0 && window.indexOf(cue) < spIndex ? 0 : spIndex + speaker.length);
  if (spIndex < 0) return null;
  const spStart = at + spIndex, spEnd = spStart + speaker.length;
  const cueStart = at + (cueIndex < 0 ? 0 : cueIndex);
  const cueSpan = cueIndex < 0 ? null : { start: cueStart, end: cueStart + (cue === "according to" ? "according to".length : cue.length) };
  const pronoun = /^(he|she)$/i.test(speaker);
  const name = pronoun && lastSpeaker.at >= 0 && spStart - lastSpeaker.at < 800 ? lastSpeaker.name : speakerName(actors, speaker, spStart, spEnd, before);
  return { speaker: name, speakerSpan: { start: spStart, end: spEnd, text: speaker }, cue: cue.toLowerCase(), cueSpan };
}

/** The actor a speaker phrase names: the actor mentioned there, else for a pronoun or role the nearest person before. */
function speakerName(actors: readonly Actor[], phrase: string, start: number, end: number, before: number): string {
  // The name that ends the phrase is its head: "Kremlin adviser Yuri Ushakov" is Ushakov, not the Kremlin.
  let head: { name: string; end: number; person: boolean } | null = null;
  for (const x of actors)
    for (const m of x.mentions)
      if (m.start < end && m.end > start && (!head || m.end > head.end || (m.end === head.end && x.kind === "person"))) head = { name: x.name, end: m.end, person: x.kind === "person" };
  if (head) return head.name;
  const lower = phrase.toLowerCase();
  const noun = lower.split(/\s+/).pop()!;
  const isPronoun = /^(he|she)$/.test(lower);
  let best: { name: string; at: number } | null = null;
  for (const x of actors) {
    if (x.kind !== "person") continue;
    if (!isPronoun && !x.roles.some((r) => r.toLowerCase().split(/\s+/).includes(noun))) continue;
    for (const m of x.mentions) if (m.end <= Math.min(start, before) && (!best || m.end > best.at)) best = { name: x.name, at: m.end };
  }
  return best?.name ?? phrase;
}
