import type { Compilation, Path } from "./compilation.js";
import { checkDistinct } from "./distinct-names.js";
import type { Proposal } from "./scenario.js";
import type { ProposalSpec, ScenarioSpec } from "./schema.js";

/** What a proposal's names are checked against: the proposals and parties by name. */
interface Names {
  readonly proposals: ReadonlyMap<string, number>;
  readonly parties: readonly string[];
}

/**
 * The plan versions on the table, each with its terms, objections and the version it was
 * derived from; then the checks that need them all: who made each, and lineages without circles.
 */
export function compileProposals(c: Compilation, spec: ScenarioSpec): Proposal[] {
  const names: Names = {
    proposals: new Map(spec.proposals.map((s, k) => [s.name, k])),
    parties: spec.parties.map((p) => p.name),
  };
  checkDistinct(
    c,
    "proposal",
    spec.proposals.map((s) => s.name),
    (k) => ["proposals", k, "name"],
    "proposal names must be unique: name a later version apart (for example “… (revised)”)",
  );
  const proposals = spec.proposals.map((s, k) => compileProposal(c, s, k, names));
  const partyNames = new Set(names.parties);
  spec.proposals.forEach((s, k) => {
    if (s.by !== undefined && !partyNames.has(s.by))
      c.report(["proposals", k, "by"], `unknown party "${s.by}"`, `known parties: ${[...partyNames].join(", ")}`);
  });
  checkLineage(c, proposals);
  return proposals;
}

function compileProposal(c: Compilation, s: ProposalSpec, k: number, names: Names): Proposal {
  const path: Path = ["proposals", k];
  const from = s.derivedFrom === undefined ? undefined : names.proposals.get(s.derivedFrom);
  if (s.derivedFrom !== undefined && from === undefined)
    c.report(
      [...path, "derivedFrom"],
      `no proposal "${s.derivedFrom}" to derive from`,
      `proposals: ${[...names.proposals.keys()].join(", ")}`,
    );
  const objections = compileObjections(c, s, path, names.parties);
  const drops = compileDrops(c, s, path);
  const { choices, alternatives } = compileOutcome(c, s.outcome, path);
  return {
    name: s.name,
    choices,
    ...(alternatives.length ? { alternatives } : {}),
    ...(s.by === undefined ? {} : { by: s.by }),
    ...(s.description === undefined ? {} : { description: s.description }),
    ...(from === undefined ? {} : { derivedFrom: from }),
    ...(drops.length && drops.every((t) => t >= 0) ? { drops } : {}),
    ...(objections.length ? { objections } : {}),
  };
}

/** Who objected and to which terms; an objection naming an unknown party or issue is reported and left out. */
function compileObjections(c: Compilation, s: ProposalSpec, path: Path, parties: readonly string[]) {
  return (s.objections ?? []).flatMap((o, j) => {
    const party = parties.indexOf(o.party);
    if (party < 0)
      c.report(
        [...path, "objections", j, "party"],
        `unknown party "${o.party}"`,
        `known parties: ${parties.join(", ")}`,
      );
    const terms = (o.terms ?? []).map((t, q) => c.lookupIssue(t, [...path, "objections", j, "terms", q]));
    return party >= 0 && terms.every((t) => t >= 0) ? [{ party, terms, ...(o.note ? { note: o.note } : {}) }] : [];
  });
}

/** The terms of the earlier version this one removes (-1 for an unknown issue): only from a version derived from one. */
function compileDrops(c: Compilation, s: ProposalSpec, path: Path): number[] {
  if (s.drops && s.derivedFrom === undefined)
    c.report(
      [...path, "drops"],
      "a version can only drop terms of the version it was derived from",
      "add derivedFrom, or remove drops",
    );
  const drops = (s.drops ?? []).map((t, q) => c.lookupIssue(t, [...path, "drops", q]));
  s.drops?.forEach((t, q) => {
    if (t in s.outcome)
      c.report(
        [...path, "drops", q],
        `"${t}" is both dropped and set by the outcome`,
        "keep it in one of drops or outcome",
      );
  });
  return drops;
}

/** An option per issue the plan sets (-1 where it leaves one open); where sources disagree, every option given. */
function compileOutcome(c: Compilation, outcome: ProposalSpec["outcome"], path: Path) {
  const choices = new Int32Array(c.issues.length).fill(-1);
  const alternatives: { issue: number; options: number[] }[] = [];
  for (const [name, value] of Object.entries(outcome)) {
    const at = [...path, "outcome", name];
    const i = c.lookupIssue(name, at);
    if (i < 0) continue;
    if (typeof value === "object") {
      const options = value.oneOf.map((v, a) => c.optionIndex(c.issues[i]!, v, [...at, "oneOf", a]));
      choices[i] = options[0]!;
      alternatives.push({ issue: i, options });
    } else choices[i] = c.optionIndex(c.issues[i]!, value, at);
  }
  return { choices, alternatives };
}

/** Plan lineage: no version its own ancestor (a lineage followed from a version must end at an original). */
function checkLineage(c: Compilation, proposals: readonly Proposal[]): void {
  proposals.forEach((p, k) => {
    const seen = new Set<number>();
    for (let at: number | undefined = k; at !== undefined; at = proposals[at]!.derivedFrom) {
      if (seen.has(at)) {
        c.report(
          ["proposals", k, "derivedFrom"],
          `"${p.name}" is derived from itself through ${[...seen].map((i) => `"${proposals[i]!.name}"`).join(" ← ")}`,
          "a version's lineage must end at an original",
        );
        break;
      }
      seen.add(at);
    }
  });
}
