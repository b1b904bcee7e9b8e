import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this module holding Parley's package.json (the compiled and the bundled CLI sit at different depths). */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "parley") return dir;
    if (dirname(dir) === dir) throw new Error(`Parley's package.json not found above ${from}`);
  }
}

/** The case folder `parley serve` opens when given none: package.json's "parley": {"defaultCase"}, from the package root. */
export function defaultCase(root = packageRoot()): string | undefined {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { parley?: { defaultCase?: string } };
  return pkg.parley?.defaultCase ? join(root, pkg.parley.defaultCase) : undefined;
}
