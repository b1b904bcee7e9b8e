import { lowerBound } from "../lower-bound.js";
import type { TextAnalysis } from "../text-analysis.js";
import { signedQuotes } from "./signed-quotes.js";
import { paragraphStarts, tagSpans } from "./tagger.js";
import { transcriptTurns } from "./transcript-turns.js";

/** A span of tokens [from, to) and its characters. */
export interface TokenSpan {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

/** How a content piece was tied to its cue: in the same sentence, the same paragraph, a quote paragraph continuing the previous speaker, or not at all. */
export type Link = "sentence" | "paragraph" | "continuation" | "none";

/** One attribution: what was said (one or more pieces, each with how it was linked), the cue and the source, each possibly missing. */
export interface Relation {
  readonly contents: readonly { readonly span: TokenSpan; readonly link: Link }[];
  readonly cue: TokenSpan | null;
  readonly source: TokenSpan | null;
  /** True when the source is the clause's subject, taken for a cue the tagger gave none. */
  readonly subject?: boolean;
  /** True for a transcript's turn: the contents are the speaker's own words, whatever marks they carry. */
  readonly verbatim?: boolean;
}

/**
 * Pairs the tagger's spans into attributions. Each cue takes the nearest source in its sentence
 * (either side; left first on a tie, as "X said" outnumbers "said X"), and each content the
 * nearest cue in its sentence, else in its paragraph; a content paragraph with no cue at all
 * that opens with a quotation mark continues the previous attribution (a speech quoted over
 * several paragraphs).
 */
export function linkSpans(a: TextAnalysis, tags: Uint8Array): Relation[] {
  const tokens = a.tokens;
  const span = (from: number, to: number): TokenSpan => ({
    from,
    to,
    start: tokens[from]!.start,
    end: tokens[to - 1]!.end,
  });
  // A cue the tagger began inside a noun phrase, running over its own subject ("a [leaked call
  // suggested]"): the determiner up to the cue's last noun before a verb is the source. (Firing on
  // any cue with a noun before a verb, it cost PolNeAR dev 12 right speakers; in this form it
  // changes none there.)
  const spans = tagSpans(tags).flatMap((x) => {
    if (x.role !== "cue" || !(x.from > 0 && tokens[x.from - 1]!.pos === "DET" && !tags[x.from - 1])) return [x];
    let noun = -1;
    for (let t = x.from; t < x.to - 1; t++)
      if (/^(?:NOUN|PROPN|PRON)$/.test(tokens[t]!.pos) && /^(?:VERB|AUX)$/.test(tokens[t + 1]!.pos)) noun = t;
    if (noun < 0) return [x];
    const from = x.from - 1;
    return [
      { role: "source" as const, from, to: noun + 1 },
      { role: "cue" as const, from: noun + 1, to: x.to },
    ];
  });
  // '“…,” writes [exiled analyst Maria Vella] at the think tank': after a quotation and its cue,
  // a name opening no clause of its own is who wrote it, whatever the tagger took it for.
  for (let i = 1; i < spans.length; i++) {
    const c = spans[i - 1]!,
      x = spans[i]!;
    if (x.role !== "content" || c.role !== "cue" || c.to !== x.from || c.from < 2) continue;
    if (!/^["”]$/.test(tokens[c.from - 1]!.value) || tokens[c.from - 2]!.value !== ",") continue;
    let name = x.from;
    while (name < x.to && name - x.from < 5 && tokens[name]!.pos !== "PROPN" && tokens[name]!.pos !== "AUX") name++;
    if (name === x.to || tokens[name]!.pos !== "PROPN") continue;
    let end = name;
    while (end < x.to && /^(?:PROPN|NOUN|ADJ)$/.test(tokens[end]!.pos)) end++;
    if (end < tokens.length && /^(?:VERB|AUX)$/.test(tokens[end]!.pos)) continue;
    spans[i] = { role: "source", from: x.from, to: end };
  }
  // Sentence and paragraph index of each token.
  const sentence = new Int32Array(tokens.length),
    paragraph = new Int32Array(tokens.length);
  const starts = paragraphStarts(a);
  for (let i = 0, s = 0, p = 0; i < tokens.length; i++) {
    while (s < a.sentences.length && a.sentences[s]!.end <= tokens[i]!.start) s++;
    p += starts[i]!;
    sentence[i] = s;
    paragraph[i] = p;
  }
  const cues = spans.filter((x) => x.role === "cue");
  const sources = spans.filter((x) => x.role === "source");
  // A content that runs into a quotation ("…membership, “did not go far enough,” according to X")
  // is two statements: the quotation is split off to find its own cue. One that runs into a
  // contrasting clause ("… decried it as “terror,” while Y framed …") ends there: what follows
  // is someone else's.
  const contents = spans
    .filter((x) => x.role === "content")
    .flatMap((x) => {
      let end = wholeClause(a, tags, sentence, x.from, x.to);
      for (let t = x.from + 1; t < end; t++)
        if (CONTRAST.test(tokens[t]!.value) && (afterClauseMark(tokens, t) || namedClause(tokens, t + 1))) end = t;
      // A quotation closed after its comma ends there: what follows its participle ("“… done,”
      // stressing that …") is the author telling the rest of what was said, a piece of its own.
      let rest: { from: number; to: number } | null = null;
      if (opensQuote(a, x.from) || /^["“]$/.test(tokens[x.from - 1]?.value ?? ""))
        for (let t = x.from + 1; t + 2 < end; t++)
          if (
            /^["”]$/.test(tokens[t]!.value) &&
            tokens[t - 1]!.value === "," &&
            /^\p{Ll}+ing$/u.test(tokens[t + 1]!.value)
          ) {
            rest = { from: t + 2, to: end };
            end = t + 1;
            break;
          }
      // "that if the union rejects the deal, “the port would …”": a condition is no statement without
      // the quotation that completes it.
      const first = tokens[x.from]!.value.toLowerCase() === "that" ? x.from + 1 : x.from;
      const conditional = CONDITION.test(tokens[first]?.value ?? "");
      const cut = [];
      for (let t = x.from + 1; t < end && !conditional; t++)
        if (opensQuote(a, t) && /^[,;:—–-]$/.test(tokens[t - 1]!.value)) cut.push(t);
      const bounds = [clauseOpening(a, tags, sentence, x.from), ...cut, end];
      const pieces = bounds.slice(0, -1).map((from, i) => ({ role: x.role, from, to: bounds[i + 1]! }));
      return rest ? [...pieces, { role: x.role, ...rest }] : pieces;
    });
  const gap = (x: { from: number; to: number }, y: { from: number; to: number }) =>
    x.to <= y.from ? y.from - x.to : y.to <= x.from ? x.from - y.to : 0;

  // Each side's nearest source is the only one that can be a cue's: a farther one on that side is
  // in no nearer sentence, crosses every semicolon the nearest crosses, and has a larger gap.
  // (Sources and cues are disjoint and in text order; a scan of all of them made long texts quadratic.)
  const relations = cues.map((c) => {
    let source: { from: number; to: number } | null = null as { from: number; to: number } | null;
    const right = lowerBound(sources.length, (k) => sources[k]!.to <= c.from);
    // "the fishermen would be offered new quotas", "the unions were told that …", "Vella was
    // reported to have …": the subject of a passive cue of telling is who was told or told
    // about, no source; the teller comes after it, if anywhere.
    const toldTo = recipientCue(tokens, c);
    for (const s of [toldTo ? undefined : beforeAside(a, sentence, sources, right - 1, c.from), sources[right]]) {
      if (!s) continue;
      if (sentence[s.from] !== sentence[c.from] && paragraph[s.from] !== paragraph[c.from]) continue;
      // A semicolon between them puts them in different clauses: "Vella announced …; Smith …, vowing".
      if (crossesClause(tokens, s, c)) continue;
      const sameSentence = sentence[s.from] === sentence[c.from];
      // A source in another sentence of the paragraph only when adjacent ("… she wrote. …").
      if (!sameSentence && gap(s, c) > 2) continue;
      const better = !source || gap(s, c) < gap(source, c) || (gap(s, c) === gap(source, c) && s.to <= c.from);
      if (better) source = s;
    }
    // A participle after a comma ("…, vowing") is said by its clause's subject: a source the tagger
    // ran over the whole clause before it ("Vella greenlit the strikes, vowing") is its name alone.
    if (
      source &&
      (source.to === c.from - 1 || source.to === c.from) &&
      tokens[c.from - 1]!.value === "," &&
      /^\p{Ll}+ing$/u.test(tokens[c.from]!.value)
    ) {
      let name = source.from;
      while (name < source.to && tokens[name]!.pos === "PROPN" && /^\p{Lu}/u.test(tokens[name]!.value)) name++;
      const clause = tokens.slice(name, source.to).some((t) => /^\p{Ll}/u.test(t.value));
      if (name > source.from && clause) source = { from: source.from, to: name };
    }
    return {
      cue: span(c.from, c.to),
      source: source ? span(source.from, source.to) : source,
      contents: [] as { span: TokenSpan; link: Link }[],
      subject: false,
      verbatim: false,
      toldTo,
    };
  });
  // A cue with no source of its own ("…, vowing “…”", "…, noting “…”") takes the source of an
  // earlier cue in its clause, else the clause's subject: its first run of proper nouns.
  const clauseStart = clauseStarts(a, sentence);
  relations.forEach((r, k) => {
    if (r.source || r.toldTo) return;
    const start = clauseStart[r.cue.from]!;
    let earlier: (typeof relations)[number] | undefined;
    for (let j = k - 1; j >= 0 && relations[j]!.cue.from >= start; j--)
      if (relations[j]!.source) {
        earlier = relations[j];
        break;
      }
    if (earlier) r.source = earlier.source;
    else {
      // A day or a month the tagger reads as a proper noun ("On Thursday, Vella …") is no subject,
      // nor is an ordinal's ending ("On March 29TH"), nor a dateline ("VALLETTA -- Vella, …").
      const notSubject = (t: number) =>
        WHEN.test(tokens[t]!.value) ||
        (/^(?:st|nd|rd|th)$/i.test(tokens[t]!.value) &&
          t > 0 &&
          tokens[t - 1]!.end === tokens[t]!.start &&
          /\d$/.test(tokens[t - 1]!.value));
      let from = start;
      for (;;) {
        while (from < r.cue.from && (tokens[from]!.pos !== "PROPN" || notSubject(from))) from++;
        const after = from < r.cue.from ? datelineEnd(a, from) : -1;
        if (after < 0) break;
        from = after;
      }
      let to = from;
      while (to < r.cue.from && (tokens[to]!.pos === "PROPN" || (to > from && /^[.’'-]$/.test(tokens[to]!.value))))
        to++;
      if (to > from && from < r.cue.from) (r.source = span(from, to)), (r.subject = true);
    }
  });
  const orphans: Relation[] = [];
  type Rel = (typeof relations)[number];
  // First pass: each content to the nearest cue of its sentence, else of its paragraph. Only the
  // nearest cue on each side can win: a farther one is in no nearer sentence or paragraph and has
  // a larger gap (cues and contents are disjoint and in text order).
  const verbBefore = (from: number) => {
    for (let u = from - 1; u >= 0 && sentence[u] === sentence[from]; u--)
      if (/^(?:VERB|AUX)$/.test(tokens[u]!.pos)) return true;
    return false;
  };
  // Whether a relation's source, before its cue, opens the clause after a contrast that follows
  // `end` (", but | Y said …"), with words of its own after the cue.
  const contrastedBefore = (r: Rel, end: number) => {
    if (!r.source || r.source.to > r.cue.from) return false;
    const between = r.source.from - end;
    return (
      (between === 1 || (between === 2 && tokens[end]!.value === ",")) &&
      CONTRAST.test(tokens[r.source.from - 1]!.value) &&
      contents.some((c) => c.from >= r.cue.to && sentence[c.from] === sentence[r.cue.from])
    );
  };
  const assigned = contents.map((t): { rel: Rel; how: Link } | null => {
    let best: Rel | null = null,
      bestGap = Infinity,
      how: Link = "none";
    const right = lowerBound(relations.length, (k) => relations[k]!.cue.to <= t.from);
    for (const r of [relations[right - 1], relations[right]]) {
      if (!r) continue;
      const sameSentence = sentence[r.cue.from] === sentence[t.from] || sentence[r.cue.from] === sentence[t.to - 1];
      const sameParagraph =
        paragraph[r.cue.from] === paragraph[t.from] || paragraph[r.cue.from] === paragraph[t.to - 1];
      if (!sameSentence && !sameParagraph) continue;
      // "… the more likely scenario is | that the war drags on": unquoted words that complete a
      // verb of their own sentence are that sentence's, not a cue's in another.
      if (!sameSentence && !opensQuote(a, t.from) && verbBefore(t.from)) continue;
      // "The plan specified 600 ferries a day, but union sources said there would be 400":
      // a source and its cue opening the clause after "but" say what follows them, not the clause before.
      if (r.cue.from >= t.to && contrastedBefore(r, t.to)) continue;
      const g = gap(r.cue, t) + (sameSentence ? 0 : 1000);
      if (g < bestGap) (best = r), (bestGap = g), (how = sameSentence ? "sentence" : "paragraph");
    }
    return best ? { rel: best, how } : null;
  });
  // Second pass, for quote paragraphs with no cue: a quotation left open at the end of its
  // paragraph runs on into the next one (the convention for quoting over paragraphs), so it
  // belongs to the attribution there; otherwise it continues the previous attribution.
  const opens = (t: { from: number }) => /^["“]/.test(a.text.slice(tokens[t.from]!.start));
  const unclosed = (t: { from: number; to: number }) => {
    const quoted = a.text.slice(tokens[t.from]!.start, tokens[t.to - 1]!.end);
    return opens(t) && !/["”]\s*$/.test(quoted.trimEnd().replace(/[.,;:]$/, ""));
  };
  for (let i = contents.length - 1; i >= 0; i--) {
    const t = contents[i]!,
      next = contents[i + 1];
    if (
      !assigned[i] &&
      next &&
      assigned[i + 1] &&
      unclosed(t) &&
      opens(next) &&
      paragraph[next.from] === paragraph[t.to - 1]! + 1
    )
      assigned[i] = { rel: assigned[i + 1]!.rel, how: "continuation" };
  }
  for (let i = 0; i < contents.length; i++) {
    const t = contents[i]!,
      prev = i > 0 ? assigned[i - 1] : null;
    if (!assigned[i] && prev && opens(t) && paragraph[t.from]! - paragraph[contents[i - 1]!.to - 1]! <= 1)
      assigned[i] = { rel: prev.rel, how: "continuation" };
    const x = assigned[i];
    if (x) x.rel.contents.push({ span: span(t.from, t.to), link: x.how });
    else orphans.push({ contents: [{ span: span(t.from, t.to), link: "none" }], cue: null, source: null });
  }
  // A transcript's turn ("PENCE: Well, look, …") is its speaker's from the colon to the paragraph's
  // end, and a signed quotation ("“…” ― Maria Vella") its signer's: each replaces whatever the
  // tagger linked inside it.
  const turns = [
    ...transcriptTurns(a, paragraph).map((x) => ({ cue: x.colon, name: x.name, words: x.words, held: x.paragraphs })),
    ...signedQuotes(a, paragraph).map((x) => ({
      cue: x.dash,
      name: x.name,
      words: [x.words],
      held: [{ from: x.words.from - 1, to: x.name.to }],
    })),
  ];
  // How many tokens of turns stand before each token: a content overlaps a turn where that grows
  // across it (a long transcript's contents are not each tried against every turn).
  const turnTokens = new Int32Array(tokens.length + 1);
  for (const x of turns) for (const p of x.held) for (let t = p.from; t < p.to; t++) turnTokens[t + 1] = 1;
  for (let t = 0; t < tokens.length; t++) turnTokens[t + 1]! += turnTokens[t]!;
  const inTurn = (c: { span: TokenSpan }) => turnTokens[c.span.to]! > turnTokens[c.span.from]!;
  for (const r of relations) r.contents = r.contents.filter((c) => !inTurn(c));
  const unlinked = orphans.filter((r) => !inTurn(r.contents[0]!));
  for (const x of turns)
    relations.push({
      cue: span(x.cue, x.cue + 1),
      source: span(x.name.from, x.name.to),
      contents: x.words.map((w, i) => ({ span: span(w.from, w.to), link: i ? "continuation" : "sentence" })),
      subject: true,
      verbatim: true,
      toldTo: false,
    });
  for (const r of relations) r.contents.sort((x, y) => x.span.start - y.span.start);
  return [...relations.filter((r) => r.contents.length), ...unlinked].sort(
    (x, y) => x.contents[0]!.span.start - y.contents[0]!.span.start,
  );
}

const CONTRAST = /^(?:while|whereas|but|although|though|yet)$/i;
/**
 * After a dateline that opens a line at token `t` ("VALLETTA --", "SAN GWANN, Malta —",
 * "VALLETTA (AP) —"): the token after its dash; else -1. The place is written all in capitals up
 * to its comma; a line opening on an acronym ("NATO Secretary General …") is no dateline.
 */
function datelineEnd(a: TextAnalysis, t: number): number {
  const tokens = a.tokens;
  const at = tokens[t]!.start;
  if (!/^\p{Lu}{2,}$/u.test(tokens[t]!.value) || !/(?:^|\n)[^\S\n]*$/.test(a.text.slice(Math.max(0, at - 40), at)))
    return -1;
  let comma = false;
  for (let u = t + 1; u < tokens.length && u <= t + 8; u++) {
    const v = tokens[u]!.value;
    if (/^(?:-{1,2}|—|–)$/.test(v)) return u + 1;
    if (v === ",") comma = true;
    else if (!/^[()]$/.test(v) && !(comma ? /^\p{Lu}[\p{L}.]*$/u : /^\p{Lu}[\p{Lu}.]*$/u).test(v)) return -1;
  }
  return -1;
}

/** Days and months, which the part-of-speech tagger takes for proper nouns ("May" is a surname too). */
const WHEN =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/i;
/** Words opening a condition or a time clause, which needs a main clause after it. */
const CONDITION = /^(?:if|unless|when|once|until|should)$/i;

/** Whether a clause with a named subject opens at token t ("Vella insisted …"): proper nouns, then a verb. */
function namedClause(tokens: TextAnalysis["tokens"], t: number): boolean {
  let u = t;
  while (u < tokens.length && tokens[u]!.pos === "PROPN") u++;
  return u > t && u < tokens.length && /^(?:VERB|AUX)$/.test(tokens[u]!.pos);
}

/**
 * Verbs whose passive makes the subject no teller: the one told ("was offered", "were told"), or
 * the one told about ("was reported to have described", "is said to", "is believed to").
 */
const TOLD_TO =
  /^(?:offered|told|asked|given|promised|shown|informed|assured|briefed|warned|urged|invited|sent|reminded|advised|reported|said|believed|thought|alleged|rumou?red|understood)$/i;

/** Whether a cue is a passive verb of telling ("would be offered", "were not told", "was initially reported"). */
function recipientCue(tokens: TextAnalysis["tokens"], c: { from: number; to: number }): boolean {
  for (let t = c.from; t < c.to; t++) {
    if (!TOLD_TO.test(tokens[t]!.value)) continue;
    let b = t - 1;
    while (b >= 0 && b >= c.from - 3 && /^(?:not|never|also|\p{Ll}+ly)$/u.test(tokens[b]!.value)) b--;
    return b >= 0 && /^(?:be|been|being|is|are|was|were|am)$/i.test(tokens[b]!.value);
  }
  return false;
}

/** Whether token t follows a clause mark, or a quotation closed by one ("“terror,” while"); an opening mark is none ("“But …"). */
function afterClauseMark(tokens: TextAnalysis["tokens"], t: number): boolean {
  const before = tokens[t - 1]?.value ?? "";
  return /^[,;—–]$/.test(before) || (/^["”’]$/.test(before) && /^[,;]$/.test(tokens[t - 2]?.value ?? ""));
}

/**
 * Where a reported content really ends: the tagger often stops mid-clause ("told Fox News that
 * the conflict | has devolved into …"). When it stops on a word, the content runs on to the end
 * of its sentence, or, when the sentence tags something further on ("…, with the unions “willing
 * …”"), to the last clause mark before that.
 */
function wholeClause(a: TextAnalysis, tags: Uint8Array, sentence: Int32Array, from: number, to: number): number {
  const tokens = a.tokens;
  if (to >= tokens.length || sentence[to] !== sentence[to - 1]) return to;
  if (/^["“‘]/.test(tokens[from]!.value)) return to;
  if (!/^[\p{L}\p{N}]/u.test(tokens[to]!.value)) return to;
  let end = to;
  while (end < tokens.length && sentence[end] === sentence[to] && !tokens[end]!.value.includes("\n")) {
    if (tags[end] !== 0) {
      // Back to the last clause mark before it, or to a contrasting conjunction ("… article 5
      // though Vella insisted …"), which is no part of the content.
      while (end > to && !/^[,;:—–(]$/.test(tokens[end - 1]!.value) && !CONTRAST.test(tokens[end - 1]!.value)) end--;
      if (end > to && CONTRAST.test(tokens[end - 1]!.value)) end--;
      if (end === to) return to;
      break;
    }
    end++;
  }
  while (end > to && /^[.!?;:,—–("”’)\]]+$/.test(tokens[end - 1]!.value)) end--;
  return end;
}

/**
 * Where a content opening on a relative pronoun really starts: "… the final list of quotas |
 * that the ministry plans to publish …, a source told the paper" tags the relative clause alone, but what
 * was told is the whole sentence before the source. It runs back to the sentence's start when
 * nothing there is tagged.
 */
function clauseOpening(a: TextAnalysis, tags: Uint8Array, sentence: Int32Array, from: number): number {
  const tokens = a.tokens;
  if (from === 0 || !/^(that|which|who|whom)$/i.test(tokens[from]!.value)) return from;
  const before = tokens[from - 1]!;
  if (sentence[from - 1] !== sentence[from] || (before.pos !== "NOUN" && before.pos !== "PROPN")) return from;
  let start = from;
  while (start > 0 && sentence[start - 1] === sentence[from] && !tokens[start - 1]!.value.includes("\n")) {
    if (tags[start - 1] !== 0) return from;
    start--;
  }
  return start;
}

/** Whether token t opens a quotation: a curly opening mark, or a straight one with a space before it and none after. */
function opensQuote(a: TextAnalysis, t: number): boolean {
  const tok = a.tokens[t]!;
  if (tok.value === "“") return true;
  return tok.value === '"' && /\s/.test(a.text[tok.start - 1] ?? " ") && !/\s/.test(a.text[tok.end] ?? " ");
}

function crossesClause(
  tokens: TextAnalysis["tokens"],
  x: { from: number; to: number },
  y: { from: number; to: number },
): boolean {
  const [from, to] = x.to <= y.from ? [x.to, y.from] : [y.to, x.from];
  for (let t = from; t < to; t++)
    if (tokens[t]!.value === ";" || (CONTRAST.test(tokens[t]!.value) && afterClauseMark(tokens, t))) return true;
  return false;
}

/**
 * The source before a cue, skipping one named inside an aside between the subject and its verb:
 * in "Vella, speaking in a video posted by the Ministry, said" the speaker is Vella. An aside opens
 * with a comma and a participle, a preposition or "who", and closes with the comma before the cue.
 */
function beforeAside<S extends { from: number; to: number }>(
  a: TextAnalysis,
  sentence: Int32Array,
  sources: readonly S[],
  k: number,
  cue: number,
): S | undefined {
  const s = sources[k],
    earlier = sources[k - 1];
  const tokens = a.tokens;
  if (!s || !earlier || tokens[cue - 1]?.value !== ",") return s;
  let open = s.from - 1;
  while (open > earlier.to && tokens[open]!.value !== ",") open--;
  if (tokens[open]!.value !== ",") return s;
  for (let t = s.to; t < cue - 1; t++) if (/^[,;:]$/.test(tokens[t]!.value)) return s;
  // Opening as an aside does ("speaking …", "quoted by …", "in a video …", "who …", "whose …"),
  // not as a clause ("while X praised …").
  const opensAside = (t: number) => {
    const first = tokens[t]!;
    return /^\p{Ll}+(?:ing|ed)$/u.test(first.value) || first.pos === "ADP" || /^(who|whose|which)$/.test(first.value);
  };
  // An aside of several parts (", whose wife …, and whose brother … by Y, posted") is walked back
  // part by part to where it opens.
  let parts = 1;
  while (tokens[open + 1]?.value === "and" && opensAside(open + 2)) {
    let previous = open - 1;
    while (previous > earlier.to && !/^[,;:]$/.test(tokens[previous]!.value)) previous--;
    if (tokens[previous]!.value !== ",") return s;
    (open = previous), parts++;
  }
  // Short: one part within 14 tokens of the cue, several within 24.
  if (cue - open > (parts > 1 ? 24 : 14) || !opensAside(open + 1)) return s;
  if (sentence[earlier.from] !== sentence[cue] || crossesClause(tokens, earlier, { from: cue, to: cue + 1 })) return s;
  return earlier;
}

/**
 * Per token, the first token of its clause: after the last ";" or ":" before it in its sentence,
 * or at a contrasting conjunction after a clause mark (", although …"), else the sentence's first.
 */
function clauseStarts(a: TextAnalysis, sentence: Int32Array): Int32Array {
  const out = new Int32Array(a.tokens.length);
  const tokens = a.tokens;
  for (let i = 1; i < out.length; i++)
    out[i] =
      sentence[i - 1] === sentence[i] &&
      !/^[;:]$/.test(tokens[i - 1]!.value) &&
      !(CONTRAST.test(tokens[i]!.value) && afterClauseMark(tokens, i))
        ? out[i - 1]!
        : i;
  return out;
}
