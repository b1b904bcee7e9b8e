import { readFileSync, statSync } from "node:fs";
import { fail } from "../errors.js";

/** Inputs above this are refused before reading: no scenario or profile comes near it. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads a text input file, refusing missing, empty, huge and binary files with a clear error. */
export function readTextInput(file: string, what: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail({ code: "input.directory", file, message: `is a directory, not a ${what}`, hint: `give the path of a ${what} file` });
    size = st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") fail({ code: "input.missing", file, message: "no such file", hint: "check the path" });
    throw e;
  }
  if (size === 0) fail({ code: "input.empty", file, message: `the file is empty`, hint: `give a ${what}` });
  if (size > MAX_INPUT_BYTES)
    fail({ code: "input.too-large", file, message: `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`, hint: `is this really a ${what}?` });
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8192).includes(0)) fail({ code: "input.binary", file, message: "the file is binary, not text", hint: `give a ${what} as UTF-8 text` });
  const text = bytes.toString("utf8");
  if (!text.trim()) fail({ code: "input.empty", file, message: "the file holds only whitespace", hint: `give a ${what}` });
  return text;
}
