import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, GENIUS, MOSCOW_CASE, ROOT } from "../domains.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";

// Each limit refused with a 4xx problem naming it; the write token; the time budget. Servers run
// with small limits (environment variables) so the tests stay small.

const tmp = mkdtempSync(join(tmpdir(), "parley-limits-"));
const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
const servers: ServerProcess[] = [];
afterAll(() => {
  for (const s of servers) s.child.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
});

const limitOf = async (r: Response, status: number, code: string) => {
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const p = (await r.json()) as { type: string; title: string; errors?: { code: string; hint?: string }[] };
  expect({ status: r.status, type: p.type }).toEqual({ status, type: `urn:parley:problem:${code}` });
  return p;
};

describe("limits", () => {
  let base: string;
  const post = (path: string, body: string | FormData, type?: string) =>
    fetch(base + path, { method: "POST", body, ...(type ? { headers: { "content-type": type } } : {}) });
  const files = (entries: [string, string][]) => {
    const form = new FormData();
    for (const [name, text] of entries) form.append("file", new Blob([text]), name);
    return form;
  };

  beforeAll(async () => {
    const s = await startServerProcess(["--db", join(tmp, "limits.db"), "--no-case"], {
      PARLEY_MAX_UPLOAD_MB: "1",
      PARLEY_MAX_FILES: "3",
      PARLEY_MAX_TEXT_CHARS: "200000",
      PARLEY_MAX_BODY_MB: "1",
      PARLEY_MAX_JSON_DEPTH: "16",
      PARLEY_MAX_SYNC_OUTCOMES: "1000",
      PARLEY_REQUEST_TIMEOUT_MS: "1500",
    });
    servers.push(s);
    base = s.url;
  }, 60_000);

  it("refuses an upload over the size limit, too many files and too long a text, naming each limit", async () => {
    const big = await limitOf(
      await post("/api/documents", files([["big.txt", "word ".repeat(300_000)]])),
      413,
      "limit.upload-size",
    );
    expect(big.errors![0]!.hint).toMatch(/PARLEY_MAX_UPLOAD_MB/);
    await limitOf(
      await post(
        "/api/documents",
        files([
          ["a.txt", "A."],
          ["b.txt", "B."],
          ["c.txt", "C."],
          ["d.txt", "D."],
        ]),
      ),
      413,
      "limit.files",
    );
    const long = await limitOf(
      await post("/api/documents", files([["long.txt", "word ".repeat(50_000)]])),
      413,
      "limit.text-length",
    );
    expect(long.title).toMatch(/250,000 characters; the limit is 200,000/);
    // Nothing of a refused request was stored.
    expect(((await (await fetch(`${base}/api/documents`)).json()) as { total: number }).total).toBe(0);
  });

  it("refuses a body over the size limit and JSON nested too deeply", async () => {
    await limitOf(await post("/api/scenarios", "#".repeat(1_200_000), "application/yaml"), 413, "limit.body-size");
    const deep = "[".repeat(40) + "]".repeat(40);
    await limitOf(await post("/api/scenarios", deep, "application/json"), 400, "limit.json-depth");
  });

  it("refuses YAML whose aliases expand too often, and XML with entities (no DTDs, no external entities)", async () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    await limitOf(await post("/api/scenarios", bomb, "application/yaml"), 422, "limit.yaml-aliases");
    const g = GENIUS["LaptopC"]!;
    const form = new FormData();
    form.append(
      "domain",
      new Blob([`<?xml version="1.0"?><!DOCTYPE u SYSTEM "file:///etc/passwd"><utility_space/>`]),
      "external.xml",
    );
    for (const p of g.profiles) form.append("profile", new Blob([readFileSync(p)]), "p.xml");
    const r = await post("/api/scenarios", form);
    expect(r.status).toBe(422);
    expect(JSON.stringify(await r.json())).not.toMatch(/root:/);
  });

  it("refuses to analyse or simulate on request a scenario past the outcome limit", async () => {
    expect((await post("/api/scenarios?id=kura", river, "application/yaml")).status).toBe(201);
    const p = await limitOf(await fetch(`${base}/api/scenarios/kura/analysis`), 422, "limit.outcomes");
    expect(p.title).toMatch(/1,470 outcomes; analysis on request is limited to 1,000/);
    await limitOf(
      await post(
        "/api/scenarios/kura/simulations",
        JSON.stringify({ agents: ["boulware", "conceder", "conceder"] }),
        "application/json",
      ),
      422,
      "limit.outcomes",
    );
  });

  it("cuts off a request that does not arrive in time (408)", async () => {
    const url = new URL(base);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write(
          `POST /api/documents HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te`,
        ),
      );
      let got = "";
      socket.on("data", (d) => (got += d.toString()));
      socket.on("close", () => resolve(got));
      socket.on("error", () => resolve(got));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);
});

describe("heavy work on request", () => {
  it("bounds what one client may queue (503 with Retry-After) and caps the draws, while answers at hand still come", async () => {
    const s = await startServerProcess(["--db", join(tmp, "queue.db"), "--case", MOSCOW_CASE], {
      PARLEY_MAX_QUEUE_PER_CLIENT: "2",
      PARLEY_BUDGET_MS: "60000",
    });
    servers.push(s);
    const analysis = (query: string) => fetch(`${s.url}/api/scenarios/moscow-2025-12/analysis?${query}`);
    const capped = await analysis("samples=100000");
    expect(capped.status).toBe(422);
    expect(((await capped.json()) as { type: string }).type).toBe("urn:parley:problem:limit.samples");
    // 40 different analyses at once from one client: 2 are computed (a few more if one finishes
    // while the others still arrive), the rest told to come back.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, seed) => analysis(`samples=200&seed=${seed}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThanOrEqual(2);
    const refused = answers.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(refused[0]!.headers.get("retry-after")).toBe("10");
    expect(((await refused[0]!.json()) as { type: string }).type).toBe("urn:parley:problem:busy.client");
    // A computed answer is served again at once, whatever the client has waiting.
    const again = await analysis("samples=200&seed=0");
    expect(again.status).toBe(200);
  }, 120_000);
});

describe("the time budget", () => {
  it("answers 503 with Retry-After while an analysis outlasts the budget, then the result; a long ingest becomes a job to poll", async () => {
    const s = await startServerProcess(["--db", join(tmp, "budget.db"), "--case", MOSCOW_CASE], {
      PARLEY_BUDGET_MS: "300",
    });
    servers.push(s);
    const first = await fetch(`${s.url}/api/scenarios/moscow-2025-12/analysis`);
    expect(first.status).toBe(503);
    expect(Number(first.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await first.json()) as { type: string }).type).toBe("urn:parley:problem:busy.budget");
    // Meanwhile, other requests are answered.
    expect((await fetch(`${s.url}/api/documents`)).status).toBe(200);
    let r = first;
    for (let i = 0; i < 60 && r.status === 503; i++) {
      await new Promise((w) => setTimeout(w, 500));
      r = await fetch(`${s.url}/api/scenarios/moscow-2025-12/analysis`);
    }
    expect(r.status).toBe(200);
    expect(((await r.json()) as { zopa: { exists: boolean } }).zopa.exists).toBe(false);

    const form = new FormData();
    for (let i = 0; i < 12; i++)
      form.append(
        "file",
        new Blob([`"Talks resume on day ${i}," said mediator Lena Holm of the ${i}th round. `.repeat(200)]),
        `round-${i}.txt`,
      );
    const ingest = await fetch(`${s.url}/api/documents`, { method: "POST", body: form });
    expect(ingest.status).toBe(202);
    const location = ingest.headers.get("location")!;
    expect(location).toMatch(/^\/api\/jobs\/ingest-/);
    let job = (await ingest.json()) as { status: string; result?: { documents: { status: string }[] } };
    for (let i = 0; i < 120 && job.status === "running"; i++) {
      await new Promise((w) => setTimeout(w, 500));
      job = (await (await fetch(s.url + location)).json()) as typeof job;
    }
    expect(job.status).toBe("done");
    expect(job.result!.documents.filter((d) => d.status === "stored")).toHaveLength(12);
  }, 120_000);
});

describe("writes beyond loopback", () => {
  it("refuses to listen beyond loopback without a token", () => {
    const r = spawnSync(
      process.execPath,
      [CLI, "serve", "--host", "0.0.0.0", "--port", "0", "--no-case", "--db", join(tmp, "open.db")],
      { encoding: "utf8", env: { ...process.env, PARLEY_TOKEN: "" } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/listening on 0\.0\.0\.0 .* needs a token for writes.*PARLEY_TOKEN/s);
  });

  it("with a token, takes writes only with it; reads need none", async () => {
    const s = await startServerProcess(["--host", "0.0.0.0", "--no-case", "--db", join(tmp, "token.db")], {
      PARLEY_TOKEN: "s3cret-token-for-tests",
    });
    servers.push(s);
    const body = { method: "POST", body: river, headers: { "content-type": "application/yaml" } };
    const refused = await fetch(`${s.url}/api/scenarios`, body);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(
      (await fetch(`${s.url}/api/scenarios`, { ...body, headers: { ...body.headers, authorization: "Bearer wrong" } }))
        .status,
    ).toBe(401);
    expect(
      (
        await fetch(`${s.url}/api/scenarios`, {
          ...body,
          headers: { ...body.headers, authorization: "Bearer s3cret-token-for-tests" },
        })
      ).status,
    ).toBe(201);
    expect((await fetch(`${s.url}/api/scenarios`)).status).toBe(200);
    // The token alone, without "Bearer", is not taken.
    const bare = await fetch(`${s.url}/api/scenarios`, {
      ...body,
      headers: { ...body.headers, authorization: "s3cret-token-for-tests" },
    });
    expect(bare.status).toBe(401);
    expect(JSON.stringify(await bare.json())).toMatch(/not given as Bearer/);
    expect(s.output()).toMatch(/writes need the header Authorization: Bearer \$PARLEY_TOKEN/);
  });

  it("says on start that writes are taken from this machine only when it has no token", async () => {
    const s = await startServerProcess(["--no-case", "--db", join(tmp, "loopback.db")], { PARLEY_TOKEN: "" });
    servers.push(s);
    expect(s.output()).toMatch(/writes are taken from this machine only/);
  });

  it("an empty HOST is no HOST (loopback); an empty --host is refused by name", async () => {
    const s = await startServerProcess(["--no-case", "--db", join(tmp, "empty-host.db")], {
      HOST: "",
      PARLEY_TOKEN: "",
    });
    servers.push(s);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const r = spawnSync(
      process.execPath,
      [CLI, "serve", "--host", " ", "--port", "0", "--no-case", "--db", join(tmp, "e.db")],
      {
        encoding: "utf8",
        env: { ...process.env, PARLEY_TOKEN: "" },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--host: the address to listen on is empty/);
  });
});
