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
