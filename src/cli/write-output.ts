import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";

/** The same file, whatever path names it (links and relative paths resolved). */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/**
 * Writes a command's output file safely: never over an existing file without `force`, never
 * over one of the command's own inputs, into a folder that must exist, and atomically (a
 * temporary file renamed into place), so a full disk or a kill leaves the old file or none.
 */
export function writeOutput(
  path: string,
  content: string | Uint8Array,
  options: { force?: boolean; inputs?: readonly string[] } = {},
): void {
  const folder = dirname(path);
  if (!existsSync(folder))
    throw new InputError([
      {
        code: "output.folder",
        file: path,
        message: `the folder ${folder} does not exist`,
        hint: "create it first, or choose another path",
      },
    ]);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new InputError([
      { code: "output.directory", file: path, message: "is a folder", hint: "give a file path for the output" },
    ]);
  if ((options.inputs ?? []).some((input) => input !== "-" && samePath(input, path)))
    throw new InputError([
      {
        code: "output.input",
        file: path,
        message: "is one of this command's inputs",
        hint: "write the output somewhere else",
      },
    ]);
  if (existsSync(path) && !options.force)
    throw new InputError([
      {
        code: "output.exists",
        file: path,
        message: "exists already",
        hint: "choose another path, or add --force to replace it",
      },
    ]);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
