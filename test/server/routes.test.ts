import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisReport } from "../../src/contract/analysis-report.js";
import { UtilitySpace } from "../../src/contract/utility-space.js";
import { CLI, ROOT } from "../domains.js";

// The routes answered in-process through app.inject (no socket, no process): the app the server
// runs, on a real SQLite workspace with the Moscow case opened and the real worker pool. The pool
// runs the compiled worker, so the app comes from the build (npm test builds first).
// test/server/api.test.ts keeps the end-to-end checks only a real process shows.

type Open = typeof import("../../src/server/serve.js");
const { openServer } = (await import(join(ROOT, "dist", "src", "server", "serve.js"))) as Open;

const tmp = mkdtempSync(join(tmpdir(), "parley-routes-"));
let server: Awaited<ReturnType<Open["openServer"]>>;
const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");

const inject = (method: "GET" | "POST" | "PUT", url: string, payload?: string, type = "application/yaml") =>
  server.app.inject({ method, url, ...(payload !== undefined ? { payload, headers: { "content-type": type } } : {}) });

/** A problem+json answer with its status and code. */
const problem = (r: Awaited<ReturnType<typeof inject>>, status: number, code: string) => {
  expect(r.statusCode).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const p = r.json() as { type: string; errors?: { code: string; field?: string; line?: number }[] };
  expect(p.type).toBe(`urn:parley:problem:${code}`);
  return p;
};

beforeAll(async () => {
  server = await openServer({ db: join(tmp, "w.db"), caseDir: join(ROOT, "cases", "moscow-2025-12"), threads: 1 });
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("routes, in process", () => {
  it("the workspace names the case it opened, with its documents and scenario", async () => {
    const r = await inject("GET", "/api");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      store: "sqlite",
      documents: 5,
      scenarios: ["moscow-2025-12"],
      case: "moscow-2025-12",
    });
  });

  it("health reports the event-loop delay since the previous call: a blocked loop shows in the next reading", async () => {
    await inject("GET", "/api/health");
    const blockedUntil = performance.now() + 120;
    await new Promise((w) => setTimeout(w, 20));
    while (performance.now() < blockedUntil); // the request thread held, as a synchronous analysis would
    await new Promise((w) => setTimeout(w, 20));
    const r = await inject("GET", "/api/health");
    expect(r.statusCode).toBe(200);
    const { status, eventLoopDelay } = r.json();
    expect(status).toBe("ok");
    expect(eventLoopDelay.max).toBeGreaterThan(80);
    expect(eventLoopDelay.p50).toBeLessThan(eventLoopDelay.max);
    // A new window: the block is behind it.
    await new Promise((w) => setTimeout(w, 30));
    expect((await inject("GET", "/api/health")).json().eventLoopDelay.max).toBeLessThan(80);
  });

  it("the analysis is the contract's report, the same bytes again, 304 on its ETag", async () => {
    const r = await inject("GET", "/api/scenarios/moscow-2025-12/analysis?samples=20");
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(AnalysisReport.parse(report)).toEqual(report);
    expect(report.citations.length).toBeGreaterThan(100);
    const again = await inject("GET", "/api/scenarios/moscow-2025-12/analysis?samples=20");
    expect(again.body).toBe(r.body);
    const etag = r.headers.etag as string;
    const cached = await server.app.inject({
      url: "/api/scenarios/moscow-2025-12/analysis?samples=20",
      headers: { "if-none-match": etag },
    });
    expect(cached.statusCode).toBe(304);
  });

  it("the OpenAPI document describes the analysis answer field by field", async () => {
    const doc = (await inject("GET", "/openapi.json")).json();
    // The answer's schema is the shared AnalysisReport component, referred to where used.
    const ref = doc.paths["/api/scenarios/{id}/analysis"].get.responses["200"].content["application/json"].schema.$ref;
    expect(ref).toBe("#/components/schemas/AnalysisReport");
    const answer = doc.components.schemas.AnalysisReport;
    expect(Object.keys(answer.properties)).toEqual(
      expect.arrayContaining(["frontier", "zopa", "proposals", "concessions"]),
    );
    expect(answer.required).toEqual(expect.arrayContaining(["scenario", "parties", "zopa", "explanation"]));
  });

  it("the utility space is the contract's; a party the scenario lacks is a 422 naming the field", async () => {
    const r = await inject("GET", "/api/scenarios/moscow-2025-12/utility-space?a=0&b=1");
    expect(r.statusCode).toBe(200);
    expect(UtilitySpace.parse(r.json())).toEqual(r.json());
    const p = problem(await inject("GET", "/api/scenarios/moscow-2025-12/utility-space?a=0&b=9"), 422, "request.party");
    expect(p.errors?.[0]?.field).toBe("querystring.b");
  });

  it("a multipart body without its boundary is a 400 naming the body, not a fault", async () => {
    for (const url of ["/api/documents", "/api/scenarios?id=x"]) {
      const r = await inject("POST", url, "abc", "multipart/form-data");
      problem(r, 400, "request.multipart");
    }
  });

  it("an unknown scenario is a 404 problem", async () => {
    problem(await inject("GET", "/api/scenarios/nowhere/analysis"), 404, "not-found");
  });

  it("evidence with the case's watch list, filtered; an unknown part is a 400", async () => {
    const r = await inject("GET", "/api/evidence?include=contradictions");
    expect(r.statusCode).toBe(200);
    const e = r.json() as { documents: number; contradictions: { attribute: string }[]; quotes?: unknown };
    expect(e.documents).toBe(5);
    expect(e.quotes).toBeUndefined();
    expect(e.contradictions.map((c) => c.attribute)).toEqual(expect.arrayContaining(["date", "size cap"]));
    problem(await inject("GET", "/api/evidence?include=rumours"), 400, "request.include");
  });

  it("a scenario created, replaced with a new version, and a bad one refused at its line with nothing changed", async () => {
    expect((await inject("POST", "/api/scenarios?id=river", river)).statusCode).toBe(201);
    const put = await inject("PUT", "/api/scenarios/river", river.replace("Kura", "Aras"));
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(2);
    const bad = await inject("PUT", "/api/scenarios/river", `${river}\nparties: [\n`);
    const p = problem(bad, 422, "yaml.syntax");
    expect(p.errors?.[0]?.line).toBeGreaterThan(1);
    expect((await inject("GET", "/api/scenarios/river")).json().version).toBe(2);
  });

  it("a draft of the workspace's coverage opens as a scenario: stored, analysed, its confidence kept", async () => {
    const out = join(tmp, "draft.yaml");
    const corpus = join(ROOT, "cases", "moscow-2025-12", "corpus");
    const r = spawnSync(process.execPath, [CLI, "draft", "--corpus", corpus, "--out", out], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect((await inject("POST", "/api/scenarios?id=drafted", readFileSync(out, "utf8"))).statusCode).toBe(201);
    const stored = (await inject("GET", "/api/scenarios/drafted")).json() as { text: string };
    expect(stored.text).toMatch(/confidence:\n\s+level: (?:high|medium|low)\n\s+reason: /);
    const analysis = await inject("GET", "/api/scenarios/drafted/analysis?samples=0");
    expect(analysis.statusCode).toBe(200);
    expect(AnalysisReport.parse(analysis.json()).citations?.length ?? 0).toBeGreaterThan(20);
  });

  it("validation lists the case's citations and assumptions", async () => {
    const r = await inject("GET", "/api/scenarios/moscow-2025-12/validation");
    expect(r.statusCode).toBe(200);
    const v = r.json() as { citations: unknown[]; assumptions: string[]; reliability: { file: string }[] };
    expect(v.citations.length).toBeGreaterThan(100);
    expect(v.reliability).toHaveLength(5);
  });
});
