import { baseName } from "../model/base-name.js";
import { ellipsis } from "../model/ellipsis.js";

/** Words a source's name takes from its first sentence when it has no title. */
const LEDE_WORDS = 9;

/**
 * What a reader calls a source: its outlet, where known, before its title ("Harbour Post: Talks
 * end"); else before the start of its first sentence ("Novak does not seek a ‘deal’ …"), which a
 * reader recognises where a file name ("000_5421cbf4….txt") says nothing; else the file's name.
 */
export function sourceName(doc: {
  readonly file: string;
  readonly title?: string | null;
  readonly outlet?: string | null;
  readonly lede?: string;
}): string {
  const outlet = doc.outlet?.trim();
  const named = headline(doc);
  if (!outlet || !named) return named ?? baseName(doc.file);
  return named.toLowerCase().startsWith(outlet.toLowerCase()) ? named : `${outlet}: ${named}`;
}

/** The title, else the start of the first sentence (past a stored date line such as "date 2025-10-08"). */
function headline(doc: { readonly title?: string | null; readonly lede?: string }): string | null {
  const title = doc.title?.trim();
  if (title) return ellipsis(title, 100);
  const first = (doc.lede ?? "")
    .trim()
    .replace(/^(?:date\s+)?\d{4}-\d{2}-\d{2}\s+/i, "")
    // A sentence ends at a full stop after a word ("talks."), not after an initial ("U.S.").
    .split(/(?<=[a-z]{2}["”’']?[.!?]["”’]?|[!?]["”’]?)\s|\n/)[0]
    ?.trim();
  if (first) {
    const words = first.split(/\s+/);
    return words.length > LEDE_WORDS ? `${words.slice(0, LEDE_WORDS).join(" ")} …` : first;
  }
  return null;
}
