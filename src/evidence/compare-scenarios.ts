import { baseName } from "../model/base-name.js";
import type { ScenarioSpec } from "../model/schema.js";
import type { Topic } from "./case-knowledge.js";

interface Resolved {
  field: string;
  file: string;
  start: number;
  end: number;
}

const STOP = new Set([
  "the",
  "of",
  "a",
  "an",
  "to",
  "for",
  "us",
  "s",
  "number",
  "amount",
  "plan",
  "meeting",
  "in",
  "or",
  "security",
]);
function keys(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w)),
  );
}
const meets = (a: string, b: string) => [...keys(a)].some((k) => keys(b).has(k));

/** A scenario's red lines as (party, issue) pairs; a conditional one is about the issue it constrains. */
const redLinesOf = (spec: ScenarioSpec) =>
  spec.parties.flatMap((p) =>
    p.redLines.map((r) => ({
      party: p.name,
      issue: "then" in r && r.then ? r.then.issue : (r as { issue: string }).issue,
      label: r.label ?? "",
    })),
  );

/** Found of a kind, as the README reports it. */
const share = (found: number, of: number) => ({ found, of, share: of ? Math.round((found / of) * 100) / 100 : 1 });

/**
 * How close a drafted scenario comes to a hand-written one: which hand-written parties, issues,
 * proposals and red lines the draft found (by name, shared key words, plan numbers or the words a
 * document is cited on, or a red line of the same party on a matching issue), the share of each and of all of them, and how many of
 * the draft's citations point at the same words as one of the hand-written ones.
 */
export function compareScenarios(
  draft: ScenarioSpec,
  hand: ScenarioSpec,
  draftCites: readonly Resolved[],
  handCites: readonly Resolved[],
  topics: readonly Topic[] = [],
) {
  // A drafted issue is a hand-written one that shares a word of its name, or that the hand-written
  // case's topic of that name finds in the drafted one's name ("Territory" is a case's "Gozo
  // channel" when that topic's pattern finds territories).
  const sameIssue = (d: string, h: string) =>
    meets(d, h) || topics.some((t) => t.name.toLowerCase() === h.toLowerCase() && d.search(t.pattern) !== -1);
  const issuesFound = hand.issues.filter((h) => draft.issues.some((d) => sameIssue(d.name, h.name))).map((h) => h.name);
  // Plans are known by their number of points: "28-point plan" is the "Leaked 28-point plan".
  const planNumber = (n: string) => /\b(\d+)[- ]points?\b/.exec(n)?.[1];
  // …or by where they are cited: a drafted document cited on the words a hand-written one is cited on.
  const proposalCites = (cites: readonly Resolved[], k: number) =>
    cites.filter((c) => c.field.startsWith(`proposals[${k}]`));
  const overlap = (a: readonly Resolved[], b: readonly Resolved[]) =>
    a.some((x) => b.some((y) => baseName(x.file) === baseName(y.file) && x.start < y.end && y.start < x.end));
  const sameProposal = (dk: number, hk: number) => {
    const n = planNumber(draft.proposals[dk]!.name),
      h = hand.proposals[hk]!;
    return (
      (n !== undefined && [h.name, ...(h.cite ?? []).map((c) => c.exact)].some((t) => planNumber(t) === n)) ||
      overlap(proposalCites(draftCites, dk), proposalCites(handCites, hk))
    );
  };
  const proposalsFound = hand.proposals
    .filter((_, hk) => draft.proposals.some((_, dk) => sameProposal(dk, hk)))
    .map((h) => h.name);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const partiesFound = hand.parties.filter((h) => draft.parties.some((d) => same(d.name, h.name))).map((p) => p.name);
  const draftLines = redLinesOf(draft);
  const handLines = redLinesOf(hand);
  const linesFound = handLines.filter((h) =>
    draftLines.some((d) => same(d.party, h.party) && sameIssue(d.issue, h.issue)),
  );
  const common = draftCites.filter((d) =>
    handCites.some((h) => baseName(h.file) === baseName(d.file) && d.start < h.end && h.start < d.end),
  ).length;
  // Precision: the drafted items that match some hand-written one.
  const issuesBacked = draft.issues.filter((d) => hand.issues.some((h) => sameIssue(d.name, h.name))).length;
  const proposalsBacked = draft.proposals.filter((_, dk) =>
    hand.proposals.some((_, hk) => sameProposal(dk, hk)),
  ).length;
  const linesBacked = draftLines.filter((d) =>
    handLines.some((h) => same(d.party, h.party) && sameIssue(d.issue, h.issue)),
  ).length;
  const total = partiesFound.length + issuesFound.length + proposalsFound.length + linesFound.length;
  return {
    recovered: {
      parties: share(partiesFound.length, hand.parties.length),
      issues: share(issuesFound.length, hand.issues.length),
      proposals: share(proposalsFound.length, hand.proposals.length),
      redLines: share(linesFound.length, handLines.length),
      all: share(total, hand.parties.length + hand.issues.length + hand.proposals.length + handLines.length),
    },
    precision: {
      issues: share(issuesBacked, draft.issues.length),
      proposals: share(proposalsBacked, draft.proposals.length),
      redLines: share(linesBacked, draftLines.length),
    },
    issues: {
      handWritten: hand.issues.length,
      drafted: draft.issues.length,
      found: issuesFound,
      missed: hand.issues.map((i) => i.name).filter((n) => !issuesFound.includes(n)),
    },
    proposals: {
      handWritten: hand.proposals.length,
      drafted: draft.proposals.length,
      found: proposalsFound,
      missed: hand.proposals.map((p) => p.name).filter((n) => !proposalsFound.includes(n)),
    },
    parties: {
      handWritten: hand.parties.map((p) => p.name),
      drafted: draft.parties.map((p) => p.name),
      found: partiesFound,
    },
    redLines: {
      handWritten: handLines.length,
      drafted: draftLines.length,
      found: linesFound.map((l) => `${l.party}: ${l.label || l.issue}`),
      missed: handLines.filter((l) => !linesFound.includes(l)).map((l) => `${l.party}: ${l.label || l.issue}`),
    },
    citations: { drafted: draftCites.length, handWritten: handCites.length, inCommon: common },
  };
}
