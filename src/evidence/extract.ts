import { type Actor, findActors } from "./actors.js";
import { alignClaims, type Fact, type SourceStats } from "./align.js";
import type { AttributionModel } from "./attribution/model.js";
import { type CaseKnowledge, NO_CASE } from "./case-knowledge.js";
import { type Claim, findClaims } from "./claims.js";
import { type DateMention, findDates } from "./dates.js";
import { type EvidenceDocument, KNOWN_DATE_SOURCES } from "./document.js";
import { type Duplicate, findDuplicates } from "./duplicates.js";
import { type EventMention, findEvents, mergeEvents, type NegotiationEvent } from "./events.js";
import { findQuantities, type QuantityMention } from "./quantities.js";
import { findQuotes, type Quote } from "./quotes.js";
import { type SourceOverride, type SourceReliability, sourceReliability } from "./reliability.js";
import { findStatements, type Statement } from "./statements.js";
import { analyseText, type TextAnalysis } from "./text-analysis.js";

/** Everything extracted from one document. */
export interface DocumentEvidence {
  readonly document: EvidenceDocument;
  readonly actors: readonly Actor[];
  readonly quotes: readonly Quote[];
  readonly dates: readonly DateMention[];
  readonly quantities: readonly QuantityMention[];
  readonly claims: readonly Claim[];
  readonly statements: readonly Statement[];
  readonly events: readonly EventMention[];
}

export interface EvidenceReport {
  readonly documents: readonly DocumentEvidence[];
  /** Per document, the earlier document it copies (exactly or nearly), or null. */
  readonly duplicates: readonly (Duplicate | null)[];
  readonly facts: readonly Fact[];
  /** What happened, each event once with every source's telling. */
  readonly events: readonly NegotiationEvent[];
  readonly sources: readonly SourceStats[];
  /** Per source: its kind and a score with its reasons. */
  readonly reliability: readonly SourceReliability[];
}

/** The steps of the extraction, as `onStep` names them. */
export type EvidenceStep =
  | "analysis"
  | "people"
  | "actors"
  | "dates"
  | "quantities"
  | "quotes"
  | "claims"
  | "statements"
  | "events"
  | "duplicates"
  | "alignment"
  | "reliability";

/** Told how long each step took, each time it runs (for the benchmark: where the time goes). */
export type StepTimer = (step: EvidenceStep, ms: number) => void;

/** Runs one step, timed when someone asks. */
function step<T>(onStep: StepTimer | undefined, name: EvidenceStep, run: () => T): T {
  if (!onStep) return run();
  const t0 = performance.now();
  const out = run();
  onStep(name, performance.now() - t0);
  return out;
}

/**
 * Extracts one document's evidence with what is known of its case; `knownPeople` (full names
 * from the batch) lets a bare surname resolve.
 */
export function extractDocument(
  doc: EvidenceDocument,
  model: AttributionModel,
  knowledge: CaseKnowledge = NO_CASE,
  knownPeople: readonly string[] = [],
  a: TextAnalysis = analyseText(doc.text),
  onStep?: StepTimer,
): DocumentEvidence {
  return extractDocuments([doc], model, knowledge, knownPeople, [a], onStep)[0]!;
}

/**
 * Several documents' evidence, each as `extractDocument` gives it, taken step by step across
 * them: a step's tables (the tagger's 14.7 MB of weights, the date and name patterns) stay in
 * the cache from one document to the next, where going document by document the other steps
 * pushed them out (about 3 % of the whole extraction's time on PolNeAR dev).
 */
export function extractDocuments(
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  knowledge: CaseKnowledge,
  knownPeople: readonly string[],
  analyses: readonly TextAnalysis[],
  onStep?: StepTimer,
): DocumentEvidence[] {
  const each = <T>(name: EvidenceStep, run: (doc: EvidenceDocument, a: TextAnalysis, i: number) => T): T[] =>
    step(onStep, name, () => docs.map((doc, i) => run(doc, analyses[i]!, i)));
  const actors = each("actors", (doc, a) => findActors(doc.file, a, knownPeople, knowledge.places));
  const dates = each("dates", (doc, a) => {
    // Only a date the document is known to carry resolves relative ones; the batch's is an assumption.
    const known = KNOWN_DATE_SOURCES.includes(doc.publishedSource);
    return findDates(
      doc.file,
      a,
      known ? doc.published : null,
      known ? doc.publishedAt : undefined,
      doc.publishedSource === "batch" ? doc.published : null,
    );
  });
  // Durations ("five-hour") are quantities too; only dates proper are left to the dates.
  const quantities = each("quantities", (doc, a, i) =>
    findQuantities(
      doc.file,
      a,
      dates[i]!.filter((d) => d.kind !== "duration"),
    ),
  );
  const quotes = each("quotes", (doc, a, i) => findQuotes(doc.file, a, actors[i]!, model, knownPeople));
  const claims = each("claims", (doc, a, i) =>
    findClaims(doc.file, a, { dates: dates[i]!, quantities: quantities[i]!, quotes: quotes[i]! }, knowledge),
  );
  const statements = each("statements", (doc, a) => findStatements(doc.file, a));
  const events = each("events", (doc, a, i) => findEvents(doc.file, a, dates[i]!, statements[i]!));
  return docs.map((document, i) => ({
    document,
    actors: actors[i]!,
    quotes: quotes[i]!,
    dates: dates[i]!,
    quantities: quantities[i]!,
    claims: claims[i]!,
    statements: statements[i]!,
    events: events[i]!,
  }));
}

/** Full names of the people a text names, so other texts' bare surnames resolve. */
export function namedPeople(file: string, a: TextAnalysis, knowledge: CaseKnowledge = NO_CASE): string[] {
  return findActors(file, a, [], knowledge.places)
    .filter((x) => x.kind === "person" && x.name.includes(" "))
    .map((x) => x.name);
}

/**
 * The whole flow over a batch: per-document extraction, then claims aligned across sources,
 * where copies of one article count as one source. Each text is analysed once.
 */
export function extractEvidence(
  docs: readonly EvidenceDocument[],
  model: AttributionModel,
  options: {
    knowledge?: CaseKnowledge;
    onProgress?: (done: number, total: number) => void;
    onStep?: StepTimer;
    sources?: Readonly<Record<string, SourceOverride>>;
  } = {},
): EvidenceReport {
  const { knowledge = NO_CASE, onProgress, onStep } = options;
  // Progress counts two steps per document: its analysis, then its extraction.
  const analyses = docs.map((d, i) => {
    const a = step(onStep, "analysis", () => analyseText(d.text));
    onProgress?.(i + 1, 2 * docs.length);
    return a;
  });
  const people = step(onStep, "people", () => [
    ...new Set(docs.flatMap((d, i) => namedPeople(d.file, analyses[i]!, knowledge))),
  ]);
  // A few documents at a time, step by step across them (`extractDocuments`), so progress still moves.
  const extracted: DocumentEvidence[] = [];
  for (let from = 0; from < docs.length; from += STEP_GROUP) {
    const to = Math.min(docs.length, from + STEP_GROUP);
    extracted.push(
      ...extractDocuments(docs.slice(from, to), model, knowledge, people, analyses.slice(from, to), onStep),
    );
    onProgress?.(docs.length + to, 2 * docs.length);
  }
  const duplicates = step(onStep, "duplicates", () => findDuplicates(docs));
  const original = new Map(docs.map((d, i) => [d.file, docs[duplicates[i]?.of ?? i]!.file]));
  const { documents, facts, sources, events } = step(onStep, "alignment", () => {
    const documents = confirmedAcross(extracted);
    const { facts, sources } = alignClaims(
      documents.flatMap((d) => d.claims),
      (file) => original.get(file) ?? file,
    );
    const events = mergeEvents(
      documents.flatMap((d) => d.events),
      (file) => original.get(file) ?? file,
    );
    return { documents, facts, sources, events };
  });
  return {
    documents,
    duplicates,
    facts,
    events,
    sources,
    reliability: step(onStep, "reliability", () => sourceReliability(documents, sources, options.sources)),
  };
}

/** Documents extracted step by step together: enough for a step's tables to be reused, few enough for progress to move. */
const STEP_GROUP = 32;

/** Shortest words that, quoted alike in two sources, are taken for the same quotation. */
const SAME_WORDS_MIN = 20;

/**
 * The same words quoted in two sources (a wire copy, a repost) are one quotation: where one
 * source's attribution is confident and another's likeliest speaker is the same person, the
 * other is confirmed too, and says by which file. Words given confidently to two different
 * people confirm nothing.
 */
function confirmedAcross(documents: DocumentEvidence[]): DocumentEvidence[] {
  const sure = new Map<string, { speaker: string | null; file: string }>();
  for (const d of documents)
    for (const q of d.quotes) {
      if (!q.speaker || q.text.length < SAME_WORDS_MIN) continue;
      const seen = sure.get(q.text);
      sure.set(
        q.text,
        seen && seen.speaker !== q.speaker ? { speaker: null, file: "" } : { speaker: q.speaker, file: q.file },
      );
    }
  return documents.map((d) => ({
    ...d,
    quotes: d.quotes.map((q) => {
      const by = q.speaker ? undefined : sure.get(q.text);
      return by?.speaker && by.file !== q.file && q.speakerCandidate === by.speaker
        ? { ...q, speaker: by.speaker, speakerCandidate: null, confirmedBy: by.file }
        : q;
    }),
  }));
}
