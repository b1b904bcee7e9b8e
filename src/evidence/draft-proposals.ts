import LANGUAGE from "../../language/draft.json" with { type: "json" };
import type { CiteSpec, ScenarioInput } from "../model/schema.js";
import { citeAround } from "./draft-citation.js";
import { sure } from "./draft-confidence.js";
import { escapeRegExp } from "./escape-regexp.js";
import type { Located } from "./span.js";
import { toRegExp } from "./written-pattern.js";

/** A party's own document by its owner's possessive, one named by its issuer, and one named by its title. */
const PARTY_DOCUMENT = toRegExp(LANGUAGE.partyDocument.pattern);
const DOCUMENT_BY = toRegExp(LANGUAGE.documentBy.pattern);
const TITLED_DOCUMENT = toRegExp(LANGUAGE.titledDocument.pattern);

/** A plan named by its number of points ("a 28-point plan", "a 12-point U.N. framework", "a document that contained 27 points"). */
const NUMBERED =
  /\b(\d+)[- ]point (?:[\w.’'-]+ ){0,2}?(plan|framework|proposal|document)\b|\b(plan|framework|proposal|document)\b[^.;]{0,40}?\b(\d+) points\b/i;

/** Whose a numbered plan is: the name or possessive right before its number ("a leaked Valletta 12-point plan"), or who put it forward after it. */
const OWNER_BEFORE = /\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(['’]s?)? ((?:[\w-]+ ){0,2})$/;
const PUT_FORWARD_BY =
  /^[^.;]{0,40}?\b(?:put forward|proposed|presented|drawn up|drafted|unveiled|tabled) by (?:the )?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)/;

/** A plan spoken of again without its number ("the plan", "Novak's proposal"). */
const AGAIN = /\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[A-Z][\w’'-]+['’]s?) (?:peace )?(?:plan|framework|proposal)\b/;

/** Words after which a sentence says what a plan holds, words that say it holds nothing there, and words that say one plan revises another. */
const PLAN_TERM = toRegExp(LANGUAGE.planTerm.pattern);
const NOT_STATED = toRegExp(LANGUAGE.notStated.pattern);
const REVISION = toRegExp(LANGUAGE.revision.pattern);

/** An issue a plan may set a term on: its options and the words that name it. */
export interface TermIssue {
  readonly name: string;
  readonly options: readonly string[];
  readonly pattern: RegExp;
}

export interface PlanContext {
  /** Every sentence of the texts, each file's in order. */
  readonly sentences: readonly Located[];
  /** The parties the draft found, and the party words name. */
  readonly parties: ReadonlySet<string>;
  readonly partyOf: (words: string) => string | null;
  /** Whether to read documents named by title (not with a case file: there a title named in passing is noise). */
  readonly titles: boolean;
  readonly issues: readonly TermIssue[];
  /** Sources too weak (or quarantined) to state a plan's terms: what they say a plan holds is left out. */
  readonly weak: ReadonlySet<string>;
}

type Proposal = NonNullable<ScenarioInput["proposals"]>[number];

/**
 * The plans and documents the texts name, each once: plans by their number of points (one plan
 * whatever the texts call it, "20-point plan" or "20-point framework"), a party's own documents
 * ("the Front's response", "a map distributed by the Front") and titled ones. Each carries the
 * terms the sentences naming it state ("the plan calls for …", "under the plan, …"), a figure where
 * they give one of the issue's, `oneOf` all the options where they only say the plan settles the
 * issue; every other issue is not stated. A plan the texts call revised derives from the numbered
 * plan named most besides it.
 */
export function draftProposals(ctx: PlanContext): Proposal[] {
  const { sentences } = ctx;
  // Numbered plans: by number, named by the word most sources use for it.
  const numbered = new Map<string, { kinds: Map<string, number>; by: Map<string, number>; mentions: Located[] }>();
  for (const s of sentences) {
    const m = NUMBERED.exec(s.text);
    if (!m) continue;
    const n = m[1] ?? m[4]!;
    const kind = (m[2] ?? m[3]!).toLowerCase();
    const plan = numbered.get(n) ?? numbered.set(n, { kinds: new Map(), by: new Map(), mentions: [] }).get(n)!;
    plan.kinds.set(kind, (plan.kinds.get(kind) ?? 0) + 1);
    plan.mentions.push(s);
    // Whose: the possessive right before it ("Novak's 12-point plan") or who put it forward.
    const before = OWNER_BEFORE.exec(s.text.slice(0, m.index));
    // A name then an article is no owner but a recipient ("sent Valletta a revised 12-point plan").
    const owned = before && (before[2] || !/^(?:a|an|the)\b/i.test(before[3]!)) ? before[1] : undefined;
    const owner = owned ?? PUT_FORWARD_BY.exec(s.text.slice(m.index))?.[1];
    const party = owner ? ctx.partyOf(owner) : null;
    if (party && ctx.parties.has(party)) plan.by.set(party, (plan.by.get(party) ?? 0) + 1);
  }
  // A sentence that speaks of "the plan" in a text naming one numbered plan speaks of that plan.
  const planOfFile = new Map<string, string | null>();
  for (const [n, p] of numbered)
    for (const file of new Set(p.mentions.map((s) => s.file))) planOfFile.set(file, planOfFile.has(file) ? null : n);
  const again = new Map<string, Located[]>();
  for (const s of sentences) {
    const n = planOfFile.get(s.file);
    if (n && AGAIN.test(s.text) && !NUMBERED.test(s.text)) (again.get(n) ?? again.set(n, []).get(n)!).push(s);
  }
  const proposals: (Proposal & { mentions: Located[]; number?: string })[] = [...numbered].map(([n, p]) => {
    const kind = [...p.kinds].sort((a, b) => b[1] - a[1])[0]![0];
    const first = p.mentions[0]!;
    const files = new Set(p.mentions.map((s) => s.file)).size;
    const by = [...p.by].sort((a, b) => b[1] - a[1])[0]?.[0];
    return {
      name: `${n}-point ${kind}`,
      ...(by ? { by } : {}),
      outcome: {},
      cite: [citeAround(first, NUMBERED.exec(first.text)![0]), ...alsoIn(p.mentions, first)],
      confidence: sure(files >= 2 ? "high" : "medium", `named by its number of points in ${files} source(s)`),
      mentions: [...p.mentions, ...(again.get(n) ?? [])],
      number: n,
    };
  });

  // Documents the texts name otherwise, each once, cited where first named and in each other source that names it.
  const named = new Map<
    string,
    { first: [Located, string]; kind: string | null; owner: string | null; also: Located[] }
  >();
  const nameDocument = (key: string, s: Located, words: string, kind: string | null, owner: string | null) => {
    const known = named.get(key);
    if (!known) named.set(key, { first: [s, words], kind, owner, also: [] });
    else if (known.first[0] !== s && !known.also.includes(s)) known.also.push(s);
  };
  /** Named by the party it is from: "Novak's proposal", "President Novak's proposal" and "the proposal put forward by Novak" are one. */
  const ownKey = (owner: string, kind: string) =>
    `${owner}${owner.endsWith("s") && owner.includes(" ") ? "'" : "'s"} ${kind.toLowerCase()}`;
  for (const s of sentences) {
    for (const m of s.text.matchAll(new RegExp(PARTY_DOCUMENT, "g"))) {
      const owner = ctx.partyOf(m[1]!);
      if (owner && ctx.parties.has(owner)) nameDocument(ownKey(owner, m[2]!), s, m[0], m[2]!.toLowerCase(), owner);
    }
    for (const m of s.text.matchAll(new RegExp(DOCUMENT_BY, "g"))) {
      const owner = ctx.partyOf(m[2]!);
      if (owner && ctx.parties.has(owner)) nameDocument(ownKey(owner, m[1]!), s, m[0], m[1]!.toLowerCase(), owner);
    }
    if (ctx.titles)
      for (const m of s.text.matchAll(new RegExp(TITLED_DOCUMENT, "g")))
        if (m[1]!.trim().split(" ").length >= 2) nameDocument(m[1]!.trim(), s, m[1]!, null, null);
  }
  // A party's document is also the one a sentence naming the party calls "its response".
  for (const doc of named.values())
    if (doc.kind && doc.owner)
      for (const s of sentences)
        if (new RegExp(`\\bits ${escapeRegExp(doc.kind)}\\b`, "i").test(s.text) && ctx.partyOf(s.text) === doc.owner)
          if (doc.first[0] !== s && !doc.also.includes(s)) doc.also.push(s);
  const seen = new Set(proposals.map((p) => p.name.toLowerCase()));
  const numberedSentences = new Set([...numbered.values()].flatMap((p) => p.mentions));
  for (const [name, { first, also, owner }] of named) {
    // A document first named in the sentence that numbers a plan's points is that plan.
    if (seen.has(name.toLowerCase()) || numberedSentences.has(first[0])) continue;
    seen.add(name.toLowerCase());
    const [s, words] = first;
    const files = new Set([s, ...also].map((x) => x.file)).size;
    proposals.push({
      name,
      ...(owner ? { by: owner } : {}),
      outcome: {},
      cite: [citeAround(s, words), ...alsoIn(also, s)],
      confidence: sure(
        files >= 2 ? "medium" : "low",
        `named as a party's document or by its title in ${files} source(s)`,
      ),
      mentions: [s, ...also],
    });
  }

  // Lineage: a numbered plan the texts call revised derives from the numbered plan named most
  // besides it in the texts that call it so, else in all the texts.
  const revised = new Set(
    proposals.filter((p) => p.number && p.mentions.some((s) => revisionNear(s.text, p.number!))).map((p) => p.name),
  );
  const byMentions = proposals
    .filter((p) => p.number && !revised.has(p.name))
    .sort((a, b) => numbered.get(b.number!)!.mentions.length - numbered.get(a.number!)!.mentions.length);

  const originOf = (name: string, mentions: readonly Located[]) => {
    const files = new Set(mentions.filter((s) => NUMBERED.test(s.text)).map((s) => s.file));
    const inFiles = (q: (typeof byMentions)[number]) =>
      numbered.get(q.number!)!.mentions.filter((s) => files.has(s.file)).length;
    const near = byMentions.filter((q) => q.name !== name && inFiles(q) > 0).sort((a, b) => inFiles(b) - inFiles(a))[0];
    return near ?? byMentions.find((q) => q.name !== name);
  };
  return proposals.map(({ mentions, number, ...p }) => {
    const terms = termsIn(
      mentions.filter((m) => !ctx.weak.has(m.file)),
      ctx.issues,
      number,
    );
    const origin = revised.has(p.name) ? originOf(p.name, mentions) : undefined;
    const stated = Object.keys(terms.outcome);
    return {
      ...p,
      ...(origin ? { derivedFrom: origin.name } : {}),
      outcome: terms.outcome,
      ...(stated.length ? { citeTerms: terms.cite } : {}),
      confidence: sure(
        p.confidence!.level,
        `${p.confidence!.reason}; ${
          stated.length
            ? `terms stated on ${stated.join(", ")}${terms.undecided.length ? ` (which way on ${terms.undecided.join(", ")} is not drafted)` : ""}; not stated on the other issues`
            : "its terms are not stated where it is named"
        }${origin ? `; called revised, so derived from ${origin.name}` : ""}`,
      ),
    };
  });
}

/** A sentence in each other source that names the plan (two at most), cited at its first words. */
function alsoIn(mentions: readonly Located[], first: Located): CiteSpec[] {
  return mentions
    .filter((x, i, xs) => x.file !== first.file && xs.findIndex((y) => y.file === x.file) === i)
    .slice(0, 2)
    .map((x) => citeAround(x, x.text.split(/\s+/).slice(0, 3).join(" ")));
}

/**
 * Whether the texts call the plan itself a revision: a revision word ("revised", "updated") shortly
 * before its number ("a revised, shorter 12-point plan") or just after it ("the 12-point plan,
 * updated"). With "of", "from", "than", "in" or "instead" in between ("the revised plan would …
 * instead of the 600,000 in the 28-point plan"), the plan named is the one revised, not a revision.
 */
function revisionNear(text: string, n: string): boolean {
  const at = text.search(new RegExp(`\\b${n}[- ]point|\\b${n} points\\b`));
  if (at < 0) return false;
  const before = text.slice(Math.max(0, at - 90), at);
  const last = [...before.matchAll(new RegExp(REVISION.source, "gi"))].at(-1);
  const between = last ? before.slice(last.index + last[0].length).trim() : null;
  if (between !== null && !/\b(?:of|from|than|in|instead|replacing)\b/i.test(between)) return true;
  return REVISION.test(text.slice(at, at + 40).split(/[.;:!?]/)[0]!);
}

/**
 * Whether a sentence gives its term of another plan and names plan `n` only to set the term
 * against it: named after the term cue, not before, behind "instead of", "than" or "replacing"
 * ("the revised plan would cap the army at 800,000, instead of the 600,000 in the 28-point plan").
 */
function setAgainst(text: string, cue: number, n: string): boolean {
  const plan = new RegExp(`\\b${n}[- ]point|\\b${n} points\\b`);
  const after = text.slice(cue).search(plan);
  return (
    after >= 0 &&
    !plan.test(text.slice(0, cue)) &&
    /\b(?:instead of|rather than|than|replacing|compared (?:with|to)|(?:down|up) from)\b/i.test(
      text.slice(cue, cue + after),
    )
  );
}

/**
 * The terms the sentences naming a plan state: the issues named after a term cue ("calls for",
 * "under the plan,"), each set to the option whose figure the words give, or to `oneOf` every
 * option where they give none (the plan settles it; which way is the analyst's to say). A sentence
 * saying the plan leaves something out or unclear states no term.
 */
function termsIn(
  mentions: readonly Located[],
  issues: readonly TermIssue[],
  number: string | undefined,
): { outcome: Proposal["outcome"]; cite: Record<string, CiteSpec[]>; undecided: string[] } {
  const outcome: Proposal["outcome"] = {};
  const cite: Record<string, CiteSpec[]> = {};
  for (const s of mentions) {
    const m = PLAN_TERM.exec(s.text);
    if (!m || NOT_STATED.test(s.text) || (number && setAgainst(s.text, m.index, number))) continue;
    const words = s.text.slice(m.index + m[0].length);
    const digits = words.replace(/(?<=\d)[,\s](?=\d{3})/g, "");
    for (const issue of issues) {
      const at = new RegExp(issue.pattern.source, issue.pattern.flags.replace("g", "")).exec(words);
      if (!at) continue;
      const figure = issue.options.find((o) => /^\d+$/.test(o) && new RegExp(`\\b${o}\\b`).test(digits));
      const known = outcome[issue.name];
      // A figure a sentence gives wins over a sentence that only names the issue.
      if (known !== undefined && (typeof known !== "object" || !figure)) continue;
      outcome[issue.name] = figure ?? { oneOf: [...issue.options] };
      cite[issue.name] = [citeAround(s, m[0])];
    }
  }
  const undecided = Object.entries(outcome)
    .filter(([, v]) => typeof v === "object" && v !== null && "oneOf" in v)
    .map(([k]) => k);
  return { outcome, cite, undecided };
}
