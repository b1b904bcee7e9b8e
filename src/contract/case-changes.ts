import { z } from "zod";

/** The shapes of a followed case — its model versions and what changed between two — for every surface. */

export const Words = z
  .object({
    file: z.string(),
    source: z.string().describe("what a reader calls the source: its title, else its opening"),
    text: z.string(),
  })
  .meta({ id: "Words" });

const Document = z.object({ id: z.string(), file: z.string(), name: z.string(), url: z.string().nullable() });

const Event = z.object({
  key: z.string(),
  kind: z.string(),
  when: z.string().nullable(),
  where: z.string().nullable(),
  who: z.string().nullable(),
  whom: z.string().nullable(),
  planned: z.boolean(),
  words: Words,
});

const Statement = z.object({
  speaker: z.string(),
  party: z.string().nullable().describe("the party the speaker speaks for, when known"),
  kind: z.string().describe("direct, partial or reported"),
  words: Words,
});

const Contradiction = z.object({
  key: z.string(),
  subject: z.string(),
  attribute: z.string(),
  sides: z.array(z.object({ value: z.string(), words: Words.nullable() })),
});

const Quarantined = z.object({ file: z.string(), source: z.string(), reason: z.string() });

/**
 * What a case's model held after a batch of coverage, reduced to what an analyst follows from one
 * batch to the next — each item keyed so two snapshots line up, each with the words it rests on.
 */
export const CaseSnapshot = z.object({
  documents: z.array(Document),
  events: z.array(Event),
  statements: z.array(Statement).describe("the words the model stands by a speaker for (no paraphrase)"),
  stances: z.array(
    z.object({
      party: z.string(),
      issue: z.string(),
      strength: z.string().describe("red line, demand, preference, acceptable or rejects"),
      note: z.string().nullable(),
      words: Words.nullable(),
    }),
  ),
  redLines: z.array(z.object({ party: z.string(), label: z.string(), words: Words.nullable() })),
  plans: z.array(
    z.object({
      name: z.string(),
      by: z.string().nullable(),
      derivedFrom: z.string().nullable(),
      outcome: z.record(z.string(), z.union([z.string(), z.number()])),
      words: z.array(Words),
    }),
  ),
  contradictions: z.array(Contradiction),
  quarantined: z.array(Quarantined),
});

export const StanceMove = z.enum(["stated", "hardened", "softened", "changed", "dropped"]);

/** What changed between two model versions of a case, each item with its words and source. */
export const ChangeReport = z
  .object({
    documents: z.array(Document).describe("documents added"),
    events: z.array(Event).describe("new events"),
    statements: z.array(Statement).describe("new statements, each with its speaker's party"),
    stances: z.array(
      z.object({
        party: z.string(),
        issue: z.string(),
        move: StanceMove,
        from: z.string().nullable(),
        to: z.string().nullable(),
        words: Words.nullable().describe("the stance's words as it stands now (a dropped one's, as it stood)"),
      }),
    ),
    redLines: z.array(
      z.object({
        party: z.string(),
        label: z.string(),
        change: z.enum(["stated", "softened", "dropped"]),
        words: Words.nullable(),
      }),
    ),
    plans: z
      .array(
        z.object({
          name: z.string(),
          by: z.string().nullable(),
          against: z
            .string()
            .nullable()
            .describe("the plan it is compared with: the one it revises, else its party's latest before it"),
          terms: z.array(
            z.object({
              issue: z.string(),
              from: z.union([z.string(), z.number()]).nullable(),
              to: z.union([z.string(), z.number()]).nullable(),
            }),
          ),
          words: z.array(Words),
        }),
      )
      .describe("new plan versions, with their terms against the plan they revise"),
    contradictions: z.array(Contradiction).describe("new contradictions"),
    quarantined: z.array(Quarantined).describe("sources newly quarantined"),
  })
  .meta({ id: "ChangeReport" });

export const CaseVersionEntry = z
  .object({
    caseId: z.string(),
    version: z.number(),
    created: z.string(),
    documents: z.number().describe("documents the version was made from"),
  })
  .meta({ id: "CaseVersion" });

export const CaseChanges = z
  .object({
    caseId: z.string(),
    from: CaseVersionEntry.nullable().describe("the version compared from (null: the empty case before the first)"),
    to: CaseVersionEntry,
    versions: z.array(CaseVersionEntry).describe("every version kept, oldest first"),
    changes: ChangeReport,
  })
  .meta({ id: "CaseChanges" });

export type Words = z.infer<typeof Words>;
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;
export type ChangeReport = z.infer<typeof ChangeReport>;
export type StanceMove = z.infer<typeof StanceMove>;
