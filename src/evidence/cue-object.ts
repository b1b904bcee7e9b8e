import type { Topic } from "./case-knowledge.js";

/** What a cue is of: the words after it, to the end of their clause, at most a dozen. */
export function objectWords(s: {
  readonly text: string;
  readonly start: number;
  readonly cue: { readonly end: number };
}): string {
  return s.text
    .slice(s.cue.end - s.start)
    .replace(/^[\s,;:–—-]+/, "")
    .split(/[,;:.!?“”"()]|\s[–—-]\s/)[0]!
    .split(/\s+/)
    .slice(0, 12)
    .join(" ");
}

/** The topic whose words come first in `after` (the words after a cue), or null. */
export function objectTopic(after: string, topics: readonly Topic[]): string | null {
  let best: [string, number] | null = null;
  for (const t of topics) {
    const at = after.search(t.pattern);
    if (at >= 0 && (!best || at < best[1])) best = [t.name, at];
  }
  return best?.[0] ?? null;
}

/** The topic named last in `before` (the words before a cue): what a condition ("…, providing …") is put on. */
export function topicBefore(before: string, topics: readonly Topic[]): string | null {
  let best: [string, number] | null = null;
  for (const t of topics) {
    const all = [...before.matchAll(new RegExp(t.pattern.source, `${t.pattern.flags.replace("g", "")}g`))];
    const at = all.at(-1)?.index ?? -1;
    if (at >= 0 && (!best || at > best[1])) best = [t.name, at];
  }
  return best?.[0] ?? null;
}

/** The words of a sentence that name a topic (its pattern's match), to cite the sentence around them. */
export function topicWords(text: string, topic: string, topics: readonly Topic[]): string {
  const re = topics.find((t) => t.name === topic)!.pattern;
  return new RegExp(re.source, re.flags.replace("g", "")).exec(text)?.[0] ?? "";
}
