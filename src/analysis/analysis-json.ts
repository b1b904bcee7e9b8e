import type { OutcomeSpace } from "../model/outcome-space.js";
import type { Frontier } from "./pareto.js";

/** Where a report's frontier comes from, so that it can be written without building it first. */
const SOURCE = Symbol("frontier source");

interface FrontierSource {
  readonly frontier: Frontier;
  readonly space: OutcomeSpace;
}

/**
 * Gives the report a `frontier` built on first read from `source`: JSON and the table read it;
 * `analysisJson` writes it straight from the typed arrays. On a 10^100-outcome space the frontier
 * has thousands of points of a hundred issues each, and building then serialising those objects
 * was most of `parley analyze --json`'s time and garbage.
 */
export function withLazyFrontier<T extends object>(report: T, source: FrontierSource, build: () => unknown[]): T {
  let built: unknown[] | undefined;
  Object.defineProperty(report, "frontier", {
    enumerable: true,
    configurable: true,
    get: () => (built ??= build()),
  });
  Object.defineProperty(report, SOURCE, { value: source, enumerable: false });
  return report;
}

/** An array index as a property key: objects put those first, so a record would reorder them. */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

/** `JSON.stringify(report)` in pieces, the frontier written from its typed arrays when it can be. */
export function* analysisJson(report: object): Generator<string> {
  const source = (report as unknown as Record<symbol, FrontierSource | undefined>)[SOURCE];
  const names = source?.space.issues.map((i) => i.name) ?? [];
  if (!source || new Set(names).size !== names.length || names.some((n) => INDEX_KEY.test(n))) {
    yield JSON.stringify(report);
    return;
  }
  // The report with a marker where the frontier goes, its other fields in their order, unread.
  const marker = `\u0000frontier:${Math.random()}`;
  const shallow: Record<string, unknown> = {};
  for (const key of Object.keys(report))
    shallow[key] = key === "frontier" ? marker : (report as unknown as Record<string, unknown>)[key];
  const [head, tail] = JSON.stringify(shallow).split(JSON.stringify(marker)) as [string, string];
  yield `${head}[`;
  const { frontier: f, space } = source;
  const keys = names.map((n) => `${JSON.stringify(n)}:`);
  const values = space.issues.map((issue) =>
    Array.from({ length: issue.cardinality }, (_, c) => JSON.stringify(issue.valueAt(c))),
  );
  const num = (x: number) => (Number.isFinite(x) ? String(x) : "null");
  let chunk = "";
  for (let r = 0; r < f.size; r++) {
    let s = `${r ? "," : ""}{"outcome":{`;
    let first = true;
    for (let i = 0; i < f.issues; i++) {
      const c = f.outcomes[r * f.issues + i]!;
      if (c < 0) continue;
      s += (first ? "" : ",") + keys[i]! + values[i]![c]!;
      first = false;
    }
    s += '},"utilities":[';
    for (let p = 0; p < f.parties; p++) s += (p ? "," : "") + num(f.utilities[r * f.parties + p]!);
    chunk += `${s}]}`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}]${tail}`;
}
