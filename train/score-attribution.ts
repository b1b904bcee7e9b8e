import { findActors } from "../src/evidence/actors.js";
import { tokenFeatures } from "../src/evidence/attribution/features.js";
import type { AttributionModel } from "../src/evidence/attribution/model.js";
import { tagSpans, tagText } from "../src/evidence/attribution/tagger.js";
import { findQuotes, type Quote } from "../src/evidence/quotes.js";
import type { TextAnalysis } from "../src/evidence/text-analysis.js";
import type { PolnearRecord, PolnearSpan } from "./polnear.js";

type Span = readonly [number, number];

export interface RoleScore {
  role: "source" | "cue" | "content";
  predicted: number;
  gold: number;
  exact: { precision: number; recall: number; f1: number };
  overlap: { precision: number; recall: number; f1: number };
}

/** What one quote of the pipeline is worth against the gold relations of its text. */
export interface ScoredQuote {
  readonly confidence: number;
  /** The quote's content overlaps a gold content whose source overlaps the quote's source (and names the same person when the gold source is a name). */
  readonly right: boolean;
  /** The annotated relation it gets right (numbered across the texts), or −1. */
  readonly relation: number;
  readonly resolvedBy: Quote["resolvedBy"];
}

export interface AttributionScores {
  readonly documents: number;
  readonly relations: number;
  readonly roles: RoleScore[];
  /** Relations: content overlapping a gold content, with a source overlapping that relation's source. */
  readonly contentWithSource: { precision: number; recall: number; f1: number; predicted: number; gold: number };
  /** Every quote with a source, scored, so a confidence threshold can be chosen or checked. */
  readonly quotes: ScoredQuote[];
  /** Annotated relations with a source and a content: what the quotes' `relation` numbers count. */
  readonly attributions: number;
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
const prf = (tp: number, predicted: number, tr: number, gold: number) => {
  const precision = predicted ? tp / predicted : 0,
    recall = gold ? tr / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Capitalised words of a gold source that name someone ("Mr. Trump" → Trump), for checking a resolved name. */
function nameWords(source: string): string[] {
  return source
    .split(/[\s’'.,]+/)
    .filter(
      (w) =>
        /^[A-Z][a-z]+/.test(w) &&
        !/^(The|A|An|Mr|Mrs|Ms|Dr|His|Her|Their|In|On|But|And|He|She|They|We|It|I|You)$/.test(w),
    );
}

/**
 * Scores the attribution pipeline on PolNeAR records: per role, the tagger's spans against the
 * gold spans (exact and overlapping); per relation, content with the right source; per quote,
 * whether its speaker is right — so a confidence threshold can be read off for a precision.
 */
export function scoreAttribution(
  docs: readonly { record: PolnearRecord; analysis: TextAnalysis }[],
  model: AttributionModel,
): AttributionScores {
  const roles = { source: counts(), cue: counts(), content: counts() };
  const quotes: ScoredQuote[] = [];
  let relations = 0,
    cwsPredicted = 0,
    cwsRight = 0,
    cwsGold = 0,
    cwsFound = 0;
  for (const { record, analysis } of docs) {
    const features = tokenFeatures(analysis, model.cues);
    const { tags } = tagText(model.weights, analysis, features);
    const spans = tagSpans(tags).map((s) => ({
      role: s.role,
      span: [analysis.tokens[s.from]!.start, analysis.tokens[s.to - 1]!.end] as Span,
    }));
    for (const role of ["source", "cue", "content"] as const) {
      const gold = dedupe(record.attributions.flatMap((x) => x[role].flatMap((y) => y.spans as PolnearSpan[])));
      tally(roles[role], dedupe(spans.filter((s) => s.role === role).map((s) => s.span)), gold);
    }
    relations += record.attributions.length;
    const found = findQuotes(record.id, analysis, findActors(record.id, analysis), { ...model, threshold: 0 });
    const match = matchAgainst(record);
    for (const q of found) {
      if (!q.speakerSpan) continue;
      const who = q.speaker ?? q.speakerCandidate;
      const relation = match(q, who ?? "");
      const right = relation >= 0;
      // A quote whose source names nobody ("this cap", a pronoun with no antecedent) or whose words
      // were not said is given no speaker at any threshold: it is never kept.
      quotes.push({
        confidence: who === null ? 0 : q.confidence,
        right,
        relation: right ? cwsGold + relation : -1,
        resolvedBy: q.resolvedBy,
      });
      cwsPredicted++;
      if (right) cwsRight++;
    }
    const goldSpans = record.attributions
      .filter((r) => r.source.length && r.content.length)
      .map((r) => ({
        content: r.content.flatMap((c) => c.spans) as Span[],
        source: r.source.flatMap((s) => s.spans) as Span[],
      }));
    for (const g of goldSpans) {
      cwsGold++;
      if (
        found.some(
          (q) =>
            q.speakerSpan &&
            g.content.some((c) => overlaps(c, [q.start, q.end])) &&
            g.source.some((s) => overlaps(s, [q.speakerSpan!.start, q.speakerSpan!.end])),
        )
      )
        cwsFound++;
    }
  }
  return {
    documents: docs.length,
    relations,
    roles: (["source", "cue", "content"] as const).map((role) => {
      const c = roles[role];
      return {
        role,
        predicted: c.predicted,
        gold: c.gold,
        exact: prf(c.exactP, c.predicted, c.exactR, c.gold),
        overlap: prf(c.overlapP, c.predicted, c.overlapR, c.gold),
      };
    }),
    contentWithSource: { ...prf(cwsRight, cwsPredicted, cwsFound, cwsGold), predicted: cwsPredicted, gold: cwsGold },
    quotes,
    attributions: cwsGold,
  };
}

/**
 * Whether a quote's source is right against a text's gold relations: its content overlaps a
 * gold content whose source overlaps the quote's source, and where that gold source is a name,
 * the resolved speaker carries it.
 */
export function judgeAgainst(
  record: PolnearRecord,
): (q: Pick<Quote, "start" | "end" | "speakerSpan" | "resolvedBy">, speaker: string) => boolean {
  const match = matchAgainst(record);
  return (q, speaker) => match(q, speaker) >= 0;
}

/** As `judgeAgainst`, but which of the text's relations (with a source and a content, in order) the quote gets right, or −1. */
function matchAgainst(
  record: PolnearRecord,
): (q: Pick<Quote, "start" | "end" | "speakerSpan" | "resolvedBy">, speaker: string) => number {
  const gold = record.attributions
    .filter((r) => r.source.length && r.content.length)
    .map((r) => ({
      content: r.content.flatMap((c) => c.spans) as Span[],
      source: r.source.flatMap((s) => s.spans) as Span[],
      sourceText: r.source.map((s) => s.text).join(" "),
    }));
  return (q, speaker) => {
    if (!q.speakerSpan) return -1;
    const content: Span = [q.start, q.end],
      source: Span = [q.speakerSpan.start, q.speakerSpan.end];
    const at = gold.findIndex(
      (g) => g.content.some((c) => overlaps(c, content)) && g.source.some((s) => overlaps(s, source)),
    );
    const match = gold[at];
    const names = match ? nameWords(match.sourceText) : [];
    // A body named for its country ("the White House" → United States) is that country speaking:
    // right when the source phrase itself carries the annotated name.
    const body = q.resolvedBy === "organisation" && names.every((n) => q.speakerSpan!.text.includes(n));
    return match && (names.length === 0 || q.resolvedBy === "unnamed" || body || names.some((n) => speaker.includes(n)))
      ? at
      : -1;
  };
}

/** Speaker precision and how many quotes keep a speaker, at a confidence threshold. */
export function atThreshold(
  quotes: readonly ScoredQuote[],
  threshold: number,
): { precision: number; attributed: number; right: number; relations: number } {
  const kept = quotes.filter((q) => q.confidence >= threshold);
  const right = kept.filter((q) => q.right).length;
  // Annotated relations given their right speaker by at least one kept quote.
  const relations = new Set(kept.filter((q) => q.right).map((q) => q.relation)).size;
  return { precision: kept.length ? right / kept.length : 1, attributed: kept.length, right, relations };
}

/** The lowest threshold whose speaker precision reaches `target` (most speakers kept at that precision). */
export function thresholdFor(quotes: readonly ScoredQuote[], target: number): number {
  const candidates = [...new Set(quotes.map((q) => q.confidence))].sort((a, b) => a - b);
  for (const t of candidates) if (t > 0 && atThreshold(quotes, t).precision >= target) return t;
  return 1;
}

function counts() {
  return { predicted: 0, gold: 0, exactP: 0, exactR: 0, overlapP: 0, overlapR: 0 };
}

function dedupe(spans: readonly Span[]): Span[] {
  return [...new Map(spans.map((s) => [s.join(","), s])).values()];
}

function tally(c: ReturnType<typeof counts>, pred: Span[], gold: Span[]): void {
  const same = (a: Span, b: Span) => a[0] === b[0] && a[1] === b[1];
  c.predicted += pred.length;
  c.gold += gold.length;
  c.exactP += pred.filter((p) => gold.some((g) => same(p, g))).length;
  c.exactR += gold.filter((g) => pred.some((p) => same(p, g))).length;
  c.overlapP += pred.filter((p) => gold.some((g) => overlaps(p, g))).length;
  c.overlapR += gold.filter((g) => pred.some((p) => overlaps(p, g))).length;
}
