import { createHash } from "node:crypto";
import { InputError, type Problem } from "../errors.js";
import { decodeText } from "../formats/read-input.js";
import type { ServerLimits } from "./limits.js";
import { HttpProblem, limitProblem } from "./problem.js";

/** An article as the client sent it: a safe name and its decoded text, not yet analysed. */
export interface RawArticle {
  readonly name: string;
  readonly raw: string;
}

const KINDS = /\.(txt|md|markdown|html?)$/i;

/**
 * The name an upload is known by: the last segment of what the client sent, without control
 * characters. It labels the document and is what citations name; it never becomes a path —
 * the server writes no file and reads none a client names.
 */
export function safeName(given: string | undefined, raw: string): string {
  const last = (given ?? "").split(/[\\/]/).pop() ?? "";
  const clean = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(-200);
  return clean && clean !== "." && clean !== ".."
    ? clean
    : `pasted-${createHash("sha256").update(raw).digest("hex").slice(0, 12)}.txt`;
}

/** Checks one uploaded file against the limits and decodes it; warnings (bytes that are not UTF-8) are collected. */
export function readUpload(
  given: string | undefined,
  bytes: Buffer,
  limits: ServerLimits,
  warnings: Problem[],
): RawArticle {
  const provisional = safeName(given, "");
  if (given !== undefined && given !== "" && !KINDS.test(provisional))
    throw new HttpProblem(415, "upload.type", `${provisional}: not an article Parley reads`, [
      {
        code: "upload.type",
        file: provisional,
        message: "only .txt, .md and .html files are read",
        hint: "upload the article as text, Markdown or HTML",
      },
    ]);
  if (bytes.length > limits.uploadBytes)
    throw limitProblem(
      "limit.upload-size",
      `${provisional}: ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${limits.uploadBytes / 1048576} MB per file`,
      "split the file, or raise PARLEY_MAX_UPLOAD_MB on the server",
    );
  const raw = decodeText(bytes, provisional, "article", { lenient: true, onWarning: (p) => warnings.push(p) });
  if (!raw.trim())
    throw new InputError([
      { code: "input.empty", file: provisional, message: "the file holds only whitespace", hint: "upload an article" },
    ]);
  if (raw.length > limits.textChars)
    throw limitProblem(
      "limit.text-length",
      `${provisional}: ${raw.length.toLocaleString("en-US")} characters; the limit is ${limits.textChars.toLocaleString("en-US")}`,
      "split the article, or raise PARLEY_MAX_TEXT_CHARS on the server",
    );
  // A name that is no name (blank, ".", "..") becomes one made of the text's own hash, never the empty string's.
  return { name: safeName(given, raw), raw };
}
