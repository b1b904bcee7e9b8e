import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATUS,
  ERROR_CODES,
  type ErrorCode,
  errorCode,
  renderErrorCodes,
  statusOf,
} from "../src/error-codes.js";
import { InputError } from "../src/errors.js";
import { fromInputError } from "../src/server/problem.js";
import { ROOT } from "./domains.js";

/** A place in src/ that raises a code (or a family `prefix.*` built at run time). */
interface Site {
  code: string;
  where: string;
  /** The HTTP status written at the call site, when it is a number there. */
  status?: number;
  /** Whether the problem can travel in an InputError (and so gets its status from fromInputError). */
  input: boolean;
}

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

const text = (n: ts.Node | undefined): string | undefined =>
  n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
const number = (n: ts.Node | undefined): number | undefined =>
  n && ts.isNumericLiteral(n) ? Number(n.text) : undefined;
const named = (n: ts.Node, name: string): boolean =>
  (ts.isIdentifier(n) && n.text === name) || (ts.isPropertyAccessExpression(n) && n.name.text === name);

/**
 * Every code the sources raise: `code: "…"` (and `code: \`prefix.${…}\`` as a family), the codes and
 * statuses of `new HttpProblem(status, "code", …)` and `limitProblem("code", …, status = 413)`,
 * `urn:parley:problem:…` literals, and the strings a variable `code` is derived from
 * (`first?.code ?? "input"`, fastify's `FST_ERR_X` → `.replace(…, "request.")` as `request.*`).
 */
function scan(): Site[] {
  const sites: Site[] = [];
  for (const file of sources("src")) {
    if (file === join("src", "error-codes.ts")) continue;
    const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const httpFile = file === join("src", "server", "problem.ts");
    const at = (n: ts.Node) => `${file}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    // `code: ""` is a placeholder (a problem built only to be located), not a code.
    const add = (code: string, n: ts.Node, input: boolean, status?: number) =>
      code &&
      sites.push({ code, where: at(n), input: input && !httpFile, ...(status === undefined ? {} : { status }) });
    const derived = (n: ts.Node, input: boolean) => {
      const literal = text(n);
      if (literal !== undefined) add(literal, n, input);
      else if (ts.isConditionalExpression(n)) for (const b of [n.whenTrue, n.whenFalse]) derived(b, input);
      else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
        derived(n.right, input);
      else if (ts.isCallExpression(n)) {
        const prefix = text(n.arguments[1]);
        if (named(n.expression, "replace") && prefix?.endsWith(".")) add(`${prefix}*`, n, input);
        if (ts.isPropertyAccessExpression(n.expression)) derived(n.expression.expression, input);
      }
    };
    const visit = (n: ts.Node, input: boolean): void => {
      if (ts.isPropertyAssignment(n) && named(n.name, "code")) {
        const literal = text(n.initializer);
        if (literal !== undefined) add(literal, n, input);
        else if (ts.isTemplateExpression(n.initializer) && n.initializer.head.text.endsWith("."))
          add(`${n.initializer.head.text}*`, n, input);
      } else if (ts.isVariableDeclaration(n) && named(n.name, "code") && n.initializer) derived(n.initializer, input);
      else if (ts.isNewExpression(n) && named(n.expression, "HttpProblem")) {
        const code = text(n.arguments?.[1]);
        if (code !== undefined) add(code, n, false, number(n.arguments?.[0]));
        input = false;
      } else if (ts.isCallExpression(n) && named(n.expression, "limitProblem")) {
        const code = text(n.arguments[0]);
        if (code !== undefined) add(code, n, false, n.arguments.length > 3 ? number(n.arguments[3]) : 413);
        input = false;
      } else {
        const urn = /^urn:parley:problem:([a-z][a-z0-9._-]*)$/.exec(text(n) ?? "");
        if (urn) add(urn[1]!, n, false);
      }
      ts.forEachChild(n, (c) => visit(c, input));
    };
    visit(src, true);
  }
  return sites;
}

const sites = scan();
const catalogue: readonly ErrorCode[] = ERROR_CODES;
const listed = new Set(catalogue.map((e) => e.code));
const list = (xs: readonly string[]) => [...new Set(xs)].sort().join("\n");

describe("error codes (src/error-codes.ts)", () => {
  it("finds the codes the sources raise", () => {
    const codes = sites.map((s) => s.code);
    for (const known of ["yaml.syntax", "limit.outcomes", "not-found", "input", "request", "request.*", "system.*"])
      expect(codes).toContain(known);
  });

  it("lists every code the sources raise", () => {
    const missing = sites.filter((s) => !listed.has(s.code)).map((s) => `${s.code} (${s.where})`);
    expect(list(missing), "codes raised in src/ but missing from ERROR_CODES in src/error-codes.ts").toBe("");
  });

  it("lists no code the sources do not raise", () => {
    const raised = new Set(sites.map((s) => s.code));
    const unused = catalogue.filter((e) => !raised.has(e.code)).map((e) => e.code);
    expect(list(unused), "entries of src/error-codes.ts that no source raises").toBe("");
  });

  it("gives each code once, a 4xx or 5xx status and a one-line meaning", () => {
    expect(catalogue.length).toBe(listed.size);
    for (const e of catalogue) {
      expect(e.code, e.code).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*)?$/);
      const statuses = [e.status, ...(e.also ?? [])];
      for (const s of statuses) expect(Number.isInteger(s) && s >= 400 && s < 600, `${e.code}: status ${s}`).toBe(true);
      expect(new Set(statuses).size, `${e.code}: a status twice`).toBe(statuses.length);
      expect(e.meaning, e.code).toMatch(/ — .*[.?]$/);
      expect(e.meaning, e.code).not.toMatch(/\n/);
    }
    expect(DEFAULT_STATUS).toBe(422);
  });

  it("gives the statuses the call sites answer", () => {
    const wrong = sites
      .filter((s) => s.status !== undefined)
      .filter((s) => {
        const e = errorCode(s.code);
        return e && ![e.status, ...(e.also ?? [])].includes(s.status!);
      })
      .map((s) => `${s.code}: ${s.status} at ${s.where}, ${statusOf(s.code)} in the catalogue`);
    expect(list(wrong)).toBe("");
  });

  it("gives bad input (what travels in an InputError) 422, or 413 for a size limit; the server's own trouble 503", () => {
    const wrong = sites
      .filter((s) => s.input && ![413, 422].includes(statusOf(s.code)) && !s.code.startsWith("system."))
      .map((s) => `${s.code} (${s.where}): ${statusOf(s.code)}`);
    expect(list(wrong)).toBe("");
    expect(statusOf("limit.file-size")).toBe(413);
    expect(statusOf("limit.html-depth")).toBe(413);
    expect(statusOf("system.enospc")).toBe(503);
  });

  it("fromInputError answers the catalogue's status", () => {
    const answer = (...codes: string[]) =>
      fromInputError(new InputError(codes.map((code) => ({ code, message: `a ${code} problem` }))));
    for (const e of catalogue) {
      const code = e.code.replace(/\*$/, "example");
      const p = answer(code);
      expect([p.status, p.code], code).toEqual([e.status, code]);
      expect(statusOf(code)).toBe(e.status);
    }
    expect(answer("system.sqlite_ioerr_write").status).toBe(503);
    expect(answer("schema.invalid_type").status).toBe(422);
    expect(answer("no.such-code").status).toBe(DEFAULT_STATUS);
    // A size limit anywhere makes the whole request 413; otherwise the first problem decides.
    expect([answer("input.empty", "limit.html-depth").status, answer("input.empty", "limit.html-depth").code]).toEqual([
      413,
      "input.empty",
    ]);
    expect([answer().status, answer().code]).toEqual([422, "input"]);
  });

  // Regenerate after changing the catalogue: npm run docs:errors
  it("docs/errors.md is what the catalogue renders (regenerate with npm run docs:errors)", () => {
    const doc = join(ROOT, "docs", "errors.md");
    const want = renderErrorCodes();
    if (process.env["PARLEY_WRITE_DOCS"]) writeFileSync(doc, want);
    expect(existsSync(doc) ? readFileSync(doc, "utf8") : "(docs/errors.md is missing)").toBe(want);
  });
});
