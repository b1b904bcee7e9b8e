/** One thing wrong with an input: where it is and what to do about it. */
export interface Problem {
  /** Stable machine-readable code, e.g. `yaml.syntax`, `genius.unknown-issue`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside the document, e.g. `parties[0].weights.price`. */
  field?: string;
  /** What the user can do to fix it. */
  hint?: string;
  /** The field as a path of keys and indices, before it is rendered into `field`. */
  path?: readonly (string | number)[];
}

/** `["parties", 0, "weights", "price"]` → `parties[0].weights.price`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((k, i) =>
      typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? (i ? "." : "") + k : `[${JSON.stringify(k)}]`,
    )
    .join("");
}

/** Bad input: carries every problem found, rendered at the edge (CLI exit 2, HTTP 400). */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], options?: { cause?: unknown }) {
    super(problems.map(formatProblem).join("\n"), options);
    this.name = "InputError";
    this.problems = problems;
  }
}

/** `file:line:col: field: message (hint)` — one line a person can act on. */
export function formatProblem(p: Problem): string {
  let where = p.file ?? "";
  if (p.line !== undefined) where += `${where ? ":" : "line "}${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const field = p.field ?? (p.path?.length ? formatPath(p.path) : undefined);
  const head = [where, field].filter(Boolean).join(": ");
  const tail = p.hint ? ` — ${p.hint}` : "";
  return `${head ? `${head}: ` : ""}${p.message}${tail}`;
}

/** Throws an InputError holding one problem. */
export function fail(problem: Problem): never {
  throw new InputError([problem]);
}
