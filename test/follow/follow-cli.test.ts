import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, MOSCOW_CASE, ROOT } from "../domains.js";

// parley follow and parley changes as a user runs them: a case folder following a folder of
// articles, a second batch, the changes, the proposed edit accepted into scenario.yaml; bad input.

const tmp = mkdtempSync(join(tmpdir(), "parley-follow-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const db = join(tmp, "ws.db");
const parley = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("parley follow and parley changes", () => {
  const dir = join(tmp, "talks");
  mkdirSync(join(dir, "inbox"), { recursive: true });
  cpSync(join(MOSCOW_CASE, "case.yaml"), join(dir, "case.yaml"));
  cpSync(join(MOSCOW_CASE, "scenario.yaml"), join(dir, "scenario.yaml"));
  cpSync(join(MOSCOW_CASE, "corpus"), join(dir, "inbox"), { recursive: true });
  writeFileSync(join(dir, "follow.yaml"), "folders: [inbox]\n");

  it("follows a folder: the first pass keeps version 1, the same files again change nothing", () => {
    const first = parley("follow", dir, "--db", db);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^5 document\(s\) stored, 0 unchanged$/m);
    expect(first.out).toMatch(/^Version 1 of talks \(5 documents\):/m);
    const again = parley("follow", dir, "--db", db);
    expect(again.out).toMatch(/^0 document\(s\) stored, 5 unchanged\nNothing new: the model is unchanged\.$/m);
  });

  it("a second batch: what changed, and the edit it proposes to the scenario", () => {
    cpSync(join(ROOT, "test", "fixtures", "follow"), join(dir, "inbox"), { recursive: true });
    const pass = parley("follow", dir, "--db", db);
    expect(pass.out).toMatch(/^Version 2 of talks \(8 documents\):/m);
    expect(pass.out).toMatch(/^- Ukraine on Army cap: softened \(red line → acceptable\) — “/m);
    const versions = parley("changes", dir, "--db", db, "--versions");
    expect(versions.out.trim().split("\n")).toHaveLength(2);
    const changes = parley("changes", dir, "--db", db);
    expect(changes.out).toMatch(/^talks: version 1 \(.+\) → 2 \(.+\)$/m);
    expect(changes.out).toMatch(
      /^- 19-point plan, revising 28-point plan: its terms are not stated — “US sends a revised 19-point plan/m,
    );
    expect(changes.out).toMatch(/^- stance:Ukraine:Army cap: Ukraine's stance on Army cap: red line → acceptable$/m);
  });

  it("--accept writes the chosen items into scenario.yaml in place and says whether the answer moved", () => {
    const before = readFileSync(join(dir, "scenario.yaml"), "utf8");
    const r = parley(
      "changes",
      dir,
      "--db",
      db,
      "--accept",
      "stance:Ukraine:Army cap",
      "red-line:Ukraine:1:no cap of 600,000 or lower",
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /scenario\.yaml: 2 change\(s\) applied, 1 rejected\. The answer moved:\n- Leaked 28-point plan no longer crosses Ukraine: no cap of 600,000 or lower/,
    );
    const after = readFileSync(join(dir, "scenario.yaml"), "utf8");
    expect(after).not.toBe(before);
    expect(after).not.toMatch(/no cap of 600,000 or lower/);
    // What was accepted is no longer proposed.
    expect(parley("changes", dir, "--db", db).out).not.toMatch(/^- stance:Ukraine:Army cap/m);
  });

  it("bad input: one line naming what is wrong, exit 2, nothing written", () => {
    const unknown = parley("changes", dir, "--db", db, "--accept", "plan:no such plan");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^parley: accept: no proposed item plan:no such plan/m);
    const since = parley("changes", dir, "--db", db, "--since", "last tuesday");
    expect(since.code).toBe(2);
    expect(since.err).toMatch(/--since: last tuesday is not a date/);
    const nowhere = parley("follow", join(tmp, "no-such-case"), "--db", db);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/no-such-case: no case folder here/);
    const bad = join(tmp, "bad-case");
    mkdirSync(bad);
    writeFileSync(join(bad, "follow.yaml"), "feeds:\n  - ftp://example.org/feed\nevery: -5\n");
    const invalid = parley("follow", bad, "--db", db);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/follow\.yaml: feeds\.0: /);
    expect(invalid.err).toMatch(/follow\.yaml: every: /);
    const feed = parley("follow", bad, "--db", db, "--feed", "not a url");
    expect(feed.code).toBe(2);
    // A followed folder with a binary file: it is reported, the other file stored, exit 3.
    const mixed = join(tmp, "mixed");
    mkdirSync(join(mixed, "inbox"), { recursive: true });
    writeFileSync(join(mixed, "follow.yaml"), "folders: [inbox]\n");
    writeFileSync(join(mixed, "inbox", "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    cpSync(join(ROOT, "test", "fixtures", "follow", "softening.txt"), join(mixed, "inbox", "softening.txt"));
    const partly = parley("follow", mixed, "--db", join(tmp, "mixed.db"));
    expect(partly.code, partly.err).toBe(3);
    expect(partly.out).toMatch(/^file .*photo\.txt: not read — /m);
    expect(partly.out).toMatch(/^1 document\(s\) stored, 0 unchanged$/m);
    const none = parley("changes", "never-followed", "--db", db);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/keeps no version of never-followed/);
  });
});
