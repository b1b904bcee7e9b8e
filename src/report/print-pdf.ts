import { existsSync } from "node:fs";
import { InputError } from "../errors.js";

/** Debian's chromium (or the browser PARLEY_CHROMIUM names): Parley downloads no browser. */
export function chromiumPath(): string {
  const given = process.env["PARLEY_CHROMIUM"];
  const found = [given, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (!found)
    throw new InputError([
      {
        code: "pdf.browser",
        field: "--pdf",
        message: `no Chromium to print with${given ? ` at ${given}` : " at /usr/bin/chromium"}`,
        hint: "install Debian's chromium package (apt-get install chromium), or set PARLEY_CHROMIUM to a Chromium binary",
      },
    ]);
  return found;
}

/** The footer of every page: what it is, and "page 2 of 9" (Chromium fills the classes in). */
const FOOTER = `<div style="font:8px system-ui,sans-serif;color:#555;width:100%;padding:0 13mm;display:flex;justify-content:space-between"><span class="title"></span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/**
 * Prints an HTML page to PDF (A4, backgrounds kept) through headless Chromium: page numbers in the
 * footer, tagged (the structure a screen reader and text extraction need) and with an outline
 * built from the headings.
 */
export async function printPdf(html: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      tagged: true,
      outline: true,
    });
  } finally {
    await browser.close();
  }
}
