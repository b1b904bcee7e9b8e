import LANGUAGE from "../../language/figures.json" with { type: "json" };
import type { Claim } from "./claims.js";
import { toRegExp } from "./written-pattern.js";

/** Counted nouns never compared across sources (units of time, labels such as "20-point"). */
const NOT_COMPARED = toRegExp(LANGUAGE.notCompared.pattern);

/**
 * Two sources' counts of the same thing this close (relative to the larger) are one figure told
 * differently ("1,950 prisoners" and "2,000 prisoners"); farther apart they likely count different
 * things ("20 living hostages", "48 hostages").
 */
const CLOSE = 0.1;

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
    // Generic quantity claims only meet claims of the same value, or of a close one; watched ones meet any value.
    const key = c.watched ? `${c.subject}|${c.attribute}` : `${c.subject}|${c.attribute}|${valueKey(c)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
  }
  mergeCloseFigures(groups, sourcesOf);
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

/**
 * Generic counts of one noun whose values lie within CLOSE of each other, from different sources,
 * become one group (a contested figure): each chain of close values, smallest first, is merged
 * into the group of its first value.
 */
function mergeCloseFigures(groups: Map<string, Claim[]>, sourcesOf: (files: Iterable<string>) => Set<string>): void {
  const byNoun = new Map<string, string[]>();
  for (const [key, cs] of groups) {
    const c = cs[0]!;
    if (c.watched || typeof c.value !== "number" || !c.polarity || NOT_COMPARED.test(c.subject)) continue;
    const noun = `${c.subject}|${c.attribute}`;
    (byNoun.get(noun) ?? byNoun.set(noun, []).get(noun)!).push(key);
  }
  for (const keys of byNoun.values()) {
    if (keys.length < 2) continue;
    keys.sort((a, b) => (groups.get(a)![0]!.value as number) - (groups.get(b)![0]!.value as number));
    let chain = [keys[0]!];
    const close = () => {
      const all = chain.flatMap((k) => groups.get(k)!);
      if (chain.length > 1 && sourcesOf(all.map((c) => c.file)).size > 1) {
        for (const k of chain.slice(1)) groups.delete(k);
        groups.set(chain[0]!, all);
      }
    };
    for (const key of keys.slice(1)) {
      const prev = groups.get(chain.at(-1)!)![0]!.value as number,
        next = groups.get(key)![0]!.value as number;
      if (next > 0 && (next - prev) / next <= CLOSE) chain.push(key);
      else {
        close();
        chain = [key];
      }
    }
    close();
  }
}
