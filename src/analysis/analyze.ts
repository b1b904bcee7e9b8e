import type { AnalysisReport, Cited, PointReport } from "../contract/analysis-report.js";
import { possessive } from "../model/possessive.js";
import { type Model, type Proposal, proposalVariants } from "../model/scenario.js";
import { createUtilities } from "../model/utilities.js";
import { withLazyFrontier } from "./analysis-json.js";
import { bargainingSolutions, type SolutionName } from "./bargaining-solutions.js";
import { jointRedLineConcessions, minimalConcessions } from "./concessions.js";
import { feasibleFrontier } from "./feasible-frontier.js";
import { redLineCollisions } from "./hard-constraints.js";
import { type Frontier, paretoFrontier } from "./pareto.js";
import { planLineage } from "./plan-lineage.js";
import { evaluateProposal, type OutcomePoint, pointOf } from "./proposal-evaluation.js";
import { robustness } from "./robustness.js";
import { stanceMatrix } from "./stance-matrix.js";
import { WorkBudget } from "./work-budget.js";
import { zoneOfAgreement } from "./zopa.js";

// The report's shape is the contract's (src/contract/analysis-report.ts): defined once for every surface.
export type { AnalysisReport, Cited, PointReport };

export interface AnalyzeOptions {
  /** Monte Carlo draws for robustness (0 = skip; skipped anyway when nothing is uncertain). */
  samples?: number;
  seed?: number;
  /** Work units the whole analysis may use (see WorkBudget); default DEFAULT_WORK_LIMIT. */
  maxWork?: number;
  /** Progress of the robustness draws, the part that can take long. */
  onProgress?: (done: number, total: number) => void;
  /** Work units used of the limit, as the exact analysis goes. */
  onWork?: (used: number, limit: number) => void;
  /** Per proposal with contested terms: how likely each version is (by its sources' reliability), and how that was decided. */
  versionWeights?: readonly (
    | { weights: readonly number[]; versions: { terms: string; weight: number }[] }
    | undefined
  )[];
}

/** Runs every static analysis on the model at its nominal values. */
export function analyze(model: Model, options: AnalyzeOptions = {}): AnalysisReport {
  const u = createUtilities(model);
  const space = model.space;
  const names = model.parties.map((p) => p.name);
  const budget = new WorkBudget(options.maxWork, options.onWork);
  const unconstrained = paretoFrontier(u, undefined, budget);
  const feasible = model.redLines.length ? feasibleFrontier(u, model.redLines, undefined, budget) : unconstrained;
  const toPoint = (p: OutcomePoint): PointReport => ({
    outcome: space.toRecord(p.choices),
    utilities: Array.from(p.utilities),
  });
  const row = (f: Frontier, r: number) => (r >= 0 ? toPoint(pointOf(f, r)) : null);
  const solutions = Object.fromEntries(
    Object.entries(bargainingSolutions).map(([name, solve]) => [name, row(feasible, solve(feasible, u.reservations))]),
  ) as Record<SolutionName, PointReport | null>;
  const zopa = zoneOfAgreement(u, model.redLines, feasible, { seed: options.seed ?? 1 });
  const lineLabel = (i: number) => model.redLines[i]!.label;
  const lineParty = (i: number) => names[model.redLines[i]!.party]!;
  const contestedVersions = (proposal: Proposal) => {
    const versions = proposalVariants(proposal).map((v) => {
      const e = evaluateProposal(model, u, v, unconstrained, feasible, budget);
      return {
        terms: Object.fromEntries(
          proposal.alternatives!.map((a) => [
            space.issues[a.issue]!.name,
            space.issues[a.issue]!.valueAt(v.choices[a.issue]!),
          ]),
        ),
        utilities: e.utilities.map(([lo]) => lo),
        acceptable: e.acceptable,
        redLinesCrossed: e.redLines.map((r) => ({
          party: lineParty(r.line),
          label: lineLabel(r.line),
          status: r.status,
        })),
      };
    });
    const signature = (x: (typeof versions)[number]) => JSON.stringify([x.acceptable, x.redLinesCrossed]);
    return { contested: versions, dependsOnSources: new Set(versions.map(signature)).size > 1 };
  };
  const proposals = model.proposals.map((proposal) => {
    const e = evaluateProposal(model, u, proposal, unconstrained, feasible, budget);
    const complete = e.open.length === 0;
    return {
      name: proposal.name,
      ...(proposal.by === undefined ? {} : { by: proposal.by }),
      open: e.open.map((i) => space.issues[i]!.name),
      stated: space.issues.length - e.open.length,
      utilities: e.utilities.map(([lo]) => lo),
      ...(complete ? {} : { utilityRanges: e.utilities.map(([lo, hi]) => [lo, hi] as [number, number]) }),
      redLinesCrossed: e.redLines.map((r) => ({
        party: lineParty(r.line),
        label: lineLabel(r.line),
        status: r.status,
      })),
      acceptable: e.acceptable,
      paretoEfficient: e.paretoEfficient,
      dominatedBy: e.dominatedBy && toPoint(e.dominatedBy),
      completion: e.completion && toPoint(e.completion),
      ...(proposal.alternatives ? contestedVersions(proposal) : {}),
    };
  });
  // Whether the red lines alone leave any outcome; if not, which of them collide (every collision to break).
  const collisions = model.redLines.length && feasible.size === 0 ? redLineCollisions(u, model.redLines) : [];
  const colliding = collisions.length ? collisions[0]! : null;
  const lineRef = (i: number) => ({ party: names[model.redLines[i]!.party]!, label: model.redLines[i]!.label });
  const found = zopa.exists ? [] : minimalConcessions(model, u, feasible, budget);
  // Two or more collisions: no single relaxation opens a zone; one line of each has to give.
  const joint =
    !zopa.exists && collisions.length > 1 && !found.some((c) => c.kind !== "reservation")
      ? jointRedLineConcessions(model, u, collisions, budget)
      : [];
  const concessions: AnalysisReport["concessions"] = [...found, ...joint].map((c) =>
    c.kind === "reservation"
      ? {
          kind: c.kind,
          changes: c.changes.map((x) => ({ party: names[x.party]!, from: x.from, to: x.to })),
          size: c.size,
          opens: toPoint(c.opens),
        }
      : c.kind === "red-line"
        ? {
            kind: c.kind,
            party: names[c.party]!,
            redLine: lineLabel(c.line),
            change: c.change,
            size: c.size,
            opens: toPoint(c.opens),
          }
        : {
            kind: c.kind,
            changes: c.changes.map((x) => ({
              party: names[x.party]!,
              redLine: lineLabel(x.line),
              change: x.change,
              size: x.size,
            })),
            size: c.size,
            opens: toPoint(c.opens),
          },
  );
  const lineName = (i: number) => `${possessive(names[model.redLines[i]!.party]!)} "${model.redLines[i]!.label}"`;
  const pair = (c: readonly number[]) => c.map(lineName).join(c.length === 2 ? " and " : ", ");
  const summary = colliding
    ? `No zone of agreement, whatever the preferences: ${pair(colliding)} exclude${colliding.length === 1 ? "s" : ""} each other${collisions
        .slice(1)
        .map((c) => `; so do ${pair(c)}`)
        .join("")}; no weight, value or reservation number changes this.`
    : zopa.exists
      ? "A zone of agreement exists at the scenario's nominal numbers."
      : "No zone of agreement at the scenario's nominal numbers: outcomes that cross no red line exist, but none gives every party its reservation value — the answer rests on the assumed weights, values and reservation values.";
  const samples = options.samples ?? 1000;
  // When the red lines alone exclude every outcome, no draw can open a zone or make a proposal acceptable to all: nothing to draw.
  const rob =
    samples > 0 && model.parameters.length && !colliding
      ? robustness(model, {
          samples,
          seed: options.seed ?? 1,
          budget,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.versionWeights ? { versionWeights: options.versionWeights.map((v) => v?.weights) } : {}),
        })
      : undefined;
  const count = (n: bigint) => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString());
  const report: AnalysisReport = {
    scenario: model.name,
    outcomes: count(space.size),
    issues: space.issues.map((i) => ({
      name: i.name,
      kind: i.kind,
      values: i.describe(),
      ...(i.unit ? { unit: i.unit } : {}),
    })),
    parties: names,
    reservations: Array.from(u.reservations),
    discounts: model.parties.map((p) => p.discount ?? null),
    redLines: model.redLines.map((l) => ({ party: names[l.party]!, label: l.label })),
    uncertainNumbers: model.parameters.length,
    frontier: [] as PointReport[], // replaced by a lazy one below: JSON writers stream it
    ...(model.redLines.length ? { unconstrainedFrontierSize: unconstrained.size } : {}),
    solutions,
    zopa: {
      exists: zopa.exists,
      size: zopa.size === null ? null : count(zopa.size),
      ...(zopa.estimate ? { estimate: zopa.estimate } : {}),
      probability: rob ? rob.zopaRate : zopa.exists ? 1 : 0,
    },
    proposals,
    concessions,
    explanation: {
      collidingRedLines: colliding ? colliding.map(lineRef) : null,
      ...(collisions.length > 1 ? { collisions: collisions.map((c) => c.map(lineRef)) } : {}),
      summary,
    },
    ...(model.stances?.length ? { stances: stanceMatrix(model) } : {}),
    ...(model.proposals.some((p) => p.derivedFrom !== undefined) ? { lineage: planLineage(model) } : {}),
    ...(model.notes?.length ? { notes: model.notes.map((n) => ({ ...n })) } : {}),
    ...(model.sequencing?.length
      ? { sequencing: model.sequencing.map((q) => ({ label: q.label, relation: q.relation })) }
      : {}),
    ...(model.parties.some((p) => p.alternatives)
      ? {
          alternatives: model.parties
            .filter((p) => p.alternatives)
            .map((p) => ({ party: p.name, alternatives: p.alternatives!.map((a) => ({ ...a })) })),
        }
      : {}),
    ...(rob
      ? {
          robustness: {
            samples: rob.samples,
            ...(rob.samples < rob.requested ? { requested: rob.requested, stoppedBy: "work limit" } : {}),
            seed: rob.seed,
            parameters: rob.parameters,
            zopaRate: rob.zopaRate,
            proposals: model.proposals.map((p, i) => ({ name: p.name, acceptableRate: rob.acceptableRate[i]! })),
            nash: rob.nash.slice(0, 5).map((n) => ({ outcome: space.toRecord(n.choices), rate: n.rate })),
            nashUtility: rob.nashUtility.map((q, p) => ({ party: names[p]!, ...q })),
            ...(options.versionWeights?.some(Boolean)
              ? {
                  versionWeights: options.versionWeights.flatMap((v, k) =>
                    v ? [{ proposal: model.proposals[k]!.name, versions: v.versions }] : [],
                  ),
                }
              : {}),
          },
        }
      : {}),
  };
  return withLazyFrontier(report, { frontier: feasible, space }, () =>
    Array.from({ length: feasible.size }, (_, r) => toPoint(pointOf(feasible, r))),
  );
}
