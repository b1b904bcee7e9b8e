import type { Cited } from "../analysis/analyze.js";
import { formatPath } from "../errors.js";
import type { CaseKnowledge } from "../evidence/case-knowledge.js";
import { COUNTRIES } from "../evidence/countries.js";
import { escapeRegExp } from "../evidence/escape-regexp.js";
import { roleAntecedent } from "../evidence/role-antecedent.js";
import { type Voice, voiceOf } from "../evidence/voice.js";
import { baseName } from "../model/base-name.js";
import { descriptionSurnames } from "../model/description-surnames.js";
import type { ScenarioSpec } from "../model/schema.js";

/** What the check reads of the corpus's quotes: who said the words at a span, when the evidence is sure. */
interface QuoteSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
}

/** A citation of a red line, stance or plan term with whose words it is, and the plan its sentence names by number of points. */
export interface VoicedCitation {
  readonly field: string;
  readonly file: string;
  readonly text: string;
  readonly voice: Voice;
  readonly plan: string | null;
}

/** A plan named by its number of points ("the 12-point plan", "a document with 9 points"). */
const NUMBERED_PLAN = /\b(\d+)[- ]point\b|\b(?:plan|framework|proposal|document)\b[^.;]{0,40}?\b(\d+) points\b/i;

/**
 * The party words speak for, as the scenario knows its parties: the case's allegiances, else the
 * countries by name and demonym; a party's own name; the people its description names
 * ("Anna Novak, with aide Marek Vella").
 */
export function partyMatcher(spec: ScenarioSpec, knowledge: CaseKnowledge): (words: string) => string | null {
  const names = new Set(spec.parties.map((p) => p.name));
  const rules: (readonly [RegExp, string])[] = [
    ...spec.parties.map((p) => [new RegExp(`\\b${escapeRegExp(p.name)}\\b`), p.name] as const),
    ...spec.parties.flatMap((p) =>
      descriptionSurnames(p.description).map(
        (surname) => [new RegExp(`\\b${escapeRegExp(surname)}\\b`), p.name] as const,
      ),
    ),
    ...(knowledge.allegiances.length ? knowledge.allegiances : COUNTRIES),
  ];
  return (words) => {
    const hit = rules.find(([re]) => re.test(words));
    return hit && names.has(hit[1]) ? hit[1] : null;
  };
}

/**
 * Whose words each citation of a red line, stance or plan term is (`voiceOf`), read in its
 * sentence of the corpus.
 */
export function voicedCitations(
  citations: readonly Cited[],
  corpus: ReadonlyMap<string, string>,
  quotes: readonly QuoteSpan[],
  partyOf: (words: string) => string | null,
  actors: readonly { readonly name: string; readonly roles: readonly string[] }[] = [],
): VoicedCitation[] {
  // A speaker's party: their name, else the roles the texts give them ("Karl Borg, a Front official").
  const speaks = (words: string) =>
    partyOf(words) ??
    partyOf(actors.find((a) => a.roles.length && words.includes(a.name.split(" ").at(-1)!))?.roles.join(" ") ?? "");
  return citations
    .filter((c) => /redLines\[\d+\]|stances|citeTerms/.test(c.field))
    .map((c) => {
      const text = corpus.get(baseName(c.file)) ?? "";
      const from = Math.max(text.lastIndexOf(". ", c.start) + 2, text.lastIndexOf("\n", c.start) + 1, 0);
      const stop = /[.!?](?=\s|$)|\n/g;
      stop.lastIndex = c.end;
      const to = stop.exec(text)?.index ?? text.length;
      const speaker =
        // The cited words may take in the quote's marks and a comma either side.
        quotes.find((q) => baseName(q.file) === baseName(c.file) && q.start - 2 <= c.start && c.end <= q.end + 2)
          ?.speaker ?? null;
      const sentence = text.slice(from, to + 1);
      const numbered = NUMBERED_PLAN.exec(sentence);
      return {
        field: c.field,
        file: baseName(c.file),
        text: c.text,
        plan: numbered ? `${numbered[1] ?? numbered[2]}-point` : null,
        // "The official" is the one named with that role just before ("an official from the ministry").
        voice: voiceOf(text.slice(from, to + 1), c.start - from, speaks, speaker, (phrase) =>
          roleAntecedent(phrase, text, from),
        ),
      };
    });
}

/** A voice as a reader reads it: "Ruritania (reported: A Ruritanian official)", "an analyst (Smith)", "the author", "a fear". */
export function describeVoice(v: Voice): string {
  if (v.kind === "party") return `${v.party} (${v.how}${v.who ? `: ${v.who}` : ""})`;
  if (v.kind === "commentator") return `a commentator (${v.who})`;
  return v.kind === "fear" ? "a fear or possibility" : "the author";
}

/**
 * Red lines that rest on no words of their own party's — only an author's, a commentator's, a
 * fear or another party's — and red lines stitched with a commentator's words or from words
 * about different plans (numbered differently): each with the
 * field, its words and their voices. `voiceOverride` on the red line (the analyst's reason) lets
 * one stand.
 */
export function speakerProblems(
  spec: ScenarioSpec,
  voiced: readonly VoicedCitation[],
): { path: (string | number)[]; field: string; message: string }[] {
  const out: { path: (string | number)[]; field: string; message: string }[] = [];
  spec.parties.forEach((p, i) =>
    p.redLines.forEach((line, j) => {
      if (line.voiceOverride) return;
      const path = ["parties", i, "redLines", j];
      const prefix = formatPath(path);
      const mine = voiced.filter((v) => v.field.startsWith(`${prefix}.`));
      if (!mine.length) return;
      const words = mine.map((v) => `“${v.text}” (${v.file}: ${describeVoice(v.voice)})`).join("; ");
      const label = line.label ?? prefix;
      if (!mine.some((v) => v.voice.kind === "party" && v.voice.party === p.name))
        out.push({
          path,
          field: prefix,
          message: `${p.name}'s red line "${label}" rests on no words of ${p.name}'s own: ${words}`,
        });
      else if (mine.some((v) => v.voice.kind === "commentator"))
        out.push({
          path,
          field: prefix,
          message: `${p.name}'s red line "${label}" is stitched from ${p.name}'s words and a commentator's: ${words}`,
        });
      else if (new Set(mine.flatMap((v) => (v.plan ? [v.plan] : []))).size > 1)
        out.push({
          path,
          field: prefix,
          message: `${p.name}'s red line "${label}" is stitched from words about different plans (${[...new Set(mine.flatMap((v) => (v.plan ? [v.plan] : [])))].join(", ")} plans): ${words}`,
        });
    }),
  );
  return out;
}
