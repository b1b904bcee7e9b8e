import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeModel, encodeModel } from "../../src/evidence/attribution/model.js";
import { readDocument } from "../../src/evidence/document.js";
import { extractEvidence } from "../../src/evidence/extract.js";
import { loadAttributionModel, MODEL_PATH } from "../../src/ingest/attribution-model.js";
import { readManifest } from "../../src/ingest/manifest.js";
import { contentId } from "../../src/ingest/read-documents.js";
import { CLI, ROOT } from "../domains.js";

const body = "Talks resumed on Tuesday. “We are close,” said Anna Borg, the mediator.";
const tmp = mkdtempSync(join(tmpdir(), "parley-metadata-"));

describe("publication dates from metadata", () => {
  it.each([
    [
      "Markdown front matter",
      "a.md",
      `---\ntitle: Talks resume\ndate: 2024-03-14\noutlet: Island Gazette\n---\n${body}\n`,
    ],
    [
      "<time datetime>",
      "a.html",
      `<html><body><article><h1>Talks</h1><time datetime="2024-03-14T08:00:00Z">14 March</time><p>${body}</p><p>${body}</p></article></body></html>`,
    ],
    [
      "JSON-LD datePublished",
      "a.html",
      `<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-03-14"}]}</script></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`,
    ],
    [
      "article:published_time",
      "a.html",
      `<html><head><meta property="article:published_time" content="2024-03-14T09:00:00Z"></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`,
    ],
  ])("%s gives the published date, and Tuesday resolves against it", (_, file, raw) => {
    const doc = readDocument(file, raw, contentId);
    expect(doc).toMatchObject({ published: "2024-03-14", publishedSource: "stated" });
    const [e] = extractEvidence([doc], loadAttributionModel()).documents;
    expect(e!.dates.find((d) => d.text.includes("Tuesday"))).toMatchObject({
      iso: "2024-03-12",
      reference: "2024-03-14",
    });
  });

  it("an archive's file name dates its text, before a past event's date near the top", () => {
    const doc = readDocument(
      "gazette-2024-03-14-talks.txt",
      `Talks resumed on Tuesday, a year after the strike of 7 March 2023. ${body}`,
      contentId,
    );
    expect(doc).toMatchObject({ published: "2024-03-14", publishedSource: "file name" });
    // A number that is no date in the name ("…-2024-13-40…") dates nothing.
    expect(readDocument("gazette-2024-13-40.txt", body, contentId).publishedSource).toBe("unknown");
  });

  it("a relative date in a text with no known date stays unresolved, never a guess", () => {
    const doc = readDocument("undated.txt", body, contentId);
    expect(doc.publishedSource).toBe("unknown");
    const [e] = extractEvidence([doc], loadAttributionModel()).documents;
    expect(e!.dates.find((d) => d.text.includes("Tuesday"))).toMatchObject({ iso: null, reference: null });
  });

  it("--date takes a time of day too; relative times resolve against it", () => {
    const doc = readDocument(
      "a.txt",
      "The vote came late on Sunday night, hours after the talks of Saturday.",
      contentId,
      { date: "1998-10-25T21:00" },
    );
    expect(doc).toMatchObject({ published: "1998-10-25", publishedAt: "1998-10-25T21:00", publishedSource: "given" });
    const [e] = extractEvidence([doc], loadAttributionModel()).documents;
    expect(e!.dates.find((d) => d.text.includes("Sunday"))?.iso).toBe("1998-10-25");
    expect(e!.dates.find((d) => d.text.includes("Saturday"))?.iso).toBe("1998-10-24");
  });

  it("a manifest (CSV or JSON) gives each file its date, outlet and address; its problems name the row", () => {
    writeFileSync(join(tmp, "one.txt"), `One\n\n${body}`);
    writeFileSync(join(tmp, "two.txt"), `Two\n\n${body}`);
    writeFileSync(
      join(tmp, "manifest.csv"),
      'file,date,outlet,url\none.txt,2024-03-14,Island Gazette,https://example.org/one\n"two.txt",2024-03-15T07:30,"Harbour, News",\n',
    );
    const csv = readManifest(join(tmp, "manifest.csv"));
    expect([...csv.values()]).toEqual([
      { date: "2024-03-14", outlet: "Island Gazette", url: "https://example.org/one" },
      { date: "2024-03-15T07:30", outlet: "Harbour, News" },
    ]);
    writeFileSync(
      join(tmp, "manifest.json"),
      JSON.stringify({ "one.txt": { date: "2024-03-14", outlet: "Island Gazette" } }),
    );
    expect([...readManifest(join(tmp, "manifest.json")).values()]).toEqual([
      { date: "2024-03-14", outlet: "Island Gazette" },
    ]);
    const r = spawnSync(
      process.execPath,
      [CLI, "evidence", join(tmp, "one.txt"), join(tmp, "two.txt"), "--manifest", join(tmp, "manifest.csv"), "--json"],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const docs = JSON.parse(r.stdout).documents;
    expect(
      docs.map((d: { published: string; publishedSource: string; outlet: string }) => [
        d.published,
        d.publishedSource,
        d.outlet,
      ]),
    ).toEqual([
      ["2024-03-14", "manifest", "Island Gazette"],
      ["2024-03-15", "manifest", "Harbour, News"],
    ]);
    writeFileSync(join(tmp, "bad.csv"), "file,date\none.txt,2024-02-30\nmissing.txt,2024-03-01\n");
    const bad = spawnSync(
      process.execPath,
      [CLI, "evidence", join(tmp, "one.txt"), "--manifest", join(tmp, "bad.csv")],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv:2: row 2: "2024-02-30" is not a day of the calendar/);
    expect(bad.stderr).toMatch(/bad\.csv:3: row 3: no file "missing\.txt" next to the manifest/);
  });
});

describe("the shipped attribution model", () => {
  it("is a versioned file that decodes to what it encodes, with its provenance and dev figures", () => {
    const model = loadAttributionModel();
    expect(model.threshold).toBeGreaterThan(0.5);
    expect(model.provenance).toMatchObject({
      trainedOn: { file: "polnear-train-attributions.jsonl", articles: 840 },
      tunedOn: { file: "polnear-dev-attributions.jsonl" },
    });
    expect((model.provenance["dev"] as { speakerPrecision: number }).speakerPrecision).toBeGreaterThanOrEqual(0.95);
    const again = decodeModel(encodeModel(model));
    expect(again.threshold).toBe(model.threshold);
    expect([...again.cues]).toEqual([...model.cues].sort());
    expect(again.calibrator).toEqual(model.calibrator);
    // 16-bit quantisation: each weight within half a step of the original.
    const step = model.weights.emission.reduce((m, x) => Math.max(m, Math.abs(x)), 0) / 32767;
    for (let i = 0; i < model.weights.emission.length; i += 997)
      expect(Math.abs(again.weights.emission[i]! - model.weights.emission[i]!)).toBeLessThanOrEqual(step);
    expect(readFileSync(join(ROOT, MODEL_PATH)).length).toBeLessThan(10 * 1048576);
  });

  it("a damaged model file is refused with a clear error", () => {
    const bytes = gunzipSync(readFileSync(join(ROOT, MODEL_PATH)));
    expect(() => decodeModel(bytes.subarray(0, 1000), "cut.bin")).toThrow(
      /cut\.bin: not an attribution model: its header is damaged/,
    );
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 8), "short.bin")).toThrow(
      /short\.bin: not an attribution model: wrong size/,
    );
    expect(() => decodeModel(new TextEncoder().encode("hello"), "hello.bin")).toThrow(
      /not an attribution model: no header/,
    );
    // A model from before the calibrator carried its cues' records: refused, not read with a signal missing.
    const model = loadAttributionModel();
    const { cues: _, ...older } = model.calibrator;
    expect(() =>
      decodeModel(encodeModel({ ...model, calibrator: older as typeof model.calibrator }), "older.bin"),
    ).toThrow(/older\.bin: not an attribution model: its confidence calibrator is of an older format/);
  });
});
