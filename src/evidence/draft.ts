import LANGUAGE from "../../language/draft.json" with { type: "json" };
import { baseName } from "../model/base-name.js";
import type { CiteSpec, ScenarioInput } from "../model/schema.js";
import { type CaseKnowledge, NO_CASE, type Topic } from "./case-knowledge.js";
import { COUNTRIES } from "./countries.js";
import { cueObjects, objectWords, topicWords } from "./cue-object.js";
import { cite, citeAround } from "./draft-citation.js";
import { sure } from "./draft-confidence.js";
import { disputesOf } from "./draft-disputes.js";
import { draftProposals } from "./draft-proposals.js";
import { escapeRegExp } from "./escape-regexp.js";
import type { EvidenceJson } from "./evidence-json.js";
import { type IssueClause, learnedTopics, MOST_TOPICS } from "./learned-topics.js";
import { likelySpeaker } from "./likely-speaker.js";
import { lowerBound } from "./lower-bound.js";
import { inQuotationMarks } from "./quotes.js";
import { redLineClauses } from "./red-line-clauses.js";
import { roleAntecedent } from "./role-antecedent.js";
import { type Located, locate } from "./span.js";
import { bodyIn, speakingBodies } from "./speaking-bodies.js";
import { toRegExp } from "./written-pattern.js";

/** Roles of people who comment on a negotiation without taking part: they are sources, not parties. */
const OBSERVER = toRegExp(LANGUAGE.observer.pattern);

/** Words that make a refusal or demand a red line: outright refusals and standing demands. */
const RED_LINE = toRegExp(LANGUAGE.redLine.pattern);
/** Which of those words refuse (the rest demand). */
const REFUSAL = toRegExp(LANGUAGE.refusal.pattern);

/** Whom a sentence reports: the subject of its "said", or the source after "according to". */
const REPORTING = toRegExp(LANGUAGE.reporting.pattern);

/** A source scored below this is weak: what it words as a red line is drafted as a stance. */
const WEAK_SOURCE = 0.4;

/** A quote's likely speaker (below the confidence the evidence names speakers at) whose party's red line it may state. */
const QUOTED_SPEAKER = 0.3;

/** Without a case's own topics: what negotiations commonly negotiate. */
const TOPICS: readonly Topic[] = LANGUAGE.topics.list.map((t) => ({ name: t.name, pattern: toRegExp(t.pattern) }));

/** Words that name a sentence's countries mediators or guarantors. */
const MEDIATION = toRegExp(LANGUAGE.mediation.pattern);

/** What a plan or party is said to put on the table, and sentences about what is still contested. */
const TERM_CUE = toRegExp(LANGUAGE.termCue.pattern);
const CONTENTION = toRegExp(LANGUAGE.contention.pattern);

/** A demand cue that obliges its subject ("must", "has to"): the subject is demanded of. */
const OBLIGATION = toRegExp(LANGUAGE.obligation.pattern);

/** Whether the words at a cue make it a red line: an outright refusal or a standing demand just before or at it. */
function redLineWords(sentence: string, cue: string): boolean {
  const at = sentence.indexOf(cue);
  return RED_LINE.test(sentence.slice(Math.max(0, at - 16), at + cue.length));
}

/** What a party does to a term it negotiates (PLOVER kinds); consulting and the rest negotiate nothing. */
const NEGOTIATING: readonly string[] = ["DEMAND", "REJECT", "AGREE", "CONCEDE", "THREATEN"];

/** A sentence read as a refusal or demand at `cue` that no statement cue read as one: a statement with no doer of its own. */
function asStatement(sentence: Located, kind: "REJECT" | "DEMAND", cue: Located): EvidenceJson["statements"][number] {
  return Object.assign({}, sentence, { kind, cue, source: null, target: null });
}

/** A statement of the corpus with the parties doing it and done to, and the topics it is about. */
interface Statement {
  readonly sentence: Located;
  readonly kind: EvidenceJson["statements"][number]["kind"];
  readonly cue: string;
  readonly party: string | null;
  readonly target: string | null;
  readonly topics: string[];
  /** What a refusal or demand is of (`cueObjects`): only these topics are its red lines. */
  readonly objects: readonly string[];
}

/**
 * A scenario skeleton from the evidence alone, for an analyst to edit. Every statement the
 * evidence holds (what a sentence does — demand, reject, agree, concede, threaten, consult — with
 * its source and target actors) is placed with the parties; issues are the topics parties
 * demand, refuse, accept or concede (not facts the sources report), red lines the refusals and
 * demands worded as non-negotiable, stances the rest; parties are the actors who do these things
 * and the people who speak for them (placed by their roles — an analyst at a think tank is
 * nobody's party); proposals the plans, frameworks and documents the texts name with their
 * points. Every item is cited; preferences are placeholders (equal ranges, flat values),
 * reported as assumptions until someone cites them.
 */
export interface DraftOptions {
  /**
   * A party's stance on an issue is the one it stated last (by its text's published date), the
   * strongest of those stated that day: a later, softer word replaces an earlier red line. Without
   * it, the strongest ever stated holds (a batch read at once, where a background sentence
   * repeating an old position is no news).
   */
  readonly latestStance?: boolean;
}

export function draftScenario(
  evidence: EvidenceJson,
  documents: readonly { file: string; text: string }[],
  name = "Draft from the evidence",
  knowledge: CaseKnowledge = NO_CASE,
  options: DraftOptions = {},
): ScenarioInput {
  const allegiances = knowledge.allegiances.length ? knowledge.allegiances : COUNTRIES;
  const topics = knowledge.topics.length ? knowledge.topics : TOPICS;
  // Asked of the same words again and again (a speaker per statement): each answer is kept.
  const allegianceOfWords = new Map<string, string | null>();
  const allegianceOf = (...words: string[]) => {
    const joined = words.join(" ");
    let party = allegianceOfWords.get(joined);
    if (party === undefined)
      allegianceOfWords.set(joined, (party = allegiances.find(([re]) => re.test(joined))?.[1] ?? null));
    return party;
  };
  // Bodies that speak for themselves (a movement, an authority, a group): read from the texts, not a list.
  const bodies = speakingBodies(evidence, documents, OBSERVER);
  const texts = new Map(documents.map((d) => [d.file, d.text]));
  // Whether any text writes a word in lower case, looked for once per word (not per person asking).
  const lowerWritten = new Map<string, boolean>();
  const writtenLower = (lower: string) => {
    let found = lowerWritten.get(lower);
    if (found === undefined) {
      const re = new RegExp(`(?<![\\w@#/.-])${escapeRegExp(lower)}(?![\\w-])`);
      lowerWritten.set(lower, (found = documents.some((d) => re.test(d.text))));
    }
    return found;
  };
  /** The party the words right before a person's name say most often ("Ruritanian Prime Minister", "Ruritania's prime minister"). */
  const titled = (actor: EvidenceJson["actors"][number]): string | null => {
    // A "person" whose words the texts also write in lower case ("a firm stance") is a headline's words, not a name.
    const common = actor.name.split(" ").some((w) => w.toLowerCase() !== w && writtenLower(w.toLowerCase()));
    if (common) return null;
    const votes = new Map<string, number>();
    for (const m of actor.mentions) {
      const before = (texts.get(m.file) ?? "").slice(Math.max(0, m.start - 48), m.start);
      const title = before
        .split(/[.!?;:\n“”"()]/)
        .at(-1)!
        .split(/\s+/)
        .slice(-5)
        .join(" ");
      const p = title.trim() ? allegianceOf(title) : null;
      if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
    }
    return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  // Without a case's allegiances, a person named as a statement's doer ("Novak opposed …")
  // speaks for the party their titles in the texts give.
  const people = knowledge.allegiances.length ? [] : evidence.actors.filter((a) => a.kind === "person");
  // Each person's name and surname as patterns, made once (not per statement asking).
  const patterns = people.map((a) =>
    [a.name, a.name.split(" ").at(-1)!].map((n) => new RegExp(`\\b${escapeRegExp(n)}\\b`)),
  );
  const personIn = (words: string) => people.find((_, i) => patterns[i]!.some((re) => re.test(words)));
  /**
   * A person's party: a country their name or roles name, a body their role is of ("a Front
   * official"), else their titles; worked out once per person, however many statements ask.
   */
  const placedBy = new Map<string, string | null>();
  const roleParty = (actor: EvidenceJson["actors"][number]): string | null => {
    if (!placedBy.has(actor.name))
      placedBy.set(
        actor.name,
        allegianceOf(actor.name, ...actor.roles) ??
          bodyIn(actor.roles.filter((r) => !/\bformer\b/i.test(r)).join(" "), bodies) ??
          titled(actor),
      );
    return placedBy.get(actor.name)!;
  };
  const personParty = (words: string): string | null => {
    const actor = personIn(words);
    if (!actor || OBSERVER.test(actor.roles.join(" "))) return null;
    return roleParty(actor);
  };
  /** The party words belong to, unless they name a commentator (an analyst is nobody's party). */
  const partyOf = (words: string | null | undefined): string | null =>
    !words || OBSERVER.test(words) ? null : (allegianceOf(words) ?? bodyIn(words, bodies) ?? personParty(words));
  // A paraphrase is the author's telling ("His firm position is the demand for …"): its speaker is
  // whom the author describes, not a doer in the party's own words.
  // (The first such quote in the evidence's order, looked up among the file's quotes by where they start.)
  const quotesIn = new Map<string, { start: number; at: number }[]>();
  evidence.quotes.forEach((q, at) =>
    (quotesIn.get(q.file) ?? quotesIn.set(q.file, []).get(q.file)!).push({ start: q.start, at }),
  );
  for (const list of quotesIn.values()) list.sort((x, y) => x.start - y.start);
  const speakerAt = (s: Located) => {
    const list = quotesIn.get(s.file) ?? [];
    let first = Number.POSITIVE_INFINITY;
    for (let k = lowerBound(list.length, (i) => list[i]!.start < s.start); k < list.length; k++) {
      const { start, at } = list[k]!;
      if (start > s.end + 2) break;
      const q = evidence.quotes[at]!;
      if (at < first && q.end <= s.end + 2 && q.speaker && q.kind !== "paraphrase") first = at;
    }
    return evidence.quotes[first]?.speaker ?? null;
  };
  // A hard-wrapped text's line break inside a sentence (a line ending mid-clause, the next going on
  // in lower case) is a space: its sentences are read whole. Same length, so offsets hold.
  const unwrapped = (text: string) => text.replace(/(?<=[^\n.!?:;"”’)])\n(?=[a-z\d])/g, " ");
  const sentences = documents.flatMap((d) =>
    [...unwrapped(d.text).matchAll(/[^\n]+?(?:[.!?]["”’]?(?=\s+[A-Z“"‘])|$)/gm)].map((m) => {
      const start = m.index! + (m[0].length - m[0].trimStart().length);
      return locate(d.file, d.text, start, m.index! + m[0].trimEnd().length);
    }),
  );
  /** The sentence holding an offset of a file: a binary search over that file's sentences (they come in order). */
  const byFile = new Map<string, Located[]>();
  for (const x of sentences) (byFile.get(x.file) ?? byFile.set(x.file, []).get(x.file)!).push(x);
  const sentenceAt = (file: string, at: number): Located | undefined => {
    const list = byFile.get(file) ?? [];
    const x = list[lowerBound(list.length, (i) => list[i]!.end <= at)];
    return x && x.start <= at ? x : undefined;
  };
  /** The party a quote's speaker speaks for: a person by their name, roles or titles here; a body for its own party, or itself. */
  const personNamed = new Map<string, EvidenceJson["actors"][number]>();
  for (const a of evidence.actors) if (a.kind === "person" && !personNamed.has(a.name)) personNamed.set(a.name, a);
  const speakerParty = (who: string): string | null => {
    const actor = personNamed.get(who);
    if (actor && OBSERVER.test(actor.roles.join(" "))) return null;
    return actor ? roleParty(actor) : bodies.has(who) ? (allegianceOf(who) ?? who) : null;
  };
  // A party's own words worded as non-negotiable ("the Front will be disarmed", "will never happen"),
  // in a quote whose speaker speaks for it, are its refusal or demand even where no statement cue
  // reads the sentence; the sentence around the quote says what they are about.
  const quoted = evidence.quotes.flatMap((q) => {
    if (q.kind === "paraphrase") return [];
    const who = q.speaker ?? (q.confidence >= QUOTED_SPEAKER ? q.speakerCandidate : null);
    const cue = RED_LINE.exec(q.text);
    const party = who && cue ? speakerParty(who) : null;
    const sentence = sentenceAt(q.file, q.start);
    if (!party || !cue || !sentence) return [];
    const text = texts.get(q.file)!,
      at = q.start + cue.index;
    const s = asStatement(
      sentence,
      REFUSAL.test(cue[0]) ? "REJECT" : "DEMAND",
      locate(q.file, text, at, at + cue[0].length),
    );
    return [{ s, party, target: null }];
  });
  const placed = evidence.statements.map((s) => {
    // The doer: the cue's subject; a quote's named speaker when the subject names no party.
    const speaker = speakerAt(s);
    // A commentator named before the cue ("Smith, a geopolitical analyst, said that…") speaks for no party.
    const lead = s.source ? s.text.slice(s.source.start - s.start, s.cue.start - s.start) : "";
    const doer = OBSERVER.test(lead) ? null : (partyOf(s.source?.text) ?? partyOf(speaker));
    const target = partyOf(s.target?.text);
    // "Ruritania must withdraw" is a demand made of Ruritania, by someone the sentence may not name.
    if (s.kind === "DEMAND" && OBLIGATION.test(s.cue.text)) return { s, party: null, target: doer };
    return { s, party: doer, target: target === doer ? null : target };
  });
  /** A definite role ("the official") stands for the one the text named with that role just before ("an official from the ministry"). */
  const antecedent = (phrase: string, sentence: Located): string =>
    roleAntecedent(phrase, texts.get(sentence.file) ?? "", sentence.start);
  // Clauses worded as non-negotiable that no statement cue read as such ("insisting it would play
  // no role", "has repeatedly ruled these out") are a red line of whose the words are: the subject's
  // party; for a subject that names none (or is obliged), the party of the one the sentence reports
  // ("aid will not pass …, an official from the ministry said").
  const clauses = redLineClauses(sentences, texts, {
    redLine: RED_LINE,
    refusal: REFUSAL,
    obligation: OBLIGATION,
    reporting: REPORTING,
  })
    .filter((c) => !OBSERVER.test(c.sentence.text.slice(0, c.cue.start - c.sentence.start)))
    .flatMap((c) => {
      const doer = c.obliges ? null : partyOf(c.doer);
      const reported = c.reported ? antecedent(c.reported, c.sentence) : null;
      const reporter = reported && !OBSERVER.test(reported) ? partyOf(reported) : null;
      // An obliged subject's own party never demands of itself ("Ruritania must withdraw", Ruritania reporting).
      const party = doer ?? (reporter && reporter !== partyOf(c.doer) ? reporter : null);
      if (!party) return [];
      return [{ s: asStatement(c.sentence, c.kind, c.cue), party, target: null }];
    });
  // Each adds a red line only where the sentence has none of the same party already: kept per
  // file and party by where they start (with the longest one's length), so a clause is looked for
  // among those that can overlap it, not among all the file's.
  const heldIn = new Map<string, { spans: { start: number; end: number }[]; longest: number }>();
  const hold = ({ s, party }: (typeof placed)[number]) => {
    if (!party || (s.kind !== "REJECT" && s.kind !== "DEMAND") || !redLineWords(s.text, s.cue.text)) return;
    const key = `${s.file}\u0000${party}`;
    const held = heldIn.get(key) ?? heldIn.set(key, { spans: [], longest: 0 }).get(key)!;
    held.spans.splice(
      lowerBound(held.spans.length, (i) => held.spans[i]!.start < s.start),
      0,
      { start: s.start, end: s.end },
    );
    held.longest = Math.max(held.longest, s.end - s.start);
  };
  const heldAlready = ({ s, party }: (typeof placed)[number]) => {
    const held = heldIn.get(`${s.file}\u0000${party}`);
    if (!held) return false;
    const { spans, longest } = held;
    for (let k = lowerBound(spans.length, (i) => spans[i]!.start < s.end) - 1; k >= 0; k--) {
      if (spans[k]!.start <= s.start - longest) break;
      if (s.start < spans[k]!.end) return true;
    }
    return false;
  };
  for (const p of placed) hold(p);
  for (const x of [...quoted, ...clauses])
    if (!heldAlready(x)) {
      placed.push(x);
      hold(x);
    }
  let words: Set<string>[] | undefined;
  const wordsOf = () => (words ??= documents.map((d) => new Set(d.text.toLowerCase().split(/[^\p{L}-]+/u))));
  // Sentences that say what is on the table: the words after a plan's "calls for" or a party's
  // "insists on", or the whole of a sentence about what is still contested.
  const terms = sentences.flatMap((s): (IssueClause & { sentence: Located })[] => {
    if (CONTENTION.test(s.text)) return [{ text: s.text, file: s.file, sentence: s }];
    const m = TERM_CUE.exec(s.text);
    return m ? [{ text: s.text.slice(m.index + m[0].length), file: s.file, sentence: s }] : [];
  });
  // Without a case's topics, what is negotiated is learned from the words after parties' cues and plans' terms.
  const learned = knowledge.topics.length
    ? []
    : learnedTopics(
        [
          ...placed
            .filter(
              ({ s, party }) => party && NEGOTIATING.includes(s.kind) && !topics.some((t) => t.pattern.test(s.text)),
            )
            .map(({ s }) => ({ text: s.text.slice(s.cue.end - s.start), file: s.file })),
          ...terms.filter((t) => !topics.some((k) => k.pattern.test(t.text))),
        ],
        topics,
        2,
        // Talked about widely: named in half the texts, three at least (looked up in each text's words,
        // read once, not by a search of every text per noun).
        (forms) => wordsOf().filter((w) => forms.some((f) => w.has(f))).length >= Math.max(3, documents.length / 2),
      );
  // A party's red line is an issue of its own even when no one else contests it: its first noun names it.
  const refused = knowledge.topics.length
    ? []
    : placed
        .filter(
          ({ s, party }) =>
            party &&
            (s.kind === "REJECT" || s.kind === "DEMAND") &&
            redLineWords(s.text, s.cue.text) &&
            !cueObjects(s, [...topics, ...learned], false).length,
        )
        .flatMap(({ s }) =>
          learnedTopics([{ text: objectWords(s).head, file: s.file }], [...topics, ...learned], 1).slice(0, 1),
        );
  const byTopicName = new Map<string, Topic>();
  for (const t of refused) if (!byTopicName.has(t.name)) byTopicName.set(t.name, t);
  const distinct = [...byTopicName.values()].slice(0, MOST_TOPICS);
  const contested = [
    ...topics,
    ...learned,
    // "Annex" and "Annexation" are one topic: of two whose forms meet, the one whose forms hold the other's.
    ...distinct.filter((t) => !distinct.some((u) => u !== t && u.pattern.test(t.name) && !t.pattern.test(u.name))),
  ];
  const statements: Statement[] = placed.map(({ s, party, target }) => ({
    sentence: s,
    kind: s.kind,
    cue: s.cue.text,
    party,
    target,
    topics: contested.filter((t) => t.pattern.test(s.text)).map((t) => t.name),
    objects: cueObjects(s, contested),
  }));

  // Parties: the actors of statements, and the people who speak for them.
  const parties = new Map<string, { who: Set<string>; cite: CiteSpec[] }>();
  const party = (p: string) => parties.get(p) ?? parties.set(p, { who: new Set(), cite: [] }).get(p)!;
  for (const q of evidence.quotes) {
    const who = likelySpeaker(q);
    if (!who || !inQuotationMarks(q)) continue;
    const p = speakerParty(who);
    if (!p) continue;
    const entry = party(p);
    entry.who.add(who);
    if (entry.cite.length < 2) entry.cite.push(cite(q));
  }
  for (const s of statements)
    if (s.party && (s.kind === "DEMAND" || s.kind === "REJECT") && s.topics.length) party(s.party);

  // Issues: topics a party demands, refuses, accepts or concedes something about, or that plans
  // are said to settle in two sources or more.
  // A source this weak (a blog, an unsourced post) is no ground for a red line: what it words as
  // one is drafted as a stance, and the stance says why.
  const weak = new Map(
    evidence.reliability.filter((r) => r.score < WEAK_SOURCE || r.quarantined).map((r) => [r.file, r]),
  );
  const negotiated = statements.filter((s) => s.party && s.topics.length && NEGOTIATING.includes(s.kind));
  const published = new Map(evidence.documents.map((d) => [d.file, d.published ?? ""]));
  const dayOf = (s: Statement) => published.get(s.sentence.file) ?? "";
  const termsOf = new Map(
    contested.map((t) => [t.name, terms.filter((x) => t.pattern.test(x.text)).map((x) => x.sentence)]),
  );
  // A topic only weak sources negotiate or put on the table is not drafted (see WEAK_SOURCE).
  const strong = (file: string) => !weak.has(file);
  const topicNames = [
    ...new Set([
      ...negotiated.flatMap((s) => s.topics),
      ...contested.filter((t) => new Set(termsOf.get(t.name)!.map((x) => x.file)).size >= 2).map((t) => t.name),
    ]),
  ].filter(
    (t) =>
      negotiated.some((s) => s.topics.includes(t) && strong(s.sentence.file)) ||
      termsOf.get(t)!.some((x) => strong(x.file)),
  );
  // Red lines and stances per party and topic, strongest first.
  // A refusal, or a standing demand ("insists", "demands", "is adamant" — not a one-off "demanded"), is a red line.
  const stanceOf = (s: Statement): "red line" | "demand" | "acceptable" | "rejects" =>
    (s.kind === "REJECT" || s.kind === "DEMAND") && redLineWords(s.sentence.text, s.cue)
      ? "red line"
      : s.kind === "DEMAND"
        ? "demand"
        : s.kind === "REJECT"
          ? "rejects"
          : "acceptable";
  const plainStance = (s: Statement) =>
    s.kind === "DEMAND" ? "demand" : s.kind === "REJECT" ? "rejects" : "acceptable";
  const rank = { "red line": 0, demand: 1, rejects: 2, acceptable: 3 } as const;
  /** Per party and topic, every statement that words it as a red line. */
  const redLineBacking = new Map<string, Statement[]>();
  const held = new Map<
    string,
    { party: string; topic: string; strength: keyof typeof rank; statement: Statement; weakOnly?: string }
  >();
  for (const s of negotiated)
    for (const topic of s.topics.filter((t) => topicNames.includes(t))) {
      const key = `${s.party}|${topic}`;
      // Only what the refusal or demand is of is a red line; other topics the sentence names are its stance at most.
      const worded = stanceOf(s) === "red line" && s.objects.includes(topic);
      const source = weak.get(s.sentence.file);
      const strength = stanceOf(s) === "red line" && (!worded || source) ? plainStance(s) : stanceOf(s);
      const known = held.get(key);
      const [day, knownDay] = [dayOf(s), known ? dayOf(known.statement) : ""];
      if (
        options.latestStance && known && day !== knownDay
          ? day > knownDay
          : !known || rank[strength] < rank[known.strength]
      )
        held.set(key, {
          party: s.party!,
          topic,
          strength,
          statement: s,
          ...(worded && source
            ? {
                weakOnly: `worded as a red line only in a weak source (${baseName(source.file)}, ${source.kind}, ${source.score.toFixed(2)})`,
              }
            : {}),
        });
      if (strength === "red line") (redLineBacking.get(key) ?? redLineBacking.set(key, []).get(key)!).push(s);
    }

  // A topic whose every sentence is another, larger topic's too ("troops" where each sentence
  // withdraws them), and that holds no red line of its own, is part of that topic, not an issue.
  const sentencesOf = new Map(
    topicNames.map((t) => [
      t,
      new Set(
        [...negotiated.filter((s) => s.topics.includes(t)).map((s) => s.sentence), ...termsOf.get(t)!].map(
          (x) => `${x.file}:${x.start}`,
        ),
      ),
    ]),
  );
  const ownRedLine = new Set([...held.values()].filter((h) => h.strength === "red line").map((h) => h.topic));
  const partOf = (a: string) =>
    !ownRedLine.has(a) &&
    topicNames.some((b) => {
      const [sa, sb] = [sentencesOf.get(a)!, sentencesOf.get(b)!];
      return b !== a && sb.size > sa.size && [...sa].every((k) => sb.has(k));
    });
  const issueNames = topicNames.filter((t) => !partOf(t));
  for (const [key, h] of held) if (!issueNames.includes(h.topic)) held.delete(key);

  const issues = issueNames.map((topic) => {
    const about = negotiated.filter((s) => s.topics.includes(topic));
    // Cited: the sentences that say it is still contested, the parties' own words, then what the
    // plans are said to hold on it (a sentence from each of two more sources).
    const open = termsOf
      .get(topic)!
      .filter((x) => CONTENTION.test(x.text))
      .slice(0, 3);
    const cited = new Set([...open, ...about.slice(0, 2).map((s) => s.sentence)].map((x) => `${x.file}:${x.start}`));
    const stated = termsOf
      .get(topic)!
      .filter((x) => !cited.has(`${x.file}:${x.start}`))
      .filter((x, i, xs) => xs.findIndex((y) => y.file === x.file) === i)
      .slice(0, 2);
    // Options: what each side pushes for, and the opposite; a topic tied to a watched figure keeps the figures the texts give.
    const tied = topics.find((t) => t.name === topic)?.figures;
    const figures = tied
      ? [
          ...new Set(
            evidence.claims
              .filter((c) => c.subject === tied.subject && c.attribute === tied.attribute)
              .map((c) => String(c.value)),
          ),
        ]
      : [];
    const options = tied && figures.length ? [tied.none, ...figures] : ["as demanded", "as refused"];
    const by = new Set(about.map((s) => s.party)).size,
      files = new Set(about.map((s) => s.sentence.file)).size;
    return {
      name: topic,
      kind: "discrete" as const,
      options,
      cite: [
        ...open.map((x) => citeAround(x, topicWords(x.text, topic, contested))),
        ...about
          .slice(0, 2)
          .filter((s) => !open.includes(s.sentence))
          .map((s) => citeAround(s.sentence, s.cue)),
        ...stated.map((x) => citeAround(x, topicWords(x.text, topic, contested))),
      ],
      confidence: sure(
        by >= 2 && files >= 2 ? "high" : about.length >= 2 || stated.length >= 2 ? "medium" : "low",
        `${about.length} statement(s) by ${by} part(ies) in ${files} source(s) negotiate it; ${termsOf.get(topic)!.length} sentence(s) say what is on the table about it`,
      ),
    };
  });

  // Mediators: countries a sentence names as mediators or guarantors, not principals already.
  const mediators = new Map<string, CiteSpec>();
  for (const s of sentences) {
    const m = MEDIATION.exec(s.text);
    if (!m) continue;
    for (const [re, p] of allegiances) {
      const at = new RegExp(re.source, re.flags.replace("g", "")).exec(s.text);
      if (at && !parties.has(p) && !mediators.has(p)) mediators.set(p, citeAround(s, at[0]));
    }
  }

  // Proposals: the plans and documents the texts name, with the terms they are said to hold.
  const proposals = draftProposals({
    sentences,
    parties: new Set(parties.keys()),
    partyOf,
    titles: !knowledge.topics.length,
    issues: issues.map((i) => ({ ...i, pattern: contested.find((t) => t.name === i.name)!.pattern })),
    weak: new Set(weak.keys()),
  });

  const flat = (options: string[]) => Object.fromEntries(options.map((o) => [o, 0.5]));
  const disputes = disputesOf(evidence);
  return {
    name,
    description: "Drafted by `parley draft` from the evidence alone: weights and values are placeholders to edit.",
    issues,
    parties: [
      ...[...parties.entries()].map(([p, entry]) => {
        const mine = [...held.values()].filter((h) => h.party === p);
        const acts = statements.filter((s) => s.party === p);
        const files = new Set(acts.map((s) => s.sentence.file)).size;
        // One that only comments (welcomes, praises, is quoted) and neither demands, refuses, agrees,
        // concedes nor threatens anything negotiated is an observer of the talks, not a party to them.
        const observer = !mine.length && !acts.some((s) => NEGOTIATING.includes(s.kind) && s.topics.length);
        return {
          name: p,
          ...(observer ? { role: "observer" as const } : {}),
          ...(entry.who.size ? { description: `speaking: ${[...entry.who].join(", ")}` } : {}),
          ...(entry.cite.length ? { cite: entry.cite } : {}),
          confidence: sure(
            files >= 2 && (entry.who.size || mine.length) ? "high" : files >= 1 ? "medium" : "low",
            `does or says ${acts.length} thing(s) the texts report, in ${files} source(s)${entry.who.size ? `; quoted: ${entry.who.size} speaker(s)` : ""}${observer ? "; none of them a demand, refusal, agreement, concession or threat, so an observer" : ""}`,
          ),
          reservation: [0, 0.5] as [number, number],
          weights: Object.fromEntries(
            issues.map((i) => [i.name, [0, 1 / Math.max(1, issues.length)] as [number, number]]),
          ),
          values: Object.fromEntries(issues.map((i) => [i.name, flat(i.options)])),
          stances: Object.fromEntries(
            mine.map((h) => [
              h.topic,
              {
                strength: h.strength,
                note: `${h.statement.kind.toLowerCase()}${h.statement.target ? ` → ${h.statement.target}` : ""}: “${h.statement.cue}”${h.weakOnly ? `; ${h.weakOnly}` : ""}`,
                cite: [citeAround(h.statement.sentence, h.statement.cue)],
              },
            ]),
          ),
          redLines: mine
            .filter((h) => h.strength === "red line")
            .map((h) => {
              const options = issues.find((i) => i.name === h.topic)!.options;
              const backing = redLineBacking.get(`${p}|${h.topic}`) ?? [h.statement];
              const sources = new Set(backing.map((b) => b.sentence.file)).size;
              // Cited where it is said first, then where other sentences say it again (three at most).
              const cited = new Set<string>();
              const again = [h.statement, ...backing.filter((b) => b.kind === h.statement.kind)]
                .filter((b) => {
                  const at = `${b.sentence.file}:${b.sentence.start}`;
                  return !cited.has(at) && Boolean(cited.add(at));
                })
                .slice(0, 3);
              return {
                label: `${h.topic}: ${h.statement.cue}`,
                issue: h.topic,
                notIn: excluded(
                  h.statement,
                  options,
                  topics.find((t) => t.name === h.topic)?.figures?.none,
                  contested.find((t) => t.name === h.topic)?.pattern,
                ),
                cite: again.map((b) => citeAround(b.sentence, b.cue)),
                confidence: sure(
                  sources >= 2 ? "high" : "medium",
                  `worded as non-negotiable (“${h.statement.cue}”) in ${sources} source(s); its party is the sentence's doer, not a quoted official`,
                ),
              };
            }),
        };
      }),
      // Mediators hold no stance the texts give: placeholders an analyst fills in.
      ...[...mediators].map(([p, cite]) => ({
        name: p,
        role: "mediator" as const,
        cite: [cite],
        confidence: sure("medium", "a sentence names it a mediator or guarantor; what it wants is not drafted"),
        reservation: [0, 0.5] as [number, number],
        weights: Object.fromEntries(
          issues.map((i) => [i.name, [0, 1 / Math.max(1, issues.length)] as [number, number]]),
        ),
        values: Object.fromEntries(issues.map((i) => [i.name, flat(i.options)])),
        redLines: [],
      })),
    ],
    proposals,
    ...(disputes.length ? { disputes } : {}),
  };
}

/**
 * What a red line rules out. Of placeholder options: a refusal rules out what is demanded, a
 * demand its refusal. Of an issue whose options are figures and their absence ("no cap", "600000"):
 * a demand rules out the absence; a refusal the figures its sentence names (all of them when it names none).
 */
function excluded(s: Statement, options: readonly string[], none: string | undefined, topic?: RegExp): string[] {
  // A demand for none of a thing ("insisting it would play no role") refuses it.
  const refuses = s.kind === "REJECT" || (topic !== undefined && demandsNone(s, topic));
  if (none === undefined || options[0] !== none) return [refuses ? options[0]! : options[options.length - 1]!];
  if (!refuses) return [none];
  const figures = options.slice(1);
  const named = figures.filter((f) => s.sentence.text.replace(/(?<=\d)[,\s](?=\d{3})/g, "").includes(f));
  return named.length ? named : figures;
}

/** Whether a demand's words ask for none of the topic: "no" or "without" right before the words that name it ("no future role"). */
function demandsNone(s: Statement, topic: RegExp): boolean {
  if (s.kind !== "DEMAND") return false;
  const at0 = s.sentence.start + Math.max(0, s.sentence.text.indexOf(s.cue));
  const { head } = objectWords({
    text: s.sentence.text,
    start: s.sentence.start,
    cue: { start: at0, end: at0 + s.cue.length, text: s.cue },
  });
  const at = new RegExp(topic.source, topic.flags.replace("g", "")).exec(head);
  return at !== null && /\b(?:no|without)\s+(?:[\w-]+\s+)?$/i.test(head.slice(0, at.index));
}
