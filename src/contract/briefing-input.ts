import { z } from "zod";
import { ScenarioSchema } from "../model/schema.js";
import { AnalysisReport } from "./analysis-report.js";
import { CorpusEvidence } from "./evidence.js";

/** What the briefing is written from: the cited analysis, the scenario as written, and its corpus's evidence. */
export const BriefingInput = z.object({
  analysis: AnalysisReport,
  spec: ScenarioSchema,
  evidence: CorpusEvidence,
  chart: z
    .object({ svg: z.string(), caption: z.string() })
    .optional()
    .describe("the utility space of the first two parties as SVG, when drawn"),
});
export type BriefingInput = z.infer<typeof BriefingInput>;
