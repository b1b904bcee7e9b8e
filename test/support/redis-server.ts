import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { freePort } from "./free-port.js";

/** Debian's redis-server binary, or "" where it is not installed. */
export const redisBinary = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();

/** Debian's redis-server on a free loopback port, nothing saved to disk; `children` gets it, to kill after the tests. */
export async function startRedis(children: ChildProcess[]): Promise<{ port: number; redis: ChildProcess }> {
  const port = await freePort();
  const redis = spawn(
    redisBinary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  children.push(redis);
  await new Promise((w) => setTimeout(w, 500));
  return { port, redis };
}
