/**
 * The words of a text read in place, a character at a time: no match object per word, and a
 * regular expression asked only past ASCII. A word is a maximal run of letters, or of letters and
 * digits (`digits`), as `/\p{L}+/gu` and `/[\p{L}\p{N}]+/gu` find them.
 */
export function eachWord(text: string, digits: boolean, each: (start: number, end: number) => void): void {
  const pattern = digits ? LETTER_OR_DIGIT : LETTER;
  // The code units of the character at `i` when it belongs to a word (2 past the 16-bit range), else 0.
  const length = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57) ? 1 : 0;
    pattern.lastIndex = i;
    return pattern.test(text) ? pattern.lastIndex - i : 0;
  };
  for (let i = 0; i < text.length; ) {
    let len = length(i);
    if (!len) {
      i++;
      continue;
    }
    const start = i;
    while (len) {
      i += len;
      len = i < text.length ? length(i) : 0;
    }
    each(start, i);
  }
}

const LETTER = /\p{L}/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
