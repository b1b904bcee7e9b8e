import anyAscii from "any-ascii";

/** A file-name stem from a name: transliterated to ASCII ("Россия" → "rossiya"), lower case, dashes. */
export function slug(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * One distinct file name per stem, in order: an empty stem becomes `fallback`, and a stem taken
 * already (names that transliterate alike, a party named like the domain file) gets -2, -3, ….
 */
export function distinctNames(
  stems: readonly string[],
  fallback: string,
  extension: string,
  taken: Iterable<string> = [],
): string[] {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  return stems.map((stem) => {
    const base = stem || fallback;
    let name = `${base}${extension}`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}${extension}`;
    used.add(name.toLowerCase());
    return name;
  });
}
