/**
 * How many pieces `text.split(/\s+/)` gives (its words, with an empty piece for a space at either
 * end), counted without making them: a text's length in words is asked of whole articles.
 */
export function wordCount(text: string): number {
  let n = 1;
  for (let i = 0, inSpace = false; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** What `\s` matches: ASCII spaces and line breaks, and Unicode's spaces and line separators. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
