import { fieldCitations } from "../../../src/report/field-citations";
import type { Cited } from "../api";
import { readHref } from "../route";
import { sourceNameOf } from "../source-names";

/** A citation: a numbered link to the exact words in their source, with the words as its title. */
export function Cite({ c, n }: { c: Cited; n?: number }) {
  return (
    <a
      class="cite"
      href={readHref(c.file, c.start, c.end)}
      title={`“${c.text}” — ${sourceNameOf(c.file)}${c.source ? ` (${c.source.kind}, ${c.source.score.toFixed(2)})` : ""}`}
    >
      [{n ?? "src"}]
    </a>
  );
}

/** Every citation of a field (its `cite` list), as links; "assumed" when there is none. */
export function Cites({
  all,
  field,
  list = false,
}: {
  all: readonly Cited[] | undefined;
  field: string;
  list?: boolean;
}) {
  const mine = fieldCitations(all, field, list);
  if (!mine.length)
    return (
      <span class="assumption" title="no citation supports this: an assumption">
        assumed
      </span>
    );
  return (
    <>
      {mine.map((c, i) => (
        <Cite key={`${c.file}:${c.start}`} c={c} n={i + 1} />
      ))}
    </>
  );
}
