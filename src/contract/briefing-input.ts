import { z } from "zod";
import { ScenarioSchema } from "../model/schema.js";
import { AnalysisReport } from "./analysis-report.js";
import { CaseChanges } from "./case-changes.js";
import { CorpusEvidence } from "./evidence.js";

/** What the briefing is written from: the cited analysis, the scenario as written, and its corpus's evidence. */
export const BriefingInput = z.object({
  analysis: AnalysisReport,
  spec: ScenarioSchema,
  evidence: CorpusEvidence,
  charts: z
    .array(z.object({ title: z.string(), svg: z.string(), caption: z.string() }))
    .optional()
    .describe(
      "the charts of the core, as SVG: the utility space of the two principals, the plans against each side's reservation",
    ),
  prepared: z.string().optional().describe("the day the briefing is written (ISO); today when not given"),
  author: z.string().optional().describe("who prepared it, for the header"),
  since: CaseChanges.optional().describe(
    "what changed in the followed case since the last briefing: its section comes first",
  ),
});
export type BriefingInput = z.infer<typeof BriefingInput>;
