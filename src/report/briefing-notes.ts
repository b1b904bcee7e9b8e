import type { CorpusEvidence } from "../contract/evidence.js";
import { baseName } from "../model/base-name.js";
import { ellipsis } from "../model/ellipsis.js";
import type { Cite, Inline } from "./briefing-document.js";

/** Longer cited words are cut in the note (the reading view and the analysis report have them whole). */
const WORDS = 200;
/** A source's name in a note: enough to find it in the annex's list of sources. */
const NAME = 60;

/**
 * The briefing's numbered notes: each the exact words, their source by name and its date (the
 * annex's list of sources gives each source's kind and reliability) — numbered in the order the
 * briefing first cites them, each once.
 */
export class BriefingNotes {
  readonly list: string[] = [];
  private readonly published: Map<string, string | null>;
  private readonly named: Map<string, string>;

  constructor(documents: CorpusEvidence["documents"]) {
    this.published = new Map(documents.map((d) => [baseName(d.file), d.published]));
    this.named = new Map(documents.map((d) => [baseName(d.file), d.name]));
  }

  /** A source by name (its title, else its first words), never by file name. */
  nameOf(file: string): string {
    return this.named.get(baseName(file)) ?? baseName(file);
  }

  dateOf(file: string): string | null {
    return this.published.get(baseName(file)) ?? null;
  }

  /** A note on cited words; where the text around it already quotes them (`quoted`), the note names only the source. */
  note(c: Cite, quoted = false): Inline {
    const source = `${ellipsis(this.nameOf(c.file), NAME)}, ${this.dateOf(c.file) ?? "undated"}`;
    const label = quoted ? source : `“${ellipsis(c.text, WORDS)}” — ${source}`;
    let i = this.list.indexOf(label);
    if (i < 0) i = this.list.push(label) - 1;
    return { note: i + 1 };
  }
}
