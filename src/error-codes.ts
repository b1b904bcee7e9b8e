/**
 * Every problem code Parley reports, with the HTTP status the API answers for it and what it
 * means. Pure data (no I/O), so any layer may read it. docs/errors.md is rendered from it
 * (`npm run docs:errors`), and test/error-codes.test.ts checks that every code the sources
 * raise is here and every code here is raised.
 */

/** One problem code. */
export interface ErrorCode {
  /** The code, or a family of codes built at run time, written `prefix.*` (e.g. `schema.*`). */
  readonly code: string;
  /** The HTTP status when this is a request's problem (the first one, or any one for a 413 size limit). */
  readonly status: number;
  /** Other statuses some call site answers for the same code; `meaning` says when. */
  readonly also?: readonly number[];
  /** What it means and what to do about it, one line. */
  readonly meaning: string;
}

/** The status of bad input whose code the catalogue does not know. */
export const DEFAULT_STATUS = 422;

/** The catalogue, grouped by area; docs/errors.md lists it in this order. */
export const ERROR_CODES = [
  // Reading input files
  { code: "input.missing", status: 422, meaning: "A file or folder named does not exist — check the path." },
  {
    code: "input.directory",
    status: 422,
    meaning: "A folder was given where a file was expected — give the file's path.",
  },
  {
    code: "input.empty",
    status: 422,
    meaning: "A file, standard input or an upload is empty or holds only whitespace — give one with content.",
  },
  {
    code: "input.no-text",
    status: 422,
    meaning:
      "A warning: a page holds no article text (one its scripts fill in); it is stored with no evidence — save the page after it has rendered, or give its text.",
  },
  {
    code: "input.empty-folder",
    status: 422,
    meaning: "A folder of articles holds no .txt, .md or .html file — give a folder of articles.",
  },
  {
    code: "input.binary",
    status: 422,
    meaning: "The file is binary (or UTF-16 without a byte-order mark), not text — give it as UTF-8 text.",
  },
  {
    code: "input.encoding",
    status: 422,
    meaning:
      "The file is not valid UTF-8 (an error for a scenario, a warning with U+FFFD replacements for an article) — save it as UTF-8.",
  },
  {
    code: "input",
    status: 422,
    meaning: "Bad input that lists no problem (the fallback code of an empty input error) — report it as a bug.",
  },

  // Limits
  {
    code: "limit.file-size",
    status: 413,
    meaning:
      "An input file or standard input is larger than the size limit — give a smaller one, or raise the limit with the flag the hint names.",
  },
  {
    code: "limit.html-depth",
    status: 413,
    meaning: "An HTML article nests elements deeper than the limit — give it as text, or raise --max-html-depth.",
  },
  {
    code: "limit.upload-size",
    status: 413,
    meaning:
      "An uploaded file is larger than the upload limit — split it, or raise PARLEY_MAX_UPLOAD_MB on the server.",
  },
  {
    code: "limit.text-length",
    status: 413,
    meaning:
      "An uploaded article's text has more characters than the limit — split it, or raise PARLEY_MAX_TEXT_CHARS on the server.",
  },
  {
    code: "limit.body-size",
    status: 413,
    meaning:
      "The request body is larger than the limit — send a smaller body, or raise PARLEY_MAX_BODY_MB on the server.",
  },
  {
    code: "limit.files",
    status: 413,
    meaning:
      "Too many files (or multipart parts) in one request — send them in several requests, or raise PARLEY_MAX_FILES on the server.",
  },
  {
    code: "limit.fields",
    status: 413,
    meaning: "Too many form fields in a multipart request — send the field `file` (and `date`) only.",
  },
  {
    code: "limit.json-depth",
    status: 400,
    meaning:
      "A JSON body nests deeper than the limit — send flatter JSON, or raise PARLEY_MAX_JSON_DEPTH on the server.",
  },
  {
    code: "limit.yaml-aliases",
    status: 422,
    meaning: "A YAML document expands its aliases (*name) more often than the limit — write the repeated parts out.",
  },
  {
    code: "limit.options",
    status: 422,
    meaning: "A GENIUS discrete issue has more values than the limit — make it an integer or real issue.",
  },
  {
    code: "limit.work",
    status: 422,
    meaning:
      "The exact analysis needs more work than its limit — raise it with --max-work, or give fewer issues, options or parties.",
  },
  {
    code: "limit.outcomes",
    status: 422,
    meaning:
      "The scenario has more outcomes than the API analyses on request — use the CLI (parley analyze), coarsen issues, or raise PARLEY_MAX_SYNC_OUTCOMES.",
  },
  {
    code: "limit.rounds",
    status: 422,
    meaning: "The deadline allows more rounds than the limit — give a shorter deadline, or raise --max-rounds.",
  },
  {
    code: "limit.runs",
    status: 422,
    meaning:
      "A tournament would hold more runs than the limit — give fewer agents, scenarios or --repetitions, or raise --max-runs.",
  },
  {
    code: "limit.workers",
    status: 422,
    meaning: "More worker threads than the machine has cores — give --workers at most the number of cores.",
  },

  // Scenarios
  {
    code: "yaml.syntax",
    status: 422,
    meaning: "The scenario is not valid YAML — fix it at the line and column named.",
  },
  {
    code: "scenario.empty",
    status: 422,
    meaning: "The scenario document is empty — start from one in examples/.",
  },
  {
    code: "scenario.not-a-mapping",
    status: 422,
    meaning:
      "The document is not a YAML mapping (or is XML) — a scenario has name:, issues: and parties:; read GENIUS files with --genius.",
  },
  {
    code: "schema.*",
    status: 422,
    meaning:
      "A field does not match the scenario schema; the suffix is zod's issue code (schema.invalid_type, schema.too_small, schema.unrecognized_keys, …) — see schema/scenario.schema.json.",
  },
  {
    code: "scenario.invalid",
    status: 422,
    meaning:
      "The scenario matches the schema but does not hold together (a name that does not exist, a value out of range) — fix the field named.",
  },
  {
    code: "scenario.exists",
    status: 409,
    meaning:
      "A scenario with the id asked for exists already — replace it with PUT /api/scenarios/{id}, or choose another id.",
  },

  // Citations
  {
    code: "citation",
    status: 422,
    meaning: "A citation of the scenario cannot be resolved in its corpus — fix the citation at the field named.",
  },
  {
    code: "citation.file",
    status: 422,
    meaning: "A citation names a file the corpus folder does not hold — cite a file of the corpus by its name.",
  },
  {
    code: "citation.not-found",
    status: 422,
    meaning: "A citation's quote does not occur in the cited file — quote the text word for word.",
  },
  {
    code: "citation.ambiguous",
    status: 422,
    meaning: "A citation's quote occurs more than once in the cited file — add a prefix or suffix to say which one.",
  },
  {
    code: "corpus.missing",
    status: 422,
    meaning: "The --corpus folder does not exist — give the folder of the articles the scenario cites.",
  },

  // GENIUS files
  {
    code: "genius.entities",
    status: 422,
    meaning: "The XML declares entities (<!ENTITY …>), which GENIUS files never do — remove the entity declarations.",
  },
  {
    code: "genius.malformed-xml",
    status: 422,
    meaning: "The file is not well-formed XML — fix it at the line named (is it a GENIUS file?).",
  },
  {
    code: "genius.no-utility-space",
    status: 422,
    meaning: "The XML has no <utility_space> element — give a GENIUS domain or profile file.",
  },
  { code: "genius.issue-name", status: 422, meaning: "An <issue> has no name= — give every issue a name." },
  {
    code: "genius.no-items",
    status: 422,
    meaning: "A discrete issue lists no <item> values — list them as <item value=…>.",
  },
  {
    code: "genius.bounds",
    status: 422,
    meaning:
      "An integer or real issue lacks decimal lowerbound ≤ upperbound, or an integer issue's bounds are not whole numbers — set both.",
  },
  {
    code: "genius.issue-type",
    status: 422,
    meaning: "An issue type other than discrete, integer or real — use one of those.",
  },
  {
    code: "genius.no-issues",
    status: 422,
    meaning: "The domain has no <issue> elements — give a GENIUS domain file.",
  },
  {
    code: "genius.duplicate-issue",
    status: 422,
    meaning: "Two issues of the domain have the same name — make issue names unique.",
  },
  {
    code: "genius.duplicate-index",
    status: 422,
    meaning:
      "Two issues of the domain share an index=, so a profile's weight could not tell them apart — give each its own.",
  },
  {
    code: "genius.issue-index",
    status: 422,
    meaning: "An issue has no numeric index=, by which profiles weigh it — number the issues 1, 2, ….",
  },
  {
    code: "genius.nonlinear",
    status: 422,
    meaning:
      "A non-linear (hyperRectangle) utility space, which Parley does not read — give a linear-additive profile.",
  },
  {
    code: "genius.missing-weight",
    status: 422,
    meaning: "The profile gives no <weight> for an issue — give every issue a weight.",
  },
  {
    code: "genius.duplicate-weight",
    status: 422,
    meaning: "The profile gives two <weight> elements for one index — give each issue one weight.",
  },
  {
    code: "genius.bad-weight",
    status: 422,
    meaning: "A weight is negative or not a number — weights are numbers ≥ 0.",
  },
  {
    code: "genius.unknown-option",
    status: 422,
    meaning: "The profile evaluates a value the domain's issue does not have — evaluate the domain's values.",
  },
  {
    code: "genius.bad-evaluation",
    status: 422,
    meaning: "An evaluation is not a number ≥ 0 — give numbers ≥ 0.",
  },
  {
    code: "genius.no-evaluator",
    status: 422,
    meaning: 'An integer or real issue of the profile has no <evaluator> — add <evaluator ftype="linear" …>.',
  },
  {
    code: "genius.evaluator-type",
    status: 422,
    meaning: 'An evaluator type other than linear or constant — use ftype="linear" or "constant".',
  },
  {
    code: "genius.evaluator",
    status: 422,
    meaning:
      "An evaluator's parameters are missing or not numbers — give slope and offset (integer) or parameter0 and parameter1 (real).",
  },
  {
    code: "genius.unknown-issue",
    status: 422,
    meaning: "The profile names issues its domain lacks — is the profile for another domain?",
  },
  {
    code: "genius.missing-issue",
    status: 422,
    meaning: "The profile does not evaluate an issue of its domain — is the profile for another domain?",
  },
  {
    code: "genius.reservation",
    status: 422,
    meaning: "The reservation value is not a number in [0, 1] — utilities are on a 0–1 scale.",
  },
  {
    code: "genius.discount",
    status: 422,
    meaning: "The discount factor is not a number in [0, 1] — give 1 (or 0, as GENIUS writes it) for no discount.",
  },

  // Negotiation
  { code: "agent.unknown", status: 422, meaning: "An unknown agent — use one of the agents the hint lists." },
  {
    code: "agent.param",
    status: 422,
    meaning: "An agent's concession exponent is not a number > 0 — e.g. boulware:0.1, conceder:3.",
  },
  { code: "mediator.unknown", status: 422, meaning: "An unknown mediator — use one of the mediators the hint lists." },
  {
    code: "simulate.protocol",
    status: 422,
    meaning: "An unknown negotiation protocol — use one of the protocols the hint lists.",
  },
  {
    code: "simulate.agents",
    status: 422,
    meaning: "No agents, or not one agent per party — give one agent per party, in the scenario's order.",
  },
  {
    code: "simulate.parties",
    status: 422,
    meaning: "A negotiation with fewer than two parties — give a scenario with two parties or more.",
  },
  {
    code: "simulate.space",
    status: 422,
    meaning: "The single-text protocol needs an enumerable outcome space — use --protocol alternating.",
  },
  {
    code: "simulate.deadline",
    status: 422,
    meaning: "The deadline is not a positive number of rounds or seconds — give one.",
  },
  {
    code: "simulation.agents",
    status: 422,
    meaning:
      "A simulation request gives a number of agents other than the scenario's parties — one agent per party, in the scenario's order.",
  },
  {
    code: "tournament.agents",
    status: 422,
    meaning: "A tournament with no agents — give --agents, e.g. boulware,conceder.",
  },
  {
    code: "tournament.parties",
    status: 422,
    meaning: "A tournament scenario has fewer than two parties — give scenarios with two parties or more.",
  },
  {
    code: "tournament.space",
    status: 422,
    meaning:
      "The single-text protocol needs enumerable outcome spaces and a scenario's is too large — use --protocol alternating.",
  },
  {
    code: "tournament.folder",
    status: 422,
    meaning:
      "A tournament folder is not one GENIUS domain with two or more profiles — give a folder of the shared GENIUS set, or scenario files.",
  },
  {
    code: "tournament.not-running",
    status: 404,
    meaning:
      "The tournament is stored but not running on this server, so it has no progress to follow — read its result at /api/tournaments/{id}.",
  },

  // Evidence and ingest
  {
    code: "manifest.json",
    status: 422,
    meaning: "A JSON manifest is not valid JSON — give a list of {file, date, outlet, url}.",
  },
  {
    code: "manifest.header",
    status: 422,
    meaning: "A CSV manifest has no file column — give a header row such as file,date,outlet,url,title,author.",
  },
  {
    code: "manifest.file",
    status: 422,
    meaning: "A manifest entry names no file — give each entry the article's file name.",
  },
  {
    code: "manifest.missing",
    status: 422,
    meaning: "A manifest names a file that is not next to it — name files relative to the manifest's folder.",
  },
  {
    code: "manifest.date",
    status: 422,
    meaning: "A manifest date is not a date — YYYY-MM-DD, or YYYY-MM-DDTHH:MM.",
  },
  {
    code: "model.format",
    status: 422,
    meaning:
      "The attribution model file is not one — rebuild it with npm run train, or restore it from the repository.",
  },
  {
    code: "case.schema",
    status: 422,
    meaning: "A case file (case.yaml) does not match its form — see the header of cases/moscow-2025-12/case.yaml.",
  },
  {
    code: "case.pattern",
    status: 422,
    meaning: "A pattern of a case file is not a valid regular expression — write it as /source/flags and fix it.",
  },
  {
    code: "ingest.failed",
    status: 422,
    also: [413, 500, 503],
    meaning:
      "Storing uploaded articles failed; the status and errors are those of the failure (422 for bad input, 503 with Retry-After when the server's disk or database refused, 500 for a fault) — act on the errors listed.",
  },

  // Workspace and system
  {
    code: "store.missing",
    status: 422,
    meaning: "No workspace database at the path — store articles first: parley ingest ARTICLES… --db FILE.",
  },
  {
    code: "store.open",
    status: 422,
    meaning: "The file cannot be used as a workspace database — give --db a new file or an existing Parley workspace.",
  },
  {
    code: "store.empty",
    status: 422,
    meaning: "The workspace holds no documents — store some first: parley ingest ARTICLES….",
  },
  {
    code: "system.*",
    status: 503,
    meaning:
      "The file system or the workspace database refused, named by its error code (system.enospc, system.eacces, system.sqlite_busy, …) — the server's own trouble: the API answers 503 with Retry-After and never shows its paths; the CLI exits 2 with the hint.",
  },

  // Command line (exit status 2; the API never raises these)
  { code: "cli.usage", status: 422, meaning: "Wrong arguments or flags for a command — see parley COMMAND --help." },
  {
    code: "cli.date",
    status: 422,
    meaning: "--date is not a date — e.g. --date 2025-12-02 or --date 1998-10-25T21:00.",
  },
  {
    code: "output.exists",
    status: 422,
    meaning: "The output file (or a file of the output folder) exists already — choose another path, or add --force.",
  },
  {
    code: "output.folder",
    status: 422,
    meaning: "The output's folder does not exist — create it first, or choose another path.",
  },
  { code: "output.directory", status: 422, meaning: "The output path is a folder — give a file path." },
  {
    code: "output.not-folder",
    status: 422,
    meaning: "GENIUS output is a folder of files and --out is a file — give --out a folder.",
  },
  {
    code: "output.input",
    status: 422,
    meaning: "The output path is one of the command's inputs — write the output somewhere else.",
  },
  {
    code: "pdf.browser",
    status: 422,
    meaning: "No Chromium to print the PDF with — install Debian's chromium package, or set PARLEY_CHROMIUM.",
  },
  {
    code: "serve.port",
    status: 422,
    meaning: "The port is in use or not a port number — stop the other server, or give another --port (PORT).",
  },
  {
    code: "serve.host",
    status: 422,
    meaning: "The server cannot listen on the host — give an address of this machine (HOST), e.g. 127.0.0.1.",
  },
  {
    code: "serve.token",
    status: 422,
    meaning:
      "Listening beyond this machine needs a token for writes — set PARLEY_TOKEN to a long random secret, or listen on 127.0.0.1.",
  },
  {
    code: "worker.redis",
    status: 422,
    meaning: "parley worker needs a Redis server — set PARLEY_REDIS, e.g. PARLEY_REDIS=redis://host:6379.",
  },
  {
    code: "redis.connect",
    status: 422,
    meaning:
      "The Redis server of PARLEY_REDIS cannot be reached — start it, or unset PARLEY_REDIS to run on this machine's threads.",
  },

  // HTTP requests
  {
    code: "request.invalid",
    status: 400,
    meaning: "The request's body, query or path does not match the API — fix the fields listed (see /openapi.json).",
  },
  {
    code: "request.body",
    status: 400,
    meaning:
      "The scenario body is empty or not a scenario — send YAML (application/yaml) or a JSON object (application/json).",
  },
  {
    code: "request.genius",
    status: 400,
    meaning: "A GENIUS upload needs one `domain` file and two or more `profile` files — send them in those fields.",
  },
  {
    code: "request.date",
    status: 400,
    meaning: "A date field is not a date — e.g. 2025-12-02 or 2025-12-02T21:00.",
  },
  {
    code: "request.field",
    status: 400,
    meaning: "A file was uploaded in a field other than `file` — upload articles in the field `file`.",
  },
  {
    code: "request.no-files",
    status: 400,
    meaning: "An upload without an article — send one or more files in the field `file`.",
  },
  {
    code: "request.include",
    status: 400,
    meaning: "?include names evidence parts that do not exist — give the parts the error lists.",
  },
  {
    code: "request.party",
    status: 422,
    also: [400],
    meaning:
      "?a or ?b is not a party of the scenario (422), or a and b are the same party (400) — give two different party indices, in the scenario's order.",
  },
  {
    code: "busy.client",
    status: 503,
    meaning:
      "This client has as many computations waiting as it may (PARLEY_MAX_QUEUE_PER_CLIENT) — ask again after Retry-After, when they are answered.",
  },
  {
    code: "busy.queue",
    status: 503,
    meaning: "The server's pool has as many tasks waiting as it may (PARLEY_MAX_QUEUE) — ask again after Retry-After.",
  },
  {
    code: "limit.samples",
    status: 422,
    meaning:
      "More Monte Carlo draws than an analysis on request may take (PARLEY_MAX_SAMPLES) — ask for fewer, or run parley analyze --samples N.",
  },
  {
    code: "request.multipart",
    status: 400,
    meaning:
      "The multipart body cannot be read (no boundary, a malformed part) — let the HTTP client build multipart/form-data, or send JSON.",
  },
  {
    code: "request.host",
    status: 421,
    meaning:
      "The request names a host this server does not answer for (a DNS name pointed at it) — use a name it answers for, or list it in PARLEY_ALLOWED_HOSTS.",
  },
  {
    code: "request.cross-site",
    status: 403,
    meaning:
      "A write sent by another site's page (its Origin or Sec-Fetch-Site says so) — write through the server's own web app or without a browser, or list the origin in PARLEY_ALLOWED_ORIGINS.",
  },
  {
    code: "request.*",
    status: 400,
    also: [404, 406, 413, 414, 415],
    meaning:
      "Fastify refused the request itself, named by its error code (FST_ERR_CTP_INVALID_MEDIA_TYPE → request.ctp-invalid-media-type, 415) with fastify's status — fix the request as the title says.",
  },
  {
    code: "request",
    status: 400,
    also: [404, 406, 413, 414, 415],
    meaning: "Fastify refused the request with a 4xx status and no error code — fix the request as the title says.",
  },
  {
    code: "upload.type",
    status: 415,
    meaning: "An uploaded file is not .txt, .md or .html — upload the article as text, Markdown or HTML.",
  },
  {
    code: "auth.token",
    status: 401,
    meaning: "A write without the server's token — send Authorization: Bearer <PARLEY_TOKEN>.",
  },
  {
    code: "busy.budget",
    status: 503,
    meaning:
      "The work outlasts the request's time budget (PARLEY_BUDGET_MS) and goes on — ask again after the Retry-After seconds.",
  },
  {
    code: "not-found",
    status: 404,
    meaning:
      "No such route, or no scenario, document or tournament of that id in the workspace — check the id or the path (see /openapi.json).",
  },
  {
    code: "internal",
    status: 500,
    meaning: "An unexpected fault; the server logged it — report it with the server's log.",
  },
] as const satisfies readonly ErrorCode[];

const BY_CODE: ReadonlyMap<string, ErrorCode> = new Map(ERROR_CODES.map((e) => [e.code, e]));

/** The catalogue's entry for a code: its own, else its family's (`system.enospc` → `system.*`). */
export function errorCode(code: string): ErrorCode | undefined {
  const own = BY_CODE.get(code);
  if (own) return own;
  for (let dot = code.lastIndexOf("."); dot > 0; dot = code.lastIndexOf(".", dot - 1)) {
    const family = BY_CODE.get(`${code.slice(0, dot)}.*`);
    if (family) return family;
  }
  return undefined;
}

/** The HTTP status of a code; DEFAULT_STATUS (422, bad input) for one the catalogue does not know. */
export function statusOf(code: string): number {
  return errorCode(code)?.status ?? DEFAULT_STATUS;
}

/** docs/errors.md: the catalogue as a Markdown table. */
export function renderErrorCodes(): string {
  const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("<", "\\<");
  const status = (e: ErrorCode) => `${e.status}${e.also?.length ? ` (also ${e.also.join(", ")})` : ""}`;
  return [
    "# Error codes",
    "",
    "<!-- Rendered from src/error-codes.ts by `npm run docs:errors`: edit the catalogue, not this file. -->",
    "",
    "Every problem Parley reports carries a stable code. The CLI prints each problem on one line and exits with status 2.",
    "The HTTP API answers `application/problem+json` whose `type` is `urn:parley:problem:CODE` and whose `errors` list",
    "every problem with its code. Its status is the one listed for its code; for bad input with several problems, the",
    "first problem's, or 413 when any of them is a size limit. A code written `prefix.*` is a family of codes built at",
    `run time. Bad input with a code not listed here answers ${DEFAULT_STATUS}. Codes of the command line only are listed`,
    "with the status the API would answer.",
    "",
    "| Code | HTTP status | Meaning |",
    "| --- | --- | --- |",
    ...ERROR_CODES.map((e: ErrorCode) => `| \`${e.code}\` | ${status(e)} | ${cell(e.meaning)} |`),
    "",
  ].join("\n");
}
