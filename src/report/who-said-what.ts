import type { CorpusEvidence } from "../contract/evidence.js";
import { likelySpeaker } from "../evidence/likely-speaker.js";
import { descriptionSurnames } from "../model/description-surnames.js";
import type { PartySpec } from "../model/schema.js";

type Quote = CorpusEvidence["quotes"][number];

/** One speaker's words: the confident attributions first, then the likeliest speaker's, unconfirmed. */
export interface SpeakerWords {
  readonly who: string;
  /** The scenario's party the speaker is or speaks for (named in its description, or placed with it by their role), else null. */
  readonly party: string | null;
  readonly confirmed: readonly Quote[];
  readonly unconfirmed: readonly Quote[];
}

/**
 * Who said what, for a reader: per speaker, what the texts give as their words — quoted,
 * partly quoted or reported; a paraphrase is the author's account and is left out. A quote whose
 * speaker the model is not confident of goes to its likeliest speaker as unconfirmed (confidence
 * ≥ 0.5), so a principal the model rarely stands by is still heard, and marked so. The people
 * of the scenario's principals (named in a party's description, or placed with it by their role)
 * come first, in the scenario's order, then everyone else by how much they said.
 */
export function whoSaidWhat(
  evidence: Pick<CorpusEvidence, "quotes"> & Partial<Pick<CorpusEvidence, "actors">>,
  spec?: { readonly parties: readonly PartySpec[] },
): SpeakerWords[] {
  // A partial quote inside reported speech is shown with it; one alone in a paraphrase stands alone.
  const reported = new Set(evidence.quotes.filter((q) => q.kind === "reported").map((q) => `${q.file}:${q.start}`));
  const by = new Map<string, { confirmed: Quote[]; unconfirmed: Quote[]; seen: Set<string> }>();
  for (const q of [...evidence.quotes].sort((x, y) => Number(!x.speaker) - Number(!y.speaker))) {
    if (q.kind === "paraphrase" || (q.within && reported.has(`${q.file}:${q.within.start}`))) continue;
    const who = likelySpeaker(q);
    if (!who) continue;
    const entry = by.get(who) ?? by.set(who, { confirmed: [], unconfirmed: [], seen: new Set() }).get(who)!;
    // The same words in two sources (a repost, a wire copy) are listed once.
    if (entry.seen.has(q.text)) continue;
    entry.seen.add(q.text);
    (q.speaker ? entry.confirmed : entry.unconfirmed).push(q);
  }
  const parties = (spec?.parties ?? []).map((p, order) => ({
    name: p.name,
    order: p.role === "principal" ? order : order + 1000,
    people: descriptionSurnames(p.description),
  }));
  // A speaker's party: the party itself, one whose description names them, else the one their role places them with.
  const affiliation = new Map((evidence.actors ?? []).map((a) => [a.name, a.affiliation ?? null]));
  const partyOf = (who: string) =>
    parties.find((p) => p.name === who || p.people.includes(who.split(/\s+/).at(-1) ?? "")) ??
    parties.find((p) => p.name === affiliation.get(who)) ??
    null;
  return [...by]
    .map(([who, q]) => ({ who, q, party: partyOf(who) }))
    .map(({ who, q, party }) => ({
      who,
      party: party?.name ?? null,
      rank: party?.order ?? Infinity,
      confirmed: q.confirmed,
      unconfirmed: [...q.unconfirmed].sort((x, y) => y.confidence - x.confidence),
    }))
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        y.confirmed.length - x.confirmed.length ||
        y.unconfirmed.length - x.unconfirmed.length ||
        x.who.localeCompare(y.who),
    )
    .map(({ rank: _, ...rest }) => rest);
}
