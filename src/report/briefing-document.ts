/** The briefing as a document model: sections of paragraphs, lists, tables and figures, with numbered notes. */

export interface Cite {
  readonly field?: string;
  readonly file: string;
  readonly start?: number;
  readonly end?: number;
  readonly text: string;
  readonly source?: { readonly kind: string; readonly score: number } | undefined;
}

export type Inline = string | { readonly note: number } | { readonly strong: string };
export type Block =
  | { readonly p: Inline[] }
  | { readonly list: Inline[][]; readonly ordered?: boolean }
  | { readonly table: { readonly head: string[]; readonly rows: Inline[][][] } }
  | { readonly figures: readonly { readonly title: string; readonly svg: string; readonly caption: string }[] };
export interface Section {
  readonly title: string;
  readonly blocks: Block[];
}
export interface Briefing {
  readonly title: string;
  /** As of when, from which sources, prepared when and by whom. */
  readonly header: string[];
  readonly core: Section[];
  readonly annex: Section[];
  /** Footnotes: the exact words, their source, its kind and reliability, its date. */
  readonly notes: string[];
}

/** Inline parts with each run of adjacent notes as one group ("[1, 2]", never "¹²" run together). */
export function groupNotes(xs: readonly Inline[]): (Inline | { notes: number[] })[] {
  const out: (Inline | { notes: number[] })[] = [];
  for (const x of xs) {
    const last = out.at(-1);
    if (typeof x !== "string" && "note" in x) {
      if (last && typeof last !== "string" && "notes" in last) last.notes.push(x.note);
      else out.push({ notes: [x.note] });
    } else out.push(x);
  }
  return out;
}
