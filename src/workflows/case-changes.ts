import type { CaseSnapshot } from "../evidence/case-snapshot.js";
import { type ChangeReport, changeReport } from "../evidence/change-report.js";
import type { CaseVersionEntry, Store } from "../store/store.js";

/** Which two model versions to diff: those on either side of a time, or two version numbers. */
export interface ChangesQuery {
  /** ISO date or time: the changes made after it (from the last version at or before it). */
  readonly since?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export interface CaseChanges {
  readonly caseId: string;
  /** The version compared from (null: the empty case before the first). */
  readonly from: CaseVersionEntry | null;
  readonly to: CaseVersionEntry;
  /** Every version kept, oldest first. */
  readonly versions: CaseVersionEntry[];
  readonly changes: ChangeReport;
}

/** Why a query names no versions to compare: said so, for the surfaces to turn into their own error. */
export class NoSuchVersion extends Error {}

/**
 * The two versions a query compares (cheap: no snapshot is read): by default from the last
 * version at or before `since` (or from the empty case, when all came after it) to the latest.
 */
export function versionRange(
  caseId: string,
  versions: readonly CaseVersionEntry[],
  query: ChangesQuery = {},
): { from: CaseVersionEntry | null; to: CaseVersionEntry } {
  const byNumber = (n: number) => {
    const v = versions.find((x) => x.version === n);
    if (!v)
      throw new NoSuchVersion(
        `${caseId} has no version ${n} (it has ${versions[0]!.version} to ${versions.at(-1)!.version})`,
      );
    return v;
  };
  const to = query.to !== undefined ? byNumber(query.to) : versions.at(-1)!;
  if (query.from !== undefined) return { from: query.from === 0 ? null : byNumber(query.from), to };
  if (query.since !== undefined) {
    const t = Date.parse(query.since);
    return {
      from: [...versions].reverse().find((v) => Date.parse(v.created) <= t && v.version <= to.version) ?? null,
      to,
    };
  }
  return { from: versions.filter((v) => v.version < to.version).at(-1) ?? null, to };
}

/** The changes to a case between the two kept versions a query names (`versionRange`); null when it has none yet. */
export async function caseChanges(store: Store, caseId: string, query: ChangesQuery = {}): Promise<CaseChanges | null> {
  const versions = await store.caseVersions(caseId);
  if (!versions.length) return null;
  const { from, to } = versionRange(caseId, versions, query);
  const snapshot = async (v: CaseVersionEntry) =>
    (await store.caseVersion(caseId, v.version))?.snapshot as CaseSnapshot;
  const after = await snapshot(to);
  const before = from === null ? null : from.version === to.version ? after : await snapshot(from);
  return { caseId, from, to, versions, changes: changeReport(before, after) };
}
