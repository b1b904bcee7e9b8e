import ACTOR_LANGUAGE from "../../../language/actors.json" with { type: "json" };
import { type Actor, noNameWord, withoutTitle } from "../actors.js";
import { COUNTRIES } from "../countries.js";
import { escapeRegExp } from "../escape-regexp.js";
import { lowerBound } from "../lower-bound.js";
import { nameKey, samePerson, surnameIndex, surnameKey } from "../name-key.js";
import { inLexicon, isAdjective, type Token } from "../text-analysis.js";
import { answeredOnce, timesWritten, whereWritten } from "../times-written.js";
import { NearestNamed } from "./nearest-named.js";

/** Who a source phrase stands for, how that was decided, and how sure it is (0–1). */
export interface Resolution {
  /** A canonical actor name, or the phrase itself for an unnamed source ("a campaign official"). */
  readonly speaker: string;
  readonly how: "name" | "organisation" | "role" | "pronoun" | "unnamed";
  readonly confidence: number;
  /** The phrase names no one: a word of a subject the tagger took alone ("Public" of "Public support"). */
  readonly nobody?: true;
}

const PERSONAL = /^(he|she|him|her|his)$/i;
const PLURAL = /^(they|we|them|their|our)$/i;
const RELATIVE = /^(who|which|that|whom)$/i;
/** Nouns for a person known by their tie to another: kin, counsel, a doctor, a boss, a friend. */
const TIES =
  "mother|father|parents?|wife|husband|sons?|daughters?|brothers?|sisters?|siblings?|relatives?|family|friends?|widow|widower|cousins?|uncle|aunt|grand(?:mother|father|sons?|daughters?)|lawyers?|attorneys?|doctors?|physicians?|boss|bosses|neighbou?rs?|colleagues?";
/** A person named by their tie to another ("the mother of …", "a lawyer of …"). */
const RELATION_OF = new RegExp(`(?:^|\\s)(?:${TIES})$`, "i");
const TIE = new RegExp(`^(?:${TIES})$`, "i");
/** Whether a noun names someone by their tie to another: "Vella's doctor" is not Vella. */
export const tiedToAnother = (noun: string): boolean => TIE.test(noun);
/** A body named again by what it is: "the group", "the movement", "the terrorist organization". */
export const BODY_NOUN =
  /^(?:the|this)\s+(?:(?:militant|terrorist|armed|rebel|islamist|extremist|jihadist|paramilitary|separatist)\s+)?(?:group|movement|organi[sz]ation|faction)$/i;
/** A body's own document speaking for it ("its reply expressed …"): the body is the source. */
const ITS_REPLY = /^its\s+(?:reply|response|answer|statement|letter)$/i;
/** A statement no owner is given ("the statement read"): the last one quoted, not long before, issued it. */
const THE_STATEMENT =
  /^(?:the|this|that)\s+(?:official\s+|written\s+)?(?:statement|reply|response|letter|communiqu[ée])$/i;
const OTHER_PRONOUN =
  /^(i|me|my|you|your|it|its|us|one|this|these|those|someone|somebody|everyone|everybody|anyone|anybody|nobody|no one|everything|anything|something|nothing)$/i;

/** Whether each time the text writes a word, the word opens its text, line or sentence, or follows an opening quotation mark or a dash: its capital says nothing of a name. */
export function onlyOpening(text: string, word: string): boolean {
  return answeredOnce(text, `opens ${word}`, () => everyOpening(text, word));
}

function everyOpening(text: string, word: string): boolean {
  // Where a word of letters stands is known from the text's word index; only a digit beside it to rule out.
  const at = /^\p{L}+$/u.test(word)
    ? whereWritten(text, word).filter(
        (i) =>
          !DIGIT_BEFORE.test(text.slice(Math.max(0, i - 2), i)) &&
          !DIGIT_AFTER.test(text.slice(i + word.length, i + word.length + 2)),
      )
    : [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "gu"))].map(
        (m) => m.index!,
      );
  return at.every((i) => OPENS.test(text.slice(Math.max(0, i - 4), i)));
}
const DIGIT_BEFORE = /\p{N}$/u,
  DIGIT_AFTER = /^\p{N}/u;
/** What stands before a word that opens something: nothing, a line break, a sentence's end, an opening quotation mark or bracket, a dash. */
const OPENS = /(?:^|\n|[.!?:;]["”’)]?\s|["“‘(]|[—–]\s?)\s*$/u;

/** Whether a source phrase is a bare pronoun (which names someone only through what it stands for). */
export function isPronoun(phrase: string): boolean {
  const p = phrase.trim();
  return PERSONAL.test(p) || PLURAL.test(p) || RELATIVE.test(p) || OTHER_PRONOUN.test(p);
}
/** Role nouns that name one another's holders in news prose ("the French leader" is its president). */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    leader: ["president", "prime minister", "chancellor", "leader", "head"],
    aide: ["aide", "adviser", "advisor", "assistant"],
    adviser: ["adviser", "advisor", "aide"],
    advisor: ["adviser", "advisor", "aide"],
    envoy: ["envoy", "representative", "negotiator"],
    negotiator: ["negotiator", "envoy"],
    president: ["president"],
    minister: ["minister"],
    spokesman: ["spokesman", "spokesperson", "spokeswoman", "press secretary"],
    spokeswoman: ["spokeswoman", "spokesperson", "spokesman", "press secretary"],
    representative: ["representative", "aide", "adviser", "spokesman", "envoy"],
  }),
);

export interface SpeakerMemory {
  /** The people quoted so far, with where each was last quoted. */
  readonly quoted: { name: string; at: number }[];
  /** The bodies quoted so far by their name ("the Front", "the White House"), with where. */
  readonly bodies: { name: string; at: number }[];
  /** Where the words of the attributions read so far stand: a person named in them is talked about, not talking. */
  readonly said: { from: number; to: number }[];
  /** Every source resolved so far, named or not ("a group of parents"), with where it ends. */
  readonly sources: { speaker: string; at: number }[];
  /**
   * Of `quoted`, those a "he" (keyed "f": no woman) or a "she" (keyed "m") can stand for, in the
   * same order, and how many of `quoted` were sorted so far: each person is sorted once, so a
   * "she" after thousands of men quoted is not compared with each of them again.
   */
  readonly fitting: Map<Gender, { read: number; list: { name: string; at: number }[] }>;
}

/** A text's memory of speakers before any is read. */
export const newSpeakerMemory = (): SpeakerMemory => ({
  quoted: [],
  bodies: [],
  said: [],
  sources: [],
  fitting: new Map(),
});

/**
 * Keeps a resolved source for the ones after it: a person named or given by role for "he"/"she";
 * a body named by its proper name ("Gozo Front said") for "the group" — a country is not one.
 */
export function remember(memory: SpeakerMemory, r: Resolution, at: number): void {
  if (r.nobody) return;
  memory.sources.push({ speaker: r.speaker, at });
  if (r.how === "name" || r.how === "role") memory.quoted.push({ name: r.speaker, at });
  else if (
    (r.how === "organisation" || r.how === "unnamed") &&
    /^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){0,3}$/u.test(r.speaker) &&
    !isPronoun(r.speaker) &&
    !COUNTRIES.some(([pattern]) => pattern.test(r.speaker))
  )
    memory.bodies.push({ name: r.speaker, at });
}

/** What resolving a text's sources needs, prepared once per text. */
export interface SourceContext {
  readonly actors: readonly Actor[];
  readonly people: readonly Actor[];
  /** Surname → the full names that end with it (the text's people and the batch's). */
  readonly bySurname: Pick<ReadonlyMap<string, readonly string[]>, "get">;
  /** Every mention by name (not "the …" role phrases), sorted by start: a phrase finds its names by binary search. */
  readonly named: readonly NamedMention[];
  /** Per person, the ends of their mentions by name, ascending: the last before a point by binary search. */
  readonly endsOf: ReadonlyMap<Actor, readonly number[]>;
  /**
   * The ends of every person's mentions by name, ascending, without those inside another's noun
   * phrase ("Vella's personal Camilleri hotline": a modifier, no one a pronoun can stand for):
   * whoever was named shortly before a point, by binary search and a walk back (two ending at one
   * point are met in the order the people are listed).
   */
  readonly freeMentions: readonly { readonly end: number; readonly actor: Actor }[];
  /** Those holding the role a phrase's words (lower case, without its determiner) name, and those its other words fit too. */
  readonly roleHolders: (words: readonly string[]) => { holders: NearestNamed<Actor>; fitting: NearestNamed<Actor> };
  /** Per person, their mentions by name as [start, end], by end ascending. */
  readonly startsOf: ReadonlyMap<Actor, readonly (readonly [number, number])[]>;
  /** A person's gender where the text gives it (an honorific, a gendered role): "he" is not Mrs. Vella. */
  readonly gender: ReadonlyMap<string, Gender>;
  /** Whether a point of the text stands inside quotation marks (someone's words, not the author's). */
  readonly quoted: (at: number) => boolean;
  /** The first token at or after a point (its word and part of speech), if the text's tokens were given. */
  readonly tokenAfter: (at: number) => Token | undefined;
}

/** The text's quoted stretches, as sorted [start, end) pairs: marks pair within a paragraph, straight ones toggling. */
function quotedRanges(text: string): number[] {
  const out: number[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") open = -1;
    else if (c === "“" || (c === '"' && open < 0)) open = i;
    else if ((c === "”" || c === '"') && open >= 0) out.push(open, i + 1), (open = -1);
  }
  return out;
}

type Gender = "m" | "f";
/** An honorific just before a name, or opening its mention ("Mrs. Vella"). */
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\.?\s*$/;
const HONORIFIC_OPENING = /^(Mr|Mrs|Ms|Miss)\b/;
const SAID_PRONOUN = /^,?\s+(?:said|says|told \w+|added|wrote)\s+(?:that\s+)?(he|she)\b/i;
const FEMININE_ROLE =
  /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|first lady|wife|mother|daughter|sister|queen|actress|widow)\b/i;
const MASCULINE_ROLE = /\b(?:spokesman|chairman|congressman|businessman|councilman|husband|father|son|brother|king)\b/i;

const MASCULINE_NAMES = new Set(ACTOR_LANGUAGE.givenNameGenders.m);
const FEMININE_NAMES = new Set(ACTOR_LANGUAGE.givenNameGenders.f);

/**
 * Each person's gender from the honorifics before their name, the roles the text gives them and
 * the pronoun after "X said" (none where the text disagrees with itself), else from a given name
 * that is one gender's (language/actors.json givenNameGenders).
 */
function gendersOf(people: readonly Actor[], text: string): Map<string, Gender> {
  const out = new Map<string, Gender>();
  for (const p of people) {
    const seen = new Set<Gender>();
    for (const m of p.mentions) {
      const honorific =
        HONORIFIC_BEFORE.exec(text.slice(Math.max(0, m.start - 6), m.start)) ?? HONORIFIC_OPENING.exec(m.text);
      if (honorific) seen.add(honorific[1] === "Mr" ? "m" : "f");
      // "Vella said she …", "Vella told reporters he …"
      const own = SAID_PRONOUN.exec(text.slice(m.end, m.end + 40));
      if (own) seen.add(own[1]!.toLowerCase() === "he" ? "m" : "f");
    }
    for (const r of p.roles) {
      if (FEMININE_ROLE.test(r)) seen.add("f");
      else if (MASCULINE_ROLE.test(r)) seen.add("m");
    }
    // With nothing in the text, a given name that is one gender's: "Donald Vella" is no "she".
    const given = p.name.includes(" ") ? p.name.split(" ")[0]! : "";
    if (!seen.size && MASCULINE_NAMES.has(given)) seen.add("m");
    else if (!seen.size && FEMININE_NAMES.has(given)) seen.add("f");
    if (seen.size === 1) out.set(p.name, [...seen][0]!);
  }
  return out;
}

interface NamedMention {
  readonly start: number;
  readonly end: number;
  readonly actor: Actor;
  /** Actor, then mention, in the order the text's actors list them: ties are decided as a scan in that order would. */
  readonly rank: number;
}

const isRoleAlias = (m: { text: string }) => /^the\s/i.test(m.text);

/** A preposition just before a name: the person is talked of, not talking ("a demand of Obama"). */
const OBJECT_BEFORE =
  /\b(?:of|to|for|with|about|against|at|by|from|than|like|on)\s+(?:(?:the|President|Mr\.|Mrs\.|Ms\.|Sen\.|Gov\.)\s+)?$/;

/** "In X's response, " just before a source "it": the words are X's. */
const IN_ITS_RESPONSE =
  /\bIn\s+(?:the\s+)?(\p{Lu}[^,.;]{0,60}?)[’']s\s+(?:\p{Ll}+\s+){0,2}(?:response|reply|statement|letter|message|answer|note|comments?|remarks?|submission),\s*$/u;

/**
 * A name's possessive and at most two lower-case words, just before what the name owns: a mention
 * ("Vella's personal | Camilleri hotline") or a quotation ("Vella's prior | “…” labels"). The
 * name is the first group.
 */
export const OWNED = /(\p{Lu}[\p{L}-]*)[’']s\s+(?:\p{Ll}+\s+){0,2}$/u;

/** A group and, after a comma, its examples: "some senators, including …", "unions such as …". */
const EXAMPLE_AFTER = /^([^,]*?\S),?\s+(?:including|such as|among them)\s/;

/** What may stand before a name at the head of a source: capitalised title words and "the" ("New Jersey Gov.", "the Rev."). */
const TITLES_ONLY = /^\s*(?:(?:the|\p{Lu}[\p{L}.’'-]*)\s+)*$/u;

/** How far back "the group" looks for the one organisation named before it. */
const BODY_WINDOW = 600;

/** Longer than any name a text gives: a mention overlapping a phrase starts at most this far before it. */
const LONGEST_NAME = 200;

export function sourceContext(
  actors: readonly Actor[],
  knownPeople: readonly string[] = [],
  text = "",
  tokens: readonly Token[] = [],
): SourceContext {
  const people = actors.filter((a) => a.kind === "person");
  // The batch's index, overlaid by this text's people (a surname this text adds to is copied first).
  const batch = surnameIndex(knownPeople);
  const own = new Map<string, string[]>();
  // Keyed as transliterations share a surname; one person ("Petrovskyy", "Petrovsky") is one name, the first known.
  const add = (name: string) => {
    const surname = surnameKey(name);
    const list = own.get(surname) ?? own.set(surname, [...(batch.get(surname) ?? [])]).get(surname)!;
    if (!list.some((n) => n === name || samePerson(n, name))) list.push(name);
  };
  for (const p of people) add(p.name);
  const bySurname = { get: (surname: string) => own.get(surname) ?? batch.get(surname) };
  let rank = 0;
  const named = actors
    .flatMap((actor) =>
      actor.mentions.flatMap((m) => (isRoleAlias(m) ? [] : [{ start: m.start, end: m.end, actor, rank: rank++ }])),
    )
    .sort((a, b) => a.start - b.start || a.rank - b.rank);
  const startsOf = new Map(
    people.map((a) => [
      a,
      a.mentions
        .filter((m) => !isRoleAlias(m))
        .map((m) => [m.start, m.end] as const)
        .sort((x, y) => x[1] - y[1]),
    ]),
  );
  const endsOf = new Map([...startsOf].map(([a, spans]) => [a, spans.map(([, end]) => end)]));
  const freeEndsOf = new Map(
    [...startsOf].map(([a, spans]) => [
      a,
      spans.filter(([from]) => !OWNED.test(text.slice(Math.max(0, from - 40), from))).map(([, end]) => end),
    ]),
  );
  const order = new Map(people.map((a, i) => [a, i]));
  const freeMentions = [...freeEndsOf]
    .flatMap(([actor, ends]) => ends.map((end) => ({ end, actor })))
    .sort((x, y) => x.end - y.end || order.get(y.actor)! - order.get(x.actor)!);
  const mentionsOf = (a: Actor) => startsOf.get(a) ?? [];
  const byRole = new Map<string, { holders: NearestNamed<Actor>; fitting: NearestNamed<Actor> }>();
  const roleHolders = (words: readonly string[]) => {
    const key = words.join(" ");
    let found = byRole.get(key);
    if (!found) {
      const holders = holdersOf(people, words);
      found = {
        holders: new NearestNamed(holders, mentionsOf),
        fitting: new NearestNamed(
          holders.filter((a) => fitsAll(a, words.slice(0, -1))),
          mentionsOf,
        ),
      };
      byRole.set(key, found);
    }
    return found;
  };
  const ranges = quotedRanges(text);
  const quoted = (at: number) => {
    const k = lowerBound(ranges.length / 2, (i) => ranges[2 * i + 1]! <= at);
    return k < ranges.length / 2 && ranges[2 * k]! <= at;
  };
  const tokenAfter = (at: number) => tokens[lowerBound(tokens.length, (i) => tokens[i]!.start < at)];
  return {
    actors,
    people,
    bySurname,
    named,
    endsOf,
    freeMentions,
    roleHolders,
    startsOf,
    gender: gendersOf(people, text),
    quoted,
    tokenAfter,
  };
}

/** The named mentions starting in [from, to), in the actors' order. */
function namedStarting(named: readonly NamedMention[], from: number, to: number): NamedMention[] {
  const lo = lowerBound(named.length, (k) => named[k]!.start < from);
  const out: NamedMention[] = [];
  for (let k = lo; k < named.length && named[k]!.start < to; k++) out.push(named[k]!);
  return out.sort((a, b) => a.rank - b.rank);
}

/** The last closing quotation mark in a source phrase, with the comma and space after it. */
const CLOSING_QUOTE = /,?[”"],?\s+(?!.*[”"])/su;

/**
 * Resolves a source phrase at [start, end) to an actor, through the text's own mentions (a
 * name inside the phrase, its last one being the head: "presidential adviser John Smith" is
 * Smith), a role phrase the text gave someone ("the presidential aide" → the person the text
 * called presidential aide), or for "he"/"she" the person quoted last — sure only when no other
 * person was named in between. An unnamed source ("sources familiar with the talks") is kept
 * as its own words.
 */
export function resolveSource(
  text: string,
  start: number,
  end: number,
  context: SourceContext,
  memory: SpeakerMemory,
): Resolution {
  // "According to new reports, Malta's prime minister has told …": what follows the comma
  // is the clause's subject; what precedes it, the object of "according to".
  // Only the plain case, one comma: "According to NBC News, officials, including X," stays whole for the relay.
  // (The phrase is searched, not the text after it: a text with no comma for pages stays linear.)
  if (/according to\s*$/i.test(text.slice(Math.max(0, start - 16), start))) {
    const parts = text.slice(start, end).replace(/,\s*$/, "").split(",");
    if (parts.length === 2) return resolveSource(text, start + parts[0]!.length + 1, end, context, memory);
  }
  // "… on “The Vella Morning Show,” the former minister said": the phrase starts after a quotation
  // it runs over; a name in the quoted title is not the speaker.
  const closed = CLOSING_QUOTE.exec(text.slice(start, end));
  if (closed && /\p{L}/u.test(text.slice(start + closed.index + closed[0].length, end)))
    return resolveSource(text, start + closed.index + closed[0].length, end, context, memory);
  const phrase = text.slice(start, end).trim();
  // The phrase's core is what stands before a modifier ("an unnamed source [from a NATO country]",
  // "two senior advisers [to President X]"): a name in the modifier is not the speaker.
  const modifier = /\s(?:of|from|at|in|with|for|to|close to|familiar with)\s/i.exec(phrase);
  const coreEnd = modifier ? start + text.slice(start, end).indexOf(modifier[0]) : end;
  const core = text.slice(start, coreEnd).trim();
  // Two people or parties joined ("Vella and Camilleri aimed to …", "Malta and Italy failed to
  // reach …") speak together: neither alone.
  const joined = new Set(
    namedStarting(context.named, start, coreEnd)
      .filter((m) => m.actor.kind !== "place")
      .map((m) => m.actor),
  );
  if (joined.size >= 2 && /\s(?:and|&)\s/.test(core))
    return { speaker: phrase.replace(/[\s,]+$/, ""), how: "unnamed", confidence: 0.9 };
  // "some senators, including Senator Vella," or "unions such as …": the group speaks, not the one
  // named as its example — when the group itself is named by no one.
  const example = EXAMPLE_AFTER.exec(text.slice(start, end));
  if (
    example &&
    !namedStarting(context.named, start - LONGEST_NAME, start + example[1]!.length).some((m) => m.end > start)
  )
    return { speaker: example[1]!.trim(), how: "unnamed", confidence: 0.8 };
  // "Flynn, a top Vella surrogate," or "President Vella, dedicating the National Museum …": a person
  // named first, up to the phrase's first comma, is its head; what follows the comma is an
  // apposition, and a name inside it is not the speaker. (Only titles may precede the name: in
  // "In a call with Vella, Camilleri" the name before the comma is no head.)
  const comma = text.indexOf(",", start);
  if (comma > start && comma < coreEnd) {
    const first = namedStarting(context.named, start - LONGEST_NAME, comma).find(
      (m) =>
        m.actor.kind === "person" &&
        m.end > start &&
        !text.slice(m.end, comma).trim() &&
        TITLES_ONLY.test(text.slice(start, Math.max(start, m.start))),
    );
    if (first) return { speaker: first.actor.name, how: "name", confidence: 0.97 };
  }
  let head: { actor: Actor; end: number } | null = null;
  for (const { actor, end: mEnd } of namedStarting(context.named, start - LONGEST_NAME, coreEnd))
    if (mEnd > start && (!head || mEnd > head.end || (mEnd === head.end && actor.kind === "person")))
      head = { actor, end: mEnd };
  if (head && head.actor.kind === "person") return { speaker: head.actor.name, how: "name", confidence: 0.97 };
  // A name closing the whole phrase is its head, whatever precedes ("Secretary of State Jane Doe").
  const phraseEnd = start + text.slice(start, end).trimEnd().length;
  // Not past a modifier of a common noun, though: "advisers to President Jane Doe" are not Doe,
  // while "Ambassador to the United Nations Jane Doe" is (a title, capitalised). After "of", only
  // a kin or counsel noun: "the mother of hostage Jane Doe" is not Doe, "the president of Malta
  // Jane Doe" is.
  const commonBeforeModifier =
    modifier !== null &&
    (/^\s*of\s*$/i.test(modifier[0]) ? RELATION_OF.test(core) : /(?:^|\s)\p{Ll}[\p{L}'’-]*$/u.test(core));
  const closing = commonBeforeModifier
    ? undefined
    : namedStarting(context.named, start, end).find((m) => m.actor.kind === "person" && m.end >= phraseEnd);
  if (closing) return { speaker: closing.actor.name, how: "name", confidence: 0.97 };
  // An organisation speaks when it is the whole core ("the White House", "The New York Post"), not
  // when it only qualifies a person ("the White House representative" is a person).
  const coreTrimmedEnd = start + text.slice(start, coreEnd).trimEnd().length;
  if (head && head.end >= coreTrimmedEnd) return { speaker: head.actor.name, how: "organisation", confidence: 0.93 };

  // A known person's surname in the core, where no mention was found ("Fund CEO John Smith").
  // A surname in capitals, as transcripts write a speaker ("PETROV:"), is looked up as a name.
  const asName = (w: string) => (/^\p{Lu}{2,}$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w);
  const bySurname = [...new Set(core.split(/[\s’'.,]+/))].flatMap(
    (w) => context.bySurname.get(nameKey(asName(w))) ?? [],
  );
  if (bySurname.length === 1) return { speaker: bySurname[0]!, how: "name", confidence: 0.9 };
  // A bare capitalised name the text does not otherwise know ("Vella greenlit …, vowing", "PM
  // Vella invoked …"): a person by surname — unless the text also writes it in lower case, a
  // common noun opening a sentence ("Delegates questioned …").
  const bare = withoutTitle(core);
  if (
    /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(bare) &&
    !/^(The|A|An|He|She|They|It|We|This|That|Sources?|Officials?)$/.test(bare) &&
    timesWritten(text, bare.toLowerCase()) === 0
  ) {
    // Nor is a word no name has ("British", "September"), nor an adjective the text capitalises
    // only where a sentence or line opens, nor a label before a colon: the tagger took the first
    // word of a subject or a heading by itself ("Public [support] wanes", "Crucial [issues]",
    // "Correction:"), which names no one. An English word that opens a phrase with a modifier heads
    // a noun phrase ("Member of House panel", "Video of the incident"), and a plural is a group:
    // unnamed sources, as below.
    const lower = bare.toLowerCase();
    const next = context.tokenAfter(start + text.slice(start, end).indexOf(bare) + bare.length);
    const fragment =
      noNameWord(bare) ||
      (onlyOpening(text, bare) &&
        (isAdjective(lower) || (inLexicon(lower) && (phrase !== core || next?.value === ":"))));
    if (!fragment) return { speaker: bare, how: "name", confidence: 0.85 };
    if (phrase === bare && !bare.endsWith("s"))
      return { speaker: phrase, how: "unnamed", confidence: 0.2, nobody: true };
  }
  if (PERSONAL.test(phrase)) {
    // "he" stands for no one the text calls Mrs. or a spokeswoman, "she" for no Mr.
    const other: Gender = /^(he|him|his)$/i.test(phrase) ? "f" : "m";
    const fits = (name: string) => context.gender.get(name) !== other;
    const fitting = memory.fitting.get(other) ?? memory.fitting.set(other, { read: 0, list: [] }).get(other)!;
    for (; fitting.read < memory.quoted.length; fitting.read++)
      if (fits(memory.quoted[fitting.read]!.name)) fitting.list.push(memory.quoted[fitting.read]!);
    const last = fitting.list.findLast((q) => q.at < start);
    // The people named (not inside another's noun phrase) in the 1,500 characters before, each at
    // their last mention, the latest first.
    const named: { name: string; actor: Actor; at: number }[] = [];
    const seen = new Set<Actor>();
    const { freeMentions } = context;
    for (let k = lowerBound(freeMentions.length, (i) => freeMentions[i]!.end <= start) - 1; k >= 0; k--) {
      const { end: at, actor } = freeMentions[k]!;
      if (start - at >= 1500) break;
      if (seen.has(actor)) continue;
      seen.add(actor);
      if (fits(actor.name)) named.push({ name: actor.name, actor, at });
    }
    if (last && start - last.at < 1500) {
      // Another person named after the last quote makes "he" ambiguous: the person named most
      // recently becomes the candidate, and the answer stays unsure. A person named only inside
      // quoted words is talked about, not talking: no rival. One named only inside the reported
      // words of an attribution since, after a preposition or as an owner ("a demand of X", "X's
      // threats") seldom is either: the last speaker stays the candidate, still unsure (read on
      // PolNeAR dev: after a preposition or owner right for 24 of 29; inside reported words, where
      // that speaker was sure, right for about 58 of 68 — too few to be sure).
      const inSaid = (from: number, end: number) =>
        memory.said.some((w) => w.to > last.at && w.from <= from && end <= w.to && !(w.from <= start && start < w.to));
      const rivals = named
        .filter((x) => x.name !== last.name && x.at > last.at)
        .map((x) => ({
          name: x.name,
          mentions: (context.startsOf.get(x.actor) ?? []).filter(
            ([, end]) => end > last.at && end <= start && !context.quoted(end - 1),
          ),
        }))
        .filter((x) => x.mentions.length);
      const subject = rivals.find((x) =>
        x.mentions.some(
          ([from, end]) =>
            !inSaid(from, end) &&
            !OBJECT_BEFORE.test(text.slice(Math.max(0, from - 12), from)) &&
            !/^[’']s\b/.test(text.slice(end, end + 3)),
        ),
      );
      if (subject) return { speaker: subject.name, how: "pronoun", confidence: 0.45 };
      return { speaker: last.name, how: "pronoun", confidence: rivals.length ? 0.7 : 0.86 };
    }
    if (named.length)
      return {
        speaker: named[0]!.name,
        how: "pronoun",
        confidence: named.length === 1 || named.every((x) => x.name === named[0]!.name) ? 0.8 : 0.45,
      };
    return { speaker: phrase, how: "unnamed", confidence: 0.2 };
  }
  if (PLURAL.test(phrase)) return { speaker: phrase, how: "unnamed", confidence: 0.3 };
  if (THE_STATEMENT.test(phrase)) {
    const body = memory.bodies.findLast((b) => b.at < start);
    const person = memory.quoted.findLast((q) => q.at < start);
    const last = !person || (body && body.at > person.at) ? body : person;
    // Not when another source spoke since ("a group of parents said …"); "it added" most often
    // continues the same one.
    if (
      last &&
      start - last.at < 1500 &&
      !memory.sources.some((s) => s.at > last.at && s.at < start && s.speaker !== last.name && !isPronoun(s.speaker))
    )
      return { speaker: last.name, how: last === body ? "organisation" : "pronoun", confidence: 0.75 };
  }
  // "the group", "the movement", "its reply": the body quoted last, not long before.
  if (BODY_NOUN.test(phrase) || ITS_REPLY.test(phrase)) {
    const body = memory.bodies.findLast((b) => b.at < start);
    if (body && start - body.at < 1500) return { speaker: body.name, how: "organisation", confidence: 0.75 };
    // None quoted yet: the one organisation the text names just before, when it names no other there.
    const named = namedStarting(context.named, start - BODY_WINDOW, start).filter(
      (m) => m.end <= start && m.actor.kind === "organisation",
    );
    if (named.length && named.every((m) => m.actor === named[0]!.actor))
      return { speaker: named[0]!.actor.name, how: "organisation", confidence: 0.7 };
  }
  // "…, who said" or "… — who's called": the relative pronoun stands for the name just before it.
  if (RELATIVE.test(phrase)) {
    const antecedent = namedStarting(context.named, start - LONGEST_NAME, start)
      .filter((m) => m.end <= start && /^(?:[\s,]|—|–|--)*$/.test(text.slice(m.end, start)))
      .sort((x, y) => y.end - x.end)[0];
    if (antecedent)
      return {
        speaker: antecedent.actor.name,
        how: antecedent.actor.kind === "person" ? "name" : "organisation",
        confidence: 0.9,
      };
    return { speaker: phrase, how: "unnamed", confidence: 0.3 };
  }
  // "In the ministry's response, it indicated …": "it" is whoever the response is of, resolved as a source.
  if (/^it$/i.test(phrase)) {
    const lead = text.slice(Math.max(0, start - 120), start);
    const frame = IN_ITS_RESPONSE.exec(lead);
    if (frame) {
      const from = start - lead.length + frame.index + frame[0].indexOf(frame[1]!);
      const owner = resolveSource(text, from, from + frame[1]!.length, context, memory);
      if (owner.how !== "unnamed") return owner;
    }
  }
  // "I", "you", "it": whoever they stand for is not in the phrase.
  if (OTHER_PRONOUN.test(phrase)) return { speaker: phrase, how: "unnamed", confidence: 0.2 };

  // A role phrase: the person the text gave that role, nearest before.
  if (/^(the|his|her|their)\b/i.test(core)) {
    const words = core
      .toLowerCase()
      .replace(/^(the|a|an|his|her|their)\s+/, "")
      .split(/\s+/);
    // Other words of the phrase must fit the role too ("the Élysée aide" is not the White House aide).
    const { holders, fitting } = context.roleHolders(words);
    const last = fitting.before(start) ?? holders.before(start);
    if (last) {
      // Several hold the role: the one named in this paragraph, when no other is, is meant.
      const paragraphStart = text.lastIndexOf("\n", start) + 1;
      const sure = last.otherEnd < 0 || (last.end >= paragraphStart && last.otherEnd < paragraphStart);
      return { speaker: last.who.name, how: "role", confidence: sure ? 0.95 : 0.55 };
    }
  }
  // A heading run into its paragraph ("Opinion Shifts Toward CompromisePolls reflect hardening
  // realism: a December survey"): the source is what follows the heading's colon.
  return { speaker: phrase.replace(/^.*:\s+(?=\S)/, ""), how: "unnamed", confidence: 0.9 };
}

/** Words a role phrase may carry that no role need spell out ("the senior aide", "the US envoy"). */
const ANY_ROLE_WORD = new Set([
  "russian",
  "ukrainian",
  "american",
  "us",
  "u.s.",
  "presidential",
  "former",
  "top",
  "senior",
  "chief",
]);

/** Whether a person's roles carry each of a phrase's other words. */
const fitsAll = (a: Actor, words: readonly string[]) =>
  words.every((w) => a.roles.some((r) => r.toLowerCase().includes(w)) || ANY_ROLE_WORD.has(w));

/**
 * The people holding the role a phrase names by its last word, or a synonym of it; "the former
 * official" is no one the text gives the role without "former".
 */
function holdersOf(people: readonly Actor[], words: readonly string[]): Actor[] {
  const noun = words.at(-1) ?? "";
  const nouns = SYNONYMS.get(noun) ?? [noun];
  const former = words.includes("former");
  return people.filter((a) =>
    a.roles.some((r) => nouns.some((n) => r.toLowerCase().includes(n)) && (!former || /\bformer\b/i.test(r))),
  );
}
