import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  it("writes the Moscow briefing as one self-contained HTML page with its chart and footnotes", () => {
    const out = join(tmp, "briefing.html");
    const r = report("--out", out);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<strong>There is no zone of agreement.</strong>");
    expect(html).toMatch(/<figure>[\s\S]*?<svg[^>]*viewBox/);
    // The chart states its takeaway.
    expect(html).toContain("No outcome every party accepts: Russia's “Donbas under Russian control”");
    // Adjacent notes are one bracketed group, never numbers run together.
    expect(html).toMatch(
      /Conflicting dates<\/strong> for date of the Kremlin meeting: 2025-12-02<sup class="ref">\[<a href="#n\d+">\d+<\/a>\]<\/sup>.*vs 2025-12-03<sup/,
    );
    expect(html).toMatch(/<sup class="ref">\[<a href="#n\d+">\d+<\/a>, <a href="#n\d+">\d+<\/a>/);
    expect(html).toMatch(
      /<li id="n1">“.+” — [^<(]+ \(\w[\w ]*, reliability 0\.\d\d\), (\d{4}-\d{2}-\d{2}|undated)<\/li>/,
    );
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

  it.skipIf(!existsSync("/usr/bin/chromium"))("prints it to PDF through Chromium", () => {
    const out = join(tmp, "briefing.pdf");
    const r = report("--out", out, "--pdf");
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  it("refuses a format it does not write and an existing file without --force", () => {
    const docx = report("--out", join(tmp, "briefing.docx"));
    expect(docx.status).toBe(2);
    expect(docx.stderr).toMatch(/--out: ".*briefing\.docx": the briefing is written as \.html, \.md or \.pdf/);
    const again = report("--out", join(tmp, "briefing.html"));
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already — choose another path, or add --force/);
  });
});
