import type { EventMention } from "./events.js";
import { SMALL } from "./quantities.js";

/** What one text says against itself, with its words: a reason to trust it less, whoever else agrees. */
export interface Inconsistency {
  readonly kind: "after its date" | "against itself" | "garbled names";
  readonly finding: string;
}

/** What internal consistency reads of one document. */
interface DocumentRead {
  readonly document: { readonly text: string; readonly published?: string | null };
  readonly events?: readonly EventMention[];
}

/** An approximate time elapsed ("nearly four years into", "almost three years since"); where it may start is `startsWord`'s. */
const ELAPSED =
  /(?:nearly|almost|about|around|roughly|more than|over|some)\s+(\w+)\s+(years?|months?)\s+(?:in|into|prior|since|ago|after|on)\b/gi;

/**
 * Whether words found at `at` start there: no letter before them, or a heading run into them
 * ("…the warNearly four years in"). (Checked here, not in the pattern: case-insensitive, the
 * pattern's own check let "over" in "Hangover" pass, and cost a look at every character.)
 */
function startsWord(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1),
    first = text.charCodeAt(at);
  const upper = (c: number) => c >= 65 && c <= 90,
    lower = (c: number) => c >= 97 && c <= 122;
  return at === 0 || !(upper(before) || lower(before)) || (lower(before) && upper(first));
}

/** One name written twice in a row in a list ("Northland/Southland/Southland", "Gozo, Gozo"). */
const REPEATED_NAME = /\b([A-Z][a-z]{2,})(?:\s*[/,]\s*(?:and\s+)?[A-Z][a-z]+)*\s*[/,]\s*(?:and\s+)?\1\b/g;

/**
 * What a text says against itself: acts it tells as past but dates after its own date (a text
 * dated only by its batch is not judged), one elapsed time given two ways ("nearly four years
 * into the war" and "nearly three years in"), and a name repeated within a list — the marks of a
 * text assembled without care, whatever other sources say.
 */
export function internalInconsistencies(d: DocumentRead): Inconsistency[] {
  const out: Inconsistency[] = [];
  const own = d.document.published;
  if (own) {
    const later = (d.events ?? []).filter(
      (e) => !e.planned && e.when?.iso && e.when.iso.length === 10 && e.when.yearFrom === undefined && e.when.iso > own,
    );
    const days = [...new Set(later.map((e) => e.when!.iso!))].sort();
    if (days.length)
      out.push({
        kind: "after its date",
        finding: `tells ${later.length} act(s) as past on ${days.join(", ")}, after its own date ${own}: “${around(later[0]!)}”`,
      });
  }
  const spans = new Map<string, Map<number, string>>();
  for (const m of d.document.text.matchAll(ELAPSED)) {
    if (!startsWord(d.document.text, m.index!)) continue;
    const n = SMALL[m[1]!.toLowerCase()] ?? Number(m[1]);
    if (!Number.isFinite(n)) continue;
    const unit = m[2]!.toLowerCase().replace(/s$/, "");
    const seen = spans.get(unit) ?? spans.set(unit, new Map()).get(unit)!;
    if (!seen.has(n)) seen.set(n, m[0]);
  }
  for (const seen of spans.values())
    if (seen.size >= 2)
      out.push({
        kind: "against itself",
        finding: `gives one elapsed time two ways: ${[...seen.values()].map((w) => `“${w}”`).join(" and ")}`,
      });
  const repeated = [...d.document.text.matchAll(REPEATED_NAME)].map((m) => m[0]);
  if (repeated.length)
    out.push({
      kind: "garbled names",
      finding: `repeats a name within a list: ${repeated
        .slice(0, 3)
        .map((w) => `“${w}”`)
        .join(", ")}`,
    });
  return out;
}

/** The words of an event's sentence up to its date, a few before it. */
function around(e: EventMention): string {
  const end = e.when!.end - e.start;
  const words = e.text.slice(0, end).split(/\s+/);
  return words.slice(-10).join(" ");
}
