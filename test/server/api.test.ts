import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, GENIUS, MOSCOW_CASE, ROOT } from "../domains.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";

// Every endpoint over real HTTP against `parley serve`, a separate process on a free port with
// its own workspace, opening the Moscow case shipped in cases/ as `npm start` does.

const tmp = mkdtempSync(join(tmpdir(), "parley-api-"));
const fixtures = join(ROOT, "test", "fixtures", "articles");
const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
let server: ServerProcess;
let base: string;

interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: { code: string; field?: string; file?: string; line?: number; message: string }[];
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });
const json = async <T = Record<string, unknown>>(r: Response) => (await r.json()) as T;
const send = (method: string, path: string, body: string | FormData, type?: string) =>
  fetch(base + path, { method, body, ...(type ? { headers: { "content-type": type } } : {}) });
const upload = (files: [name: string, content: string | Uint8Array][], fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, content] of files) form.append("file", new Blob([content]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return fetch(`${base}/api/documents`, { method: "POST", body: form });
};
/** A problem+json answer: its status, type and content type checked. */
const problem = async (r: Response, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const p = await json<Problem>(r);
  expect(p.type).toBe(`urn:parley:problem:${code}`);
  expect(JSON.stringify(p)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  return p;
};

beforeAll(async () => {
  server = await startServerProcess(["--db", join(tmp, "workspace.db"), "--case", MOSCOW_CASE]);
  base = server.url;
}, 120_000);
afterAll(() => {
  server?.child.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
});

describe("the workspace server on the Moscow case", () => {
  it("opens the case on first start: five documents, the scenario, and an OpenAPI 3.1 document with every path", async () => {
    expect(server.output()).toMatch(/case moscow-2025-12: 5 document\(s\) stored; scenario loaded/);
    const ws = await json<{ store: string; documents: number; scenarios: string[] }>(await get("/api"));
    expect(ws).toMatchObject({ store: "sqlite", documents: 5, scenarios: ["moscow-2025-12"] });
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await get("/openapi.json"),
    );
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    for (const p of [
      "GET /api/documents",
      "POST /api/documents",
      "GET /api/documents/{id}",
      "GET /api/evidence",
      "GET /api/scenarios",
      "POST /api/scenarios",
      "GET /api/scenarios/{id}",
      "PUT /api/scenarios/{id}",
      "GET /api/scenarios/{id}/versions",
      "GET /api/scenarios/{id}/versions/{version}",
      "GET /api/scenarios/{id}/analysis",
      "GET /api/scenarios/{id}/validation",
      "GET /api/scenarios/{id}/simulations",
      "POST /api/scenarios/{id}/simulations",
      "GET /api/scenarios/{id}/report",
      "GET /api/tournaments",
      "POST /api/tournaments",
      "GET /api/tournaments/{id}",
      "GET /api/tournaments/{id}/events",
      "GET /api/jobs/{id}",
    ])
      expect(paths).toContain(p);
    const docs = await get("/docs/");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });

  it("lists documents a page at a time and gives one with its evidence at offsets into its text", async () => {
    const page = await json<{ total: number; items: { id: string; file: string }[] }>(
      await get("/api/documents?offset=3&limit=2"),
    );
    expect(page.total).toBe(5);
    expect(page.items.map((d) => d.file)).toEqual(["003_b6488645339004c2.txt", "004_8398360ec65f9577.txt"]);
    const one = await json<{ text: string; evidence: Record<string, { start: number; end: number; text: string }[]> }>(
      await get(`/api/documents/${page.items[1]!.id}`),
    );
    expect(one.evidence["quote"]!.length).toBeGreaterThan(3);
    for (const q of one.evidence["quote"]!) expect(one.text.slice(q.start, q.end)).toBe(q.text);
    expect(one.evidence["date"]!.length).toBeGreaterThan(0);
    const byName = await json<{ id: string }>(await get("/api/documents/004_8398360ec65f9577.txt"));
    expect(byName.id).toBe(page.items[1]!.id);
    await problem(await get("/api/documents/nope"), 404, "not-found");
    const bad = await problem(await get("/api/documents?limit=0"), 400, "request.invalid");
    expect(bad.errors![0]!.field).toBe("querystring.limit");
  });

  it("filters the workspace's evidence by speaker, part, document and dates", async () => {
    const e = await json<{
      documents: number;
      quotes: { speaker: string | null; speakerCandidate: string | null; file: string }[];
      reliability?: unknown;
    }>(await get("/api/evidence?include=quotes&speaker=putin"));
    expect(e.documents).toBe(5);
    expect(e.reliability).toBeUndefined();
    expect(e.quotes.length).toBeGreaterThan(3);
    for (const q of e.quotes) expect((q.speaker ?? q.speakerCandidate)!.toLowerCase()).toContain("putin");
    // What a text relays from an outlet names the outlet, and the source the outlet names.
    const nbc = await json<{
      quotes: { speaker: string | null; speakerCandidate: string | null; relayedBy: string | null }[];
    }>(await get("/api/evidence?include=quotes&speaker=officials"));
    expect(nbc.quotes.map((q) => ({ relayedBy: q.relayedBy, who: q.speaker ?? q.speakerCandidate }))).toContainEqual({
      relayedBy: "NBC News",
      who: "a number of officials, including Vance and U.S. Special Envoy Steve Witkoff",
    });
    const all = await json<{
      contradictions: { sides: unknown[] }[];
      reliability: { file: string; kind: string; score: number }[];
      dates: { iso: string | null; file: string }[];
    }>(await get("/api/evidence"));
    expect(all.contradictions.length).toBeGreaterThan(0);
    expect(all.reliability.map((r) => r.file).sort()).toEqual(
      readdirSync(join(ROOT, "cases", "moscow-2025-12", "corpus")).sort(),
    );
    const december = await json<{ dates: { iso: string | null }[] }>(
      await get("/api/evidence?include=dates&from=2025-12-01&to=2025-12-31"),
    );
    expect(december.dates.length).toBeGreaterThan(0);
    for (const d of december.dates) expect(d.iso! >= "2025-12-01" && d.iso! <= "2025-12-31").toBe(true);
    const one = await json<{ quotes: { file: string }[] }>(
      await get("/api/evidence?include=quotes&document=001_7f7215ec828ab598.txt"),
    );
    expect(new Set(one.quotes.map((q) => q.file))).toEqual(new Set(["001_7f7215ec828ab598.txt"]));
    await problem(await get("/api/evidence?include=quotes,rumours"), 400, "request.include");
  });

  it("analyses the case as `parley analyze --json` does, with an ETag: same bytes again, 304 when unchanged", async () => {
    const r = await get("/api/scenarios/moscow-2025-12/analysis");
    expect(r.status).toBe(200);
    const etag = r.headers.get("etag")!;
    const body = await r.text();
    const report = JSON.parse(body) as {
      explanation: { summary: string };
      zopa: { exists: boolean };
      proposals: { name: string; utilities: number[] }[];
      citations: unknown[];
    };
    expect(report.zopa.exists).toBe(false);
    expect(report.explanation.summary).toMatch(/^No zone of agreement, whatever the preferences/);
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [
          CLI,
          "analyze",
          join(ROOT, "cases", "moscow-2025-12", "scenario.yaml"),
          "--corpus",
          join(ROOT, "cases", "moscow-2025-12", "corpus"),
          "--json",
        ],
        { encoding: "utf8" },
      ),
    ) as typeof report;
    expect(report.explanation).toEqual(cli.explanation);
    expect(report.proposals.map((p) => [p.name, p.utilities])).toEqual(cli.proposals.map((p) => [p.name, p.utilities]));
    expect(report.citations).toHaveLength(cli.citations.length);
    const again = await get("/api/scenarios/moscow-2025-12/analysis");
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(body);
    expect((await get("/api/scenarios/moscow-2025-12/analysis", { "if-none-match": etag })).status).toBe(304);
    const seeded = await get("/api/scenarios/moscow-2025-12/analysis?seed=2");
    expect(seeded.headers.get("etag")).not.toBe(etag);
  }, 60_000);

  it("validates the case's citations against the workspace's documents", async () => {
    const v = await json<{ valid: boolean; citations: unknown[]; assumptions: string[]; weakFields: unknown[] }>(
      await get("/api/scenarios/moscow-2025-12/validation"),
    );
    expect(v.valid).toBe(true);
    expect(v.citations.length).toBeGreaterThan(200);
    expect(v.assumptions.length).toBeGreaterThan(0);
  });

  it("writes the briefing as Markdown and as one HTML page", async () => {
    const md = await (await get("/api/scenarios/moscow-2025-12/report")).text();
    expect(md).toMatch(/^# Briefing: US–Russia–Ukraine peace talks/);
    expect(md).toMatch(
      /## Bottom line\n\n\*\*There is no zone of agreement\.\*\* Russia's "Donbas under Russian control"/,
    );
    for (const section of [
      "Timeline",
      "Who said what",
      "Where the sources disagree",
      "The model",
      "Plan versions, term by term",
      "Analysis",
      "Sources",
      "Assumptions and method",
    ])
      expect(md).toContain(`## ${section}`);
    expect(md.indexOf("# Annex")).toBeGreaterThan(md.indexOf("## What to watch next"));
    expect(md).toMatch(/^1\. “.+” — .+, (\d{4}-\d{2}-\d{2}|undated)$/m);
    const html = await get("/api/scenarios/moscow-2025-12/report", { accept: "text/html" });
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<h2>Plan versions, term by term</h2>");
    expect(page).toMatch(/<figure>[\s\S]*?<svg[^>]*>/);
    expect(page).not.toMatch(/<script|<link |src="http/);
  }, 60_000);

  it("takes the analyst's names for a source: the listing, the briefing and the analysis use them; bad edits are refused by field", async () => {
    const file = "000_5421cbf47a010d17.txt";
    const patch = (path: string, body: unknown) => send("PATCH", path, JSON.stringify(body), "application/json");
    const r = await patch(`/api/documents/${file}`, { title: "A treaty, not a deal", outlet: "Opinion desk" });
    expect(r.status).toBe(200);
    expect(await json(r)).toMatchObject({ file, name: "Opinion desk: A treaty, not a deal", outlet: "Opinion desk" });
    const list = await json<{ items: { file: string; name: string }[] }>(await get("/api/documents"));
    expect(list.items.find((d) => d.file === file)!.name).toBe("Opinion desk: A treaty, not a deal");
    const md = await (await get("/api/scenarios/moscow-2025-12/report")).text();
    expect(md).toContain("Opinion desk: A treaty, not a deal");
    const report = await json<{ citations: { file: string; source?: { name?: string } }[] }>(
      await get("/api/scenarios/moscow-2025-12/analysis?samples=0"),
    );
    expect(report.citations.find((c) => c.file.endsWith(file))!.source!.name).toBe(
      "Opinion desk: A treaty, not a deal",
    );
    // Refused by field, nothing changed: an unknown field, nothing to set, a name too long; an unknown document.
    expect(
      (await problem(await patch(`/api/documents/${file}`, { colour: "red" }), 400, "request.invalid")).errors?.[0]
        ?.field,
    ).toMatch(/colour|body/);
    await problem(await patch(`/api/documents/${file}`, {}), 400, "request.invalid");
    const long = await problem(
      await patch(`/api/documents/${file}`, { title: "x".repeat(301) }),
      400,
      "request.invalid",
    );
    expect(JSON.stringify(long)).toMatch(/title.*at most 300 characters/);
    await problem(await patch("/api/documents/nope.txt", { title: "x" }), 404, "not-found");
    expect((await json<{ name: string }>(await get(`/api/documents/${file}`))).name).toBe(
      "Opinion desk: A treaty, not a deal",
    );
    // Cleared, the source is named by its first words again.
    const cleared = await json<{ name: string }>(await patch(`/api/documents/${file}`, { title: null, outlet: "" }));
    expect(cleared.name).toBe("Putin does not seek a ‘deal’.");
  }, 60_000);

  it("documents every operation: each parameter described, a success answer with an example that fits its schema, shared schemas as components", async () => {
    type Media = { schema?: object; examples?: Record<string, { summary: string; value: unknown }> };
    // An example cut to a few fields ("cut" in its summary) is checked for what it shows: no field required.
    const optional = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(optional)
        : x && typeof x === "object"
          ? Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (k === "required" ? [] : [[k, optional(v)]])))
          : x;
    type Op = {
      parameters?: { name: string; description?: string; schema?: { description?: string } }[];
      responses: Record<string, { content?: Record<string, Media> }>;
      requestBody?: { content: Record<string, Media> };
    };
    const doc = await json<{
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, object> };
    }>(await get("/openapi.json"));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "DocumentSummary", "AnalysisReport", "Job", "UtilitySpace"]),
    );
    expect(Object.keys(doc.components.schemas).filter((k) => k.endsWith("Input"))).toEqual([]);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? [])
          expect(p.description ?? p.schema?.description, `${name} ${p.name}`).toBeTruthy();
        const success = Object.entries(op.responses).find(([status]) => /^2/.test(status));
        expect(success, `${name}: a success answer`).toBeDefined();
        const media = Object.entries(success![1].content ?? {});
        expect(
          media.some(([, m]) => m.examples),
          `${name}: an example`,
        ).toBe(true);
        for (const [type, m] of [...media, ...Object.entries(op.requestBody?.content ?? {})])
          if (type === "application/json" && m.schema && m.examples) {
            for (const e of Object.values(m.examples)) {
              const whole = { ...m.schema, components: doc.components };
              const check = ajv.compile(/\bcut\b/.test(e.summary) ? (optional(whole) as object) : whole);
              expect(check(e.value), `${name} example: ${JSON.stringify(check.errors)}`).toBe(true);
            }
          }
      }
    expect(operations).toBeGreaterThanOrEqual(25);
  });

  it("lists every path the web app calls in its OpenAPI document", async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await get("/openapi.json"));
    const client = readFileSync(join(ROOT, "web", "src", "api.ts"), "utf8");
    const used = [...client.matchAll(/"(GET|POST|PUT|PATCH) (\/api[^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]);
    expect(used.length).toBeGreaterThan(10);
    for (const [method, path] of used) expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
  });
});

describe("documents in, over HTTP", () => {
  it("a different text under a cited file name is stored under a new name and changes no analysis", async () => {
    const path = "/api/scenarios/moscow-2025-12/analysis?samples=0";
    const before = await (await get(path)).text();
    const cited = "001_7f7215ec828ab598.txt";
    const r = await upload([[cited, "Another text entirely, under the cited name: 900,000 troops, said nobody."]]);
    expect(r.status).toBe(201);
    const out = await json<{ documents: { file: string; renamedFrom?: string; status: string }[] }>(r);
    expect(out.documents[0]).toMatchObject({
      file: "001_7f7215ec828ab598-2.txt",
      renamedFrom: cited,
      status: "stored",
    });
    expect(await (await get(path)).text()).toBe(before);
    const original = await json<{ text: string }>(await get(`/api/documents/${cited}`));
    // The cited text again under another name: unchanged, and the answer says where it is.
    const copy = await json<{ documents: { file: string; storedAs?: string; status: string }[] }>(
      await upload([["renamed-copy.txt", original.text]]),
    );
    expect(copy.documents[0]).toMatchObject({ file: "renamed-copy.txt", status: "unchanged", storedAs: cited });
  });

  it("an uploaded page with no article text is stored with a warning, not a fault", async () => {
    const page =
      '<!doctype html><html><head><script src="app.js"></script></head><body><div id="root"></div></body></html>';
    const r = await upload([["rendered-by-script.html", page]]);
    expect(r.status).toBe(201);
    const out = await json<{ documents: { status: string }[]; warnings: { code: string; file?: string }[] }>(r);
    expect(out.documents[0]!.status).toBe("stored");
    expect(out.warnings).toEqual([expect.objectContaining({ code: "input.no-text", file: "rendered-by-script.html" })]);
  });

  it("stores uploaded .txt and .html articles with their evidence, once; a paste too", async () => {
    const txt = readFileSync(join(fixtures, "harbour-talks.txt"));
    const html = readFileSync(join(fixtures, "harbour-talks.html"));
    const r = await upload([
      ["harbour-talks.txt", txt],
      ["harbour-talks.html", html],
    ]);
    expect(r.status).toBe(201);
    const out = await json<{ documents: { file: string; status: string; counts: { quotes: number } | null }[] }>(r);
    expect(out.documents.map((d) => [d.file, d.status])).toEqual([
      ["harbour-talks.txt", "stored"],
      ["harbour-talks.html", "stored"],
    ]);
    expect(out.documents[0]!.counts!.quotes).toBeGreaterThan(2);
    const again = await json<{ documents: { status: string }[] }>(await upload([["harbour-talks.txt", txt]]));
    expect(again.documents[0]!.status).toBe("unchanged");
    const listed = await json<{ items: { file: string; outlet: string | null; published: string | null }[] }>(
      await get("/api/documents?offset=5"),
    );
    expect(listed.items.find((d) => d.file === "harbour-talks.html")).toMatchObject({
      outlet: "Island Gazette",
      published: "2024-03-11",
    });
    const paste = await send(
      "POST",
      "/api/documents",
      JSON.stringify({ text: '"We will meet again in May," said the envoy Tomas Berg on Friday.', date: "2024-04-05" }),
      "application/json",
    );
    expect(paste.status).toBe(201);
    const pasted = await json<{ documents: { file: string; status: string }[] }>(paste);
    expect(pasted.documents[0]!.file).toMatch(/^pasted-[0-9a-f]{12}\.txt$/);
    const quotes = await json<{ quotes: { text: string; speaker: string | null; speakerCandidate: string | null }[] }>(
      await get(`/api/evidence?include=quotes&document=${pasted.documents[0]!.file}`),
    );
    expect(quotes.quotes.map((q) => [q.text, q.speaker ?? q.speakerCandidate])).toContainEqual([
      "We will meet again in May",
      "Tomas Berg",
    ]);
  }, 60_000);

  it("pastes named '..', '.' or blank are named by their own text; a known text under a new name says where it is stored", async () => {
    const paste = (name: string, text: string) =>
      send("POST", "/api/documents", JSON.stringify({ name, text }), "application/json").then((r) =>
        json<{ documents: { file: string; status: string; storedAs?: string }[] }>(r),
      );
    const names = [];
    for (const [k, name] of ["..", ".", "", "   "].entries())
      names.push((await paste(name, `"Round ${k} is over," said the envoy Lena Holm.`)).documents[0]!.file);
    expect(new Set(names).size).toBe(4);
    for (const n of names) expect(n).toMatch(/^pasted-[0-9a-f]{12}\.txt$/);
    expect(names).not.toContain("pasted-e3b0c44298fc.txt");
    const text = '"The ferry runs again in June," said Omar Haddad.';
    const original = (await paste("ferry.txt", text)).documents[0]!;
    expect(original).toMatchObject({ file: "ferry.txt", status: "stored" });
    const copy = (await paste("renamed-copy.txt", text)).documents[0]!;
    expect(copy).toMatchObject({ file: "renamed-copy.txt", status: "unchanged", storedAs: "ferry.txt" });
    expect((await get(`/api/documents/${copy.storedAs}`)).status).toBe(200);
  });

  it("never makes a path of an uploaded name, and reads no file a client names", async () => {
    const r = await upload([["../../../../tmp/parley-escape.txt", '"Nothing here," said Ana Ruiz.']]);
    expect(r.status).toBe(201);
    expect((await json<{ documents: { file: string }[] }>(r)).documents[0]!.file).toBe("parley-escape.txt");
    expect(existsSync("/tmp/parley-escape.txt")).toBe(false);
    // A citation of a file outside the workspace is a problem, not a read of that file.
    const created = await send(
      "POST",
      "/api/scenarios?id=kura-cited",
      river.replace(
        /^issues:\n {2}- name: Summer flow\n/m,
        'issues:\n  - name: Summer flow\n    cite: [{ file: "/etc/hostname", exact: "localhost" }]\n',
      ),
      "application/yaml",
    );
    expect(created.status).toBe(201);
    const v = await json<{ valid: boolean; problems: { code: string; field: string }[] }>(
      await get("/api/scenarios/kura-cited/validation"),
    );
    expect(v.valid).toBe(false);
    expect(v.problems[0]).toMatchObject({ code: "citation.file", field: "issues[0].cite[0]" });
  });

  it("refuses what it cannot read with a problem naming the file", async () => {
    const p = await problem(await upload([["notes.exe", "MZ"]]), 415, "upload.type");
    expect(p.errors![0]!.file).toBe("notes.exe");
    await problem(await upload([["empty.txt", "   \n"]]), 422, "input.empty");
    await problem(await upload([["deep.html", `${"<div>".repeat(400)}text`]]), 413, "limit.html-depth");
    await problem(
      await send("POST", "/api/documents", JSON.stringify({ text: "" }), "application/json"),
      400,
      "request.invalid",
    );
    await problem(await upload([["a.txt", "Some text."]], { date: "2025-02-30" }), 400, "request.date");
  });
});

describe("scenarios over HTTP", () => {
  it("creates, reads (JSON or YAML as written), replaces and lists scenarios", async () => {
    const r = await send("POST", "/api/scenarios", river, "application/yaml");
    expect(r.status).toBe(201);
    const s = await json<{ id: string; version: number }>(r);
    expect(s).toMatchObject({ id: "kura-river-water-sharing-treaty", version: 1 });
    expect(r.headers.get("location")).toBe("/api/scenarios/kura-river-water-sharing-treaty");
    expect(await (await get(`/api/scenarios/${s.id}`, { accept: "application/yaml" })).text()).toBe(river);
    const second = await json<{ id: string }>(await send("POST", "/api/scenarios", river, "application/yaml"));
    expect(second.id).toBe("kura-river-water-sharing-treaty-2");
    await problem(await send("POST", `/api/scenarios?id=${s.id}`, river, "application/yaml"), 409, "scenario.exists");
    const put = await send(
      "PUT",
      `/api/scenarios/${s.id}`,
      river.replace("Kura river water-sharing treaty", "Kura treaty, revised"),
      "application/yaml",
    );
    expect(await json(put)).toMatchObject({ id: s.id, name: "Kura treaty, revised", version: 2 });
    const two = {
      name: "Two issues",
      issues: [{ name: "Price", kind: "real", lower: 0, upper: 10 }],
      parties: [
        { name: "A", weights: { Price: 1 }, values: { Price: { linear: { slope: 0.1, intercept: 0 } } } },
        { name: "B", weights: { Price: 1 }, values: { Price: { linear: { slope: -0.1, intercept: 1 } } } },
      ],
    };
    const asJson = await send("POST", "/api/scenarios?id=two-json", JSON.stringify(two), "application/json");
    expect(asJson.status).toBe(201);
    expect(JSON.parse((await json<{ text: string }>(await get("/api/scenarios/two-json"))).text)).toEqual(two);
    const wrong = await problem(
      await send(
        "POST",
        "/api/scenarios?id=two-wrong",
        JSON.stringify({ ...two, parties: [{ ...two.parties[0], values: { Price: "increasing" } }, two.parties[1]] }),
        "application/json",
      ),
      422,
      "schema.invalid_type",
    );
    expect(wrong.errors![0]).toMatchObject({ field: "parties[0].values.Price", line: expect.any(Number) });
    const list = await json<{ items: { id: string }[] }>(await get("/api/scenarios"));
    expect(list.items.map((i) => i.id)).toEqual(expect.arrayContaining(["moscow-2025-12", s.id, second.id]));
  });

  it("refuses a bad scenario with its line and field, and a bad replacement changes nothing", async () => {
    const bad = river.replace("outcome: {Summer flow: 400,", "outcome: {Tidal power: 5, Summer flow: 400,");
    const p = await problem(
      await send("POST", "/api/scenarios?id=bad", bad, "application/yaml"),
      422,
      "scenario.invalid",
    );
    const line = bad.split("\n").findIndex((l) => l.includes("Tidal power")) + 1;
    expect(p.errors).toContainEqual(
      expect.objectContaining({
        line,
        field: expect.stringMatching(/^proposals\[0\]\.outcome/),
        message: expect.stringMatching(/Tidal power/),
      }),
    );
    const before = await json<{ version: number; text: string }>(
      await get("/api/scenarios/kura-river-water-sharing-treaty"),
    );
    expect(
      (await send("PUT", "/api/scenarios/kura-river-water-sharing-treaty", "name: [unclosed", "application/yaml"))
        .status,
    ).toBe(422);
    expect(await json(await get("/api/scenarios/kura-river-water-sharing-treaty"))).toMatchObject({
      version: before.version,
      text: before.text,
    });
    await problem(await get("/api/scenarios/nope/analysis"), 404, "not-found");
  });

  it("no lost update: of 20 PUTs made from one version one wins, 19 get 412; every version is kept", async () => {
    const put = (path: string, text: string, headers: Record<string, string>) =>
      fetch(base + path, { method: "PUT", body: text, headers: { "content-type": "application/yaml", ...headers } });
    const created = await put("/api/scenarios/race", river, {});
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/scenarios/race");
    const read = await get("/api/scenarios/race");
    const etag = read.headers.get("etag")!;
    expect(etag).toBe('"v1"');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        put("/api/scenarios/race", river.replace("Kura river water-sharing treaty", `Writer ${k}`), {
          "if-match": etag,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(412)]);
    const lost = await problem(answers.find((a) => a.status === 412)!, 412, "scenario.changed");
    expect(lost.title).toMatch(/"race" is at version 2/);
    const versions = await json<{ items: { version: number; name: string }[] }>(
      await get("/api/scenarios/race/versions"),
    );
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    const first = await json<{ text: string; version: number }>(await get("/api/scenarios/race/versions/1"));
    expect(first).toMatchObject({ version: 1, text: river });
    await problem(await get("/api/scenarios/race/versions/9"), 404, "not-found");
    // If-None-Match: * creates only; If-Match on a scenario that does not exist is 412, not a creation.
    await problem(await put("/api/scenarios/race", river, { "if-none-match": "*" }), 412, "scenario.changed");
    await problem(await put("/api/scenarios/ghost", river, { "if-match": '"v1"' }), 412, "scenario.changed");
    await problem(await put("/api/scenarios/ghost", river, { "if-match": "*" }), 412, "scenario.changed");
    await problem(await get("/api/scenarios/ghost"), 404, "not-found");
    await problem(await put("/api/scenarios/race", river, { "if-match": "3" }), 400, "request.precondition");
    // Without a condition the last writer wins, as documented; the replaced version is still kept.
    expect((await put("/api/scenarios/race", river, {})).status).toBe(200);
    expect((await json<{ items: unknown[] }>(await get("/api/scenarios/race/versions"))).items).toHaveLength(3);
  });

  it("imports a GENIUS domain with its profiles, and refuses XML with a DTD", async () => {
    const g = GENIUS["LaptopC"]!;
    const form = new FormData();
    form.append("domain", new Blob([readFileSync(g.domain)]), "Laptop-C-domain.xml");
    for (const p of g.profiles) form.append("profile", new Blob([readFileSync(p)]), p.replace(/^.*\//, ""));
    const r = await fetch(`${base}/api/scenarios?id=laptop`, { method: "POST", body: form });
    expect(r.status).toBe(201);
    const a = await json<{ parties: string[]; outcomes: number }>(
      await get("/api/scenarios/laptop/analysis?samples=0"),
    );
    expect(a.parties).toHaveLength(2);
    expect(a.outcomes).toBe(27);
    const evil = new FormData();
    evil.append(
      "domain",
      new Blob([
        `<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><utility_space>&y;</utility_space>`,
      ]),
      "evil.xml",
    );
    for (const p of g.profiles) evil.append("profile", new Blob([readFileSync(p)]), "p.xml");
    const refused = await fetch(`${base}/api/scenarios?id=evil`, { method: "POST", body: evil });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toMatch(/DTD|DOCTYPE|entit/i);
  });

  it("runs a simulation, stores it, and gives the same run for the same settings", async () => {
    const body = JSON.stringify({ agents: ["boulware", "conceder", "conceder"], rounds: 60, seed: 7 });
    const r = await send(
      "POST",
      "/api/scenarios/kura-river-water-sharing-treaty/simulations",
      body,
      "application/json",
    );
    expect(r.status).toBe(201);
    const run = await json<{
      id: string;
      result: { agreement: boolean; rounds: number; trace: unknown[]; parties: string[] };
    }>(r);
    expect(run.result.parties).toEqual(["Upland", "Lowland", "Donor bank"]);
    expect(run.result.trace.length).toBeGreaterThan(0);
    const again = await json<typeof run>(
      await send("POST", "/api/scenarios/kura-river-water-sharing-treaty/simulations", body, "application/json"),
    );
    expect(again.id).toBe(run.id);
    expect(again.result).toEqual(run.result);
    const list = await json<{ items: { id: string }[] }>(
      await get("/api/scenarios/kura-river-water-sharing-treaty/simulations"),
    );
    expect(list.items.map((i) => i.id)).toContain(run.id);
    await problem(
      await send(
        "POST",
        "/api/scenarios/kura-river-water-sharing-treaty/simulations",
        JSON.stringify({ agents: ["boulware", "conceder"] }),
        "application/json",
      ),
      422,
      "simulation.agents",
    );
    await problem(
      await send(
        "POST",
        "/api/scenarios/kura-river-water-sharing-treaty/simulations",
        JSON.stringify({ agents: ["boulware", "conceder", "hagglebot"] }),
        "application/json",
      ),
      422,
      "agent.unknown",
    );
    await problem(
      await send(
        "POST",
        "/api/scenarios/kura-river-water-sharing-treaty/simulations",
        JSON.stringify({ agents: "boulware" }),
        "application/json",
      ),
      400,
      "request.invalid",
    );
  });
});

describe("tournaments over HTTP", () => {
  it("runs a tournament in the background with progress as Server-Sent Events, then its standings", async () => {
    const r = await send(
      "POST",
      "/api/tournaments",
      JSON.stringify({
        scenarios: ["kura-river-water-sharing-treaty"],
        agents: ["boulware", "conceder"],
        repetitions: 30,
        rounds: 40,
      }),
      "application/json",
    );
    expect(r.status).toBe(202);
    const job = await json<{ id: string; kind: string }>(r);
    expect(job.kind).toBe("tournament");
    const events = await fetch(`${base}/api/tournaments/${job.id}/events`);
    expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const stream = await events.text();
    const names = [...stream.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names[names.length - 1]).toBe("done");
    const done = JSON.parse(
      stream
        .trim()
        .split("\n")
        .pop()!
        .replace(/^data: /, ""),
    ) as { total: number; runs: number; complete: boolean; standings: { agent: string; runs: number }[] };
    expect(done).toMatchObject({ total: 8 * 30, runs: 8 * 30, complete: true });
    const result = await json<{ standings: { agent: string }[]; complete: boolean }>(
      await get(`/api/tournaments/${job.id}`),
    );
    expect(result.standings).toEqual(done.standings);
    const list = await json<{ items: { id: string; runs: number }[] }>(await get("/api/tournaments"));
    expect(list.items.find((t) => t.id === job.id)?.runs).toBe(240);
    await problem(
      await send(
        "POST",
        "/api/tournaments",
        JSON.stringify({ scenarios: ["kura-river-water-sharing-treaty"], agents: ["boulware", "hagglebot"] }),
        "application/json",
      ),
      422,
      "agent.unknown",
    );
    // An unknown mediator is refused up front (it was a 202 and then a job failing with 500).
    const mediator = await problem(
      await send(
        "POST",
        "/api/tournaments",
        JSON.stringify({
          scenarios: ["kura-river-water-sharing-treaty"],
          agents: ["boulware", "conceder"],
          protocol: "single-text",
          mediator: "oracle",
        }),
        "application/json",
      ),
      422,
      "mediator.unknown",
    );
    expect(mediator.errors![0]!.message).toMatch(/unknown mediator "oracle"/);
    await problem(
      await send("POST", "/api/tournaments", JSON.stringify({ scenarios: ["nope"] }), "application/json"),
      404,
      "not-found",
    );
  }, 60_000);
});
