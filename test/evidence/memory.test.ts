import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../domains.js";

// A long-running server reads article after article: what it remembers across texts (memos of
// names, words, countries) must not keep the texts themselves. In V8 a slice of 13 or more
// characters is a view of its whole text, so a memo keyed by such a slice keeps the text alive.
const SCRIPT = `
import { writeHeapSnapshot } from "node:v8";
import { readFileSync, rmSync } from "node:fs";
const dist = ${JSON.stringify(join(ROOT, "dist", "src"))};
const { extractEvidence } = await import(dist + "/evidence/extract.js");
const { readDocument } = await import(dist + "/evidence/document.js");
const { contentId } = await import(dist + "/ingest/read-documents.js");
const { loadAttributionModel } = await import(dist + "/ingest/attribution-model.js");
const model = loadAttributionModel();
const TEXTS = 6;
for (let k = 0; k < TEXTS; k++) {
  // Each text names people and places of its own, with names of 13 letters and more.
  const own = "abcdefghij"[k];
  const line = "Minister Maximilianus Vellatorres" + own + " said in Marsaxlokkharbour" + own + " that the talks would go on, the negotiator said. ";
  const text = "Harbour talks, round " + k + "\\n" + line.repeat(3000);
  extractEvidence([readDocument("t" + k + ".txt", text, contentId, { date: "2026-03-01" })], model);
}
globalThis.gc();
const file = writeHeapSnapshot();
const snap = JSON.parse(readFileSync(file, "utf8"));
rmSync(file);
const { node_fields, node_types } = snap.snapshot.meta;
const [type, name, size] = ["type", "name", "self_size"].map((f) => node_fields.indexOf(f));
let kept = 0;
for (let i = 0; i < snap.nodes.length; i += node_fields.length)
  if (node_types[0][snap.nodes[i + type]] === "string" && snap.nodes[i + size] > 100000 &&
      String(snap.strings[snap.nodes[i + name]]).startsWith("Harbour talks, round")) kept++;
console.log(JSON.stringify({ texts: TEXTS, kept }));
`;

describe("memory across texts", () => {
  it("reading text after text keeps at most the last one alive: memos hold copies of words, not slices of texts", () => {
    const run = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", SCRIPT], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { texts, kept } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { texts: number; kept: number };
    expect(texts).toBe(6);
    // The last text may still be held by a one-entry cache of the text last read.
    expect(kept).toBeLessThanOrEqual(1);
  });
});
