import type { BriefingInput } from "../contract/briefing-input.js";
import { briefingAnnex } from "./briefing-annex.js";
import { briefingCore, briefingHeader } from "./briefing-core.js";
import type { Briefing } from "./briefing-document.js";
import { BriefingNotes } from "./briefing-notes.js";
import { briefingSince } from "./briefing-since.js";

/**
 * The briefing on a scenario as a document model: a dated header, a two-page core a desk officer
 * reads in five minutes (briefing-core.ts), then the annex with the full model, the evidence and
 * the method (briefing-annex.ts); the cited words as numbered notes (quote, source, date).
 * Markdown and HTML are written from it (briefing-markdown.ts, briefing-html.ts).
 */

export type { BriefingInput };

export function buildBriefing(input: BriefingInput): Briefing {
  const notes = new BriefingNotes(input.evidence.documents);
  const header = briefingHeader(input, notes);
  const since = briefingSince(input.since);
  // What changed comes first: a reader of the last briefing reads it before the rest.
  const core = [...(since ? [since] : []), ...briefingCore(input, notes)];
  const annex = briefingAnnex(input, notes);
  return { title: input.analysis.scenario, header, core, annex, notes: notes.list };
}
