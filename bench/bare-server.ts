/**
 * The ceiling the workspace server is measured against: a bare fastify route that answers with
 * the bytes of a cached analysis, with the same headers, and nothing else (no store, no hooks, no
 * schema). Run by bench/server-load.ts in its own process, as `parley serve` runs in its own.
 * Usage: node dist/bench/bare-server.js PORT PLAIN_FILE GZIP_FILE ETAG
 */
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const [port, plainFile, gzipFile, etag] = process.argv.slice(2) as [string, string, string, string];
const plain = readFileSync(plainFile),
  gzip = readFileSync(gzipFile);
const app = Fastify({ logger: false });
app.get("/answer", async (req, reply) => {
  reply
    .header("etag", etag)
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding")
    .type("application/json; charset=utf-8");
  if (req.headers["if-none-match"] === etag) return reply.code(304).send();
  return /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")
    ? reply.header("content-encoding", "gzip").send(gzip)
    : reply.send(plain);
});
await app.listen({ port: Number(port), host: "127.0.0.1" });
process.stdout.write("serving at\n");
