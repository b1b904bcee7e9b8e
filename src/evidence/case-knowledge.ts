import { z } from "zod";
import { InputError, type Problem } from "../errors.js";
import { ACTOR_KINDS, type ActorKind } from "./actors.js";
import type { WatchItem } from "./watch-list.js";
import { toRegExp } from "./written-pattern.js";

/**
 * What extraction and the draft need to know about one negotiation beyond the generic language
 * data: the quantities and stances to follow, where its meetings happen, its places, whom its
 * people speak for, and what its parties negotiate. It travels with the case (`case.yaml` in the
 * case's folder) and is passed in; the code knows no case.
 */
export interface CaseKnowledge {
  readonly watch: readonly WatchItem[];
  /** Places that name where a meeting was held: a date claim per venue. */
  readonly venues: readonly (readonly [RegExp, string])[];
  /** The case's places by the lower-case name a text uses: kind and canonical actor. */
  readonly places: Readonly<Record<string, readonly [ActorKind, string]>>;
  /** The party a name, role or subject speaks for; the first match wins. Empty: the generic countries. */
  readonly allegiances: readonly (readonly [RegExp, string])[];
  /** Issue topics a sentence can be about. */
  readonly topics: readonly Topic[];
}

/** An issue topic: the words that mark it, and optionally a watched claim whose values are its options. */
export interface Topic {
  readonly name: string;
  readonly pattern: RegExp;
  /** Options are the figures the texts give for this claim, with `none` for the absence of any. */
  readonly figures?: { readonly subject: string; readonly attribute: string; readonly none: string };
}

/** No case: generic extraction only (counted quantities, dates, quotes, statements). */
export const NO_CASE: CaseKnowledge = { watch: [], venues: [], places: {}, allegiances: [], topics: [] };

/** A regular expression written `/source/flags`. */
const pattern = z.string().regex(/^\/.+\/[dgimsuvy]*$/s, "write a regular expression as /source/flags");

/** The case file's shape (YAML or JSON): patterns as strings. */
export const caseDataSchema = z
  .object({
    watch: z
      .array(
        z
          .object({
            subject: z.string().min(1),
            attribute: z.string().min(1),
            from: z.enum(["quantity", "date", "statement", "quote"]),
            cue: pattern,
            nouns: pattern.optional(),
            units: z.array(z.string()).optional(),
            qualifiers: z.array(z.object({ pattern, suffix: z.string() }).strict()).optional(),
            value: z.string().optional(),
            negation: pattern.optional(),
            speaker: pattern.optional(),
            byPlace: z.boolean().optional(),
          })
          .strict(),
      )
      .default([]),
    venues: z.array(z.object({ name: z.string().min(1), pattern }).strict()).default([]),
    places: z
      .array(
        z
          .object({
            name: z.string().min(1),
            kind: z.enum(ACTOR_KINDS),
            actor: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
    allegiances: z.array(z.object({ party: z.string().min(1), pattern }).strict()).default([]),
    topics: z
      .array(
        z
          .object({
            name: z.string().min(1),
            pattern,
            figures: z.object({ subject: z.string(), attribute: z.string(), none: z.string() }).strict().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type CaseData = z.input<typeof caseDataSchema>;

/**
 * Case data (as read from its file) checked and compiled; every problem names its field, and
 * `file` when given.
 */
export function caseKnowledge(data: unknown, file?: string): CaseKnowledge {
  const parsed = caseDataSchema.safeParse(data ?? {});
  const where = file ? { file } : {};
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((i) => ({
        code: "case.schema",
        ...where,
        path: i.path.filter((k) => typeof k !== "symbol"),
        message: i.message,
        hint: "see the header of cases/moscow-2025-12/case.yaml for the form of a case file",
      })),
    );
  const problems: Problem[] = [];
  const re = (written: string, path: (string | number)[]): RegExp => {
    try {
      return toRegExp(written);
    } catch (e) {
      problems.push({
        code: "case.pattern",
        ...where,
        path,
        message: `not a valid regular expression: ${(e as Error).message}`,
        hint: "fix the pattern",
      });
      return /(?!)/;
    }
  };
  const c = parsed.data;
  const knowledge: CaseKnowledge = {
    watch: c.watch.map((w, i) => ({
      subject: w.subject,
      attribute: w.attribute,
      from: w.from,
      cue: re(w.cue, ["watch", i, "cue"]),
      ...(w.nouns ? { nouns: re(w.nouns, ["watch", i, "nouns"]) } : {}),
      ...(w.units ? { units: w.units } : {}),
      ...(w.qualifiers
        ? {
            qualifiers: w.qualifiers.map(
              (q, j) => [re(q.pattern, ["watch", i, "qualifiers", j, "pattern"]), q.suffix] as const,
            ),
          }
        : {}),
      ...(w.value !== undefined ? { value: w.value } : {}),
      ...(w.negation ? { negation: re(w.negation, ["watch", i, "negation"]) } : {}),
      ...(w.speaker ? { speaker: re(w.speaker, ["watch", i, "speaker"]) } : {}),
      ...(w.byPlace !== undefined ? { byPlace: w.byPlace } : {}),
    })),
    venues: c.venues.map((v, i) => [re(v.pattern, ["venues", i, "pattern"]), v.name] as const),
    places: Object.fromEntries(c.places.map((p) => [p.name.toLowerCase(), [p.kind, p.actor] as const])),
    allegiances: c.allegiances.map((a, i) => [re(a.pattern, ["allegiances", i, "pattern"]), a.party] as const),
    topics: c.topics.map((t, i) => ({
      name: t.name,
      pattern: re(t.pattern, ["topics", i, "pattern"]),
      ...(t.figures ? { figures: t.figures } : {}),
    })),
  };
  if (problems.length) throw new InputError(problems);
  return knowledge;
}
