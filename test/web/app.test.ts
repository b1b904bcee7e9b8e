import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOSCOW_CASE, ROOT } from "../domains.js";
import { type ServerProcess, startServerProcess } from "../server/server-process.js";

// The web app in a real browser: Debian's chromium driven by playwright-core, against `parley
// serve` on the Moscow case. Screenshots of every view go to test-artifacts/screenshots/.

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const SHOTS = join(ROOT, "test-artifacts", "screenshots");
const tmp = mkdtempSync(join(tmpdir(), "parley-web-"));

if (!CHROMIUM) {
  // Never silently: the reason is printed where the run's output shows it.
  console.warn("browser tests skipped: no /usr/bin/chromium (Debian's chromium package; .ci/run installs it)");
  describe.skip("the web app", () => it("needs chromium", () => undefined));
} else {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const go = async (hash: string) => {
    await page.goto(`${server.url}/#/${hash}`);
    await page.waitForSelector("main h1");
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServerProcess(["--db", join(tmp, "web.db"), "--case", MOSCOW_CASE]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.on("pageerror", (e) => {
      throw e;
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  });

  describe("the web app", () => {
    it("opens on the Moscow case: the overview states the zone-of-agreement answer and what blocks it", async () => {
      await go("overview");
      await page.waitForSelector(".verdict");
      expect(await page.textContent(".verdict")).toBe("No.");
      const answer = await page.textContent(".answer");
      expect(answer).toMatch(/No zone of agreement, whatever the preferences/);
      expect(answer).toMatch(/Donbas under Russian control.*no withdrawal from Donbas/s);
      expect(await page.locator("table tbody tr").count()).toBe(7);
      // The answer drawn: outcomes across a red line in grey — on the Moscow case every one, the red lines
      // collide — with a title that states the takeaway and a caption that says what the colours mean.
      const chart = page.locator(".overview-chart figure, .overview-chart svg").first();
      await chart.waitFor({ timeout: 60_000 });
      const overviewChart = page.locator(".overview-chart");
      expect(await overviewChart.textContent()).toMatch(
        /No outcome every party accepts: Russia's “Donbas under Russian control” and Ukraine's “no withdrawal from Donbas” exclude each other/,
      );
      expect(await overviewChart.textContent()).toMatch(/grey: outcomes that cross one/);
      expect(await overviewChart.locator("g[fill='#d4d4d4'] rect").count()).toBeGreaterThan(50);
      await shot("overview");
      // The export buttons produce files: the chart (SVG, PNG), the plans table (CSV), the briefing.
      const saved = async (click: () => Promise<void>) => {
        const [d] = await Promise.all([page.waitForEvent("download"), click()]);
        return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
      };
      const svgFile = await saved(() => page.locator(".overview-chart .exports button", { hasText: "SVG" }).click());
      expect(svgFile.name).toBe("moscow-2025-12-utility-space.svg");
      expect(svgFile.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const png = await saved(() => page.locator(".overview-chart .exports button", { hasText: "PNG" }).click());
      expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
      const table = await saved(() => page.click("text=the plans table (CSV)"));
      expect(table.bytes.toString().split("\r\n")[0]).toBe(
        "plan,by,Russia low,Russia high,Ukraine low,Ukraine high,United States low,United States high,European allies low,European allies high,red lines crossed",
      );
      expect(table.bytes.toString()).toContain(
        "27-point document shown in Moscow,United States,,,,,,,,,no terms stated",
      );
      const brief = await saved(() => page.click("text=the briefing (HTML)"));
      expect(brief.name).toBe("moscow-2025-12-briefing.html");
      expect(brief.bytes.toString()).toMatch(/^<!doctype html>/);
      const printed = await saved(() => page.click("text=the briefing (PDF)"));
      expect(printed.name).toBe("moscow-2025-12-briefing.pdf");
      expect(printed.bytes.subarray(0, 5).toString()).toBe("%PDF-");
      await page.setViewportSize({ width: 390, height: 844 });
      await shot("overview-phone");
      // Nothing wider than the phone's screen except the tables' own scrolling boxes.
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      // Every view's link is on the screen, none scrolled out of sight.
      const links = await page.locator("nav a").evaluateAll((as) =>
        as.map((a) => {
          const r = a.getBoundingClientRect();
          return { text: a.textContent, inside: r.left >= 0 && r.right <= 390 && r.width > 0 };
        }),
      );
      expect(links.length).toBe(10);
      expect(links.filter((l) => !l.inside)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it("a red line's citation opens the reading view on the exact words of its source, highlighted", async () => {
      await go("overview");
      const cite = page.locator(".answer .cite").first();
      const title = (await cite.getAttribute("title"))!;
      // The citation names its source, never a file's hash-like name.
      const [, words, source] = /^“(.*)” — (.+?) \(/s.exec(title)!;
      expect(source).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      const file = /#\/read\/([^?]+)/.exec((await cite.getAttribute("href"))!)![1]!;
      await cite.click();
      await page.waitForSelector("mark#target");
      expect(page.url()).toContain(`#/read/${file}`);
      expect(await page.textContent("h1")).toBe(source);
      expect(await page.textContent("h1")).toBeTruthy();
      const highlighted = await page.locator("article mark.target").allTextContents();
      expect(highlighted.join("")).toBe(words);
      expect(await page.textContent(".cited-words")).toContain(words!);
      expect(await page.locator("mark#target").isVisible()).toBe(true);
      await shot("reading");
    });

    it("the contradictions view shows both army-cap figures with their sources", async () => {
      await go("contradictions");
      const fact = page.locator(".fact", { hasText: "cap on Ukraine's army" });
      await fact.waitFor();
      const values = await fact.locator(".side .value").allTextContents();
      expect(values).toEqual(["600,000", "800,000"]);
      const sides = await fact.locator(".side").allTextContents();
      // Each side's source by name: the news report's headline; the opinion piece, untitled, by its first words.
      expect(sides[0]).toMatch(/Putin meets Witkoff and Kushner for 5 hours in Moscow/);
      expect(sides[1]).toMatch(/Putin does not seek a ‘deal’\./);
      for (const s of sides) expect(s).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      await shot("contradictions");
    });

    it("an uploaded article is listed with its evidence", async () => {
      await go("edit");
      await page.setInputFiles("input[type=file]", join(ROOT, "test", "fixtures", "articles", "harbour-talks.txt"));
      await page.click("text=Upload");
      const line = page.locator(".stored li", { hasText: "harbour-talks.txt" });
      await line.waitFor({ timeout: 60_000 });
      expect(await line.textContent()).toMatch(/stored: [1-9]\d* quotes, \d+ dates/);
      await go("sources");
      await page.locator(".card", { hasText: "Harbour talks end without a deal" }).waitFor();
      // No source is shown by its file's hash-like name.
      expect(await page.textContent("main")).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      // The blog post is quarantined, with what it says against itself.
      const blog = page.locator(".card", { hasText: "Putin's Peace Gambit" }).locator(".quarantined");
      expect(await blog.textContent()).toMatch(/Quarantined — says 3 things against itself.*Luhansk\/Luhansk/s);
      // The analyst names a source: the card, every citation and the briefing use the name given.
      const card = page.locator(".card", { hasText: "Putin does not seek a ‘deal’" });
      await card.locator("summary", { hasText: "Name this source" }).click();
      await card.locator("input[name=outlet]").fill("Opinion desk");
      await card.locator("input[name=title]").fill("A treaty, not a deal");
      await card.locator("button", { hasText: "Save" }).click();
      await page.locator(".card h2", { hasText: "Opinion desk: A treaty, not a deal" }).waitFor();
      await shot("sources-named");
      const brief = await (await fetch(`${server.url}/api/scenarios/moscow-2025-12/report`)).text();
      expect(brief).toContain("Opinion desk: A treaty, not a deal");
      await go("contradictions");
      await page.waitForSelector("text=Opinion desk: A treaty, not a deal");
      // A name too long is refused by field, and the name stays.
      await go("sources");
      const again = page.locator(".card", { hasText: "Opinion desk: A treaty, not a deal" });
      await again.locator("summary", { hasText: "Name this source" }).click();
      await again.locator("input[name=title]").evaluate((el) => el.removeAttribute("maxlength"));
      await again.locator("input[name=title]").fill("x".repeat(301));
      await again.locator("button", { hasText: "Save" }).click();
      expect(await again.locator(".problem").textContent()).toMatch(/title.*at most 300 characters/);
      // Cleared, it is named by its first words again.
      for (const f of ["title", "outlet"]) await again.locator(`input[name=${f}]`).fill("");
      await again.locator("button", { hasText: "Save" }).click();
      await page.locator(".card h2", { hasText: "Putin does not seek a ‘deal’." }).waitFor();
      await page.click("text=Harbour talks end without a deal");
      await page.waitForSelector("mark.quote");
      expect(await page.locator("mark.quote").count()).toBeGreaterThan(2);
    });

    it("a YAML edit naming an unknown issue shows the problem at its line, and changes nothing", async () => {
      await go("edit");
      const area = page.locator("textarea[aria-label='scenario YAML']");
      await page.waitForFunction(
        `(document.querySelector("textarea[aria-label='scenario YAML']")?.value ?? "").length > 0`,
      );
      const yaml = (await area.inputValue()).replace(/(outcome: \{)Donbas:/, "$1Tidal power: 5, Donbas:");
      const line = yaml.split("\n").findIndex((l) => l.includes("Tidal power")) + 1;
      expect(line).toBeGreaterThan(0);
      await area.fill(yaml);
      await page.click("text=Save and analyse");
      const problem = page.locator(".problems li", { hasText: "Tidal power" });
      await problem.waitFor();
      expect(await problem.textContent()).toContain(`line ${line}`);
      expect(await page.locator(".gutter .bad").allTextContents()).toContain(String(line));
      await shot("edit");
      const stored = (await (await fetch(`${server.url}/api/scenarios/moscow-2025-12`)).json()) as {
        version: number;
        text: string;
      };
      expect(stored.version).toBe(1);
      expect(stored.text).not.toContain("Tidal power");
      // The unsaved edit is not lost without a word: leaving the view asks; declining keeps it.
      const asked: string[] = [];
      page.once("dialog", (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.click("nav >> text=Overview");
      expect(asked).toEqual([expect.stringMatching(/unsaved edits/)]);
      expect(page.url()).toContain("#/edit");
      expect(await area.inputValue()).toContain("Tidal power");
      page.once("dialog", (d) => void d.accept());
      await page.click("nav >> text=Overview");
      await page.waitForSelector(".verdict");
    });

    it("the utility-space chart renders with the frontier and every plan version", async () => {
      await go("analysis");
      const chart = page.locator(".chart svg").first();
      await chart.waitFor({ timeout: 60_000 });
      expect(await chart.locator("path").count()).toBeGreaterThan(0);
      const labels = await chart.locator("text").allTextContents();
      const analysis = (await (await fetch(`${server.url}/api/scenarios/moscow-2025-12/analysis`)).json()) as {
        proposals: { name: string; stated: number }[];
      };
      // Each plan with stated terms is a numbered dot, its name in the key below the chart; one whose
      // terms no source states could be anywhere, so it is not drawn.
      const drawn = analysis.proposals.flatMap((p, k) => (p.stated ? [{ name: p.name, n: String(k + 1) }] : []));
      expect(drawn.length).toBeLessThan(analysis.proposals.length);
      expect(await chart.locator("g[fill='#7a1f5c'] circle").count()).toBe(drawn.length);
      for (const p of drawn) expect(labels).toContain(p.n);
      expect(await page.locator(".plan-key li").allTextContents()).toEqual(drawn.map((p) => p.name));
      // The key numbers its plans as the chart does, skipping the ones not drawn.
      expect(
        await page
          .locator(".plan-key li")
          .evaluateAll((li) => li.map((x) => String((x as unknown as { value: number }).value))),
      ).toEqual(drawn.map((p) => p.n));
      expect(await chart.locator("rect").count()).toBeGreaterThan(100);
      await shot("analysis");
      // The pair drawn is in the URL: a link shows the same chart, and choosing another updates it.
      await go("analysis?a=1&b=2");
      await page.reload(); // a link opened afresh
      await page.locator(".chart svg").first().waitFor({ timeout: 60_000 });
      expect(await page.locator("fieldset.pair select").nth(0).inputValue()).toBe("1");
      expect(await page.locator("fieldset.pair select").nth(1).inputValue()).toBe("2");
      await page.locator("fieldset.pair select").nth(1).selectOption("3");
      expect(page.url()).toMatch(/#\/analysis\?a=1&b=3$/);
    });

    it("every other view renders its data", async () => {
      for (const [view, expectation] of [
        ["sources", /5 document\(s\)|6 document\(s\)/],
        ["timeline", /Conflicting dates for meeting in Moscow: 2025-12-02 \(Putin does not seek a ‘deal’\./],
        ["people", /Vladimir Putin/],
        ["model", /Stances: parties × issues/],
      ] as const) {
        await go(view);
        await page.waitForFunction("!document.querySelector('main [role=status]')");
        expect(await page.textContent("main")).toMatch(expectation);
        // Sources by name in every view, never by a file's hash-like name.
        expect(await page.textContent("main")).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
        await shot(view);
      }
      await go("simulate");
      // By default every party's agent respects its red lines, and each choice says what it does.
      expect(await page.locator("form select").first().inputValue()).toBe("red-lines");
      expect(await page.textContent("form")).toMatch(
        /never offers or accepts an outcome that crosses its party's red lines/,
      );
      expect(await page.textContent("form")).toMatch(
        /each party in turn accepts the offer on the table or makes its own/,
      );
      await page.click("form >> text=Run");
      await page.waitForSelector(".chart svg");
      // The default run on the Moscow case reaches no deal across a red line (the red lines collide: none at all).
      expect(await page.textContent("#result")).toMatch(/^No agreement/);
      expect(await page.locator("[role=note]").count()).toBe(0);
      // Agents that judge by utility alone reach a deal across red lines: the headline says so.
      for (const [k, agent] of ["boulware", "conceder", "boulware", "conceder"].entries())
        await page.locator("form select").nth(k).selectOption(agent);
      await page.click("form >> text=Run");
      await page.waitForFunction("document.querySelector('#result')?.textContent?.startsWith('A deal no party')");
      expect(await page.textContent("#result")).toMatch(
        /^A deal no party bound by its red lines would sign: round \d+, crossing \d+ red line\(s\)/,
      );
      expect(await page.textContent("[role=note]")).toMatch(/This agreement crosses .*red line “/);
      await shot("simulate");
    });
  });
}
