import { describe, expect, it } from "vitest";
import type { Voice } from "../../src/evidence/voice.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { speakerProblems, type VoicedCitation } from "../../src/formats/speaker-check.js";

const spec = parseScenario(`name: Tolls
issues:
  - {name: Tolls, kind: discrete, options: [none, some]}
parties:
  - name: Ruritania
    weights: {Tolls: 1}
    values: {Tolls: {none: 0, some: 1}}
    redLines:
      - {label: tolls stay, issue: Tolls, notIn: [none]}
  - name: Gozo
    weights: {Tolls: 1}
    values: {Tolls: {none: 1, some: 0}}
`).spec;

const own: Voice = { kind: "party", party: "Ruritania", who: "Novak", how: "quoted" };
const cited = (voice: Voice, plan: string | null = null, k = 0): VoicedCitation => ({
  field: `parties[0].redLines[0].cite[${k}]`,
  file: "a.txt",
  text: `words ${k}`,
  voice,
  plan,
});

describe("whose words a red line rests on", () => {
  it("its party's own words pass; an author's, a commentator's, a fear or another party's alone do not", () => {
    expect(speakerProblems(spec, [cited(own)])).toEqual([]);
    for (const voice of [
      { kind: "author", party: null, who: null, how: null },
      { kind: "commentator", party: null, who: "an analyst", how: null },
      { kind: "fear", party: null, who: null, how: null },
      { kind: "party", party: "Gozo", who: "Gozo", how: "reported" },
    ] as Voice[])
      expect(speakerProblems(spec, [cited(voice)])[0]!.message).toMatch(
        /^Ruritania's red line "tolls stay" rests on no words of Ruritania's own: “words 0” \(a\.txt: /,
      );
  });

  it("words stitched with a commentator's, or about two plans, are refused; the analyst's reason lets the line stand", () => {
    const analyst: Voice = { kind: "commentator", party: null, who: "an analyst", how: null };
    expect(speakerProblems(spec, [cited(own), cited(analyst, null, 1)])[0]!.message).toMatch(
      /stitched from Ruritania's words and a commentator's/,
    );
    expect(speakerProblems(spec, [cited(own, "12-point"), cited(own, "9-point", 1)])[0]!.message).toMatch(
      /stitched from words about different plans \(12-point, 9-point plans\)/,
    );
    const overridden = structuredClone(spec);
    (overridden.parties[0]!.redLines[0] as { voiceOverride?: string }).voiceOverride = "said so on the radio";
    expect(speakerProblems(overridden, [cited(analyst)])).toEqual([]);
  });
});
