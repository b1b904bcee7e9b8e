import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web app: Preact with JSX compiled by esbuild, built into dist/web and served by the workspace server.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
  },
  logLevel: "warn",
});
