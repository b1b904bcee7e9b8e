import type { TextAnalysis } from "../text-analysis.js";

/** A range of tokens [from, to). */
interface Range {
  readonly from: number;
  readonly to: number;
}

/**
 * A quotation signed with its speaker's name after a dash, a paragraph of its own: "“We will not
 * move.” ― Maria Vella" (a collection of readers' or voters' words, an epigraph). The name, the
 * dash and the quoted words as token ranges.
 */
export interface SignedQuote {
  readonly name: Range;
  readonly dash: number;
  readonly words: Range;
}

const MARK = /^["“”]$/;
const DASH = /^(?:[―—–]|-{1,2})$/;
/** A quotation closed and a cue within a few words after it: the author's narration. */
const NARRATION =
  /["”],?\s+(?:\S+\s+){0,4}?(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|stressed|insisted|replied)\b/i;
/** A name's word: a proper noun, or a capitalised word the tagger took for something else. */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * The signed quotations of a text: paragraphs that open with a quotation mark (either way round:
 * pasted texts mix them up), close it only at their end, and end with a dash and one to four
 * words of a name, perhaps a full stop or a comma and a description ("― Maria Vella, 34, Gozo").
 * The quoted words are the name's, whatever they report.
 */
export function signedQuotes(a: TextAnalysis, paragraph: Int32Array): SignedQuote[] {
  const tokens = a.tokens;
  const value = (t: number) => tokens[t]!.value;
  const out: SignedQuote[] = [];
  // A paragraph's tokens [from, to) read as a signed quotation: its last dash right after the
  // closing mark, then the name.
  const signature = (from: number, to: number): SignedQuote | null => {
    let dash = to - 1;
    while (dash > from && !DASH.test(value(dash))) dash--;
    if (dash - from < 4 || !MARK.test(value(dash - 1))) return null;
    // One quotation from the first mark to the last: a mark closing it earlier with a cue after it
    // ("“We will not move,” Vella said, but … “illegal” — Reuters") leaves narration inside, and
    // signs nothing. (A stray mark inside the words, as pasted texts have, does not.)
    if (NARRATION.test(a.text.slice(tokens[from]!.end, tokens[dash - 1]!.start))) return null;
    let end = dash + 1;
    while (end < to && end - dash <= 4 && NAME_WORD.test(value(end))) end++;
    if (end === dash + 1 || tokens[dash + 1]!.pos !== "PROPN") return null;
    const rest = end < to ? value(end) : "";
    if (!(end === to || (rest === "." && end + 1 === to) || rest === ",")) return null;
    return { name: { from: dash + 1, to: end }, dash, words: { from: from + 1, to: dash - 1 } };
  };
  for (let i = 0; i < tokens.length; ) {
    let end = i;
    while (end < tokens.length && paragraph[end] === paragraph[i]) end++;
    // The paragraph's tokens without the line breaks around them.
    let from = i,
      to = end;
    while (from < to && /^\s*$/.test(value(from))) from++;
    while (to > from && /^\s*$/.test(value(to - 1))) to--;
    const signed = from < to && MARK.test(value(from)) ? signature(from, to) : null;
    if (signed) out.push(signed);
    i = end;
  }
  return out;
}
