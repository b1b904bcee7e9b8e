import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../src/evidence/document.js";
import { type DocumentEvidence, extractDocument } from "../../src/evidence/extract.js";
import { bandKeys, minhash } from "../../src/evidence/minhash.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { contentId } from "../../src/ingest/read-documents.js";
import type { RunRecord } from "../../src/negotiation/tournament.js";
import { PostgresStore } from "../../src/store/postgres-store.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { SHARED } from "../domains.js";
import { type PostgresServer, startPostgres } from "./postgres-server.js";

const corpus = join(SHARED, "corpus", "moscow-2025-12");
const model = loadAttributionModel();
const evidence: DocumentEvidence[] = readdirSync(corpus)
  .sort()
  .slice(0, 3)
  .map((f) =>
    extractDocument(readDocument(f, readFileSync(join(corpus, f), "utf8"), contentId, { date: "2025-12-02" }), model),
  );

const run = (repetition: number, welfare: number): RunRecord => ({
  scenario: 0,
  agents: ["boulware", "conceder"],
  repetition,
  seed: 1_000_000_007 + repetition,
  agreement: repetition % 2 === 0,
  crossesRedLine: repetition === 0,
  utilities: [0.25 + repetition / 100, 0.5],
  rounds: 40 + repetition,
  distanceToFrontier: 0.125,
  distanceToNash: 0.0625,
  welfare,
});

/** One contract, run against every implementation: what one store does, the other does too. */
function conformance(name: string, open: () => Promise<Store>) {
  describe(`the ${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    it("stores a document with its evidence once: the same content again stores nothing", async () => {
      expect(await store.addDocument(evidence[0]!, null, ["Vladimir Putin"])).toBe(true);
      expect(await store.addDocument(evidence[0]!, null, ["Vladimir Putin"])).toBe(false);
      expect(await store.hasDocument(evidence[0]!.document.id)).toBe(true);
      const e = evidence[0]!;
      expect(await store.evidenceCount(e.document.id)).toBe(
        e.quotes.length +
          e.dates.length +
          e.quantities.length +
          e.claims.length +
          e.actors.flatMap((a) => a.mentions).length,
      );
    });

    it("gives the documents back in the order they were stored, every field as it went in", async () => {
      await store.addDocument(evidence[2]!, null, []);
      await store.addDocument(evidence[1]!, evidence[0]!.document.id, []);
      const docs = await store.documents();
      expect(docs.map((d) => d.id)).toEqual([evidence[0]!, evidence[2]!, evidence[1]!].map((e) => e.document.id));
      expect(await store.documentIndex()).toEqual(docs.map((d) => ({ id: d.id, file: d.file, edited: null })));
      const page = await store.documentPage(1, 5);
      expect(page.total).toBe(3);
      expect(page.items.map((d) => [d.id, d.characters])).toEqual(docs.slice(1).map((d) => [d.id, [...d.text].length]));
      expect(page.items[0]).not.toHaveProperty("text");
      expect(await store.document(docs[2]!.id)).toEqual(docs[2]);
      expect(await store.document("nope")).toBeNull();
      const version = await store.documentsVersion();
      expect(await store.addDocument(evidence[1]!)).toBe(false);
      expect(await store.documentsVersion()).toBe(version);
      const { text, ...rest } = evidence[2]!.document;
      expect(docs[1]).toEqual({ ...rest, text, url: rest.url ?? null });
    });

    it("of two writers storing the same document at once, exactly one stores it; the documents' version grows", async () => {
      const before = await store.documentsVersion();
      const other = await open();
      try {
        const fresh = {
          ...evidence[0]!,
          document: { ...evidence[0]!.document, id: `${evidence[0]!.document.id}-copy-${name}` },
        };
        const results = await Promise.all([store.addDocument(fresh), other.addDocument(fresh)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.documentsVersion()).toBeGreaterThan(before);
      } finally {
        await other.close();
      }
    });

    it("takes the analyst's names for a source, keeps the text, and counts the edit as a change", async () => {
      const id = evidence[2]!.document.id;
      const before = await store.documentsVersion();
      const edited = await store.editDocument(id, { outlet: "Harbour Post", title: "Talks end", author: undefined });
      expect(edited).toMatchObject({
        id,
        outlet: "Harbour Post",
        title: "Talks end",
        author: evidence[2]!.document.author,
      });
      expect(await store.documentsVersion()).toBeGreaterThan(before);
      const entry = (await store.documentIndex()).find((d) => d.id === id)!;
      expect(entry.edited).toBeGreaterThan(0);
      // Null clears a field; the text and the evidence are as stored.
      await store.editDocument(id, { title: null });
      const doc = (await store.document(id))!;
      expect(doc).toMatchObject({ title: null, outlet: "Harbour Post", text: evidence[2]!.document.text });
      expect((await store.documentIndex()).find((d) => d.id === id)!.edited).toBeGreaterThan(entry.edited!);
      expect(await store.editDocument("nope", { title: "x" })).toBeNull();
    });

    it("keeps a tournament's runs: registering it again is idempotent, a run stored again is replaced", async () => {
      expect(await store.openTournament("t1", { agents: ["boulware", "conceder"] })).toEqual([]);
      await store.addRuns("t1", [run(1, 0.75), run(0, 0.5)]);
      await store.addRuns("t1", [run(1, 0.875)]);
      expect(await store.openTournament("t1", { agents: ["boulware", "conceder"] })).toEqual([
        run(0, 0.5),
        run(1, 0.875),
      ]);
      expect(await store.runs("t2")).toEqual([]);
      const listed = await store.tournaments();
      expect(listed.map((t) => [t.id, t.runs, t.config])).toEqual([["t1", 2, { agents: ["boulware", "conceder"] }]]);
    });

    it("gives a document's evidence back in the order it was stored, and the names documents give", async () => {
      const e = evidence[0]!;
      const items = await store.evidence(e.document.id);
      expect(items.filter((x) => x.kind === "quote").map((x) => x.data)).toEqual(JSON.parse(JSON.stringify(e.quotes)));
      expect(items.filter((x) => x.kind === "date")).toHaveLength(e.dates.length);
      expect(await store.evidence("no-such-document")).toEqual([]);
      expect(await store.storedPeople(() => [["never asked"]])).toContain("Vladimir Putin");
    });

    it("creates a scenario once, replaces it with a new version, keeps the text byte for byte", async () => {
      const text = "name: Test\n# a comment kept as written\n";
      expect(await store.createScenario({ id: "s1", name: "Test", text })).toBe(true);
      expect(await store.createScenario({ id: "s1", name: "Other", text: "x" })).toBe(false);
      expect(await store.scenario("s1")).toMatchObject({ id: "s1", name: "Test", text, version: 1 });
      expect(await store.scenarioVersion("s1")).toBe(1);
      expect(await store.scenarioVersion("missing")).toBeNull();
      expect(await store.putScenario({ id: "s1", name: "Test 2", text: `${text}# two\n` })).toMatchObject({
        version: 2,
        created: false,
        updated: expect.any(String),
      });
      expect(await store.putScenario({ id: "s0", name: "New", text: "name: New\n" })).toMatchObject({
        version: 1,
        created: true,
      });
      expect((await store.scenarios()).map((s) => [s.id, s.version])).toEqual([
        ["s1", 2],
        ["s0", 1],
      ]);
      expect(await store.scenario("missing")).toBeNull();
    });

    it("keeps every version of a scenario; a replacement made from an older version changes nothing", async () => {
      await store.putScenario({ id: "v", name: "V", text: "one\n" }, "absent");
      expect(await store.putScenario({ id: "v", name: "V", text: "two\n" }, 1)).toMatchObject({
        version: 2,
        created: false,
      });
      expect(await store.putScenario({ id: "v", name: "V", text: "lost\n" }, 1)).toEqual({
        conflict: true,
        current: 2,
      });
      expect(await store.putScenario({ id: "v", name: "V", text: "lost\n" }, "absent")).toEqual({
        conflict: true,
        current: 2,
      });
      expect(await store.putScenario({ id: "none", name: "N", text: "x\n" }, 3)).toEqual({
        conflict: true,
        current: null,
      });
      expect((await store.scenarioVersions("v")).map((v) => v.version)).toEqual([1, 2]);
      expect((await store.scenarioAt("v", 1))?.text).toBe("one\n");
      expect((await store.scenario("v"))?.text).toBe("two\n");
      expect(await store.scenarioAt("v", 3)).toBeNull();
      expect(await store.scenarioVersions("none")).toEqual([]);
    });

    it("of 20 writers replacing one version at once, exactly one wins; the others are told which version stands", async () => {
      await store.putScenario({ id: "race", name: "R", text: "v1\n" }, "absent");
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, k) => store.putScenario({ id: "race", name: "R", text: `writer ${k}\n` }, 1)),
      );
      expect(outcomes.filter((o) => "version" in o)).toHaveLength(1);
      expect(outcomes.filter((o) => "conflict" in o)).toEqual(Array(19).fill({ conflict: true, current: 2 }));
      expect((await store.scenarioVersions("race")).map((v) => v.version)).toEqual([1, 2]);
    });

    it("indexes originals for near-duplicates: a near-copy's bands find its original, an unrelated text finds none", async () => {
      // Stored before the index existed (no signature given): indexed on first use.
      const indexed = await store.indexNearDuplicates((docs) => docs.map((d) => minhash(d.text)));
      expect(indexed).toBeGreaterThan(0);
      expect(await store.indexNearDuplicates(() => [])).toBe(0);
      const original = evidence[0]!.document;
      const copy = `${original.text.slice(0, Math.floor(original.text.length * 0.95))} An editor's note at the end.`;
      const found = await store.nearDuplicateCandidates(bandKeys(minhash(copy)));
      expect(found.map((d) => d.id)).toContain(original.id);
      const unrelated =
        "The harbour authority opened a new ferry terminal on the north quay, with berths for four vessels and a waiting hall.";
      expect(await store.nearDuplicateCandidates(bandKeys(minhash(unrelated)))).toEqual([]);
      expect(await store.nearDuplicateCandidates([])).toEqual([]);
    });

    it("finds stored claims by their subject · attribute, with the name of the document they are in", async () => {
      const claims = evidence.flatMap((e) => e.claims);
      const key = `${claims[0]!.subject}|${claims[0]!.attribute}`;
      const about = await store.claimsAbout([key, "no such|thing"]);
      expect(about.length).toBeGreaterThan(0);
      for (const c of about) expect(`${c.subject}|${c.attribute}`).toBe(key);
      const stored = new Set((await store.documentIndex()).map((d) => d.file));
      for (const c of about) expect(stored.has(c.file)).toBe(true);
      expect(await store.claimsAbout([])).toEqual([]);
    });

    it("keeps a followed feed's state and the entries stored, replacing the state in place", async () => {
      const feed = {
        caseId: "c1",
        url: "https://news.example/feed.xml",
        etag: '"abc"',
        lastModified: "Tue, 09 Dec 2025 10:00:00 GMT",
        ttlMinutes: 30,
        nextFetch: "2025-12-09T10:30:00.000Z",
        failures: 0,
        lastStatus: "ok",
        lastError: null,
        lastFetched: "2025-12-09T10:00:00.000Z",
      };
      await store.saveFeed(feed);
      await store.saveFeed({ ...feed, url: "https://other.example/atom.xml", failures: 3, lastStatus: "timeout" });
      await store.saveFeed({ ...feed, etag: '"def"', failures: 1, lastStatus: "malformed", lastError: "not a feed" });
      expect(await store.feeds("c1")).toEqual([
        { ...feed, etag: '"def"', failures: 1, lastStatus: "malformed", lastError: "not a feed" },
        { ...feed, url: "https://other.example/atom.xml", failures: 3, lastStatus: "timeout" },
      ]);
      expect(await store.feeds("c2")).toEqual([]);
      await store.markFeedItem("c1", feed.url, "guid-1", null, "d1");
      await store.markFeedItem("c1", feed.url, "guid-2", "2025-12-09T00:00:00.000Z", "d2");
      await store.markFeedItem("c1", feed.url, "guid-2", "2025-12-10T00:00:00.000Z", "d3");
      expect([...(await store.feedItems("c1", feed.url))].sort()).toEqual([
        ["guid-1", null],
        ["guid-2", "2025-12-10T00:00:00.000Z"],
      ]);
    });

    it("numbers a case's model versions from 1, each writer its own number, and gives each snapshot back", async () => {
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, k) => store.addCaseVersion("followed", k, { events: [k], nested: { k } })),
      );
      expect(made.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const listed = await store.caseVersions("followed");
      expect(listed.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const third = made.find((v) => v.version === 3)!;
      expect(await store.caseVersion("followed", 3)).toEqual({
        ...third,
        snapshot: { events: [third.documents], nested: { k: third.documents } },
      });
      expect(await store.caseVersion("followed", 9)).toBeNull();
      expect(await store.caseVersions("unknown")).toEqual([]);
    });

    it("keeps a scenario's simulation runs, oldest first", async () => {
      await store.addSimulation({
        id: "r2",
        scenario: "s1",
        config: { seed: 2 },
        result: { agreement: true, rounds: [1, 2] },
        created: "2026-01-02T00:00:00.000Z",
      });
      await store.addSimulation({
        id: "r1",
        scenario: "s1",
        config: { seed: 1 },
        result: { agreement: false },
        created: "2026-01-01T00:00:00.000Z",
      });
      expect((await store.simulations("s1")).map((s) => [s.id, s.config, s.result])).toEqual([
        ["r2", { seed: 2 }, { agreement: true, rounds: [1, 2] }],
        ["r1", { seed: 1 }, { agreement: false }],
      ]);
      expect(await store.simulations("s0")).toEqual([]);
    });
  });
}

const sqliteFile = join(mkdtempSync(join(tmpdir(), "parley-store-")), "workspace.db");
conformance("SQLite", async () => new SqliteStore(sqliteFile));

let server: PostgresServer | { skipped: string } | undefined;
const postgres = await startPostgres();
if ("skipped" in postgres) {
  // Never silently: the reason is printed where the run's output shows it.
  console.warn(`PostgreSQL conformance suite skipped: ${postgres.skipped}`);
  describe.skip("the PostgreSQL store", () => it("needs a PostgreSQL server", () => undefined));
} else {
  server = postgres;
  afterAll(() => (server as PostgresServer).stop());
  conformance("PostgreSQL", () => PostgresStore.open(postgres.url));
}
