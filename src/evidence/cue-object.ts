import LANGUAGE from "../../language/draft.json" with { type: "json" };
import type { Topic } from "./case-knowledge.js";
import { toRegExp } from "./written-pattern.js";

/** Red-line words that put a condition on what came before them ("agreed …, providing …"). */
const CONDITION = toRegExp(LANGUAGE.condition.pattern);

/** A cue in its sentence. */
interface Cued {
  readonly text: string;
  readonly start: number;
  readonly cue: { readonly start: number; readonly end: number; readonly text: string };
}

/** A sentence's text cut into clauses at punctuation and spaced dashes. */
const clauses = (text: string) => text.split(/[,;:.!?“”"()]|\s[–—-]\s/);
const words = (x: string) => x.trim().split(/\s+/).slice(0, 12).join(" ");

/**
 * The words after a cue, to the end of their clause (a dozen at most), and what spells them out
 * when it follows ("sweeping concessions, including limits on the army and recognition", "another
 * point — the refusal of membership").
 */
export function objectWords(s: Cued): { head: string; list: string } {
  const after = s.text.slice(s.cue.end - s.start).replace(/^[\s,;:–—-]+/, "");
  // A condition that opens its sentence ("As long as there is a blockade, resistance goes on") is
  // put on the clause after it: that clause's words are what is held.
  const opening = CONDITION.test(s.cue.text) && !/[\p{L}\d]/u.test(s.text.slice(0, s.cue.start - s.start));
  const [first = "", second = ""] = clauses(after).slice(opening ? 1 : 0);
  // A list after "including", or what a dash or colon goes on to say ("another point — the refusal of …").
  const spelled =
    /^\s*(?:including|such as|namely|notably)\b/i.test(second) || /^(?:\s[–—-]\s|:)/.test(after.slice(first.length));
  return { head: words(first), list: spelled ? words(second) : "" };
}

/** Where each topic is first named in `text`, in order (topics not named left out). */
function named(text: string, topics: readonly Topic[]): { name: string; at: number }[] {
  return topics
    .map((t) => ({ name: t.name, at: text.search(t.pattern) }))
    .filter((x) => x.at >= 0)
    .sort((x, y) => x.at - y.at);
}

/**
 * What a refusal or demand is of: the topic its words name first, and every topic of a list that
 * spells them out ("refused to lay down its weapons, saying … a state" refuses the weapons only).
 * Words that name none ("will never happen", "aid will not pass") are about what their clause's
 * subject names, or what "which" stands for ("a Palestinian state, which … will never happen");
 * a condition ("…, providing …") is put on the topic named last before it. Without `around`, only
 * what the words after the cue name.
 */
export function cueObjects(s: Cued, topics: readonly Topic[], around = true): string[] {
  const { head, list } = objectWords(s);
  const first = named(head, topics)[0];
  const all = [...(first ? [first.name] : []), ...named(list, topics).map((x) => x.name)];
  if (all.length || !around) return [...new Set(all)];
  const before = s.text.slice(0, s.cue.start - s.start);
  if (CONDITION.test(s.cue.text)) return topicBefore(before, topics);
  const own = clauses(before).at(-1) ?? "";
  const relative = /^\s*(?:which|that|who)\b/i.test(own) ? (clauses(before).at(-2) ?? "") : own;
  return topicBefore(relative, topics);
}

/** The topic named last in `before` (as a list of one, or none). */
function topicBefore(before: string, topics: readonly Topic[]): string[] {
  let best: { name: string; at: number } | null = null;
  for (const t of topics) {
    const all = [...before.matchAll(new RegExp(t.pattern.source, `${t.pattern.flags.replace("g", "")}g`))];
    const at = all.at(-1)?.index ?? -1;
    if (at >= 0 && (!best || at > best.at)) best = { name: t.name, at };
  }
  return best ? [best.name] : [];
}

/** The words of a sentence that name a topic (its pattern's match), to cite the sentence around them. */
export function topicWords(text: string, topic: string, topics: readonly Topic[]): string {
  const re = topics.find((t) => t.name === topic)!.pattern;
  return new RegExp(re.source, re.flags.replace("g", "")).exec(text)?.[0] ?? "";
}
