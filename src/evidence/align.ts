import type { Claim } from "./claims.js";

export interface Side {
  readonly value: string | number;
  readonly unit: string | null;
  readonly polarity: boolean;
  readonly files: readonly string[];
  /** Every claim behind this side, with its exact words. */
  readonly claims: readonly Claim[];
}

/** One subject · attribute across the sources: what each value rests on. */
export interface Fact {
  readonly subject: string;
  readonly attribute: string;
  readonly status: "corroborated" | "contested" | "single-source";
  readonly sides: readonly Side[];
}

export interface SourceStats {
  readonly file: string;
  readonly claims: number;
  /** Claims another source makes too, with the same value. */
  readonly corroborated: number;
  /** Claims another source contradicts (a different value for the same watched attribute). */
  readonly contested: number;
  /** Claims no other source carries at all. */
  readonly unique: number;
}

const valueKey = (c: Claim) => `${c.value}|${c.unit ?? ""}|${c.polarity}`;

/**
 * Lines the same claim up across documents: corroborated when several sources give one value,
 * contested when sources give different values for a watched attribute (every side kept, with
 * its files and exact words, none picked), single-source otherwise. `sourceOf` maps a file to
 * the source it stands for: copies of one article are one source and never corroborate each other.
 */
export function alignClaims(
  claims: readonly Claim[],
  sourceOf: (file: string) => string = (f) => f,
): { facts: Fact[]; sources: SourceStats[] } {
  const sourcesOf = (files: Iterable<string>) => new Set([...files].map(sourceOf));
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    // Generic quantity claims only meet claims of the same value; watched ones meet any value.
    const key = c.watched ? `${c.subject}|${c.attribute}` : `${c.subject}|${c.attribute}|${valueKey(c)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
  }
  const facts: Fact[] = [];
  const statusOf = new Map<Claim, "corroborated" | "contested" | "unique">();
  for (const group of groups.values()) {
    const byValue = new Map<string, Claim[]>();
    for (const c of group) (byValue.get(valueKey(c)) ?? byValue.set(valueKey(c), []).get(valueKey(c))!).push(c);
    const sides: Side[] = [...byValue.values()].map((cs) => ({
      value: cs[0]!.value,
      unit: cs[0]!.unit,
      polarity: cs[0]!.polarity,
      files: [...new Set(cs.map((c) => c.file))].sort(),
      claims: cs,
    }));
    sides.sort((x, y) => y.files.length - x.files.length || String(x.value).localeCompare(String(y.value)));
    const sources = sourcesOf(group.map((c) => c.file));
    const contested = sides.length > 1 && sources.size > 1;
    const status = contested ? "contested" : sourcesOf(sides[0]!.files).size > 1 ? "corroborated" : "single-source";
    facts.push({ subject: group[0]!.subject, attribute: group[0]!.attribute, status, sides });
    for (const side of sides)
      for (const c of side.claims) {
        const own = sourceOf(c.file);
        const others = side.files.filter((f) => sourceOf(f) !== own).length;
        statusOf.set(
          c,
          contested && sides.some((s) => s !== side && s.files.some((f) => sourceOf(f) !== own))
            ? "contested"
            : others
              ? "corroborated"
              : sources.size > 1
                ? "corroborated"
                : "unique",
        );
      }
  }
  const byFile = new Map<string, Claim[]>();
  for (const c of claims) (byFile.get(c.file) ?? byFile.set(c.file, []).get(c.file)!).push(c);
  const sources = [...byFile.keys()].sort().map((file) => {
    const mine = byFile.get(file)!;
    const count = (s: string) => mine.filter((c) => statusOf.get(c) === s).length;
    return {
      file,
      claims: mine.length,
      corroborated: count("corroborated"),
      contested: count("contested"),
      unique: count("unique"),
    };
  });
  const rank = { contested: 0, corroborated: 1, "single-source": 2 };
  facts.sort(
    (x, y) =>
      rank[x.status] - rank[y.status] || x.subject.localeCompare(y.subject) || x.attribute.localeCompare(y.attribute),
  );
  return { facts, sources };
}
