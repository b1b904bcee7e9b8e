/** Writing systems Parley may meet in coverage; its language data (cues, names, topics) is English. */
const SCRIPTS = ["Latin", "Cyrillic", "Han", "Arabic", "Hebrew", "Greek", "Devanagari", "Hangul", "Thai"] as const;
const PATTERNS = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, "gu")] as const);

/** The script most of a text's letters are written in ("Latin" for English), or null for a text without letters. */
export function dominantScript(text: string): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [script, pattern] of PATTERNS) {
    const n = text.match(pattern)?.length ?? 0;
    if (n > most) [best, most] = [script, n];
  }
  return best;
}
