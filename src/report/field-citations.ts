/**
 * The citations of one scenario field: its `cite` list (`parties[0].redLines[1].cite[0]`…), or,
 * for a field that is itself a list of citations (`proposals[0].citeTerms.Territory[0]`), its items.
 */
export function fieldCitations<C extends { readonly field: string }>(
  all: readonly C[] | undefined,
  field: string,
  list = false,
): C[] {
  return (all ?? []).filter((c) => c.field === field || c.field.startsWith(list ? `${field}[` : `${field}.cite[`));
}
