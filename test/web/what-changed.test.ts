import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOSCOW_CASE, ROOT } from "../domains.js";
import { type ServerProcess, startServerProcess } from "../server/server-process.js";
import { feedServer } from "../support/feed-server.js";

// A followed case served by `parley serve`: its feed on a local HTTP server, a batch of coverage
// arriving while the analyst has "What changed" open in a real browser, pushed over SSE.

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const SHOTS = join(ROOT, "test-artifacts", "screenshots");
const fixtures = join(ROOT, "test", "fixtures", "follow");
const tmp = mkdtempSync(join(tmpdir(), "parley-changes-"));

/** A copy of the Moscow case that follows a feed on 127.0.0.1 (allowed for this case only). */
function followedCase(feed: string): string {
  const dir = join(tmp, "followed-talks");
  mkdirSync(dir);
  for (const f of ["case.yaml", "scenario.yaml", "corpus"])
    cpSync(join(MOSCOW_CASE, f), join(dir, f), { recursive: true });
  writeFileSync(join(dir, "follow.yaml"), `feeds:\n  - url: ${feed}\n    every: 60\nallowPrivateAddresses: true\n`);
  return dir;
}

describe("a followed case over the API and in the browser", () => {
  let feeds: Awaited<ReturnType<typeof feedServer>>;
  let server: ServerProcess;
  let browser: Browser | undefined;
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
  const json = (r: Response): Promise<any> => r.json();
  /** The second batch: three follow-up articles on the feed, then a pass asked for now (once). */
  let batch: Promise<{ version: unknown }> | undefined;
  const batchArrives = () =>
    (batch ??= (async () => {
      for (const [file, published] of [
        ["later-round.txt", "2025-12-09T09:00:00Z"],
        ["revised-plan.txt", "2025-12-10T09:00:00Z"],
        ["softening.txt", "2025-12-11T09:00:00Z"],
      ] as const) {
        const body = readFileSync(join(fixtures, file), "utf8");
        feeds.articles.push({ path: `/follow/${file}`, title: body.split("\n")[0]!, body, published });
      }
      const pass = await api("/api/cases/followed-talks/follow", { method: "POST" });
      expect(pass.status).toBe(200);
      return json(pass);
    })());

  beforeAll(async () => {
    feeds = await feedServer();
    server = await startServerProcess(["--db", join(tmp, "ws.db"), "--case", followedCase(feeds.url("/feed.xml"))]);
    if (CHROMIUM) {
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await feeds?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("keeps a first version of the case on start, and lists its feed", async () => {
    const versions = (await (await api("/api/cases/followed-talks/versions")).json()) as {
      items: { version: number; documents: number }[];
    };
    expect(versions.items).toEqual([expect.objectContaining({ version: 1, documents: 5 })]);
    const first = await json(await api("/api/cases/followed-talks/changes"));
    expect(first.from).toBeNull();
    expect(first.changes.documents).toHaveLength(5);
    // The first version is the coverage the scenario was written from: it proposes no edit.
    expect(first.proposed).toEqual([]);
    // Nor does it open the briefing with "Since the last briefing": there is no earlier version.
    const briefing = await (await api("/api/scenarios/followed-talks/report?format=md&samples=0")).text();
    expect(briefing).toMatch(/^# Briefing: /);
    expect(briefing).not.toMatch(/Since the last briefing/);
    const feedList = (await (await api("/api/cases/followed-talks/feeds")).json()) as { items: { url: string }[] };
    expect(feedList.items.map((f) => f.url)).toEqual([feeds.url("/feed.xml")]);
  });

  it("answers bad questions with problems that name the field", async () => {
    const bad = await api("/api/cases/followed-talks/changes?since=last-tuesday");
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0]).toMatchObject({ code: "request.date", field: "since" });
    expect((await api("/api/cases/no-such-case/changes")).status).toBe(404);
    expect((await api("/api/cases/followed-talks/changes?from=1&to=9")).status).toBe(404);
    expect((await api("/api/cases/no-such-case/changes/events")).status).toBe(404);
    const push = await api("/api/cases/followed-talks/documents", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ articles: [{ text: "Talks resumed.", date: "9 December" }] }),
    });
    expect(push.status).toBe(400);
    expect((await json(push)).errors[0]).toMatchObject({ field: "articles[0].date" });
  });

  it.skipIf(!CHROMIUM)(
    "a batch arrives while the analyst has What changed open: the moved stance, the new plan and the new round appear with their words",
    async () => {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("pageerror", (e) => {
        throw e;
      });
      await page.goto(`${server.url}/#/changes`);
      await page.waitForSelector("main h1");
      await page.waitForSelector("text=version 1");
      // The coverage moves on: the feed gains three articles, and the server is asked to follow now.
      expect((await batchArrives()).version).toMatchObject({ version: 2, documents: 8 });
      // Pushed over SSE: the open page shows version 2 without a reload.
      await page.waitForSelector("text=new version(s) arrived while you were here", { timeout: 30_000 });
      await page.waitForSelector("text=→ version 2");
      await page.screenshot({ path: join(SHOTS, "what-changed.png"), fullPage: true });
      await page.screenshot({ path: join(SHOTS, "what-changed-first-screen.png") });
      const section = (label: string) =>
        page.$$eval(`section[aria-label='${label}'] li`, (items) => items.map((li) => li.textContent ?? ""));
      const stances = await section("Stances that moved");
      expect(stances.find((s) => s.includes("Army cap"))).toMatch(
        /^Ukraine on Army cap: softened \(red line → acceptable\) — .*could accept a cap/,
      );
      expect((await section("New plan versions")).join("\n")).toMatch(
        /19-point plan, revising 28-point plan: .*revised 19-point plan/,
      );
      expect((await section("New events")).join("\n")).toMatch(
        /met US special envoy Steve Witkoff in Berlin \(2025-12-08\)/,
      );
      expect((await section("New statements")).join("\n")).toMatch(
        /Volodymyr Zelensky · Ukraine — .*ready to discuss the size of our army/,
      );
      // Nothing from the first batch is shown as new.
      expect(await section("Documents added")).toHaveLength(3);
      // The edit the batch proposes to the scenario: nothing applied until the analyst says so.
      const proposed = await section("Proposed edit");
      expect(proposed.join("\n")).toMatch(/Ukraine's stance on Army cap: red line → acceptable/);
      expect(proposed.join("\n")).toMatch(/add 19-point plan, derived from Leaked 28-point plan/);
      const scenarioBefore = await (await api("/api/scenarios/followed-talks")).text();
      expect(scenarioBefore).not.toMatch(/19-point plan/);
      await page.check('label:has-text("Ukraine\'s stance on Army cap") input');
      await page.check('label:has-text("Ukraine\'s red line “no cap of 600,000 or lower”") input');
      await page.click("text=Apply the 2 selected and rerun the analysis");
      const answer = await page.waitForSelector("section[aria-label='Proposed edit'] [role=status]", {
        timeout: 60_000,
      });
      const said = (await answer.textContent()) ?? "";
      expect(said).toMatch(/^Scenario version 2: 2 change\(s\) applied, 1 rejected\./);
      // The answer moved: the 28-point plan no longer crosses the red line removed.
      expect(said).toMatch(
        /The answer moved:Leaked 28-point plan no longer crosses Ukraine: no cap of 600,000 or lower \(4 red line\(s\) still crossed\)/,
      );
      await page.screenshot({ path: join(SHOTS, "what-changed-accepted.png"), fullPage: false });
      // Written into the scenario in place: the stance, its new words, the red line gone; the plan not added.
      const scenarioAfter = (await json(await api("/api/scenarios/followed-talks"))).text as string;
      expect(scenarioAfter).not.toMatch(/no cap of 600,000 or lower/);
      expect(scenarioAfter).not.toMatch(/19-point plan/);
      expect(scenarioAfter).toMatch(/strength: acceptable/);
      expect(scenarioAfter).toMatch(/file: 127-0-0-1-follow-softening\.txt/);
      // The next visit offers "since my last visit".
      await page.reload();
      await page.waitForSelector("text=Since my last visit");
      await page.close();
    },
    120_000,
  );

  it("the briefing opens with what changed since the last one", async () => {
    await batchArrives();
    const versions = (await json(await api("/api/cases/followed-talks/versions"))).items as { created: string }[];
    const r = await api(
      `/api/scenarios/followed-talks/report?format=md&samples=0&since=${encodeURIComponent(versions[0]!.created)}`,
    );
    expect(r.status).toBe(200);
    const md = await r.text();
    const since = md.slice(
      md.indexOf("## Since the last briefing"),
      md.indexOf("\n## ", md.indexOf("## Since the last briefing") + 5),
    );
    expect(md.indexOf("## Since the last briefing")).toBeLessThan(
      md.indexOf("## ", md.indexOf("## Since the last briefing") + 5),
    );
    expect(since).toMatch(/From \d+ \w+ \d{4} \(version 1\) to \d+ \w+ \d{4} \(version \d\): 3 new document\(s\)\./);
    expect(since).toMatch(
      /- Ukraine on Army cap: softened \(red line → acceptable\) — “Zelensky signals Ukraine could accept a cap on its army”/,
    );
    expect(since).toMatch(
      /- 19-point plan, revising 28-point plan — “US sends a revised 19-point plan to Kyiv and Moscow”/,
    );
    expect(since).toMatch(/met US special envoy Steve Witkoff in Berlin \(2025-12-08\)/);
    // Since a time after the last batch: nothing changed, and it says so.
    const later = await (
      await api(
        `/api/scenarios/followed-talks/report?format=md&samples=0&since=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).text();
    expect(later).toMatch(
      /## Since the last briefing\n\nFrom .*: 0 new document\(s\)\.\n\nNothing in the model changed\./,
    );
  }, 120_000);

  it("a pushed article at a known address is that source's new version; the same text again changes nothing", async () => {
    const text = readFileSync(join(fixtures, "softening.txt"), "utf8");
    const push = (body: unknown) =>
      api("/api/cases/followed-talks/documents", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await json(r) }));
    const url = "https://news.example/ukraine-army-cap";
    const first = await push({
      articles: [{ text: `${text}\nThe parliament would have to approve any cap.\n`, url, date: "2025-12-12" }],
    });
    expect(first).toMatchObject({ status: 200, body: { stored: 1, version: { version: 3 } } });
    const again = await push({ articles: [{ text: `${text}\nThe parliament would have to approve any cap.\n`, url }] });
    expect(again).toMatchObject({ status: 200, body: { stored: 0, unchanged: 1, version: null } });
    const updated = await push({
      articles: [{ text: `${text}\nThe parliament voted on Friday.\n`, url, date: "2025-12-13" }],
    });
    expect(updated.body).toMatchObject({ stored: 1, version: { version: 4, documents: 9 } });
  });
});
