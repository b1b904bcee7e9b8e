import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/evidence/document.js";
import { extractDocument } from "../../src/evidence/extract.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { contentId } from "../../src/ingest/read-documents.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { CLI, ROOT, SHARED } from "../domains.js";

function parley(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    // Never the checkout's own workspace (one `npm start` made): a command given no --db finds none.
    env: { ...process.env, PARLEY_DB: join(tmp, "no-workspace.db") },
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const corpus = join(SHARED, "corpus", "moscow-2025-12");
// The case's own knowledge (watch list, places, names) comes with its folder.
const moscowCase = join(ROOT, "cases", "moscow-2025-12");
const fixture = join(ROOT, "test", "fixtures", "articles", "harbour-talks.txt");
const tmp = mkdtempSync(join(tmpdir(), "parley-evidence-"));

describe("parley evidence", () => {
  it("--json on the corpus: documents, quotes, dates, quantities, actors, claims, contradictions, sources", () => {
    const r = parley(["evidence", corpus, "--case", moscowCase, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        "documents",
        "quotes",
        "dates",
        "quantities",
        "actors",
        "claims",
        "contradictions",
        "sources",
      ]),
    );
    expect(out.documents).toHaveLength(5);
    expect(out.documents[0]).toMatchObject({
      file: expect.stringContaining("000_"),
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      published: "2025-12-02",
    });
    expect(out.quotes[0]).toMatchObject({
      file: expect.any(String),
      start: expect.any(Number),
      end: expect.any(Number),
      text: expect.any(String),
      selector: { exact: expect.any(String) },
    });
    expect(out.dates.find((d: { iso: string | null }) => d.iso === "2025-12-03")).toMatchObject({
      reference: "2025-12-03",
    });
    expect(out.quantities.find((q: { value: number }) => q.value === 600000)).toMatchObject({ noun: "army" });
    const cap = out.contradictions.find((c: { attribute: string }) => c.attribute === "size cap");
    expect(cap.sides.map((s: { value: number }) => s.value).sort()).toEqual([600000, 800000]);
    expect(cap.sides[0].quotes[0]).toMatchObject({ file: expect.any(String), text: expect.any(String) });
  });

  it("prints a readable report with the contradictions quoted", () => {
    const r = parley(["evidence", corpus, "--case", moscowCase]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Contradictions (");
    expect(r.stdout).toMatch(/meeting in Moscow · date\n\s+2025-12-02 — .*001_/);
    expect(r.stdout).toMatch(/2025-12-03 — 003_/);
    expect(r.stdout).toMatch(/003_b6488645339004c2\.txt\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\.\d%/);
  });

  it("reads standard input, with a given date", () => {
    const r = parley(["evidence", "-", "--date", "2024-03-12", "--json"], readFileSync(fixture, "utf8"));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents[0]).toMatchObject({ file: "<stdin>", published: "2024-03-12", publishedSource: "given" });
    expect(out.dates.find((d: { text: string }) => d.text.includes("Monday")).iso).toBe("2024-03-11");
  });

  it("flags two near-identical copies as duplicates", () => {
    const copy = join(tmp, "copy.txt");
    writeFileSync(copy, readFileSync(fixture, "utf8").replace("Harbour talks end", "Harbour talks ended"));
    const out = JSON.parse(parley(["evidence", fixture, copy, "--json"]).stdout);
    expect(out.documents[1]).toMatchObject({ duplicateOf: fixture });
    expect(out.documents[1].similarity).toBeGreaterThan(0.8);
  });

  it("bad input: one clear line, exit 2", () => {
    const one = (args: string[], pattern: RegExp) => {
      const r = parley(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    };
    const binary = join(tmp, "photo.txt");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    one(["evidence", binary], /photo\.txt: the file is binary, not text/);
    const empty = join(tmp, "empty.txt");
    writeFileSync(empty, "");
    one(["evidence", empty], /empty\.txt: the file is empty/);
    one(["evidence", join(tmp, "missing.txt")], /missing\.txt: no such file or folder/);
    one(["evidence", fixture, "--date", "2 Dec"], /--date: "2 Dec" is not a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM/);
    one(["evidence"], /no articles given/);
  });
});

describe("parley ingest", () => {
  it("stores each document with its evidence once; re-ingesting the same content changes nothing", async () => {
    const db = join(tmp, "corpus.db");
    const first = parley(["ingest", corpus, "--case", moscowCase, "--db", db]);
    expect(first.code).toBe(0);
    expect(first.stdout.match(/^stored /gm)).toHaveLength(5);
    const again = parley(["ingest", join(corpus, "001_7f7215ec828ab598.txt"), "--case", moscowCase, "--db", db]);
    expect(again.stdout).toMatch(/^unchanged .*001_7f7215ec828ab598\.txt: this content is stored already/);
    const ws = new SqliteStore(db);
    expect(await ws.documents()).toHaveLength(5);
    for (const d of await ws.documents()) expect(await ws.evidenceCount(d.id)).toBeGreaterThan(10);
    await ws.close();
    const fromDb = JSON.parse(parley(["evidence", "--db", db, "--case", moscowCase, "--json"]).stdout);
    expect(fromDb.contradictions.map((c: { attribute: string }) => c.attribute)).toEqual(
      expect.arrayContaining(["date", "size cap"]),
    );
  });

  it("a different text under a name the workspace holds is stored under the next free name, and said so", () => {
    const db = join(tmp, "names.db");
    for (const [dir, text] of [
      ["first", "The envoy said on Monday that talks would go on."],
      ["second", "A different article: the ministers met in the capital on Tuesday."],
    ] as const) {
      mkdirSync(join(tmp, dir), { recursive: true });
      writeFileSync(join(tmp, dir, "report.txt"), text);
    }
    expect(parley(["ingest", join(tmp, "first", "report.txt"), "--db", db]).stdout).toMatch(/^stored .*report\.txt: /m);
    const second = parley(["ingest", join(tmp, "second", "report.txt"), "--db", db]);
    expect(second.stdout).toMatch(
      /^stored .*second\/report\.txt as .*second\/report-2\.txt \(another text has its name\)/m,
    );
    const again = parley(["ingest", join(tmp, "first", "report.txt"), "--db", db]);
    expect(again.stdout).toMatch(/^unchanged .*first\/report\.txt: this content is stored already$/m);
  });

  it("a failure in the middle of a document's transaction leaves no half document and loses nothing stored", async () => {
    const db = join(tmp, "atomic.db");
    copyFileSync(fixture, join(tmp, "a.txt"));
    const ws = new SqliteStore(db);
    const doc = readDocument("a.txt", readFileSync(fixture, "utf8"), contentId);
    expect(await ws.addDocument(extractDocument(doc, loadAttributionModel()))).toBe(true);
    const other = readDocument("b.txt", readFileSync(join(corpus, "002_20543ffbdaedb161.txt"), "utf8"), contentId);
    const broken = extractDocument(other, loadAttributionModel());
    // The claims fail to be read halfway through writing this document.
    Object.defineProperty(broken, "claims", {
      get: () => {
        throw new Error("disk full");
      },
    });
    await expect(ws.addDocument(broken)).rejects.toThrow("disk full");
    expect((await ws.documents()).map((d) => d.file)).toEqual(["a.txt"]);
    expect(await ws.evidenceCount(other.id)).toBe(0);
    expect(await ws.evidenceCount(doc.id)).toBeGreaterThan(0);
    await ws.close();
  });
});
