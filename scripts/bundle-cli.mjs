// Bundles the compiled CLI (dist/src/cli/main.js) and the tournament worker into dist/cli/:
// a few files instead of ~150 ESM modules, which is most of a command's start-up time. Chunks
// are split at the CLI's dynamic imports, so each command still loads only what it uses.
// Native and data-heavy packages stay external and load from node_modules.

import { chmodSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

// fast-xml-parser's ESM source is some 30 modules; the package's own single-file CommonJS build
// (its `require` export, the same version) compiles in a third of the time.
const require = createRequire(import.meta.url);
const singleFile = {
  name: "single-file-builds",
  setup(b) {
    b.onResolve({ filter: /^fast-xml-parser$/ }, () => ({ path: require.resolve("fast-xml-parser") }));
  },
};

const outdir = "dist/cli";
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["dist/src/cli/main.js", "dist/src/parallel/tournament-worker.js", "dist/src/server/heavy-worker.js"],
  outdir,
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled CommonJS packages (commander) require Node's built-ins: give ESM chunks a `require`.
  banner: {
    js: 'import { createRequire as __parleyRequire } from "node:module"; const require = __parleyRequire(import.meta.url);',
  },
  // The server's packages load from node_modules: the docs page serves its own files, and the zod
  // type provider must see the one zod the schemas are made with.
  external: [
    "better-sqlite3",
    "piscina",
    "wink-eng-lite-web-model",
    "canvas",
    "fastify",
    "@fastify/*",
    "fastify-type-provider-zod",
    "zod",
    "bullmq",
    "ioredis",
    "pg",
    "playwright-core",
    // A CommonJS package imported dynamically: bundled, its chunk exports only a default, and
    // `SingleBar` would be undefined; from node_modules Node gives its named exports.
    "cli-progress",
  ],
  plugins: [singleFile],
  logLevel: "warning",
});
chmodSync(`${outdir}/main.js`, 0o755);
