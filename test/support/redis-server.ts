import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { CLI } from "../domains.js";
import { freePort } from "./free-port.js";

/** Debian's redis-server binary, or "" where it is not installed. */
export const redisBinary = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();

/**
 * Debian's redis-server on a free loopback port, nothing saved to disk, once it answers PING (a
 * worker started before that gives up at once: "cannot reach Redis"). A port taken between
 * asking and binding means another port. `children` gets it, to kill after the tests.
 */
export async function startRedis(children: ChildProcess[]): Promise<{ port: number; redis: ChildProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const redis = spawn(
      redisBinary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    children.push(redis);
    if (await answers(port, redis)) return { port, redis };
    redis.kill("SIGKILL");
    if (attempt === 3) throw new Error(`redis-server did not answer PING on three ports (the last ${port})`);
  }
}

/** Whether the server on `port` answers PING within 60 s; false as soon as `redis` exits. */
async function answers(port: number, redis: ChildProcess): Promise<boolean> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (redis.exitCode !== null || redis.signalCode !== null) return false;
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
      socket.setTimeout(2000, () => socket.destroy());
      socket.once("data", (d) => {
        socket.destroy();
        resolve(d.toString().startsWith("+PONG"));
      });
      socket.once("error", () => resolve(false));
      socket.once("close", () => resolve(false));
    });
    if (pong) return true;
    await new Promise((w) => setTimeout(w, 50));
  }
  return false;
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

/** A `parley` command started as a coordinator, and what it has printed so far. */
export interface Coordinator {
  readonly process: ChildProcess;
  readonly out: () => string;
  readonly err: () => string;
}

/** `parley args` with `env`, its output gathered as it comes; `children` gets it, to kill after the tests. */
export function startCoordinator(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  children: ChildProcess[],
): Coordinator {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "",
    err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return { process: child, out: () => out, err: () => err };
}

/**
 * The exit code of `coordinator`, whose jobs `workers` take. A queue no one takes waits for ever,
 * so this fails instead, with what the workers (`outputs`) and the coordinator printed: as soon
 * as every worker has exited, or after `ms` (the coordinator is then killed).
 */
export function coordinatorExit(
  coordinator: Coordinator,
  workers: readonly ChildProcess[],
  outputs: readonly string[],
  ms: number,
): Promise<number | null> {
  const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const child = coordinator.process;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (gone(child)) {
        clearInterval(check);
        resolve(child.exitCode);
      } else if (workers.every(gone) || Date.now() - started > ms) {
        clearInterval(check);
        child.kill("SIGKILL");
        const why = workers.every(gone) ? "every worker exited" : `still running after ${ms / 1000} s`;
        const said = [...outputs, coordinator.err()].join("\n---\n");
        reject(new Error(`the coordinator waits on a queue no one takes (${why}); what was printed:\n${said}`));
      }
    }, 100);
  });
}
