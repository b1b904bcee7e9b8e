import { baseName } from "../model/base-name.js";
import type { SourceStats } from "./align.js";
import type { Claim } from "./claims.js";
import type { EventMention } from "./events.js";
import { internalInconsistencies } from "./internal-consistency.js";
import { wordCount } from "./word-count.js";

/** What reliability reads of a document's evidence. */
interface SourceEvidence {
  readonly document: {
    readonly file: string;
    readonly text: string;
    readonly outlet: string | null;
    readonly published?: string | null;
  };
  readonly quotes: readonly { readonly resolvedBy: string | null }[];
  readonly events?: readonly EventMention[];
}

/** What each thing a text says against itself costs its score. */
const INCONSISTENCY = 0.12;

/** A source scored below this, or saying two things against itself or more, is quarantined. */
export const QUARANTINE_BELOW = 0.15;

export type SourceKind = "official transcript" | "wire" | "newspaper" | "broadcaster" | "opinion" | "blog";

/** Where every source starts from, by kind, before its claims are weighed. */
const BASE: Record<SourceKind, number> = {
  "official transcript": 0.9,
  wire: 0.85,
  newspaper: 0.8,
  broadcaster: 0.75,
  opinion: 0.55,
  blog: 0.4,
};

/** A source's reliability, with every reason that moved it: transparent, never an opaque rating. */
export interface SourceReliability {
  readonly file: string;
  readonly kind: SourceKind;
  /** Why it was given that kind (or that the scenario set it). */
  readonly kindReason: string;
  readonly score: number;
  readonly reasons: string[];
  /** Shares of its claims that others corroborate, contest, or do not carry at all. */
  readonly corroborated: number;
  readonly contested: number;
  readonly unique: number;
  /** Hedges in its own voice ("reportedly", "sources say"), and per 1,000 words. */
  readonly hedges: number;
  /** Share of its attributions that name a person (the rest: unnamed sources, pronouns, organisations). */
  readonly named: number;
  readonly overridden: boolean;
  /** What the text says against itself (its dates, its figures, its names). */
  readonly findings: string[];
  /**
   * Kept out of the model: its claims are shown as unverified, never options, red lines or plan
   * terms. Past the threshold, or as the scenario says (with its reason).
   */
  readonly quarantined: boolean;
  readonly quarantineReason: string | null;
}

export interface SourceOverride {
  readonly kind?: SourceKind | undefined;
  readonly reliability?: number | undefined;
  readonly outlet?: string | undefined;
  readonly quarantine?: boolean | undefined;
  readonly note?: string | undefined;
}

const HEDGE =
  /\b(reportedly|allegedly|purportedly|supposedly|rumou?red|unconfirmed|it is (?:said|believed|understood)|is said to|are said to|sources (?:say|said|suggest)|according to (?:some |unnamed |media )?reports|appears? to|seems? to|leaked)\b/gi;
const WIRES = /\b(Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|TASS|Interfax|Xinhua|dpa|ANSA|UPI)\b/;
const BROADCASTERS =
  /\b(BBC|CNN|NPR|PBS|Al Jazeera|Sky News|DW|Deutsche Welle|France 24|NBC|ABC News|CBS|RFE\/RL|Radio Free Europe|Euronews)\b/;

/** A text's own words, its quotations blanked, and how many they are (at least 1). */
function ownWords(text: string): { outside: string; words: number } {
  const outside = text.replace(/[“"][^”"\n]*[”"]/g, " ");
  return { outside, words: Math.max(1, wordCount(outside)) };
}

/**
 * What kind of source a text is, read off the text itself: a transcript (speaker turns), a
 * wire or broadcaster (by name or dateline), opinion (the writer's own voice: first person and
 * judgement words outside quotation marks), a blog (no outlet, run-together headlines, stacked
 * figures), else a newspaper. A guess, given with its reason; the scenario can set it instead.
 */
export function classifySource(
  doc: SourceEvidence["document"],
  { outside, words } = ownWords(doc.text),
): { kind: SourceKind; reason: string } {
  const text = doc.text;
  const turns = (text.match(/^[A-Z][A-Za-z .'-]{1,30}:\s/gm) ?? []).length;
  if (turns >= 4) return { kind: "official transcript", reason: `${turns} speaker turns ("Name: …")` };
  const outlet = doc.outlet ?? "";
  if (WIRES.test(outlet) || /^[A-Z][A-Z ,.-]{2,40}\((?:Reuters|AP|AFP|Bloomberg|TASS)\)/m.test(text))
    return { kind: "wire", reason: `a wire agency (${outlet || "dateline"})` };
  if (BROADCASTERS.test(outlet)) return { kind: "broadcaster", reason: `a broadcaster (${outlet})` };
  const voice =
    (outside.match(/\b(I|we|our|us|my)\b/g) ?? []).length +
    (
      outside.match(
        /\b(ridiculous(?:ly)?|of course|clearly|obviously|naturally|absurd|sadly|frankly|surely|in fact)\b/gi,
      ) ?? []
    ).length;
  const glued = (text.match(/[a-z][A-Z][a-z]+[A-Z]?/g) ?? []).filter((m) => /[a-z][A-Z]/.test(m)).length;
  const figures = (outside.match(/\d[\d,.]*\s?(?:%|percent|billion|million|km|troops)/g) ?? []).length;
  if (!outlet && glued >= 5 && figures / words > 0.01)
    return { kind: "blog", reason: `no outlet; ${glued} headlines run into their text, ${figures} figures` };
  if (voice / words > 0.006)
    return {
      kind: "opinion",
      reason: `the writer's own voice (${voice} first-person or judging words outside quotes)`,
    };
  return { kind: "newspaper", reason: "reported prose with attributed sources" };
}

/**
 * Per source: its kind, how its claims fare against the other sources, its own hedges, how much
 * of its sourcing is named — and a score from 0 to 1 with the reason for every step.
 */
export function sourceReliability(
  documents: readonly SourceEvidence[],
  stats: readonly SourceStats[],
  overrides: Readonly<Record<string, SourceOverride>> = {},
): SourceReliability[] {
  // Each file's counts, looked up (the first where a file has several), not searched for per document.
  const statsOf = new Map<string, SourceStats>();
  for (const x of stats) if (!statsOf.has(x.file)) statsOf.set(x.file, x);
  return documents.map((d) => {
    const file = d.document.file;
    const override = overrides[file] ?? overrides[baseName(file)];
    // The text outside quotation marks, read once for the kind and the hedges.
    const own = ownWords(d.document.text);
    const guess = classifySource(override?.outlet ? { ...d.document, outlet: override.outlet } : d.document, own);
    const kind = override?.kind ?? guess.kind;
    const s = statsOf.get(file);
    const claims = Math.max(1, s?.claims ?? 0);
    const corroborated = (s?.corroborated ?? 0) / claims,
      contested = (s?.contested ?? 0) / claims,
      unique = (s?.unique ?? 0) / claims;
    const hedges = (own.outside.match(HEDGE) ?? []).length;
    const perThousand = (1000 * hedges) / own.words;
    const attributed = d.quotes.filter((q) => q.resolvedBy);
    const named = attributed.length ? attributed.filter((q) => q.resolvedBy === "name").length / attributed.length : 0;
    const reasons: string[] = [
      `${kind} (${BASE[kind].toFixed(2)})${override?.kind ? ": set by the scenario" : `: ${guess.reason}`}`,
    ];
    let score = BASE[kind];
    const step = (delta: number, why: string) => {
      if (Math.abs(delta) < 0.005) return;
      score += delta;
      reasons.push(`${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(2)} ${why}`);
    };
    if (s?.claims) {
      step(0.2 * (corroborated - 0.3), `${Math.round(100 * corroborated)}% of its claims corroborated`);
      step(-0.3 * contested, `${Math.round(100 * contested)}% contested`);
      if (unique > 0.5) step(-0.3 * (unique - 0.5), `${Math.round(100 * unique)}% carried by no other source`);
    }
    if (perThousand > 1) step(-Math.min(0.1, 0.02 * perThousand), `${hedges} hedges ("reportedly", "sources say"…)`);
    if (attributed.length >= 3)
      step(0.1 * (named - 0.5), `${Math.round(100 * named)}% of its attributions name a person`);
    const findings = internalInconsistencies(d).map((x) => x.finding);
    for (const f of findings) step(-INCONSISTENCY, f);
    score = Math.max(0.05, Math.min(0.95, score));
    if (override?.reliability !== undefined) {
      score = override.reliability;
      reasons.push(`set to ${score.toFixed(2)} by the scenario`);
    }
    const automatic =
      findings.length >= 2
        ? `says ${findings.length} things against itself`
        : score < QUARANTINE_BELOW
          ? `scored ${score.toFixed(2)}, below ${QUARANTINE_BELOW}`
          : null;
    const quarantined = override?.quarantine ?? automatic !== null;
    const quarantineReason =
      override?.quarantine !== undefined
        ? `${override.quarantine ? "quarantined" : "kept"} by the scenario${override.note ? `: ${override.note}` : ""}`
        : automatic;
    return {
      file,
      kind,
      kindReason: override?.kind ? "set by the scenario" : guess.reason,
      score: Math.round(score * 100) / 100,
      reasons,
      corroborated,
      contested,
      unique,
      hedges,
      named,
      overridden: !!(override?.kind || override?.reliability !== undefined),
      findings,
      quarantined,
      quarantineReason,
    };
  });
}

/** A claim's own score: its source's, moved by whether others corroborate or contest it and by a hedge in its sentence. */
export function claimReliability(
  claim: Claim,
  source: SourceReliability | undefined,
  status: "corroborated" | "contested" | "unique",
): { score: number; reasons: string[] } {
  const reasons = [`source ${source ? `${source.kind}, ${source.score.toFixed(2)}` : "unknown, 0.50"}`];
  let score = source?.score ?? 0.5;
  if (status === "corroborated") (score += 0.15), reasons.push("+0.15 another source says the same");
  if (status === "contested") (score -= 0.15), reasons.push("−0.15 another source says otherwise");
  if (status === "unique") (score -= 0.05), reasons.push("−0.05 no other source carries it");
  HEDGE.lastIndex = 0;
  if (HEDGE.test(claim.sentence.text)) (score -= 0.1), reasons.push("−0.10 hedged in its own sentence");
  HEDGE.lastIndex = 0;
  return { score: Math.round(Math.max(0.05, Math.min(0.95, score)) * 100) / 100, reasons };
}
