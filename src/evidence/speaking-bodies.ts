import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { escapeRegExp } from "./escape-regexp.js";
import type { EvidenceJson } from "./evidence-json.js";
import { likelySpeaker } from "./likely-speaker.js";
import { inQuotationMarks } from "./quotes.js";
import { toRegExp } from "./written-pattern.js";

/** Words a sentence may open with that name no body: pronouns, determiners and reporting nouns. */
const NOT_A_BODY = toRegExp(LANGUAGE.notABody.pattern);

/**
 * Bodies that speak in the texts — a movement, an authority, a group: a name every word of which
 * is capitalised, heard in two quotes or more, written capitalised in the middle of a sentence
 * somewhere (so no sentence-opening common noun), and neither a person, a place nor an outlet
 * the texts come from, nor words `observer` matches (a commentator's).
 */
export function speakingBodies(
  evidence: EvidenceJson,
  documents: readonly { file: string; text: string }[],
  observer: RegExp,
): Set<string> {
  const heard = new Map<string, number>();
  for (const q of evidence.quotes) {
    const who = likelySpeaker(q);
    if (who && inQuotationMarks(q)) heard.set(who, (heard.get(who) ?? 0) + 1);
  }
  const known = new Map(evidence.actors.map((a) => [a.name, a.kind]));
  const outlets = new Set(evidence.documents.map((d) => d.outlet).filter(Boolean));
  const out = new Set<string>();
  for (const [who, n] of heard) {
    if (n < 2 || !/^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}$/.test(who) || NOT_A_BODY.test(who) || observer.test(who))
      continue;
    const kind = known.get(who);
    if (kind === "person" || kind === "place" || outlets.has(who)) continue;
    const inside = new RegExp(`[a-z,;:] ${escapeRegExp(who)}\\b`);
    if (documents.some((d) => inside.test(d.text))) out.add(who);
  }
  return out;
}

/** The body words name ("the Front said", "the Front's leadership"), or null. */
export function bodyIn(words: string, bodies: ReadonlySet<string>): string | null {
  for (const b of bodies) if (new RegExp(`\\b${escapeRegExp(b)}\\b`).test(words)) return b;
  return null;
}
