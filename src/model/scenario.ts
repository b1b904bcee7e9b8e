import type { OutcomeSpace } from "./outcome-space.js";
import type { Parameter, PartyPreferences } from "./preferences.js";
import type { RedLine } from "./red-line.js";

export type PartyRole = "principal" | "mediator" | "guarantor" | "observer";

export interface Party {
  readonly name: string;
  readonly role: PartyRole;
  readonly preferences: PartyPreferences;
  /** GENIUS discount factor: kept and shown, not used by static analysis. */
  readonly discount?: number;
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
