import LANGUAGE from "../../language/actors.json" with { type: "json" };
import { NearestNamed } from "./attribution/nearest-named.js";
import { GOVERNMENTS } from "./countries.js";
import { detached } from "./detached.js";
import { escapeRegExp } from "./escape-regexp.js";
import { nameKey, samePerson, surnameIndex, surnameKey } from "./name-key.js";
import { type Located, locate } from "./span.js";
import type { TextAnalysis, Token } from "./text-analysis.js";
import { timesWritten } from "./times-written.js";
import { toRegExp } from "./written-pattern.js";

export const ACTOR_KINDS = ["person", "organisation", "country", "place"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A kind written in data, checked: language data with a typo fails on load, not silently. */
function actorKind(kind: string | undefined): ActorKind {
  const k = ACTOR_KINDS.find((x) => x === kind);
  if (!k) throw new Error(`language/actors.json: unknown actor kind "${kind}"`);
  return k;
}

export interface ActorMention extends Located {
  /** The canonical name this mention refers to. */
  readonly actor: string;
}

export interface Actor {
  readonly name: string;
  readonly kind: ActorKind;
  /** Roles the texts give ("presidential adviser", "special envoy"). */
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  readonly mentions: readonly ActorMention[];
}

/** Names whose kind and canonical actor any news text shares (countries, capitals, governments' metonyms, organisations). */
// Maps, not objects: a text's word looked up must never find an object's own property ("Constructor").
const KNOWN: ReadonlyMap<string, readonly [ActorKind, string]> = new Map(
  Object.entries(LANGUAGE.known).map(([name, [kind, actor]]) => [name, [actorKind(kind), actor ?? name]]),
);
const ROLE_WORDS =
  "president|prime minister|minister|secretary of state|secretary-general|secretary general|secretary|adviser|advisor|aide|envoy|spokesman|spokeswoman|spokesperson|representative|chancellor|ambassador|leader|commander|negotiator|son-in-law|analyst|official|director|chief|head|senator|general|governor|mayor";
/** Role words as prose or a title writes them, each word capitalised or not ("the prime minister", "Prime Minister"). */
const ROLE_ALT = ROLE_WORDS.split("|")
  .map((phrase) =>
    phrase
      .split(" ")
      .map((w) =>
        w
          .split("-")
          .map((part) => `[${part[0]!.toUpperCase()}${part[0]}]${part.slice(1)}`)
          .join("-"),
      )
      .join(" "),
  )
  .join("|");
/** A role right before a name: up to three capitalised or rank words, the role word, an optional "for/of X". */
const ROLE = new RegExp(
  `((?<![\\w’'-])(?:(?:[A-Z][\\w.’'-]*|special|chief|senior|deputy|former|top|presidential|exiled|foreign|political)[^\\S\\n]+){0,3}(?:${ROLE_ALT})(?:\\s+(?:for|of)\\s+[A-Z][\\w&.-]*(?:\\s+[A-Z&][\\w&.-]*){0,5})?),?\\s+$`,
);
/** A role word anywhere: without one a window holds no ROLE, and the anchored search is skipped. */
const ANY_ROLE = new RegExp(`(?:${ROLE_ALT})`);
/** A heading run into the next paragraph's first word ("… Signal ProgressKremlin aide"): what stands before the seam is no part of a role. */
const GLUED_HEADING = /^.*\p{Ll}{3}(?=\p{Lu}\p{Ll})/u;
const APPOSITION = new RegExp(
  `^,\\s+(?:the|a|an|[A-Z][\\w’']*’s|[A-Z][\\w']*'s|his|her|their)\\s+((?:[\\w’'.-]+\\s+){0,3}(?:${ROLE_ALT}))\\b`,
);
/** Words that qualify a title: the prefixes the language data lists, and demonyms ("Maltese", "Australian"). */
const TITLE_QUALIFIER = `(?:${LANGUAGE.namePrefixes.pattern}|[A-Z][a-z]+(?:an|ese|ish|ch|i))`;
/** Title words before a name, up to the last role word ("Maltese Prime Minister ", "President "), with the prefixes that go with them. */
const TITLE_BEFORE_NAME = new RegExp(
  `^(?:${TITLE_QUALIFIER}\\s+)*(?:[A-Z][\\w.’'-]*\\s+){0,3}?(?:(?:${ROLE_ALT}|${LANGUAGE.namePrefixes.pattern})\\s+)+`,
);
/** A name without the title written before it ("PM Vella" → "Vella", "Gov. Maria Vella" → "Maria Vella"). */
export function withoutTitle(phrase: string): string {
  return phrase.slice(TITLE_BEFORE_NAME.exec(phrase)?.[0].length ?? 0);
}
/** An honorific just before a name ("Mr. ", "Mrs "), with or without its full stop. */
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms)\.?\s+$/;
/** A run that is a title with no name: qualifiers and a role ("Prime Minister", "Maltese Prime Minister"), not "Anthony Head". */
const TITLE_ONLY = new RegExp(`^(?:${TITLE_QUALIFIER}\\s+){0,3}(?:${ROLE_ALT})$`);
/** A title that ends in a role word gives the role ("Maltese Prime Minister"). */
const ENDS_IN_ROLE = new RegExp(`\\b(?:${ROLE_WORDS})$`, "i");
/** A short word inside a name ("da", "von", "Abd"), in any case. */
const PARTICLE = new RegExp(`^(?:${LANGUAGE.nameParticles.pattern})$`, "i");
/** A particle joined to the name part after it ("al-Vella", "el-Borg"). */
const PARTICLE_HYPHEN = new RegExp(`^(?:${LANGUAGE.nameParticles.pattern})-\\p{Lu}[\\p{Ll}'’]+$`, "u");

/** One word of a person's name, in any alphabet's capitals ("António", "Łukasz", "Al-Vella", "al-Vella"; not "Secretary-General"). */
function nameWord(w: string): boolean {
  return (
    /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w) ||
    PARTICLE_HYPHEN.test(w) ||
    // A surname with a capital inside after its prefix: McLaughlin, MacDonald, O’Brien, DeSantis.
    /^(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le)\p{Lu}\p{Ll}+$/u.test(w) ||
    (/^\p{Lu}[\p{Ll}'’.]+-\p{Lu}[\p{Ll}'’.]+$/u.test(w) && !/-(?:General|President|Elect|Chair\w*)$/.test(w))
  );
}

/**
 * Whether two or three words read as a person's full name: each a name word, none a word no name
 * has, neither it nor a word of it a country ("Saudi Arabia", a headline's "Malta Gozo"). Up to
 * two particles may stand between them ("Maria de la Vella").
 */
function personName(words: readonly string[]): boolean {
  const name = words.join(" ");
  const parts = words.filter((w, i) => i === 0 || i === words.length - 1 || !PARTICLE.test(w));
  return (
    parts.length >= 2 &&
    parts.length <= 3 &&
    words.length - parts.length <= 2 &&
    // A middle initial may go without its full stop ("Maria J Vella").
    parts.every((w, i) => (nameWord(w) || (i > 0 && i < parts.length - 1 && /^\p{Lu}$/u.test(w))) && !isCountry(w)) &&
    !NOT_PERSON.test(name) &&
    !isCountry(name)
  );
}

/** Capitalised words that start no person's name. */
const NOT_PERSON = toRegExp(LANGUAGE.notPersonWords.pattern);
/** Whether a capitalised word is one no person's name has (a demonym, a month, an institution's word). */
export const noNameWord = (word: string): boolean => NOT_PERSON.test(word);
const CANONICAL_KIND: ReadonlyMap<string, ActorKind> = new Map(
  Object.entries(LANGUAGE.canonicalKinds).map(([name, kind]) => [name, actorKind(kind)]),
);
const NOT_NAMES = new Set([
  "the",
  "a",
  "an",
  "but",
  "and",
  "this",
  "that",
  "these",
  "those",
  "it",
  "in",
  "on",
  "at",
  "for",
  "with",
  "as",
  "after",
  "before",
  "when",
  "while",
  "he",
  "she",
  "they",
  "we",
  "i",
  "his",
  "her",
  "their",
  "its",
  "our",
  "mr",
  "mrs",
  "ms",
  "dr",
]);

/** An actor as the text is read: its role phrases ("the maltese president") still to be looked for. */
interface Entry {
  name: string;
  kind: ActorKind;
  roles: Set<string>;
  aliases: Set<string>;
  rolePhrases: Set<string>;
  mentions: ActorMention[];
}

/** No case's places (one object, so a text's reading of its runs is kept across calls without any). */
const NO_PLACES: Readonly<Record<string, readonly [ActorKind, string]>> = {};

/**
 * People, organisations, countries and places, with aliases merged: a person's surname alone
 * ("Vella") and their role ("the Maltese president") refer back to the full name; a government's
 * seat ("the White House") stands for its government. Candidates are runs of proper nouns (wink-nlp POS).
 */
export function findActors(
  file: string,
  a: TextAnalysis,
  knownPeople: readonly string[] = [],
  places: Readonly<Record<string, readonly [ActorKind, string]>> = NO_PLACES,
): Actor[] {
  const text = a.text;
  const actors = new Map<string, Entry>();
  // People by initial and surname key: a name's earlier spelling is looked for among those only
  // (a scan of every actor per name made a long list of people quadratic).
  const byInitialSurname = new Map<string, Entry[]>();
  const initialSurname = (name: string) => `${name[0]} ${surnameKey(name)}`;
  const add = (name: string, kind: ActorKind, start: number, end: number, role?: string) => {
    let act = actors.get(name);
    if (!act) {
      act = {
        name,
        kind: CANONICAL_KIND.get(name) ?? kind,
        roles: new Set(),
        aliases: new Set(),
        rolePhrases: new Set(),
        mentions: [],
      };
      actors.set(name, act);
      if (act.kind === "person") {
        const key = initialSurname(name);
        (byInitialSurname.get(key) ?? byInitialSurname.set(key, []).get(key)!).push(act);
      }
    }
    // An alias as the text writes it, on one line ("Maria\nVella" wrapped is "Maria Vella").
    const said = text.slice(start, end).replace(/\s+/g, " ");
    if (said !== name) act.aliases.add(said);
    if (role) {
      act.roles.add(role.replace(/\s+/g, " "));
      act.rolePhrases.add(`the ${role.toLowerCase().replace(/\s+/g, " ")}`);
    }
    act.mentions.push(Object.assign(locate(file, text, start, end), { actor: name }));
  };
  // Surnames of people named in full anywhere in this text or the batch, so "Vella" before "Maria Vella" still resolves.
  // The batch's index (its first name per surname), overlaid by this text's names.
  const batch = surnameIndex(knownPeople);
  const own = new Map<string, string>();
  const surnames = {
    has: (key: string) => own.has(key) || batch.has(key),
    get: (key: string) => own.get(key) ?? batch.get(key)?.[0],
  };
  const { fullNames, runs } = runReadings(a, places);
  // Keyed as transliterations share a name: "Petrovskyy" in one text and "Petrovsky" in another are one person.
  for (const full of fullNames) {
    const last = surnameKey(full);
    if (!surnames.has(last)) own.set(last, full);
  }
  for (const run of runs) {
    const { start, end, second } = run;
    if (second && surnames.has(nameKey(second.word)))
      add(surnames.get(nameKey(second.word))!, "person", second.start, second.start + second.word.length);
    if (run.known) {
      add(run.known[1], run.known[0], start, end);
      continue;
    }
    if (run.name === null) continue;
    const title = run.title;
    let { name, role } = run;
    // A known person's name closing a longer run ("United Nations Jane Doe") is that person; so is
    // a full name the text gives after a word it writes in lower case elsewhere ("Rival Jane Doe").
    const all = name.split(" ");
    const tail = all.slice(-2);
    if (
      (all.length > 3 && personName(tail) && surnames.has(nameKey(tail[1]!))) ||
      (all.length === 3 && fullNames.includes(tail.join(" ")) && timesWritten(text, all[0]!.toLowerCase()) > 0)
    )
      name = tail.join(" ");
    // The title is the role when none is written around it — a lone word ("President") only before a full name.
    if (!role && ENDS_IN_ROLE.test(title.trim()) && (/\s/.test(title.trim()) || name.includes(" ")))
      role = title.trim();
    const nameStart = end - name.length;
    const parts = name.split(" ");
    // Two people's surnames run together in a headline ("Vella Camilleri Talks") are no one.
    const surnamesOnly = parts.every((w) => {
      const full = surnames.get(nameKey(w));
      return full !== undefined && full !== name && full.endsWith(` ${w}`);
    });
    if (personName(parts) && !surnamesOnly && (role || !headlineOnly(text, nameStart, parts))) {
      const surname = parts[parts.length - 1]!;
      const first = parts[0]![0];
      // "Steve Smith" and "Stephen Smith" are one person; so are "Yuri" and "Yury Petrov". (Either
      // shares the initial and the surname's key, so only those are looked at, in the order met.)
      const existing = byInitialSurname
        .get(initialSurname(name))
        ?.find((x) => x.name[0] === first && (x.name.endsWith(` ${surname}`) || samePerson(x.name, name)));
      const known = surnames.get(nameKey(surname));
      const full = existing?.name ?? (known && known[0] === first ? known : name);
      add(full, "person", nameStart, end, role);
    } else if (parts.length === 1 && surnames.has(nameKey(name)))
      add(surnames.get(nameKey(name))!, "person", nameStart, end, role);
    // A surname alone is a person's under a role or an honorific ("Mr. Vella", "Mr Vella").
    else if (
      parts.length === 1 &&
      (role || HONORIFIC_BEFORE.test(text.slice(Math.max(0, nameStart - 5), nameStart))) &&
      !NOT_PERSON.test(name)
    )
      add(name, "person", nameStart, end, role);
  }
  // Role phrases standing for a person met earlier ("the presidential aide", "the Maltese president"):
  // each occurrence is its one holder's. Where several hold it, it is the holder whose name it
  // introduces ("the foreign minister Joe Borg", "the president, Joe Borg,"), else the holder
  // named last before it, else the one named first after it — never every holder's (a list of
  // five hundred ministers does not give each of them every "the minister").
  const holders = new Map<string, Entry[]>();
  for (const act of actors.values())
    if (act.kind === "person")
      for (const phrase of act.rolePhrases) (holders.get(phrase) ?? holders.set(phrase, []).get(phrase)!).push(act);
  // The holders' mentions by name, taken before any role phrase is added to them.
  // (Only where several hold the role: one holder is meant wherever the phrase stands.)
  const named = new Map(
    [...holders]
      .filter(([, people]) => people.length > 1)
      .map(([phrase, people]) => [
        phrase,
        new NearestNamed(people, (p) => p.mentions.map((m) => [m.start, m.end] as const)),
      ]),
  );
  for (const [phrase, people] of holders) {
    const re = new RegExp(`\\b${escapeRegExp(phrase).replace(/ /g, "\\s+")}\\b`, "gi");
    const near = named.get(phrase);
    for (const m of text.matchAll(re)) {
      const [start, end] = [m.index!, m.index! + m[0].length];
      const next = near?.after(end);
      const holder = !near
        ? people[0]
        : next && /^[\s,]*$/.test(text.slice(end, next.start))
          ? next.who
          : (near.before(start) ?? next)?.who;
      if (holder) add(holder.name, "person", start, end);
    }
  }
  return [...actors.values()].map((x) => ({
    name: x.name,
    kind: x.kind === "person" && !x.roles.size && x.mentions.every((m) => placeMention(text, m)) ? "place" : x.kind,
    roles: [...x.roles],
    aliases: [...x.aliases],
    mentions: x.mentions.sort((p, q) => p.start - q.start),
  }));
}

/** The role written just before a name, if any; most windows hold no role word, and the anchored search (slow on every window) is skipped. */
function roleBefore(window: string): string | undefined {
  return ANY_ROLE.test(window) ? ROLE.exec(window)?.[1] : undefined;
}

/** Words before a place's name: "in", "near", "the city of". */
const BEFORE_PLACE =
  /\b(?:in|at|near|outside|inside|into|across|towards?|via|through|(?:city|town|village|port|camp|resort|region|province|district|governorate|capital|suburb|area|crossing) of)\s+$/i;
/** Words after a place's name: "crossing", "border". */
const AFTER_PLACE = /^\s+(?:crossing|border|camp|airport|port|governorate|district|province|region)\b/i;

/**
 * Whether a mention of a name of two words or more is a place's: after "in", "near" or "the city
 * of" (and no possessive after it but a place's part: "in Maria Vella's plan" is a person's), before "crossing" or
 * "border", or before a comma and a country ("Wied Vella, Italy"). A name without a title or role
 * whose every mention is such is a place.
 */
function placeMention(text: string, m: Located): boolean {
  // A surname alone ("in Vella's words", "as Vella put it") is a person's.
  if (!/\s/.test(text.slice(m.start, m.end))) return false;
  const after = text.slice(m.end, m.end + 40);
  if (AFTER_PLACE.test(after)) return true;
  const country = /^,\s+(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)/u.exec(after)?.[1];
  if (country && isCountry(country)) return true;
  if (!BEFORE_PLACE.test(text.slice(Math.max(0, m.start - 40), m.start))) return false;
  // "in Wied Vella's old harbour" is a place's; "in Maria Vella's plan", a person's.
  return !/^['’]s\b/.test(after) || PLACE_OWNED.test(after);
}
/** A place's part after its possessive ("'s so-called Hostages Square", "'s northern suburbs"). */
const PLACE_OWNED =
  /^['’]s\s+(?:[\w-]+\s+){0,2}(?:squares?|streets?|suburbs?|neighbou?rhoods?|districts?|port|harbou?r|beach(?:es)?|airport|outskirts|downtown|centre|center|old city)\b/i;

/**
 * Whether a name stands only in a headline: a line of four or more other capitalised words, with
 * no full stop at its end ("… Talks in December Could Change Everything") or with words the text
 * writes in lower case elsewhere, whose surname the text
 * never writes again. A headline capitalises every word, so two of them read as a name ("Change
 * Everything"); a name with a title or role is taken as one.
 */
function headlineOnly(text: string, at: number, parts: readonly string[]): boolean {
  // A headline is short: its line is looked for within a bounded window, so a run-on paragraph
  // of a megabyte costs no scan of its own per name.
  const back = Math.max(0, at - HEADLINE_CHARS);
  const before = text.slice(back, at).lastIndexOf("\n");
  if (before < 0 && back > 0) return false;
  const from = back + before + 1;
  const after = text.slice(at, from + HEADLINE_CHARS + 1).indexOf("\n");
  if (after < 0 && from + HEADLINE_CHARS < text.length) return false;
  const line = text.slice(from, after < 0 ? text.length : at + after).trim();
  // The line's other words: a name under its title ("Maltese Prime Minister Maria Vella") is a caption, no headline.
  const long = (line.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []).filter((w) => !parts.includes(w));
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (long.length < 4 || capitalised < 0.8 * long.length) return false;
  // A line ending as a sentence does is a headline only if it capitalises words the text writes
  // in lower case elsewhere ("Wealthy Voters Abandon Republican Party for Vella."): a sentence
  // naming four people is all capitals too.
  if (
    /[.!?]["”’)]?$/.test(line) &&
    long.filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && timesWritten(text, w.toLowerCase()) > 0).length < 2
  )
    return false;
  return timesWritten(text, parts[parts.length - 1]!) < 2;
}
const HEADLINE_CHARS = 300;

/** A country's name written as a run of capitalised words ("Saudi Arabia", "New Zealand"): no person. */
function isCountry(name: string): boolean {
  let known = countryNames.get(name);
  if (known === undefined) {
    // Every capitalised word of every text is asked: each answer is kept (a bounded memo).
    if (countryNames.size > 100_000) countryNames.clear();
    countryNames.set(
      detached(name),
      (known = COUNTRY_NAMES.has(name) || GOVERNMENTS.some(([re]) => re.exec(name)?.[0] === name)),
    );
  }
  return known;
}
const countryNames = new Map<string, boolean>();
const COUNTRY_NAMES = new Set(LANGUAGE.countryNames.names);

/**
 * A name cut by a line break: a title and the first one or two words of a name after it ("Prime
 * Minister Jane", "Minister of Fisheries Jane", the title in the run or, when the tagger took it
 * for no proper noun, just before it on the line: "French President Jane Maria"), or a name
 * ending in an initial ("Jane J.") or a particle ("Jane de la").
 */
function cutName(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  if (/\s\p{Lu}\.$/u.test(run) || LAST_PARTICLE.test(run)) return true;
  const title = TITLE_BEFORE_NAME.exec(run)?.[0] ?? "";
  const rest = run.slice(title.length);
  // A title's department and a first name ("Minister of Fisheries Jane").
  if (title && /^(?:of|for)\s/.test(rest)) return true;
  if (rest.split(/\s+/).length > 2) return false;
  return !!title || TITLE_JUST_BEFORE.test(text.slice(text.lastIndexOf("\n", start - 1) + 1, start));
}
/** A name that ends in a lowercase particle goes on after it ("Maria de la\nVella"). */
const LAST_PARTICLE = new RegExp(`\\s(?:${LANGUAGE.nameParticles.pattern})$`);
/** A title word ending the text before a name on its line ("[French President "). */
const TITLE_JUST_BEFORE = new RegExp(`(?:^|[\\s\\[(])(?:${ROLE_ALT}|${LANGUAGE.namePrefixes.pattern})\\s+$`);

/** A lowercase particle inside a name: particles after it, then a capitalised part, after a space or a hyphen ("de la Vella", "al-Vella"). */
function particleBeforeName(tokens: readonly Token[], i: number): boolean {
  if (!/^\p{Ll}/u.test(tokens[i]!.value) || !PARTICLE.test(tokens[i]!.value)) return false;
  let j = i + 1;
  while (j - i <= 2 && tokens[j] && tokens[j]!.start === tokens[j - 1]!.end + 1 && PARTICLE.test(tokens[j]!.value)) j++;
  const end = tokens[j - 1]!.end;
  // A name wrapped after its particle ("de la\nVella").
  if (tokens[j]?.value === "\n" && tokens[j]!.start === end) j++;
  const next = tokens[j];
  if (!next) return false;
  if (next.value === "-" && next.start === end)
    return tokens[j + 1]?.pos === "PROPN" && tokens[j + 1]!.start === next.end;
  return next.pos === "PROPN" && next.start === end + 1 && /^\p{Lu}/u.test(next.value);
}

/** A middle initial without its full stop, which the tagger may read as "a" ("Maria J Vella", "Michael A Vella"). */
function initialInName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    /^\p{Lu}$/u.test(tokens[i]!.value) &&
    next?.pos === "PROPN" &&
    next.start === tokens[i]!.end + 1 &&
    /^\p{Lu}\p{Ll}/u.test(next.value)
  );
}

/** What a run of proper nouns reads as before the batch's people are known: the same in a text's two readings. */
interface RunReading {
  /** Where the words stand, past any leading word that is no name ("The", "Then"). */
  readonly start: number;
  readonly end: number;
  /** A third name run into two before a possessive ("Anna Berg Holm's"), a person's if the people known give its surname. */
  readonly second: { readonly word: string; readonly start: number } | null;
  /** The place, country or body the words name (the case's places first, then any text's). */
  readonly known: readonly [ActorKind, string] | undefined;
  /** The words less a title before them ("President Maria Vella" → "Maria Vella"), or null when no name is left. */
  readonly name: string | null;
  readonly title: string;
  /** The role written around the words, or given with a department ("Minister of Fisheries"). */
  readonly role: string | undefined;
}

/**
 * A text's proper-noun runs as read before the batch's people are known, and the full names of
 * people among them, kept for its second reading (with the batch's people), which starts here.
 */
function runReadings(
  a: TextAnalysis,
  places: Readonly<Record<string, readonly [ActorKind, string]>>,
): { fullNames: readonly string[]; runs: readonly RunReading[] } {
  const kept = readingsOf.get(a);
  if (kept?.places === places) return kept;
  const text = a.text;
  const fullNames: string[] = [];
  for (const run of properRuns(a)) {
    const said = text.slice(run.start, run.end);
    if (TITLE_ONLY.test(said)) continue;
    const words = withoutTitle(said)
      .split(/\s+/)
      .filter((w) => !NOT_NAMES.has(w.toLowerCase()));
    if (personName(words) && (said !== withoutTitle(said) || !headlineOnly(text, run.start, words)))
      fullNames.push(words.join(" "));
  }
  const runs: RunReading[] = [];
  for (const run of properRuns(a)) {
    let { start, end } = run;
    let words = text.slice(start, end).split(/\s+/);
    while (words.length && NOT_NAMES.has(words[0]!.toLowerCase())) {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    if (!words.length) continue;
    // "Anna Berg Holm's closest ally": two names run together before a possessive (not one with a
    // middle initial, "Maria J. Vella's").
    let second: RunReading["second"] = null;
    if (
      words.length === 3 &&
      /^['’]s\b/.test(text.slice(end, end + 2)) &&
      !/^\p{Lu}\.$/u.test(words[1]!) &&
      !PARTICLE.test(words[1]!)
    ) {
      const word = words[2]!;
      end -= word.length + 1;
      words = words.slice(0, 2);
      second = { word, start: end + 1 };
    }
    const reading = (rest: Pick<RunReading, "known" | "name" | "title" | "role">) =>
      runs.push({ start, end, second, ...rest });
    const phrase = words.join(" ");
    if (!phrase) {
      if (second) reading({ known: undefined, name: null, title: "", role: undefined });
      continue;
    }
    const key = phrase.toLowerCase().replace(/^the\s+/, "");
    const known = (Object.hasOwn(places, key) ? places[key] : undefined) ?? KNOWN.get(key);
    if (known) {
      reading({ known, name: null, title: "", role: undefined });
      continue;
    }
    // A role before the name ("presidential adviser John Smith") or in apposition after it ("Maria Vella, the chief negotiator").
    let role =
      roleBefore(text.slice(Math.max(0, start - 80), start)) ?? APPOSITION.exec(text.slice(end, end + 80))?.[1];
    if (role)
      role = role
        .replace(GLUED_HEADING, "")
        .split(/\s+/)
        .filter((w, i, ws) => !(i < ws.length - 1 && NOT_NAMES.has(w.toLowerCase())))
        .join(" ");
    // A run ending in a role word is a title, not a name ("Prime Minister", "UK Prime Minister").
    // Role words capitalised before a name ("President Maria Vella", "Maltese Prime Minister
    // Maria Vella") are not part of it: they give the role when none is written around it.
    const titleOnly = TITLE_ONLY.test(phrase);
    const title = titleOnly ? "" : (TITLE_BEFORE_NAME.exec(phrase)?.[0] ?? "");
    let name: string | null = titleOnly ? null : phrase.slice(title.length) || null;
    // A title with its department ("Minister of Fisheries Maria Vella"): the last two words are the name.
    const department = name && title && /^(?:of|for)\s/.test(name) ? name.split(" ") : [];
    if (department.length >= 4 && personName(department.slice(-2))) {
      role ??= `${title.trim()} ${department.slice(0, -2).join(" ")}`;
      name = department.slice(-2).join(" ");
    }
    if (name !== null || second) reading({ known: undefined, name, title, role });
  }
  const out = { places, fullNames, runs };
  readingsOf.set(a, out);
  return out;
}
const readingsOf = new WeakMap<
  TextAnalysis,
  {
    places: Readonly<Record<string, readonly [ActorKind, string]>>;
    fullNames: readonly string[];
    runs: readonly RunReading[];
  }
>();

/** Maximal runs of proper-noun tokens (with inner dots, "of", particles and initials), e.g. "Steve Smith", "U.S.", "Secretary of State Jane Doe". */
function properRuns(a: TextAnalysis): readonly { readonly start: number; readonly end: number }[] {
  let runs = runsOf.get(a);
  if (!runs) runsOf.set(a, (runs = findProperRuns(a)));
  return runs;
}
// A text's runs are read twice by each of its two readings (without and with the batch's people).
const runsOf = new WeakMap<TextAnalysis, readonly { readonly start: number; readonly end: number }[]>();

function findProperRuns(a: TextAnalysis): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | null = null;
  a.tokens.forEach((t, i) => {
    // A name hard-wrapped over two lines after its title ("Prime Minister Jane\nDoe") is one run; a
    // line break elsewhere (a byline, a list of names) ends it.
    if (cur && /^[^\S\n]*\n[^\S\n]*$/.test(t.value) && cutName(a.text, cur.start, cur.end)) return;
    const proper = t.pos === "PROPN" && /^\p{Lu}/u.test(t.value);
    const glue =
      (cur && t.start === cur.end + 1 && (particleBeforeName(a.tokens, i) || initialInName(a.tokens, i))) ||
      (cur &&
        a.tokens[i + 1]?.pos === "PROPN" &&
        ((t.value === "of" && t.start === cur.end + 1) ||
          // "Al-Vella": a hyphen inside a name joins its parts.
          (t.value === "-" && (t.start === cur.end + 1 || (t.start === cur.end && a.tokens[i + 1]!.start === t.end)))));
    if ((proper || glue) && cur && t.start <= cur.end + 1) cur.end = t.end;
    else if (proper) {
      if (cur) runs.push(cur);
      cur = { start: t.start, end: t.end };
    } else if (cur) {
      runs.push(cur);
      cur = null;
    }
  });
  if (cur) runs.push(cur);
  return runs;
}
