/** How long an operation is tried again while the workspace database answers that it is busy. */
export const BUSY_WAIT_MS = 10_000;

/**
 * Runs a database operation, and again while SQLite answers SQLITE_BUSY, for up to `waitMs` in
 * all. SQLite's own busy timeout does not cover every case: a transaction whose read is
 * overtaken by another process's write (SQLITE_BUSY_SNAPSHOT), a connection that meets the
 * write-ahead log being recovered after a process was killed, and one opening as the last other
 * connection closes are answered SQLITE_BUSY at once (sqlite.org/wal.html). Every operation
 * given is one statement or one transaction, which SQLite rolled back whole: running it again
 * is safe. The wait is synchronous, as SQLite's own busy wait is.
 */
export function whileBusy<T>(operation: () => T, waitMs = BUSY_WAIT_MS): T {
  const until = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(2 * pause, 200)) {
    try {
      return operation();
    } catch (e) {
      if (!busy(e) || Date.now() + pause > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

const busy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_"));
};
