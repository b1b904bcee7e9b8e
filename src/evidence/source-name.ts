import { baseName } from "../model/base-name.js";

/** Words a source's name takes from its first sentence when it has no title. */
const LEDE_WORDS = 9;

/**
 * What a reader calls a source: its title; else the start of its first sentence ("Novak does not
 * seek a ‘deal’ …"), which a reader recognises where a file name ("000_5421cbf4….txt") says
 * nothing; else the file's name.
 */
export function sourceName(doc: {
  readonly file: string;
  readonly title?: string | null;
  readonly lede?: string;
}): string {
  const title = doc.title?.trim();
  if (title) return title.length > 100 ? `${title.slice(0, 99).trimEnd()}…` : title;
  const first = (doc.lede ?? "")
    .trim()
    // A sentence ends at a full stop after a word ("talks."), not after an initial ("U.S.").
    .split(/(?<=[a-z]{2}["”’']?[.!?]["”’]?|[!?]["”’]?)\s|\n/)[0]
    ?.trim();
  if (first) {
    const words = first.split(/\s+/);
    return words.length > LEDE_WORDS ? `${words.slice(0, LEDE_WORDS).join(" ")} …` : first;
  }
  return baseName(doc.file);
}
