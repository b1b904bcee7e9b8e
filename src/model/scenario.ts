import type { OutcomeSpace } from "./outcome-space.js";
import type { Parameter, PartyPreferences } from "./preferences.js";
import type { Condition, RedLine } from "./red-line.js";

export type PartyRole = "principal" | "mediator" | "guarantor" | "observer";

export interface Party {
  readonly name: string;
  readonly role: PartyRole;
  readonly preferences: PartyPreferences;
  /** GENIUS discount factor: kept and shown, not used by static analysis. */
  readonly discount?: number;
  /** What the party does without an agreement; its reservation value is the best of them when none is typed in. */
  readonly alternatives?: readonly { readonly name: string; readonly low: number; readonly high: number }[];
  readonly description?: string;
}

/** A plan version on the table: one option index per issue, -1 where it leaves an issue open. */
export interface Proposal {
  readonly name: string;
  readonly choices: Int32Array;
  /**
   * Terms the sources disagree on: per such issue, every option some source gives. `choices`
   * holds the first; analysis runs over all of them.
   */
  readonly alternatives?: readonly { readonly issue: number; readonly options: readonly number[] }[];
  readonly by?: string;
  readonly description?: string;
  /** The proposal (by index) this version was derived from. */
  readonly derivedFrom?: number;
  /** Issues whose term of the earlier version this one removes (others it leaves out are not stated). */
  readonly drops?: readonly number[];
  /** Who objected to this version, and to which terms (issue indices; empty = the whole). */
  readonly objections?: readonly {
    readonly party: number;
    readonly terms: readonly number[];
    readonly note?: string;
  }[];
}

export type StanceStrength = "red line" | "demand" | "preference" | "acceptable" | "rejects";

/** How strongly a party holds a position on an issue; red lines add theirs when none is written. */
export interface Stance {
  readonly party: number;
  readonly issue: number;
  readonly strength: StanceStrength;
  /** Option indices the stance is for (rejected ones for `rejects`); empty when not stated. */
  readonly toward: readonly number[];
  readonly note?: string;
  /** Whether words of a source back it (false: an assumption, or implied by a red line). */
  readonly cited: boolean;
  readonly implied?: boolean;
}

/** A term that only takes effect after another (`before`), or is given for it (`in exchange for`). */
export interface Sequence {
  readonly label: string;
  readonly first: Condition;
  readonly then: Condition;
  readonly relation: "before" | "in exchange for";
}

/** The computable negotiation: issues, parties with preferences and red lines, proposals. */
export interface Model {
  readonly name: string;
  readonly description?: string;
  readonly space: OutcomeSpace;
  readonly parties: readonly Party[];
  readonly redLines: readonly RedLine[];
  readonly proposals: readonly Proposal[];
  /** The uncertain numbers of the scenario, in the order `theta` vectors use. */
  readonly parameters: readonly Parameter[];
  readonly stances?: readonly Stance[];
  readonly sequencing?: readonly Sequence[];
  /** What the texts say beside the model (not encoded in it). */
  readonly notes?: readonly { readonly subject: string; readonly text: string }[];
}

/** Every version of a proposal over its contested terms (the proposal itself when none is contested). */
export function proposalVariants(p: Proposal): Proposal[] {
  let variants: Int32Array[] = [p.choices];
  for (const alt of p.alternatives ?? [])
    variants = variants.flatMap((c) =>
      alt.options.map((o) => {
        const next = c.slice();
        next[alt.issue] = o;
        return next;
      }),
    );
  return variants.map((choices) => ({ ...p, choices }));
}
