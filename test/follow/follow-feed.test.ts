import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCase } from "../../src/formats/case-file.js";
import { type FollowSources, NO_SOURCES } from "../../src/formats/follow-file.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { caseChanges } from "../../src/workflows/case-changes.js";
import { currentDocuments, snapshotOf } from "../../src/workflows/case-version.js";
import { followCase } from "../../src/workflows/follow-case.js";
import { inThisThread } from "../../src/workflows/ingest-documents.js";
import { ROOT } from "../domains.js";
import { feedServer } from "../support/feed-server.js";

const caseDir = join(ROOT, "cases", "moscow-2025-12");
const corpus = join(caseDir, "corpus");
const fixtures = join(ROOT, "test", "fixtures", "follow");
const model = loadAttributionModel();
const knowledge = loadCase(caseDir);

describe("following a case's feed as its coverage arrives (a real HTTP server on 127.0.0.1)", () => {
  let server: Awaited<ReturnType<typeof feedServer>>;
  let store: SqliteStore;
  let sources: FollowSources;
  const follow = (options: { force?: boolean; now?: () => Date } = { force: true }) =>
    followCase(store, "moscow-2025-12", sources, {
      exec: inThisThread(store, model, knowledge),
      snapshot: async (docs) => snapshotOf(docs, model, knowledge),
      ...options,
    });

  beforeAll(async () => {
    server = await feedServer();
    store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "parley-follow-")), "ws.db"));
    sources = { ...NO_SOURCES, feeds: [{ url: server.url("/feed.xml"), every: 15 }], allowPrivate: true };
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it("stores the five Moscow texts from the feed and keeps version 1", async () => {
    for (const f of readdirSync(corpus).sort())
      server.articles.push({
        path: `/moscow/${f}`,
        title: f,
        body: readFileSync(join(corpus, f), "utf8"),
        published: "2025-12-03T12:00:00Z",
      });
    const pass = await follow();
    expect(pass.feeds).toMatchObject([{ status: "ok", entries: 5, stored: 5, failures: 0 }]);
    expect(pass.version).toMatchObject({ version: 1, documents: 5 });
    expect(pass.changes!.documents).toHaveLength(5);
    // Every article is stored under its address.
    const docs = await store.documents();
    expect(docs.map((d) => d.url).sort()).toEqual(
      readdirSync(corpus)
        .sort()
        .map((f) => server.url(`/moscow/${f}`)),
    );
  });

  it("asks again with the feed's ETag: 304, nothing fetched, no new version", async () => {
    const before = server.hits.get("/moscow/000_5421cbf47a010d17.txt");
    const pass = await follow();
    expect(pass.feeds[0]).toMatchObject({ status: "not-modified", entries: 0 });
    expect(pass.version).toBeNull();
    expect(server.hits.get("/moscow/000_5421cbf47a010d17.txt")).toBe(before);
  });

  it("leaves a feed alone until its interval has passed", async () => {
    const pass = await follow({});
    expect(pass.feeds[0]!.status).toBe("not-due");
    const later = await follow({ now: () => new Date(Date.now() + 16 * 60_000) });
    expect(later.feeds[0]!.status).toBe("not-modified");
  });

  it("a later round, a revised plan and a party softening a line: the change report names each with its words", async () => {
    const add = (file: string, published: string) =>
      server.articles.push({
        path: `/follow/${file}`,
        title: readFileSync(join(fixtures, file), "utf8").split("\n")[0]!,
        body: readFileSync(join(fixtures, file), "utf8"),
        published,
      });
    add("later-round.txt", "2025-12-09T09:00:00Z");
    add("revised-plan.txt", "2025-12-10T09:00:00Z");
    add("softening.txt", "2025-12-11T09:00:00Z");
    const pass = await follow();
    expect(pass.feeds[0]).toMatchObject({ status: "ok", entries: 3, stored: 3 });
    expect(pass.version).toMatchObject({ version: 2, documents: 8 });
    const c = pass.changes!;
    // Only the three new documents are new.
    expect(c.documents.map((d) => d.url)).toEqual(
      ["later-round.txt", "revised-plan.txt", "softening.txt"].map((f) => server.url(`/follow/${f}`)),
    );
    // The new event: the Berlin round, on the day it was held, in the text's words.
    expect(c.events).toContainEqual(
      expect.objectContaining({
        kind: "met",
        where: "Berlin",
        when: "2025-12-08",
        words: expect.objectContaining({ text: expect.stringContaining("met US special envoy Steve Witkoff") }),
      }),
    );
    // The moved stance: the army cap, a red line of Ukraine's, now acceptable, in Zelensky's words.
    expect(c.stances).toContainEqual(
      expect.objectContaining({
        party: "Ukraine",
        issue: "Army cap",
        move: "softened",
        from: "red line",
        to: "acceptable",
      }),
    );
    expect(c.redLines).toContainEqual(expect.objectContaining({ party: "Ukraine", change: "softened" }));
    const moved = c.stances.find((s) => s.issue === "Army cap")!;
    expect(moved.words).toMatchObject({ source: "Zelensky signals Ukraine could accept a cap on its army" });
    // The new plan version, revising the 28-point plan.
    expect(c.plans).toContainEqual(
      expect.objectContaining({
        name: "19-point plan",
        against: "28-point plan",
        words: [expect.objectContaining({ text: expect.stringContaining("revised 19-point plan") })],
      }),
    );
    // New words of each party, with the party they speak for.
    expect(c.statements).toContainEqual(
      expect.objectContaining({
        speaker: "Volodymyr Zelensky",
        party: "Ukraine",
        words: expect.objectContaining({
          text: expect.stringContaining("we are ready to discuss the size of our army"),
        }),
      }),
    );
    // Nothing the first batch held is reported again.
    expect(c.statements.some((s) => s.words.text.includes("27 points"))).toBe(false);
  });

  it("an updated article is a new version of the same source, the earlier kept; the same text at another address is stored once", async () => {
    const i = server.articles.findIndex((a) => a.path === "/follow/softening.txt");
    const was = server.articles[i]!;
    server.articles[i] = {
      ...was,
      body: `${was.body}\nUpdated: Ukraine's parliament speaker said any cap would need a vote.\n`,
      updated: "2025-12-11T18:00:00Z",
    };
    server.articles.push({ ...was, path: "/mirror/softening.txt" });
    const pass = await follow();
    expect(pass.feeds[0]).toMatchObject({ status: "ok", entries: 2, stored: 1 });
    expect(pass.stored.find((o) => o.status === "unchanged")).toBeTruthy();
    const docs = await store.documents();
    const versions = docs.filter((d) => d.url === server.url("/follow/softening.txt"));
    expect(versions).toHaveLength(2);
    // The model is drawn from the latest version only.
    const current = currentDocuments(docs).filter((d) => d.url === server.url("/follow/softening.txt"));
    expect(current).toEqual([versions[1]]);
    expect(pass.version).toMatchObject({ version: 3, documents: 8 });
  });

  it("any two versions are diffed; since a time, the changes after it", async () => {
    const all = await caseChanges(store, "moscow-2025-12", { from: 1, to: 2 });
    expect(all!.changes.plans.map((p) => p.name)).toContain("19-point plan");
    const fromStart = await caseChanges(store, "moscow-2025-12", { from: 0, to: 1 });
    expect(fromStart!.changes.documents).toHaveLength(5);
    const since = await caseChanges(store, "moscow-2025-12", { since: all!.versions[0]!.created });
    expect(since!.from?.version).toBe(1);
    expect(since!.to.version).toBe(3);
    const none = await caseChanges(store, "moscow-2025-12", { since: new Date(Date.now() + 60_000).toISOString() });
    expect(none!.changes.events).toEqual([]);
  });

  it("refuses a loopback address unless the case allows it", async () => {
    const pass = await followCase(
      store,
      "elsewhere",
      { ...sources, allowPrivate: false },
      {
        exec: inThisThread(store, model, knowledge),
        snapshot: async (docs) => snapshotOf(docs, model, knowledge),
        force: true,
      },
    );
    expect(pass.feeds[0]).toMatchObject({ status: "private-address", failures: 1 });
    expect(pass.feeds[0]!.error).toMatch(/private or loopback address; allow it in the case's follow\.yaml/);
  });
});
