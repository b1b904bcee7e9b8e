import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STATEMENT_KINDS, statementKind, type StatementKind } from "../src/evidence/statement-kind.js";

interface PloverRecord {
  readonly event?: string;
  readonly text?: string;
}

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
 * type counts as OTHER). Per kind precision, recall and F1, and their macro average.
 */
export function evaluateStatementKinds(shared: string): { records: number; kinds: KindScore[]; macroF1: number; accuracy: number } {
  const records = (JSON.parse(readFileSync(join(shared, "benchmarks", "plover-gsr-cameo.json"), "utf8")) as PloverRecord[]).filter((r) => r.event && r.text);
  const pairs = records.map((r) => ({ gold: (STATEMENT_KINDS as readonly string[]).includes(r.event!) ? (r.event as StatementKind) : "OTHER", predicted: statementKind(r.text!).kind }));
  const kinds = STATEMENT_KINDS.map((kind) => {
    const tp = pairs.filter((p) => p.gold === kind && p.predicted === kind).length;
    const gold = pairs.filter((p) => p.gold === kind).length, predicted = pairs.filter((p) => p.predicted === kind).length;
    const precision = predicted ? tp / predicted : 0, recall = gold ? tp / gold : 0;
    return { kind, gold, predicted, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  return { records: records.length, kinds, macroF1: kinds.reduce((s, k) => s + k.f1, 0) / kinds.length, accuracy: pairs.filter((p) => p.gold === p.predicted).length / pairs.length };
}
