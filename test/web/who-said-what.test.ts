import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, MOSCOW_CASE, ROOT, SHARED } from "../domains.js";
import { type ServerProcess, startServerProcess } from "../server/server-process.js";

// Who said what in a real browser, on both cases: the Moscow case as it ships, and the Gaza
// coverage ingested into a fresh workspace with the scenario drafted from it (no case file).

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const SHOTS = join(ROOT, "test-artifacts", "screenshots");
const tmp = mkdtempSync(join(tmpdir(), "parley-people-"));
const GAZA = join(SHARED, "corpus", "gaza-2025-10");

/** Each heading of the view (a speaker) with the words listed under it. */
type Listed = { who: string; words: string[]; kinds: string[] };

if (!CHROMIUM) {
  console.warn("browser tests skipped: no /usr/bin/chromium (Debian's chromium package; .ci/run installs it)");
  describe.skip("who said what in the browser", () => it("needs chromium", () => undefined));
} else {
  let browser: Browser;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.child.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  });

  const people = async (server: ServerProcess, shot: string): Promise<Listed[]> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`${server.url}/#/people`);
    await page.waitForSelector("main h1");
    await page.waitForFunction("!document.querySelector('main [role=status]')");
    await page.waitForSelector("main section.person h2");
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    await page.screenshot({ path: join(SHOTS, `${shot}-first-screen.png`) });
    const listed = await page.$$eval("main > section.person", (sections) =>
      sections.map((s) => ({
        who: (s.querySelector("h2")?.firstChild?.textContent ?? "").trim(),
        words: [...s.querySelectorAll("li > a")].map((a) => a.textContent ?? ""),
        kinds: [...s.querySelectorAll("li > .muted")].map((m) => m.textContent ?? ""),
      })),
    );
    await page.close();
    return listed;
  };
  const heard = (listed: Listed[], who: string) => listed.find((p) => p.who === who)?.words ?? [];

  describe("who said what in the browser", () => {
    it("the Moscow case: its principals' people, each with their words, and no paraphrase as anyone's words", async () => {
      const server = await startServerProcess(["--db", join(tmp, "moscow.db"), "--case", MOSCOW_CASE]);
      servers.push(server);
      const listed = await people(server, "people-moscow");
      for (const who of [
        "Vladimir Putin",
        "Yury Ushakov",
        "Donald Trump",
        "Steve Witkoff",
        "Volodymyr Zelensky",
        "Marco Rubio",
      ])
        expect(heard(listed, who).length, `${who} is listed with words`).toBeGreaterThan(0);
      // The principals' people come first, before commentators.
      expect(listed.findIndex((p) => p.who === "Vladimir Putin")).toBeLessThan(
        listed.findIndex((p) => p.who === "Tatiana Stanovaya"),
      );
      // Rubio's words are the whole clause, the quotation ending it included, not "that the conflict".
      expect(heard(listed, "Marco Rubio")).toContain(
        "that the conflict has devolved into a devastating war of attrition, with Russia “willing to sacrifice 7,000 soldiers a week.”",
      );
      for (const p of listed) for (const k of p.kinds) expect(k).not.toMatch(/paraphrase/);
    }, 120_000);

    it("the Gaza coverage, ingested and drafted with no case file: Hamas, Netanyahu and Trump with their words", async () => {
      const db = join(tmp, "gaza.db"),
        draft = join(tmp, "gaza.yaml");
      for (const args of [
        ["ingest", GAZA, "--db", db],
        ["draft", "--corpus", GAZA, "--out", draft],
      ]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
      }
      const server = await startServerProcess(["--db", db, "--no-case"]);
      servers.push(server);
      const stored = await fetch(`${server.url}/api/scenarios?id=gaza`, {
        method: "POST",
        headers: { "content-type": "application/yaml" },
        body: readFileSync(draft, "utf8"),
      });
      expect(stored.status, await stored.text()).toBe(201);
      const listed = await people(server, "people-gaza");
      for (const who of ["Hamas", "Benjamin Netanyahu", "Donald Trump"])
        expect(heard(listed, who).length, `${who} is listed with words`).toBeGreaterThan(0);
      expect(heard(listed, "Donald Trump").join(" ")).toMatch(/ALL of the Hostages will be released very soon/);
      for (const p of listed) for (const k of p.kinds) expect(k).not.toMatch(/paraphrase/);
    }, 240_000);
  });
}
