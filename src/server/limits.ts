/** What the server takes in and does at once; each refusal names its limit and how to raise it. */
export interface ServerLimits {
  /** Bytes of one uploaded file (PARLEY_MAX_UPLOAD_MB). */
  readonly uploadBytes: number;
  /** Files in one upload request (PARLEY_MAX_FILES). */
  readonly files: number;
  /** Characters of one document's text (PARLEY_MAX_TEXT_CHARS). */
  readonly textChars: number;
  /** Bytes of a JSON or YAML request body (PARLEY_MAX_BODY_MB). */
  readonly bodyBytes: number;
  /** Nesting of a JSON body (PARLEY_MAX_JSON_DEPTH). */
  readonly jsonDepth: number;
  /** Outcomes of a scenario analysed or simulated on request (PARLEY_MAX_SYNC_OUTCOMES). */
  readonly syncOutcomes: number;
  /** Milliseconds a request waits for heavy work before it is answered 503 with Retry-After or given a job (PARLEY_BUDGET_MS). */
  readonly budgetMs: number;
  /** Milliseconds before an unfinished request is cut off (PARLEY_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Runs one tournament may hold (PARLEY_MAX_RUNS). */
  readonly tournamentRuns: number;
  /** Monte Carlo draws one analysis or briefing on request may ask for (PARLEY_MAX_SAMPLES). */
  readonly samples: number;
  /** Computations not yet answered one client may have waiting (PARLEY_MAX_QUEUE_PER_CLIENT). */
  readonly queuePerClient: number;
  /** Tasks the pool may hold waiting before new computations are refused (PARLEY_MAX_QUEUE). */
  readonly queue: number;
}

const env = (name: string, fallback: number, scale = 1) => {
  const v = process.env[name];
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? n * scale : fallback * scale;
};

export function limitsFromEnvironment(): ServerLimits {
  return {
    uploadBytes: env("PARLEY_MAX_UPLOAD_MB", 10, 1048576),
    files: env("PARLEY_MAX_FILES", 50),
    textChars: env("PARLEY_MAX_TEXT_CHARS", 5_000_000),
    bodyBytes: env("PARLEY_MAX_BODY_MB", 2, 1048576),
    jsonDepth: env("PARLEY_MAX_JSON_DEPTH", 64),
    syncOutcomes: env("PARLEY_MAX_SYNC_OUTCOMES", 10_000_000),
    budgetMs: env("PARLEY_BUDGET_MS", 10_000),
    requestTimeoutMs: env("PARLEY_REQUEST_TIMEOUT_MS", 60_000),
    tournamentRuns: env("PARLEY_MAX_RUNS", 200_000),
    samples: env("PARLEY_MAX_SAMPLES", 10_000),
    queuePerClient: env("PARLEY_MAX_QUEUE_PER_CLIENT", 4),
    queue: env("PARLEY_MAX_QUEUE", 64),
  };
}
