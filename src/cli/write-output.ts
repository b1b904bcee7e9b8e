import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../errors.js";

const real = (p: string): string => (existsSync(p) ? realpathSync(p) : join(real(dirname(resolve(p))), basename(p)));

/** The output is the input, or inside an input folder (a corpus): whatever path names either. */
function within(input: string, output: string): boolean {
  const [i, o] = [real(input), real(output)];
  return o === i || (existsSync(i) && statSync(i).isDirectory() && o.startsWith(`${i}${sep}`));
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
  // No output replaces an input or lands in an input folder (a corpus the command reads), --force or not.
  if ((options.inputs ?? []).some((input) => input !== "-" && within(input, path)))
    throw new InputError([
      {
        code: "output.input",
        file: path,
        message: "is one of this command's inputs, or inside an input folder",
        hint: "write the output outside the files and folders the command reads",
      },
    ]);
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to, never replaced by a file.
  if (existsSync(path) && !statSync(path).isFile()) {
    writeFileSync(path, content);
    return;
  }
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
