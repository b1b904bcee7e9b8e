import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/evidence/extract.js";
import { internalInconsistencies } from "../../src/evidence/internal-consistency.js";
import { sourceReliability } from "../../src/evidence/reliability.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { CLI } from "../domains.js";

const SOUND =
  "The delegation arrived in Valletta on 2 March 2026 and met the president for five hours. " +
  "Nearly four years into the dispute, officials said the talks covered the fleet and the tolls.";

/** A text dated 3 March that tells an act of 5 March as past, gives the dispute's length two ways and garbles a name. */
const CARELESS =
  "On 3 March 2026, the envoys met in Valletta. Ruritania announced new tolls on 5 March 2026. " +
  "Nearly four years into the dispute, Gozo/Comino/Comino stayed closed. Nearly three years in, the fleet waits.";

const read = (file: string, text: string, published: string) =>
  extractDocument(
    {
      id: file,
      file,
      format: "text",
      title: null,
      outlet: null,
      author: null,
      published,
      publishedSource: "given",
      text,
    },
    loadAttributionModel(),
  );

describe("what a text says against itself", () => {
  it("finds acts told as past after the text's own date, one elapsed time given two ways, a name repeated in a list", () => {
    const findings = internalInconsistencies(read("careless.txt", CARELESS, "2026-03-03"));
    expect(findings.map((f) => f.kind)).toEqual(["after its date", "against itself", "garbled names"]);
    expect(findings[0]!.finding).toMatch(/on 2026-03-05, after its own date 2026-03-03/);
    expect(findings[1]!.finding).toMatch(/“Nearly four years into” and “Nearly three years in”/);
    expect(findings[2]!.finding).toMatch(/“Comino\/Comino”/);
    expect(internalInconsistencies(read("sound.txt", SOUND, "2026-03-02"))).toEqual([]);
  });

  it("an elapsed time starts a word or follows a heading run into it, never the end of another word", () => {
    // "over" in "Hangover" is no elapsed time: read as one, it gave the dispute's length two ways.
    const hangover = `The Hangover two years ago drew crowds. ${SOUND}`;
    expect(internalInconsistencies(read("hangover.txt", hangover, "2026-03-02"))).toEqual([]);
    // A heading run into the text ("…talksNearly three years in") still counts.
    const glued = `${SOUND}\nHarbour talksNearly three years in, the fleet waits.`;
    expect(internalInconsistencies(read("glued.txt", glued, "2026-03-02")).map((f) => f.kind)).toEqual([
      "against itself",
    ]);
  });

  it("a source saying two things against itself is quarantined with its reasons; the scenario can keep it, saying why", () => {
    const docs = [read("careless.txt", CARELESS, "2026-03-03"), read("sound.txt", SOUND, "2026-03-02")];
    const [careless, sound] = sourceReliability(docs, []);
    expect(careless).toMatchObject({ quarantined: true, quarantineReason: "says 3 things against itself" });
    expect(careless!.reasons.filter((r) => r.startsWith("−0.12"))).toHaveLength(3);
    expect(sound).toMatchObject({ quarantined: false, quarantineReason: null, findings: [] });
    const [kept] = sourceReliability(docs, [], { "careless.txt": { quarantine: false, note: "checked by hand" } });
    expect(kept).toMatchObject({ quarantined: false, quarantineReason: "kept by the scenario: checked by hand" });
  });

  it("validate refuses an option resting on a quarantined source alone, naming the field and the words; kept by the scenario, it passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-quarantine-"));
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    writeFileSync(join(corpus, "careless.txt"), CARELESS);
    writeFileSync(join(corpus, "sound.txt"), SOUND);
    const scenario = (sources = "") => `name: Tolls
${sources}issues:
  - name: Tolls
    kind: discrete
    options: [none, new tolls]
    optionCites:
      new tolls: [{file: careless.txt, exact: "Ruritania announced new tolls"}]
parties:
  - name: Ruritania
    weights: {Tolls: 1}
    values: {Tolls: {none: 0, new tolls: 1}}
  - name: Gozo
    weights: {Tolls: 1}
    values: {Tolls: {none: 1, new tolls: 0}}
    cite: [{file: sound.txt, exact: "met the president for five hours"}]
`;
    const validate = (text: string) => {
      const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(f, text);
      return spawnSync(process.execPath, [CLI, "validate", f, "--corpus", corpus], { encoding: "utf8" });
    };
    // Read from a folder, the text is dated by its latest date near the top (5 March): two findings, not three.
    const refused = validate(scenario());
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /:7:\d+: issues\[0\]\.optionCites\["new tolls"\]: issue Tolls \(option new tolls\) rests only on careless\.txt, a quarantined source \(says 2 things against itself\): “Ruritania announced new tolls”/,
    );
    const kept = validate(
      scenario("sources:\n  careless.txt: {quarantine: false, note: the tolls are confirmed by phone}\n"),
    );
    expect(kept.status, kept.stderr).toBe(0);
  }, 60_000);
});
