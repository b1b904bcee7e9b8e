import { spawnSync } from "node:child_process";
import { expect } from "vitest";
import { CLI, ROOT } from "../domains.js";

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the parley command as a user would, killed after `timeoutMs` (a hang shows as signal SIGKILL). */
export function parley(
  args: readonly string[],
  options: { input?: string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    cwd: options.cwd ?? ROOT,
    timeout: options.timeoutMs ?? 60_000,
    killSignal: "SIGKILL",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...options.env },
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
    ms: performance.now() - t0,
  };
}

/**
 * A clean refusal: exit 2, no crash, no hang, and stderr holds only `parley: …` lines — one per
 * problem, at most 20 per file plus an "and N more" line — that match `pattern`.
 */
export function expectRefused(r: CliRun, pattern: RegExp): void {
  expect(r.signal, `killed (hung?) after ${Math.round(r.ms)} ms`).toBeNull();
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line).toMatch(/^parley: /);
  expect(r.stderr).toMatch(pattern);
}

/** A run that succeeded without a crash or a hang. */
export function expectOk(r: CliRun): void {
  expect(r.signal, `killed (hung?) after ${Math.round(r.ms)} ms`).toBeNull();
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code, r.stderr).toBe(0);
}
