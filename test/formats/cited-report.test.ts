import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import {
  type ContradictionInput,
  type ReliabilityInput,
  weakFields,
  withEvidence,
} from "../../src/formats/cited-report.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { resolveCitations } from "../../src/ingest/validate-citations.js";

/** Two small articles the scenario cites. */
const CORPUS = new Map([
  [
    "news.txt",
    "Upland will not accept international observers on its soil, the minister said. " +
      "Lowland insists on a summer flow of at least 450 cubic metres a second. " +
      "The counter-proposal would bring international observers to the dam. " +
      "Officials also spoke of a memorandum.",
  ],
  [
    "blog.txt",
    "Farmers need a summer flow of at least 450, they say. " +
      "The counter-proposal would bring a joint commission instead. " +
      "Who watches the river is the real question here.",
  ],
]);

const scenario = (upland: string, lowlandFlow: string) => `
name: Small river
issues:
  - {name: Flow, kind: real, lower: 300, upper: 900, steps: 7}
  - name: Monitoring
    kind: discrete
    options: [national agencies, joint commission, international observers]
    cite: [{file: blog.txt, exact: "Who watches the river"}]
  - {name: Form, kind: discrete, options: [memorandum, treaty]}
parties:
  - name: Upland
    reservation: 0.3
    weights: {Flow: 0.5, Monitoring: 0.3, Form: 0.2}
    values:
      Flow: {linear: {slope: -0.001667, intercept: 1.5}}
      Monitoring: {national agencies: 1, joint commission: 0.6, international observers: 0}
      Form: {memorandum: 1, treaty: 0.4}
    redLines:
      - label: no international observers
        issue: Monitoring
        notIn: [international observers]
        cite: [{file: news.txt, exact: "will not accept international observers"}]
      - {label: "${upland}", issue: Flow, max: ${upland.replace(/\D/g, "")}}
  - name: Lowland
    reservation: 0.3
    weights: {Flow: 0.5, Monitoring: 0.3, Form: 0.2}
    values:
      Flow: {points: [[300, 0], [450, 0.4], [750, 1]]}
      Monitoring: {national agencies: 0, joint commission: 0.7, international observers: 1}
      Form: {memorandum: 0, treaty: 1}
    redLines:
      - label: flow of at least ${lowlandFlow}
        issue: Flow
        min: ${lowlandFlow}
        cite:
          - {file: news.txt, exact: "a summer flow of at least 450 cubic"}
          - {file: blog.txt, exact: "a summer flow of at least 450, they say"}
proposals:
  - name: Upland draft
    outcome: {Flow: 400, Monitoring: national agencies, Form: memorandum}
  - name: Lowland counter
    outcome: {Flow: 700, Monitoring: {oneOf: [international observers, joint commission]}, Form: treaty}
    citeTerms:
      Monitoring:
        - {file: news.txt, exact: "would bring international observers"}
        - {file: blog.txt, exact: "would bring a joint commission"}
disputes:
  - subject: who monitors
    sides:
      - {value: observers, cite: [{file: news.txt, exact: "international observers to the dam"}]}
      - {value: commission, cite: [{file: blog.txt, exact: "a joint commission instead"}]}
`;

const source = (file: string, kind: string, score: number): ReliabilityInput => ({
  file,
  kind,
  score,
  reasons: [`${kind} (${score})`],
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
const RELIABILITY = [source("corpus/news.txt", "newspaper", 0.8), source("corpus/blog.txt", "blog", 0.3)];

/** The span of `words` in a corpus file, as the evidence layer gives a side's words. */
const span = (file: string, words: string, shift = 0) => {
  const start = CORPUS.get(file)!.indexOf(words) + shift;
  expect(start - shift).toBeGreaterThanOrEqual(0);
  return { file, start, end: start + words.length };
};

function build(upland = "flow at most 800", lowlandFlow = "450") {
  const loaded = parseScenario(scenario(upland, lowlandFlow), "small-river.yaml");
  const { citations, assumptions } = resolveCitations(loaded, CORPUS, "fixture");
  return { loaded, citations, assumptions, report: analyze(loaded.model, { samples: 0 }) };
}

describe("withEvidence: the analysis with its citations, assumptions and contradictions", () => {
  const { loaded, citations, assumptions, report } = build();
  const contradictions: ContradictionInput[] = [
    {
      subject: "the counter-proposal",
      attribute: "monitoring",
      sides: [
        { value: "international observers", spans: [span("news.txt", "international observers to the dam")] },
        { value: "joint commission", spans: [span("blog.txt", "joint commission instead")] },
      ],
    },
    {
      subject: "Lowland's flow",
      attribute: "minimum",
      sides: [
        { value: 450, spans: [{ ...span("news.txt", "at least 450"), file: "elsewhere/news.txt" }] },
        { value: 500, spans: [span("blog.txt", "Farmers need")] },
      ],
    },
    {
      // Words next to a citation, touching it but not inside it.
      subject: "the memorandum",
      attribute: "mentioned",
      sides: [
        { value: "yes", spans: [span("news.txt", "Officials also spoke")] },
        { value: "no", spans: [span("news.txt", "Upland ")] },
      ],
    },
  ];
  const out = withEvidence(report, loaded.spec, citations, assumptions, contradictions, RELIABILITY);

  it("keeps the analysis and adds every citation, each with its source's kind and score", () => {
    expect(out.zopa).toEqual(report.zopa);
    expect(out.solutions).toEqual(report.solutions);
    expect(out.citations).toHaveLength(citations.length);
    for (const c of out.citations!) {
      const r = RELIABILITY.find((x) => x.file.endsWith(`/${c.file}`))!;
      expect(c.source).toEqual({ kind: r.kind, score: r.score });
      expect(CORPUS.get(c.file)!.slice(c.start, c.end)).toBe(c.text);
    }
    expect(out.assumptions).toEqual(assumptions);
    expect(assumptions).toContain("Upland: red line flow at most 800");
    expect(out.reliability).toEqual(RELIABILITY);
    expect(out.reliability![0]!.reasons).not.toBe(RELIABILITY[0]!.reasons);
  });

  it("puts next to each red line a plan crosses the words that red line rests on, and nothing where none", () => {
    const crossed = (plan: string) => out.proposals.find((p) => p.name === plan)!.redLinesCrossed;
    const draft = crossed("Upland draft");
    expect(draft.map((l) => `${l.party}: ${l.label}`)).toEqual(["Lowland: flow of at least 450"]);
    expect(draft[0]!.evidence!.map((c) => [c.field, c.file, c.text])).toEqual([
      ["parties[1].redLines[0].cite[0]", "news.txt", "a summer flow of at least 450 cubic"],
      ["parties[1].redLines[0].cite[1]", "blog.txt", "a summer flow of at least 450, they say"],
    ]);
    const counter = crossed("Lowland counter");
    expect(counter.map((l) => l.label)).toEqual(["no international observers"]);
    expect(counter[0]!.evidence!.map((c) => [c.field, c.text, c.source?.score])).toEqual([
      ["parties[0].redLines[0].cite[0]", "will not accept international observers", 0.8],
    ]);
    // Red lines not crossed are left as they were; the plans' other fields too.
    out.proposals.forEach((p, i) =>
      expect({ ...p, redLinesCrossed: [] }).toEqual({ ...report.proposals[i]!, redLinesCrossed: [] }),
    );
  });

  it("names the fields that rest on each contradiction, and whether the answer depends on it", () => {
    const [monitoring, flow, memorandum] = out.contestedFacts!;
    // The plan term cites both sides; the plan's answer differs by version, so the contradiction matters.
    expect(monitoring).toEqual({
      subject: "the counter-proposal",
      attribute: "monitoring",
      values: ["international observers", "joint commission"],
      fields: ["Lowland counter: Monitoring"],
      changesAnswers: true,
    });
    expect(report.proposals[1]!.dependsOnSources).toBe(true);
    // A red line rests on it (matched by file name whatever the folder), but no plan version is judged on it: unknown.
    expect(flow).toMatchObject({ fields: ['Lowland: red line "flow of at least 450"'], changesAnswers: null });
    // Words next to citations but not inside any: no field rests on them, and nothing changes.
    const observers = citations.find((c) => c.field === "parties[0].redLines[0].cite[0]")!;
    expect(span("news.txt", "Upland ").end).toBe(observers.start);
    expect(memorandum).toMatchObject({ fields: [], changesAnswers: false });
    // A dispute's own citations are its sides, not a field resting on it.
    for (const c of out.contestedFacts!) expect(c.fields.some((f) => f.startsWith("disputes"))).toBe(false);
  });

  it("says the contradiction changes nothing when the plan's versions agree", () => {
    const same = { ...report, proposals: report.proposals.map((p) => ({ ...p, dependsOnSources: false })) };
    const again = withEvidence(same, loaded.spec, citations, assumptions, contradictions.slice(0, 1), RELIABILITY);
    expect(again.contestedFacts![0]!.changesAnswers).toBe(false);
  });

  it("without reliability: citations carry no source and no weak fields are listed", () => {
    const bare = withEvidence(report, loaded.spec, citations, assumptions);
    expect(bare.citations).toEqual(citations);
    expect(bare.citations!.every((c) => c.source === undefined)).toBe(true);
    expect("reliability" in bare).toBe(false);
    expect("weakFields" in bare).toBe(false);
    expect(bare.contestedFacts).toEqual([]);
  });
});

describe("weakFields", () => {
  const { loaded, citations } = build();

  it("flags fields resting only on weak sources, and red lines, stances and plan terms resting on one source", () => {
    const weak = weakFields(loaded.spec, citations, RELIABILITY);
    expect(weak).toEqual(
      expect.arrayContaining([
        { field: "issue Monitoring", reason: "rests only on weak sources: blog.txt (blog, 0.30)" },
        {
          field: 'Upland: red line "no international observers"',
          reason: "rests on one source only: news.txt (newspaper, 0.80)",
        },
      ]),
    );
    // Lowland's red line and the counter's monitoring term have two sources, one of them strong.
    expect(weak.map((w) => w.field)).not.toContain('Lowland: red line "flow of at least 450"');
    expect(weak.map((w) => w.field)).not.toContain("Lowland counter: Monitoring");
    // Every field flagged has a reason naming each of its sources with its kind and score.
    for (const w of weak) expect(w.reason).toMatch(/: (news|blog)\.txt \((newspaper|blog), 0\.\d\d\)/);
  });

  it("a stronger blog no longer makes the issue weak", () => {
    const stronger = RELIABILITY.map((r) => (r.kind === "blog" ? { ...r, score: 0.6 } : r));
    expect(weakFields(loaded.spec, citations, stronger).map((w) => w.field)).not.toContain("issue Monitoring");
  });
});

describe("withEvidence when red lines collide and decide the answer", () => {
  // Upland's flow of at most 400 and Lowland's of at least 450 exclude each other.
  const { loaded, citations, assumptions, report } = build("flow at most 400", "450");
  const fact = (words: string, file = "blog.txt"): ContradictionInput => ({
    subject: words,
    attribute: "x",
    sides: [
      { value: "a", spans: [span(file, words)] },
      { value: "b", spans: [span("news.txt", "the minister said")] },
    ],
  });

  it("a fact only a non-deciding field rests on changes no answer; one a deciding red line rests on must be checked", () => {
    expect(report.explanation.collidingRedLines).toEqual([
      { party: "Upland", label: "flow at most 400" },
      { party: "Lowland", label: "flow of at least 450" },
    ]);
    const out = withEvidence(
      report,
      loaded.spec,
      citations,
      assumptions,
      [fact("Who watches the river"), fact("Farmers need a summer flow")],
      RELIABILITY,
    );
    expect(out.contestedFacts).toEqual([
      {
        subject: "Who watches the river",
        attribute: "x",
        values: ["a", "b"],
        fields: ["issue Monitoring"],
        changesAnswers: false,
        why: "decided by the colliding red lines, none of which rests on it",
      },
      {
        subject: "Farmers need a summer flow",
        attribute: "x",
        values: ["a", "b"],
        fields: ['Lowland: red line "flow of at least 450"'],
        changesAnswers: null,
        why: "a red line that decides the answer rests on it: check which source is right",
      },
    ]);
  });
});
