import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../domains.js";

const tmp = mkdtempSync(join(tmpdir(), "parley-report-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const scenario = join(ROOT, "cases", "moscow-2025-12", "scenario.yaml");
const corpus = join(ROOT, "cases", "moscow-2025-12", "corpus");
const report = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, "report", scenario, "--corpus", corpus, ...args], { encoding: "utf8" });

// Never silently: where there is no browser, the PDF test says why it is skipped.
if (!existsSync("/usr/bin/chromium"))
  console.warn("PDF briefing test skipped: no /usr/bin/chromium (Debian's chromium package; .ci/run installs it)");

describe("parley report", () => {
  it("writes the Moscow briefing as one self-contained HTML page: a dated header, the core with two charts, the annex", () => {
    const out = join(tmp, "briefing.html");
    const r = report("--out", out, "--author", "Desk 4");
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    // The header: as of the latest trusted source, which sources, who prepared it and when.
    expect(html).toMatch(
      /<p class="meta">As of 2 December 2025 · 5 source\(s\), 1 quarantined: Putin does not seek a ‘deal’\.; /,
    );
    expect(html).toMatch(/<p class="meta">Prepared \d{1,2} \w+ \d{4} by Desk 4 with Parley/);
    const [core, annex] = html.split('<section class="annex">') as [string, string];
    expect(core).toContain("<strong>There is no zone of agreement.</strong>");
    // The latest meeting, dated, with its disputed date and its participants' own words.
    expect(core).toMatch(
      /<strong>2 December 2025<\/strong>: Steve Witkoff met President Putin in Kremlin — told by 5 source\(s\); another dates it 3 December 2025/,
    );
    expect(core).toMatch(/<li><strong>Yury Ushakov<\/strong>: “We did not discuss specific wording/);
    // The plan history in time: events' dates, not date strings; each plan's standing.
    const history = core.slice(core.indexOf("<h2>Plan history</h2>"), core.indexOf("<h2>Each side"));
    const plans = [...history.matchAll(/<tr><th>([^<]+)<\/th><td><strong>([^<]+)<\/strong>/g)].map((m) => [m[1], m[2]]);
    expect(plans.slice(0, 3)).toEqual([
      ["November 2025", "Leaked 28-point plan"],
      ["23 November 2025", "Framework revised after Geneva and Miami"],
      ["30 November 2025", "Kyiv's position in Miami"],
    ]);
    expect(history).toContain("crosses Ukraine's “no withdrawal from Donbas”, “no cap of 600,000 or lower”");
    expect(core).toContain("<h2>What to watch next</h2>");
    // Source warnings name the quarantined blog and the weak sources, with why.
    expect(core).toMatch(
      /<strong>Putin's Peace Gambit: Why Russia-Ukraine Talks in December 2025 Could Change Everything<\/strong> — quarantined: says 3 things against itself/,
    );
    expect(core).toMatch(/reliability 0\.\d\d: of its claims \d+ % corroborated/);
    // Two charts in the core, each stating its takeaway.
    expect(core.match(/<div class="figures">[\s\S]*?<\/div>/)?.[0].match(/<svg[^>]*viewBox/g)).toHaveLength(2);
    expect(core).toContain("No outcome every party accepts: Russia's “Donbas under Russian control”");
    expect(core).toContain("No plan clears every side's reservation and red lines");
    for (const section of ["Timeline", "Who said what", "Where the sources disagree", "The model", "Sources"])
      expect(annex).toContain(`<h2>${section}</h2>`.replace("Timeline</h2>", "Timeline"));
    // Adjacent notes are one bracketed group, never numbers run together.
    expect(html).toMatch(
      /Conflicting dates<\/strong> for date of the Kremlin meeting: 2025-12-02<sup class="ref">\[<a href="#n\d+">\d+<\/a>\]<\/sup>.*vs 2025-12-03<sup/,
    );
    expect(html).toMatch(/<sup class="ref">\[<a href="#n\d+">\d+<\/a>, <a href="#n\d+">\d+<\/a>/);
    // A note gives the words and their source by name and date; where the text quotes them, the source alone.
    expect(html).toMatch(/<li id="n1">“.+” — [^<]+, (\d{4}-\d{2}-\d{2}|undated)<\/li>/);
    expect(html).toMatch(/<li id="n3">Did U\.S\. Special Envoy Stephen Witkoff manage, as Donald …, 2025-12-02<\/li>/);
    // Sources by name: no file's hash-like name anywhere in the briefing.
    expect(html).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link |src="http/);
  });

  it("writes it as Markdown with footnotes and the army-cap dispute in both sources' words", () => {
    const r = report();
    expect(r.status, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Briefing: /);
    const dispute = md.split("\n").find((l) => l.startsWith("- **cap on Ukraine's army in the US texts**"))!;
    expect(dispute).toMatch(/600,000 \\\[\d+\\\].* \/ 800,000 \\\[\d+\\\]/);
    // No image carried as text: the chart is named, and drawn in the HTML and PDF briefing.
    expect(md).not.toMatch(/base64/);
    expect(md).toMatch(/\*Chart \(drawn in the HTML and PDF briefing/);
    expect(md.length).toBeLessThan(40_000);
    // The verdict is said once.
    expect(md).toMatch(/^\*\*There is no zone of agreement\.\*\* Russia's "Donbas under Russian control"/m);
  });

  it.skipIf(!existsSync("/usr/bin/chromium"))(
    "prints it to a tagged PDF: the core on two pages with both charts, numbered pages, an outline",
    async () => {
      const out = join(tmp, "briefing.pdf");
      const r = report("--out", out, "--pdf");
      expect(r.status, r.stderr).toBe(0);
      const doc = await getDocument({ data: new Uint8Array(readFileSync(out)) }).promise;
      expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
      const text = async (n: number) =>
        (await (await doc.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
      // The annex starts on page 3: the core is two pages.
      const outline = await doc.getOutline();
      const annex = outline.find((o) => o.title === "Annex")!;
      const dest = typeof annex.dest === "string" ? await doc.getDestination(annex.dest) : annex.dest;
      expect(await doc.getPageIndex(dest![0] as { num: number; gen: number })).toBe(2);
      expect(outline[0]!.items.map((o) => o.title)).toEqual([
        "Bottom line",
        "The latest meeting",
        "Plan history",
        "Each side's lines",
        "The gap and what would close it",
        "What to watch next",
        "Source warnings",
        "The picture",
      ]);
      // The charts' titles sit under their section.
      expect(outline[0]!.items.at(-1)!.items).toHaveLength(2);
      const two = `${await text(1)} ${await text(2)}`;
      expect(two).toMatch(/No outcome every party accepts/);
      expect(two).toMatch(/No plan clears every side's reservation/);
      expect(await text(1)).toMatch(new RegExp(`page 1 of ${doc.numPages}`));
      expect(await text(3)).toMatch(/^Annex/);
    },
    60_000,
  );

  it("refuses a format it does not write and an existing file without --force", () => {
    const docx = report("--out", join(tmp, "briefing.docx"));
    expect(docx.status).toBe(2);
    expect(docx.stderr).toMatch(/--out: ".*briefing\.docx": the briefing is written as \.html, \.md or \.pdf/);
    const again = report("--out", join(tmp, "briefing.html"));
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already — choose another path, or add --force/);
  });
});
