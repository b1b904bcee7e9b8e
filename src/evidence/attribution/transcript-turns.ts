import type { TextAnalysis } from "../text-analysis.js";

/** A range of tokens [from, to). */
interface Range {
  readonly from: number;
  readonly to: number;
}

/**
 * One turn of a transcript: "NAME: what they said", its name and colon, and its words — the rest
 * of the paragraph, then each paragraph that continues it — as token ranges; `paragraphs` are the
 * whole paragraphs the turn holds.
 */
export interface TranscriptTurn {
  readonly name: Range;
  readonly colon: number;
  readonly words: readonly Range[];
  readonly paragraphs: readonly Range[];
}

/** Labels that open a paragraph with a colon without naming a speaker. */
const NOT_SPEAKERS =
  /^(?:update|note|editor|correction|clarification|photo|video|source|sources|read|watch|listen|related|caption|name|age|tags|poll|report|q|a)$/i;

/**
 * The turns of a transcript quoted in a text: paragraphs that open (after an optional quotation
 * mark) with one to three words of a name — each all capitals or a proper noun — and a colon, and
 * go on in words. Everything after the colon is that speaker's, whatever the words themselves
 * report; a label ("UPDATE:", "Q:") is no speaker. Where the turn's quotation mark is left open,
 * the paragraphs after it that open with one (and are no turn, nor a bracketed "(CROSSTALK)")
 * go on with the same speaker's words, as a speech quoted over paragraphs does.
 */
export function transcriptTurns(a: TextAnalysis, paragraph: Int32Array): TranscriptTurn[] {
  const tokens = a.tokens;
  // Each paragraph's tokens, without the line breaks.
  const paragraphs: Range[] = [];
  for (let i = 0; i < tokens.length; ) {
    let to = i;
    while (to < tokens.length && paragraph[to] === paragraph[i]) to++;
    let from = i;
    while (from < to && /^\s*$/.test(tokens[from]!.value)) from++;
    if (from < to) paragraphs.push({ from, to });
    i = to;
  }
  const value = (t: number) => tokens[t]?.value ?? "";
  const opensQuoted = (p: Range) => /^["“]$/.test(value(p.from));
  const turnIn = (p: Range): Omit<TranscriptTurn, "paragraphs"> | null => {
    const from = opensQuoted(p) ? p.from + 1 : p.from;
    let to = from;
    while (
      to < p.to &&
      to - from < 3 &&
      (/^\p{Lu}[\p{Lu}'’.-]+$/u.test(value(to)) || (tokens[to]!.pos === "PROPN" && /^\p{Lu}\p{Ll}/u.test(value(to))))
    )
      to++;
    if (to === from || to >= p.to || value(to) !== ":") return null;
    if (tokens.slice(from, to).some((t) => NOT_SPEAKERS.test(t.value.replace(/[’'].*$/, "")))) return null;
    // What follows must be words, not a time or a list of labels ("10:30", "Tags: …").
    if (p.to - (to + 1) < 3 || !/^[\p{L}"“‘(]/u.test(value(to + 1))) return null;
    return { name: { from, to }, colon: to, words: [{ from: to + 1, to: p.to }] };
  };
  let out: TranscriptTurn[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const turn = turnIn(paragraphs[k]!);
    if (!turn) continue;
    const words = [...turn.words],
      held = [paragraphs[k]!];
    const leftOpen = (p: Range) => opensQuoted(p) && !/^["”]$/.test(value(p.to - 1)) && !/["”]$/.test(value(p.to - 2));
    while (
      k + 1 < paragraphs.length &&
      leftOpen(held[held.length - 1]!) &&
      opensQuoted(paragraphs[k + 1]!) &&
      !turnIn(paragraphs[k + 1]!) &&
      value(paragraphs[k + 1]!.from + 1) !== "("
    ) {
      const p = paragraphs[++k]!;
      held.push(p);
      words.push({ from: p.from + 1, to: p.to });
    }
    out.push({ ...turn, words, paragraphs: held });
  }
  // A transcript is a dialogue: two speakers at least, one of them back for a second turn (by
  // surname: "JOHN SMITH", then "SMITH"). A headline "Name: …" alone, or a list of labelled
  // sections ("Malta: …", "Gozo: …"), is none.
  const surnames = out.map((x) => value(x.name.to - 1).toLowerCase());
  if (new Set(surnames).size < 2 || new Set(surnames).size === surnames.length) out = [];
  return out;
}
