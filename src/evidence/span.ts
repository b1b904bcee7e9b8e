/** W3C Web Annotation TextQuoteSelector: a citation that survives re-ingestion. */
export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** A located piece of a document: offsets are UTF-16 code units, as `String.prototype.slice`. */
export interface Located {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly selector: TextQuoteSelector;
}

const CONTEXT = 32;

export function selectorOf(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

export function locate(file: string, text: string, start: number, end: number): Located {
  return { file, start, end, text: text.slice(start, end), selector: selectorOf(text, start, end) };
}
