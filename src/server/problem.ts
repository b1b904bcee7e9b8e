import { isAbsolute } from "node:path";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { statusOf } from "../error-codes.js";
import { formatPath, InputError, type Problem } from "../errors.js";
import { systemProblem } from "../system-errors.js";

/** One problem of a request: where (field path, file, line) and what to do. */
export interface ProblemDetail {
  readonly code: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * An error answered as RFC 9457 problem details: `type` names the problem (a URN of its code),
 * `title` says it in words, `errors` lists every field or line at fault.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: readonly ProblemDetail[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(title);
  }
}

export const notFound = (what: string, id: string) =>
  new HttpProblem(404, "not-found", `no ${what} "${id}" in this workspace`);

/** A day or time a request gives (`since`: what Date.parse reads), else a 400 naming the field. */
export function checkSince(since: string | undefined, field = "since"): void {
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw new HttpProblem(400, "request.date", `${field}: ${since} is not a date`, [
      {
        code: "request.date",
        field,
        message: `${since} is not a date`,
        hint: "e.g. 2025-12-09 or 2025-12-09T10:00:00Z",
      },
    ]);
}

/** Refusals of a configured limit: 413 for what is too large to take in, 422 for work too large to do now. */
export const limitProblem = (code: string, message: string, hint: string, status = 413) =>
  new HttpProblem(status, code, message, [{ code, message, hint }]);

/** A client names files by their names; an absolute path is one of the server's own (its database), never shown. */
const shownFile = (file: string | undefined) => (file && !isAbsolute(file) ? { file } : {});

const detail = (p: Problem): ProblemDetail => ({
  code: p.code,
  ...(p.field ? { field: p.field } : p.path?.length ? { field: formatPath(p.path) } : {}),
  ...shownFile(p.file),
  ...(p.line ? { line: p.line } : {}),
  ...(p.column ? { column: p.column } : {}),
  message: p.message,
  ...(p.hint ? { hint: p.hint } : {}),
});

/**
 * Problems of bad input found by Parley's readers (a scenario's schema, a citation, an article), with
 * the status src/error-codes.ts gives their codes: 413 if any is a size limit, else the first one's (422).
 */
export function fromInputError(e: InputError): HttpProblem {
  const first = e.problems[0];
  const code = first?.code ?? "input";
  const size = e.problems.some((p) => statusOf(p.code) === 413);
  const title = first
    ? `${first.message}${e.problems.length > 1 ? ` (and ${e.problems.length - 1} more problem(s))` : ""}`
    : "bad input";
  const status = size ? 413 : statusOf(code);
  // The server's own trouble (a full disk, a busy database) passes: the client may ask again.
  const retry = status === 503 ? { "retry-after": "30" } : undefined;
  return new HttpProblem(status, code, title, e.problems.map(detail), retry);
}

/** Fastify's and the multipart reader's own refusals, named as the limits they are. */
const LIMIT_CODES: Record<string, { code: string; title: string; hint: string }> = {
  FST_REQ_FILE_TOO_LARGE: {
    code: "limit.upload-size",
    title: "an uploaded file is larger than the upload limit",
    hint: "split the file, or raise PARLEY_MAX_UPLOAD_MB on the server",
  },
  FST_FILES_LIMIT: {
    code: "limit.files",
    title: "too many files in one request",
    hint: "upload them in several requests, or raise PARLEY_MAX_FILES on the server",
  },
  FST_PARTS_LIMIT: {
    code: "limit.files",
    title: "too many parts in one request",
    hint: "upload them in several requests, or raise PARLEY_MAX_FILES on the server",
  },
  FST_FIELDS_LIMIT: {
    code: "limit.fields",
    title: "too many form fields",
    hint: "send the field `file` (and `date`) only",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "limit.body-size",
    title: "the request body is larger than the limit",
    hint: "send a smaller body, or raise PARLEY_MAX_BODY_MB on the server",
  },
};

function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (error instanceof InputError) return fromInputError(error);
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? "body";
    const errors = e.validation.map((v) => {
      const path = [where, ...(v.instancePath ?? "").split("/").filter(Boolean)].join(".");
      return { code: "request.invalid", field: path, message: v.message ?? "invalid" };
    });
    return new HttpProblem(
      400,
      "request.invalid",
      `the request's ${where} does not match the API: ${errors.map((x) => `${x.field}: ${x.message}`).join("; ")}`,
      errors,
    );
  }
  const limit = e?.code ? LIMIT_CODES[e.code] : undefined;
  if (limit)
    return new HttpProblem(e.statusCode ?? 413, limit.code, `${limit.title}: ${e.message}`, [
      { code: limit.code, message: e.message, hint: limit.hint },
    ]);
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.code
      ? e.code
          .toLowerCase()
          .replace(/^fst_(err_)?/, "request.")
          .replace(/_/g, "-")
      : "request";
    return new HttpProblem(e.statusCode, code, e.message);
  }
  // The multipart reader's own complaints about a malformed body are plain errors.
  if (
    e instanceof Error &&
    /^(Multipart: |Unexpected end of (form|multipart data)|Malformed part header)/.test(e.message)
  )
    return new HttpProblem(400, "request.multipart", `the multipart body cannot be read: ${e.message}`, [
      {
        code: "request.multipart",
        field: "body",
        message: e.message,
        hint: "send multipart/form-data with its boundary (let the HTTP client build the body), or JSON",
      },
    ]);
  const known = systemProblem(error);
  if (known)
    return new HttpProblem(503, known.code, `the workspace cannot be used now: ${known.message}`, [detail(known)], {
      "retry-after": "30",
    });
  return null;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Every error leaves as application/problem+json; an unexpected one is logged and answered without its stack. */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error);
    if (!p) request.log.error({ err: error }, "internal error");
    const problem = p ?? new HttpProblem(500, "internal", "internal error: the server logged it");
    reply
      .code(problem.status)
      .headers(problem.headers)
      .type("application/problem+json")
      .send({
        type: `urn:parley:problem:${problem.code}`,
        title: problem.title,
        status: problem.status,
        detail: STATUS_TEXT[problem.status] ?? "",
        instance: request.url,
        ...(problem.errors.length ? { errors: problem.errors } : {}),
      });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type("application/problem+json")
      .send({
        type: "urn:parley:problem:not-found",
        title: `no route ${request.method} ${request.url.split("?")[0]}`,
        status: 404,
        detail: "see /openapi.json or /docs for the API",
        instance: request.url,
      });
  });
}
