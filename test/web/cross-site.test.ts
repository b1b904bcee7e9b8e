import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../domains.js";
import { type ServerProcess, startServerProcess } from "../server/server-process.js";
import { freePort } from "../support/free-port.js";

// A page on another origin (another port of this machine) tries to write to a running `parley
// serve` the way an attacker's page would — a form-style text/plain POST and a multipart upload,
// sent by Debian's chromium — and a request names a foreign host, as after DNS rebinding.
// Nothing may be stored.

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const tmp = mkdtempSync(join(tmpdir(), "parley-cross-site-"));
// A valid scenario: refused for where it comes from, not for what it says.
const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");

/** An HTTP request with a Host header of our choosing (fetch will not send one). */
const withHost = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: "/api", headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(["--db", join(tmp, "w.db"), "--no-case"]);
}, 120_000);
afterAll(async () => {
  server?.child.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
});

describe("the default server refuses other sites", () => {
  it("answers 421 to a request naming a host it does not answer for (DNS rebinding)", async () => {
    expect(await withHost(server.url, "attacker.example")).toBe(421);
    expect(await withHost(server.url, `attacker.example:${new URL(server.url).port}`)).toBe(421);
    expect(await withHost(server.url, new URL(server.url).host)).toBe(200);
  });

  if (!CHROMIUM) {
    console.warn(
      "cross-site browser test skipped: no /usr/bin/chromium (Debian's chromium package; .ci/run installs it)",
    );
    it.skip("needs chromium", () => undefined);
  } else {
    let browser: Browser;
    let attacker: Server;
    afterAll(async () => {
      await browser?.close();
      await new Promise((w) => attacker?.close(w));
    });

    it("stores nothing a page on another origin sends from a browser", async () => {
      const target = server.url;
      // The attacker's page: a text/plain "simple" POST of a scenario and a multipart upload, no-cors.
      const page = `<!doctype html><script>
        const scenario = ${JSON.stringify(river)};
        const form = new FormData();
        form.append("file", new Blob(["Planted text for the workspace."]), "planted.txt");
        Promise.allSettled([
          fetch(${JSON.stringify(target)} + "/api/scenarios?id=planted", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: scenario }),
          fetch(${JSON.stringify(target)} + "/api/documents", { method: "POST", mode: "no-cors", body: form }),
        ]).then(() => { document.title = "sent"; });
      </script>`;
      const port = await freePort();
      attacker = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
      await new Promise<void>((w) => attacker.listen(port, "127.0.0.1", w));
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.waitForFunction('document.title === "sent"');
      expect((await fetch(`${target}/api/scenarios/planted`)).status).toBe(404);
      const docs = (await (await fetch(`${target}/api/documents`)).json()) as { total: number };
      expect(docs.total).toBe(0);
      // The same requests from the server's own origin are not refused for their origin.
      const own = await fetch(`${target}/api/scenarios?id=own`, {
        method: "POST",
        headers: { "content-type": "application/yaml", origin: target, "sec-fetch-site": "same-origin" },
        body: river,
      });
      expect(own.status).toBe(201);
    });
  }
});
