/** Quote marks, dashes and whitespace runs that may differ between a citation and its source. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (/\s/.test(c)) {
      if (norm.endsWith(" ")) continue;
      c = " ";
    } else if (/[‘’‚‛′`]/.test(c)) c = "'";
    else if (/[“”„‟″]/.test(c)) c = '"';
    else if (/[‐‑‒–—―]/.test(c)) c = "-";
    norm += c;
    map.push(i);
  }
  map.push(text.length);
  return { norm, map };
}

export type Resolution =
  | { readonly start: number; readonly end: number }
  | { readonly error: "not-found" | "ambiguous"; readonly count: number };

/**
 * Where a W3C TextQuoteSelector lands in a text: exactly one place, or an error. Whitespace, quote
 * marks and dashes may differ; a changed word may not. Prefix and suffix disambiguate.
 */
export function resolveSelector(
  text: string,
  selector: { exact: string; prefix?: string | undefined; suffix?: string | undefined },
): Resolution {
  const { norm, map } = normalise(text);
  const exact = normalise(selector.exact.trim()).norm;
  const prefix = selector.prefix ? normalise(selector.prefix).norm.trimStart() : "";
  const suffix = selector.suffix ? normalise(selector.suffix).norm.trimEnd() : "";
  const hits: number[] = [];
  for (let at = norm.indexOf(exact); at >= 0; at = norm.indexOf(exact, at + 1)) {
    if (prefix && !norm.slice(0, at).trimEnd().endsWith(prefix.trimEnd())) continue;
    if (
      suffix &&
      !norm
        .slice(at + exact.length)
        .trimStart()
        .startsWith(suffix.trimStart())
    )
      continue;
    hits.push(at);
  }
  if (hits.length !== 1) return { error: hits.length ? "ambiguous" : "not-found", count: hits.length };
  const at = hits[0]!;
  return { start: map[at]!, end: map[at + exact.length - 1]! + 1 };
}
