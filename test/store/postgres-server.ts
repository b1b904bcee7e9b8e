import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../support/free-port.js";

/** A throwaway PostgreSQL server for tests: Debian's binaries, a temporary cluster, a free loopback port. */
export interface PostgresServer {
  readonly url: string;
  stop(): void;
}

/** Debian's server binaries (the `postgresql` package), newest version first. */
function binaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, "bin") : null;
}

/**
 * Starts a server, or says why it cannot (the reason is printed by the suite that skips).
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer | { skipped: string }> {
  const bin = binaries();
  if (!bin)
    return {
      skipped:
        "no PostgreSQL server binaries under /usr/lib/postgresql (Debian's postgresql package; .ci/run installs it)",
    };
  const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
  const root = process.getuid?.() === 0;
  const as = (args: string[]) =>
    root
      ? spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" })
      : spawnSync(args[0]!, args.slice(1), { encoding: "utf8" });
  if (root) {
    const pw = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    if (pw.status !== 0) return { skipped: "running as root and there is no postgres user to run the server as" };
    chownSync(
      dir,
      Number(pw.stdout.trim()),
      Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()),
    );
  }
  const data = join(dir, "data");
  const init = as([join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "parley", "--no-sync", "-E", "UTF8"]);
  if (init.status !== 0) return { skipped: `initdb failed: ${(init.stderr || init.stdout).trim().split("\n").pop()}` };
  const port = await freePort();
  const start = as([
    join(bin, "pg_ctl"),
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  if (start.status !== 0)
    return { skipped: `the server did not start: ${(start.stderr || start.stdout).trim().split("\n").pop()}` };
  return {
    url: `postgres://parley@127.0.0.1:${port}/postgres`,
    stop: () => {
      as([join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
