import LANGUAGE from "../../language/outlets.json" with { type: "json" };
import { escapeRegExp } from "./escape-regexp.js";

/** An outlet that carries someone's words, and whose words they are when the phrase says ("NBC News, officials"). */
export interface Relay {
  readonly outlet: string;
  /** The source the outlet quotes, as the phrase names it; null when the words are the outlet's own report. */
  readonly source: string | null;
}

// Known outlets by name, longest first ("The Wall Street Journal" before "The Times").
const KNOWN = LANGUAGE.outlets
  .map((o) => o.name)
  .sort((a, b) => b.length - a.length)
  .map((name) => [new RegExp(`\\b(?:the\\s+)?${escapeRegExp(name.replace(/^The\s+/, ""))}\\b`, "i"), name] as const);
/** "the Gozitan publication Il-Gazzetta", "the American newspaper The Harbour Post", "the newspaper". */
const PRESS =
  /\b(?:the|a)\s+(?:[A-Z][\w-]*\s+)?(?:newspaper|publication|outlet|agency|news agency|broadcaster|channel|magazine|daily|weekly|website|paper)\b(?:\s+((?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}))?/;

/**
 * The relay a quote's source phrase describes: an outlet named in it (a known outlet, or a
 * newspaper, publication or agency and its name), and after the first comma the source the
 * outlet quotes ("according to NBC News, a number of officials …"). Null when no outlet opens it.
 * `before` gives the text before the phrase, read only for "the newspaper" with no name.
 */
export function relayOf(phrase: string, before: () => string = () => ""): Relay | null {
  const press = PRESS.exec(phrase);
  const known = firstKnown(phrase);
  // The phrase opens with the outlet ("NBC News, officials", "the newspaper"); one named inside
  // it ("Novak, fresh from White House talks") relays nothing.
  const at = press?.index === 0 ? press : known?.m?.index === 0 ? known.m : null;
  if (!at) return null;
  // A known outlet counts where it opens the phrase or names the press word's outlet ("the newspaper The Harbour Post").
  const named = known?.m && known.m.index <= at.index + at[0].length ? known : null;
  // "The newspaper" is the outlet named last before it, when the text names one.
  const outlet = named?.name ?? press?.[1] ?? lastOutlet(before()) ?? press![0].replace(/^a\s+/, "the ");
  const end = Math.max(at.index + at[0].length, named?.m ? named.m.index + named.m[0].length : 0);
  const after = phrase.slice(end);
  // A name that qualifies a common noun is no outlet: "White House talks", "NBC viewers".
  if (/^\s+\p{Ll}/u.test(after)) return null;
  const comma = /^\s*,\s*(.+?)[\s,]*$/.exec(after);
  const source = comma && /[A-Za-z]/.test(comma[1]!) ? comma[1]! : null;
  return { outlet, source };
}

/** Any known outlet: most phrases name none ("he", "officials"), and one search answers for all the patterns. */
const ANY_KNOWN = new RegExp(KNOWN.map(([re]) => `(?:${re.source})`).join("|"), "i");

/** The first known outlet a phrase names, longest name first; each pattern tried only until one matches. */
function firstKnown(phrase: string): { m: RegExpExecArray; name: string } | null {
  if (!ANY_KNOWN.test(phrase)) return null;
  for (const [re, name] of KNOWN) {
    const m = re.exec(phrase);
    if (m) return { m, name };
  }
  return null;
}

/** The outlet a text names last (a known one, or a press word with its name), or null. */
function lastOutlet(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [re, name] of KNOWN) {
    const all = [...text.matchAll(new RegExp(re.source, "gi"))];
    const m = all.at(-1);
    if (m && (!best || m.index > best.at)) best = { at: m.index, name };
  }
  for (const m of text.matchAll(new RegExp(PRESS.source, "g")))
    if (m[1] && (!best || m.index > best.at)) best = { at: m.index, name: m[1] };
  return best?.name ?? null;
}
