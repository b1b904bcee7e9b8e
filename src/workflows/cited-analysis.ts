import { type AnalyzeOptions, analyze } from "../analysis/analyze.js";
import { utilitySpace } from "../analysis/utility-space.js";
import type { CaseChanges } from "../contract/case-changes.js";
import { InputError, type Problem } from "../errors.js";
import { likelySpeaker } from "../evidence/likely-speaker.js";
import { quarantine, weakFields, withEvidence } from "../formats/cited-report.js";
import type { Loaded } from "../formats/load-files.js";
import { describeVoice, partyMatcher, speakerProblems, voicedCitations } from "../formats/speaker-check.js";
import { versionWeights } from "../formats/version-weights.js";
import { baseName } from "../model/base-name.js";
import { renderBriefing } from "../report/render-briefing.js";
import type { CitedInput } from "./cited-input.js";
import { type CorpusEvidence, corpusEvidence } from "./corpus-evidence.js";

/**
 * The cited analysis every surface gives: the corpus's evidence first (its sources' reliability
 * weighs disputed plan terms), the exact analysis, then every citation, assumption,
 * contradiction and source attached.
 */
export function citedAnalysis(input: CitedInput, options: AnalyzeOptions = {}) {
  const { loaded } = input;
  const corpus = corpusEvidence(input);
  const weights = versionWeights(loaded.model, loaded.spec, corpus.evidence.reliability);
  const analysis = analyze(loaded.model, { ...options, versionWeights: weights });
  return { corpus, report: attachEvidence(loaded, corpus, analysis) };
}

/** The analysis with its corpus's evidence attached. */
export function attachEvidence(loaded: Loaded, corpus: CorpusEvidence, analysis: ReturnType<typeof analyze>) {
  return withEvidence(
    analysis,
    loaded.spec,
    corpus.citations,
    corpus.assumptions,
    corpus.evidence.contradictions,
    corpus.evidence.reliability,
    new Map(corpus.evidence.documents.map((d) => [baseName(d.file), d.name])),
  );
}

/**
 * The briefing (Markdown or one HTML page) on a cited analysis, with the utility space of its first
 * two principals (else of its first two parties).
 */
export function briefing(
  input: CitedInput,
  options: { seed: number; samples: number; author?: string | undefined; since?: CaseChanges | undefined },
  format: "md" | "html",
) {
  const { corpus, report } = citedAnalysis(input, options);
  const model = input.loaded.model;
  const principals = input.loaded.spec.parties.flatMap((p, k) => (p.role === "principal" ? [k] : []));
  const pair = (principals.length >= 2 ? principals.slice(0, 2) : [0, 1]) as [number, number];
  return renderBriefing(
    {
      analysis: report,
      spec: input.loaded.spec,
      evidence: corpus.evidence,
      ...(options.author ? { author: options.author } : {}),
      ...(options.since ? { since: options.since } : {}),
      ...(model.parties.length >= 2 ? { space: utilitySpace(model, pair[0], pair[1]), pair } : {}),
    },
    format,
  );
}

/**
 * Every citation resolved, the assumptions, the fields resting on weak or single sources, and each
 * source's standing. An option, red line, plan or sequencing term resting only on a quarantined
 * source is refused, each with its field and words.
 */
export function validation(input: CitedInput) {
  const { citations, assumptions, evidence } = corpusEvidence(input);
  const held = quarantine(input.loaded.spec, citations, evidence.reliability);
  const voiced = voicedCitations(
    citations,
    input.corpus,
    // A paraphrase is the author's account of what someone said, not their words.
    evidence.quotes.filter((q) => q.kind !== "paraphrase").map((q) => ({ ...q, speaker: likelySpeaker(q) })),
    partyMatcher(input.loaded.spec, input.knowledge),
    evidence.actors,
  );
  const problems: Problem[] = held.flatMap((q) =>
    q.alone.map((a) => {
      const path = pathOf(a.path);
      return {
        ...(input.loaded.locate ? input.loaded.locate(path) : {}),
        code: "source.quarantined",
        field: a.path,
        path,
        message: `${a.field} rests only on ${q.file}, a quarantined source (${q.reason}): “${a.words}”`,
        hint: `cite a source that is not quarantined, drop the item (its claim stays an unverified fact), or keep the source with \`sources: {${q.file}: {quarantine: false, note: why}}\``,
      };
    }),
  );
  // A red line rests on its party's own words, never on an author's, a commentator's or a fear alone.
  for (const p of speakerProblems(input.loaded.spec, voiced))
    problems.push({
      ...(input.loaded.locate ? input.loaded.locate(p.path) : {}),
      code: "speaker.not-own",
      field: p.field,
      path: p.path,
      message: p.message,
      hint: "cite the party's own words (its officials, quoted, reported or relayed), drop the red line (keep it as a stance), or give `voiceOverride: why` on it",
    });
  if (problems.length) throw new InputError(problems);
  return {
    citations,
    assumptions,
    weakFields: weakFields(input.loaded.spec, citations, evidence.reliability),
    quarantine: held,
    voices: voiced.map((v) => ({ field: v.field, file: v.file, text: v.text, voice: describeVoice(v.voice) })),
    reliability: evidence.reliability.map(({ file, kind, score, reasons, quarantined, quarantineReason }) => ({
      file,
      kind,
      score,
      reasons,
      quarantined,
      quarantineReason,
    })),
  };
}

/** `parties[1].optionCites["a b"]` → ["parties", 1, "optionCites", "a b"]. */
function pathOf(field: string): (string | number)[] {
  return [...field.matchAll(/\["([^"]+)"\]|\[(\d+)\]|([^.[\]]+)/g)].map((m) => m[1] ?? (m[2] ? Number(m[2]) : m[3]!));
}
