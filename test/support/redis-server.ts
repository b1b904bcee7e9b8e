import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { CLI } from "../domains.js";
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

/**
 * `count` `parley worker` processes with `args` and `env`, given time to open their queues;
 * `outputs[i]` grows with everything worker i prints. `children` gets them, to kill after the tests.
 */
export async function startWorkers(
  count: number,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  children: ChildProcess[],
): Promise<{ workers: ChildProcess[]; outputs: string[] }> {
  const outputs = Array.from({ length: count }, () => "");
  const workers = outputs.map((_, i) => {
    const w = spawn(process.execPath, [CLI, "worker", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    w.stdout!.on("data", (d: Buffer) => (outputs[i] += d.toString()));
    w.stderr!.on("data", (d: Buffer) => (outputs[i] += d.toString()));
    children.push(w);
    return w;
  });
  await new Promise((w) => setTimeout(w, 1500));
  return { workers, outputs };
}
