import { baseName } from "../model/base-name.js";
import type { CiteSpec } from "../model/schema.js";
import type { Located } from "./span.js";

/** A dozen words of a sentence around `words` (its cue), as a citation: the words a reader checks the statement against. */
export function citeAround(s: Located, words: string): CiteSpec {
  const at = Math.max(0, s.text.toLowerCase().indexOf(words.toLowerCase()));
  const before = s.text.slice(0, at).split(/\s+/).filter(Boolean).slice(-5).join(" ");
  const start = s.start + (before ? s.text.lastIndexOf(before, at) : at);
  const tail = s.text
    .slice(start - s.start)
    .split(/\s+/)
    .slice(0, 12)
    .join(" ");
  return cite({
    ...s,
    start,
    end: start + tail.length,
    text: tail,
    selector: {
      exact: tail,
      prefix: s.selector.prefix + s.text.slice(0, start - s.start),
      suffix: s.text.slice(start - s.start + tail.length) + s.selector.suffix,
    },
  });
}

/** A citation of a located item: its words (a few more around a bare number), at most a dozen, with context to keep them unique. */
export function cite(x: Located): CiteSpec {
  let { exact, prefix, suffix } = x.selector;
  if (exact.trim().split(/\s+/).length < 3) {
    const pre = /(?:\S+\s+){0,3}\S*$/.exec(prefix)![0];
    const suf = /^\S*(?:\s+\S+){0,3}/.exec(suffix)![0];
    exact = pre + exact + suf;
    prefix = prefix.slice(0, prefix.length - pre.length);
    suffix = suffix.slice(suf.length);
  }
  const words = exact.trim().split(/\s+/);
  const short = words.slice(0, 12).join(" ");
  return {
    file: baseName(x.file),
    exact: short,
    prefix: prefix.slice(-24),
    suffix: words.length <= 12 ? suffix.slice(0, 24) : "",
  };
}
