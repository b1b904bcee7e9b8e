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
            .describe("the plan it revises (its terms are set against that plan's), when the texts call it a revision"),
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

const Path = z.array(z.union([z.string(), z.number()]));

/** One change to a scenario file: a value set, an item added to a list, or an item removed. */
export const EditOp = z.discriminatedUnion("action", [
  z.object({ action: z.literal("set"), path: Path, value: z.unknown() }),
  z.object({ action: z.literal("add"), path: Path, value: z.unknown() }),
  z.object({ action: z.literal("delete"), path: Path }),
]);

/** One item of a proposed edit: what the coverage says changed, as the change to the scenario that would record it. */
export const EditItem = z
  .object({
    id: z.string().describe("stable across reads of the same change: what the analyst accepts by"),
    kind: z.enum(["set-stance", "drop-red-line", "add-plan"]),
    summary: z.string(),
    words: Words.nullable(),
    ops: z.array(EditOp),
  })
  .meta({ id: "EditItem" });

export const CaseChanges = z
  .object({
    caseId: z.string(),
    from: CaseVersionEntry.nullable().describe("the version compared from (null: the empty case before the first)"),
    to: CaseVersionEntry,
    versions: z.array(CaseVersionEntry).describe("every version kept, oldest first"),
    changes: ChangeReport,
    proposed: z
      .array(EditItem)
      .optional()
      .describe("the edit these changes propose to the case's scenario, item by item; none is applied until accepted"),
  })
  .meta({ id: "CaseChanges" });

const PlanStanding = z.object({
  acceptable: z.boolean(),
  crossed: z.array(z.string()).describe('the red lines it crosses, as "party: red line"'),
  utilities: z.array(z.number()).nullable(),
});

/** Whether the answer moved between two analyses of a scenario (before and after an edit), and how. */
export const AnswerChange = z
  .object({
    moved: z.boolean(),
    zone: z.object({
      before: z.object({ exists: z.boolean(), size: z.union([z.string(), z.number()]).nullable() }),
      after: z.object({ exists: z.boolean(), size: z.union([z.string(), z.number()]).nullable() }),
    }),
    collisions: z.object({ before: z.array(z.array(z.string())), after: z.array(z.array(z.string())) }),
    concessions: z.object({ before: z.array(z.string()), after: z.array(z.string()) }),
    plans: z
      .array(z.object({ name: z.string(), before: PlanStanding.nullable(), after: PlanStanding.nullable() }))
      .describe("the plans whose standing differs"),
    said: z.array(z.string()).describe("what moved, one sentence each; empty when nothing did"),
  })
  .meta({ id: "AnswerChange" });

export const Accepted = z.object({
  applied: z.array(EditItem),
  rejected: z.array(EditItem),
  version: z.number().describe("the scenario's version the edit made"),
  answer: AnswerChange,
});

export type Words = z.infer<typeof Words>;
export type AnswerChange = z.infer<typeof AnswerChange>;
export type PlanStanding = z.infer<typeof PlanStanding>;
export type Accepted = z.infer<typeof Accepted>;
export type CaseChanges = z.infer<typeof CaseChanges>;
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;
export type ChangeReport = z.infer<typeof ChangeReport>;
export type StanceMove = z.infer<typeof StanceMove>;
export type EditOp = z.infer<typeof EditOp>;
export type EditItem = z.infer<typeof EditItem>;
