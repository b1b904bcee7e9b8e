import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { CLI } from "../domains.js";

// With no case file, a draft's parties are the countries the texts name: any country, by its name or
// its demonym ("Maltese Foreign Minister"), not only those a list also knows by capital.

const tmp = mkdtempSync(join(tmpdir(), "parley-countries-"));
const corpus = join(tmp, "corpus");
mkdirSync(corpus);
const article = (day: string) =>
  `Malta and Italy clash over ferry toll

VALLETTA, March ${day}, 2026 — Malta demanded that Italy lift the new toll on ferries between Sicily and Malta, calling it a breach of the 2019 maritime agreement.

"We will not accept a toll above 5 euros per passenger," Maltese Foreign Minister Joe Borg told reporters.

Italy rejected the demand. Italian Transport Minister Marco Rossi said the toll of 12 euros would stay until the harbour works are paid for. "Italy will not scrap the toll," Rossi said.
`;
writeFileSync(join(corpus, "a.txt"), article("3"));
writeFileSync(join(corpus, "b.txt"), article("5"));

describe("a draft's parties with no case knowledge", () => {
  it("are the countries the texts name, each speaking through the minister its demonym titles", () => {
    const out = join(tmp, "draft.yaml");
    const r = spawnSync(process.execPath, [CLI, "draft", "--corpus", corpus, "--out", out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const parties = loadScenarioFile(out).spec.parties;
    expect(parties.map((p) => [p.name, p.description])).toEqual([
      ["Malta", "speaking: Joe Borg"],
      ["Italy", "speaking: Marco Rossi"],
    ]);
    // Malta's red line is its minister's words (a citation is a dozen words from the cue's clause).
    expect(parties[0]!.redLines?.[0]?.cite?.[0]?.exact).toMatch(
      /^"We will not accept a toll above 5 euros per passenger,"/,
    );
    const evidence = spawnSync(process.execPath, [CLI, "evidence", corpus, "--json"], { encoding: "utf8" });
    expect(evidence.status, evidence.stderr).toBe(0);
    const actors = JSON.parse(evidence.stdout).actors as { name: string; affiliation: string | null }[];
    expect(actors.find((a) => a.name === "Joe Borg")?.affiliation).toBe("Malta");
  });
});
