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

/** Prints an HTML page to PDF (A4, backgrounds kept) through headless Chromium. */
export async function printPdf(html: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
