import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI, GENIUS, ROOT } from "../domains.js";

/** The packages `analyze --genius` and the core library must never load: NLP, HTML, dates, YAML, schema, database. */
const HEAVY =
  /node_modules\/(wink-nlp|wink-eng-lite-web-model|chrono-node|linkedom|@mozilla\/readability|zod|yaml|better-sqlite3)\//;

/** Every file a Node process loads, through a module hook (test/support/trace-imports.mjs). */
function loadedFiles(args: string[]): string[] {
  const out = join(mkdtempSync(join(tmpdir(), "parley-trace-")), "loaded.txt");
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "test", "support", "trace-imports.mjs"), ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { ...process.env, PARLEY_TRACE_IMPORTS: out },
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, "utf8")
    .split("\n")
    .filter((u) => u.startsWith("file:"))
    .map((u) => fileURLToPath(u));
}

const laptop = GENIUS["LaptopC"]!;

describe("start-up loads only what the command uses", () => {
  it("analyze --genius (compiled modules) loads no NLP, HTML, date, YAML, schema or database module", () => {
    const files = loadedFiles([
      join(ROOT, "dist", "src", "cli", "main.js"),
      "analyze",
      "--genius",
      laptop.domain,
      ...laptop.profiles,
    ]);
    expect(files.some((f) => f.includes("fast-xml-parser"))).toBe(true);
    expect(files.filter((f) => HEAVY.test(f))).toEqual([]);
    expect(files.filter((f) => /dist\/src\/(evidence|ingest|store)\//.test(f))).toEqual([]);
  });

  it("the bundled parley command: the chunks analyze --genius loads hold none of those packages", () => {
    const files = loadedFiles([CLI, "analyze", "--genius", laptop.domain, ...laptop.profiles]).filter((f) =>
      f.includes("/dist/cli/"),
    );
    expect(files.length).toBeGreaterThan(1);
    // esbuild marks each bundled module with a `// node_modules/…` comment.
    const bundled = files.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/^\/\/ (node_modules\/\S+)/gm)].map((m) => m[1]!),
    );
    expect(bundled.some((m) => m.startsWith("node_modules/fast-xml-parser/"))).toBe(true);
    expect(bundled.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it("parley/core loads no NLP, HTML, date, YAML, schema or database module", () => {
    const files = loadedFiles([
      "--input-type=module",
      "-e",
      `await import(${JSON.stringify(join(ROOT, "dist", "src", "core.js"))})`,
    ]);
    expect(files.some((f) => f.endsWith("dist/src/core.js"))).toBe(true);
    expect(files.filter((f) => HEAVY.test(f))).toEqual([]);
  });
});
