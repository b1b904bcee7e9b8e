import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { whileBusy } from "../../src/store/while-busy.js";

const dir = mkdtempSync(join(tmpdir(), "parley-busy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two connections to one write-ahead-logged file, as two processes have. */
function twoConnections(name: string) {
  const file = join(dir, name);
  const a = new Database(file);
  a.pragma("journal_mode = WAL");
  a.exec("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0)");
  const b = new Database(file);
  a.pragma("busy_timeout = 10000");
  b.pragma("busy_timeout = 10000");
  return { a, b };
}

describe("an operation tried again while the database is busy", () => {
  // A transaction that reads, is overtaken by another connection's write, then writes: SQLite
  // answers SQLITE_BUSY_SNAPSHOT at once, whatever the busy timeout.
  const overtaken = (a: Database.Database, b: Database.Database, times: { n: number }) =>
    a.transaction(() => {
      const { n } = a.prepare("SELECT n FROM counter").get() as { n: number };
      if (times.n++ === 0) b.prepare("UPDATE counter SET n = n + 100").run();
      a.prepare("UPDATE counter SET n = ?").run(n + 1);
    });

  it("a transaction overtaken by another connection's write is answered busy at once, and succeeds when run again", () => {
    const { a, b } = twoConnections("snapshot.db");
    const started = Date.now();
    expect(() => overtaken(a, b, { n: 0 })()).toThrow(expect.objectContaining({ code: "SQLITE_BUSY_SNAPSHOT" }));
    expect(Date.now() - started).toBeLessThan(5_000);
    const times = { n: 0 };
    whileBusy(() => overtaken(a, b, times)());
    expect(times.n).toBe(2);
    // The second run read the other connection's write: nothing is lost.
    expect(a.prepare("SELECT n FROM counter").get()).toEqual({ n: 201 });
    a.close();
    b.close();
  });

  it("other errors are not tried again, and a database busy for longer than the wait is reported busy", () => {
    let runs = 0;
    expect(() =>
      whileBusy(() => {
        runs++;
        throw Object.assign(new Error("disk full"), { code: "SQLITE_FULL" });
      }),
    ).toThrow("disk full");
    expect(runs).toBe(1);
    runs = 0;
    expect(() =>
      whileBusy(() => {
        runs++;
        throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
      }, 100),
    ).toThrow("database is locked");
    expect(runs).toBeGreaterThan(1);
  });
});
