import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { fail, type Problem } from "../errors.js";

/** Inputs above this are refused before reading: no scenario or profile comes near it. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface ReadTextOptions {
  /** Articles: invalid UTF-8 is replaced (with a warning) rather than refused. */
  readonly lenient?: boolean;
  readonly onWarning?: (problem: Problem) => void;
  /** The size limit and the flag that raises it. */
  readonly maxBytes?: number;
  readonly maxBytesFlag?: string;
}

/**
 * Reads a text input file, refusing missing, empty, huge and binary files with a clear error.
 * UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are decoded;
 * invalid UTF-8 is refused with its line, or for articles replaced with a warning.
 */
export function readTextInput(file: string, what: string, options: ReadTextOptions = {}): string {
  const limit = options.maxBytes ?? MAX_INPUT_BYTES;
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory())
      fail({
        code: "input.directory",
        file,
        message: `is a folder, not ${article(what)}`,
        hint: `give the path of ${article(what)} file`,
      });
    size = st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      fail({ code: "input.missing", file, message: "no such file", hint: "check the path" });
    throw e;
  }
  if (size === 0) fail({ code: "input.empty", file, message: `the file is empty`, hint: `give ${article(what)}` });
  if (size > limit)
    fail({
      code: "limit.file-size",
      file,
      message: `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB`,
      hint: options.maxBytesFlag
        ? `raise it with ${options.maxBytesFlag} ${Math.ceil(size / 1048576)}`
        : `is this really ${article(what)}?`,
    });
  const text = decodeText(readFileSync(file), file, what, options);
  if (!text.trim())
    fail({ code: "input.empty", file, message: "the file holds only whitespace", hint: `give ${article(what)}` });
  return text;
}

/** Bytes as text: a UTF-8 or UTF-16 byte-order mark decides; otherwise UTF-8, checked. */
export function decodeText(bytes: Buffer, file: string, what: string, options: ReadTextOptions = {}): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2));
    if (text.includes("\0"))
      fail({
        code: "input.binary",
        file,
        message: "the file is binary, not text",
        hint: `give ${article(what)} as text`,
      });
    return text;
  }
  if (bytes.subarray(0, 8192).includes(0))
    fail({
      code: "input.binary",
      file,
      message: "the file is binary, not text (or UTF-16 without a byte-order mark)",
      hint: `give ${article(what)} as UTF-8 text`,
    });
  const text = bytes.toString("utf8");
  if (!isUtf8(bytes)) {
    const at = text.indexOf("\uFFFD");
    const line = text.slice(0, Math.max(0, at)).split("\n").length;
    const where = { file, line };
    if (!options.lenient)
      fail({ ...where, code: "input.encoding", message: "the file is not valid UTF-8", hint: "save it as UTF-8" });
    const replaced = (text.match(/\uFFFD/g) ?? []).length;
    options.onWarning?.({
      ...where,
      code: "input.encoding",
      message: `not valid UTF-8: ${replaced} invalid byte sequence(s) replaced by U+FFFD, the first here`,
      hint: "save it as UTF-8 for exact quotes",
    });
  }
  return text;
}

/** "an article", "a scenario": the indefinite article for a thing's name. */
export function article(what: string): string {
  return `${/^[aeiou]/i.test(what) ? "an" : "a"} ${what}`;
}
