import { describe, expect, it } from "vitest";
import type { ReliabilityInput } from "../../src/formats/cited-report.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { versionWeights } from "../../src/formats/version-weights.js";
import { proposalVariants } from "../../src/model/scenario.js";

/** A plan whose army cap and sanctions the sources report differently, and one nobody disputes. */
const SCENARIO = (armyCites: string) => `
name: Disputed plan
issues:
  - {name: Army cap, kind: discrete, options: ["600,000", "800,000", no cap]}
  - {name: Sanctions, kind: discrete, options: [kept, eased, lifted]}
  - {name: Form, kind: discrete, options: [deal, treaty]}
parties:
  - name: East
    weights: {Army cap: 0.5, Sanctions: 0.3, Form: 0.2}
    values:
      Army cap: {"600,000": 1, "800,000": 0.6, no cap: 0}
      Sanctions: {kept: 0, eased: 0.6, lifted: 1}
      Form: {deal: 0.2, treaty: 1}
  - name: West
    weights: {Army cap: 0.5, Sanctions: 0.3, Form: 0.2}
    values:
      Army cap: {"600,000": 0, "800,000": 0.5, no cap: 1}
      Sanctions: {kept: 1, eased: 0.5, lifted: 0}
      Form: {deal: 1, treaty: 0.4}
proposals:
  - name: Fixed plan
    outcome: {Army cap: no cap, Form: deal}
  - name: Leaked plan
    outcome: {Army cap: {oneOf: ["600,000", "800,000"]}, Sanctions: {oneOf: [eased, lifted]}, Form: treaty}
    citeTerms:
      Army cap:
${armyCites}
      Sanctions:
        - {file: wire.txt, exact: "sanctions would be eased step by step"}
        - {file: blog.txt, exact: "all sanctions lifted at once"}
`;
const BY_WORDS = `        - {file: news.txt, exact: "caps the army at 600,000"}
        - {file: blog.txt, exact: "a cap of 800,000 troops"}`;

const source = (file: string, score: number): ReliabilityInput => ({
  file,
  kind: "newspaper",
  score,
  reasons: [],
  corroborated: 0,
  contested: 0,
  unique: 0,
  hedges: 0,
  named: 0,
  overridden: false,
  findings: [],
  quarantined: false,
  quarantineReason: null,
});
const RELIABILITY = [source("corpus/news.txt", 0.8), source("corpus/blog.txt", 0.2), source("corpus/wire.txt", 0.9)];

const load = (cites = BY_WORDS) => parseScenario(SCENARIO(cites), "disputed.yaml");

describe("versionWeights: how likely each version of a disputed plan is", () => {
  it("gives nothing for a plan nobody disputes, and one weight per version for a disputed one", () => {
    const { model, spec } = load();
    const [fixed, leaked] = versionWeights(model, spec, RELIABILITY);
    expect(fixed).toBeUndefined();
    expect(leaked!.weights).toHaveLength(4);
    expect(leaked!.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("lists the versions in the order analysis draws them, each named by its terms", () => {
    const { model, spec } = load();
    const leaked = versionWeights(model, spec, RELIABILITY)[1]!;
    const variants = proposalVariants(model.proposals[1]!);
    const [army, sanctions] = [0, 1].map((i) => model.space.issues[i]!);
    expect(leaked.versions.map((v) => v.terms)).toEqual(
      variants.map((v) => `Army cap=${army!.valueAt(v.choices[0]!)}, Sanctions=${sanctions!.valueAt(v.choices[1]!)}`),
    );
    leaked.versions.forEach((v, i) => expect(v.weight).toBeCloseTo(leaked.weights[i]!, 3));
  });

  it("weighs each reading by the reliability of the source whose words give it, readings of two terms multiplied", () => {
    const { model, spec } = load();
    const { weights, versions } = versionWeights(model, spec, RELIABILITY)[1]!;
    const w = (terms: string) => weights[versions.findIndex((v) => v.terms === terms)]!;
    // Army cap: 600,000 in the newspaper (0.8), 800,000 in the blog (0.2). Sanctions: eased on the wire (0.9), lifted in the blog.
    expect(w("Army cap=600,000, Sanctions=eased") / w("Army cap=800,000, Sanctions=eased")).toBeCloseTo(0.8 / 0.2, 9);
    expect(w("Army cap=600,000, Sanctions=eased") / w("Army cap=600,000, Sanctions=lifted")).toBeCloseTo(0.9 / 0.2, 9);
    expect(w("Army cap=800,000, Sanctions=lifted")).toBeCloseTo((0.2 * 0.2) / (1 * 1.1), 9);
  });

  it("follows the sources' reliability: a more reliable blog makes its readings likelier", () => {
    const { model, spec } = load();
    const before = versionWeights(model, spec, RELIABILITY)[1]!;
    const trusted = RELIABILITY.map((r) => (r.file.endsWith("blog.txt") ? { ...r, score: 0.8 } : r));
    const after = versionWeights(model, spec, trusted)[1]!;
    const at = (x: typeof before, terms: string) => x.weights[x.versions.findIndex((v) => v.terms === terms)]!;
    expect(at(after, "Army cap=800,000, Sanctions=lifted")).toBeGreaterThan(
      at(before, "Army cap=800,000, Sanctions=lifted"),
    );
    expect(at(after, "Army cap=600,000, Sanctions=eased")).toBeLessThan(
      at(before, "Army cap=600,000, Sanctions=eased"),
    );
    // Equal sources for the army cap: its two readings are equally likely.
    expect(at(after, "Army cap=600,000, Sanctions=eased")).toBeCloseTo(
      at(after, "Army cap=800,000, Sanctions=eased"),
      12,
    );
  });

  it("with no reliability known, every source counts 0.5 and every version is alike", () => {
    const { model, spec } = load();
    expect(versionWeights(model, spec, [])[1]!.weights).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("when no citation's words contain a reading, the citation in the same position stands for it", () => {
    const { model, spec } = load(`        - {file: blog.txt, exact: "the lower figure"}
        - {file: news.txt, exact: "the higher figure"}`);
    const { weights, versions } = versionWeights(model, spec, RELIABILITY)[1]!;
    const w = (terms: string) => weights[versions.findIndex((v) => v.terms === terms)]!;
    expect(w("Army cap=600,000, Sanctions=eased") / w("Army cap=800,000, Sanctions=eased")).toBeCloseTo(0.2 / 0.8, 9);
  });

  it("a reading several sources give takes the most reliable of them", () => {
    const { model, spec } = load(`        - {file: blog.txt, exact: "caps the army at 600,000"}
        - {file: wire.txt, exact: "the army capped at 600,000"}
        - {file: news.txt, exact: "a cap of 800,000 troops"}`);
    const { weights, versions } = versionWeights(model, spec, RELIABILITY)[1]!;
    const w = (terms: string) => weights[versions.findIndex((v) => v.terms === terms)]!;
    expect(w("Army cap=600,000, Sanctions=eased") / w("Army cap=800,000, Sanctions=eased")).toBeCloseTo(0.9 / 0.8, 9);
  });
});
