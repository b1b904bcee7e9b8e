import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STATEMENT_KINDS, type StatementKind, statementKind } from "../src/evidence/statement-kind.js";
import { findStatements } from "../src/evidence/statements.js";
import { analyseText } from "../src/evidence/text-analysis.js";

interface PloverRecord {
  readonly event?: string;
  readonly text?: string;
  /** A list of actors; a few records hold a bare string instead. */
  readonly source?: unknown;
  readonly target?: unknown;
}

/** Content words of an actor's words, possessives and determiners dropped. */
const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !["the", "and", "its", "his", "her", "their"].includes(w)),
  );
/** An actor is found when the predicted words share a content word with any gold actor's. */
const actorsOf = (x: unknown): { actorText?: string }[] =>
  Array.isArray(x) ? x.filter((g) => g && typeof g.actorText === "string" && g.actorText) : [];
const found = (predicted: string | undefined, gold: readonly { readonly actorText?: string }[]) =>
  predicted !== undefined && gold.some((g) => [...words(g.actorText ?? "")].some((w) => words(predicted).has(w)));

export interface KindScore {
  readonly kind: StatementKind;
  readonly gold: number;
  readonly predicted: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * The statement classifier on PLOVER's gold-standard records: each record's sentence against its
 * coded event type, for the six kinds a negotiation's stances are read from (every other PLOVER
 * type counts as OTHER). Per kind precision, recall and F1, and their macro average; and how
 * often the statement's source and target actors share a word with the coded ones.
 */
export function evaluateStatementKinds(shared: string) {
  const records = (
    JSON.parse(readFileSync(join(shared, "benchmarks", "plover-gsr-cameo.json"), "utf8")) as PloverRecord[]
  ).filter((r) => r.event && r.text);
  const pairs = records.map((r) => ({
    gold: (STATEMENT_KINDS as readonly string[]).includes(r.event!) ? (r.event as StatementKind) : "OTHER",
    predicted: statementKind(r.text!).kind,
  }));
  const kinds = STATEMENT_KINDS.map((kind) => {
    const tp = pairs.filter((p) => p.gold === kind && p.predicted === kind).length;
    const gold = pairs.filter((p) => p.gold === kind).length,
      predicted = pairs.filter((p) => p.predicted === kind).length;
    const precision = predicted ? tp / predicted : 0,
      recall = gold ? tp / gold : 0;
    return {
      kind,
      gold,
      predicted,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    };
  });
  // Source and target actors, on the records whose sentence the classifier reads as a statement.
  const read = records.map((r) => ({ r, s: findStatements("plover", analyseText(r.text!))[0] })).filter((x) => x.s);
  const withSource = read.filter((x) => actorsOf(x.r.source).length);
  const withTarget = read.filter((x) => actorsOf(x.r.target).length);
  const actors = {
    statements: read.length,
    source: {
      gold: withSource.length,
      right: withSource.filter((x) => found(x.s!.source?.text, actorsOf(x.r.source))).length,
    },
    target: {
      gold: withTarget.length,
      right: withTarget.filter((x) => found(x.s!.target?.text, actorsOf(x.r.target))).length,
    },
  };
  return {
    records: records.length,
    kinds,
    macroF1: kinds.reduce((s, k) => s + k.f1, 0) / kinds.length,
    accuracy: pairs.filter((p) => p.gold === p.predicted).length / pairs.length,
    actors,
  };
}
