import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { validateCitations } from "../../src/ingest/validate-citations.js";
import { CLI, ROOT, SHARED } from "../domains.js";

const scenario = join(ROOT, "cases", "moscow-2025-12", "scenario.yaml");
const corpus = join(SHARED, "corpus", "moscow-2025-12");
const tmp = mkdtempSync(join(tmpdir(), "parley-moscow-"));

describe("the Moscow scenario", () => {
  it("validates against the corpus: every citation resolves to exactly one place, and no red line rests on an assumption", () => {
    const r = validateCitations(scenario, corpus);
    expect(r.citations.length).toBeGreaterThanOrEqual(230);
    for (const c of r.citations) {
      const text = readFileSync(join(corpus, c.file), "utf8");
      expect(text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(r.assumptions).toContain("Russia: weight of Donbas");
    expect(r.assumptions.filter((a) => /red line/.test(a))).toEqual([]);
  });

  const report = analyze(loadScenarioFile(scenario).model, { samples: 200, seed: 3 });
  const crossed = (name: string, status = "crossed") =>
    report.proposals
      .find((p) => p.name === name)!
      .redLinesCrossed.filter((l) => l.status === status)
      .map((l) => `${l.party}: ${l.label}`);

  it("says the answer follows from one collision of red lines — Donbas: withdrawal against a freeze — whatever the numbers", () => {
    // Kyiv refused the 600,000 cap, not any cap; Moscow demands some cap: 800,000 satisfies both, so the army is no collision.
    expect(report.explanation.collidingRedLines).toEqual([
      { party: "Russia", label: "Donbas under Russian control" },
      { party: "Ukraine", label: "no withdrawal from Donbas" },
    ]);
    expect(report.explanation.collisions).toBeUndefined();
    expect(report.explanation.summary).toMatch(
      /^No zone of agreement, whatever the preferences: Russia's "Donbas under Russian control" and Ukraine's "no withdrawal from Donbas" exclude each other; no weight, value or reservation number changes this\.$/,
    );
    expect(report.zopa).toMatchObject({ exists: false, size: 0, probability: 0 });
    // Nothing to draw: no value of the uncertain numbers can change it.
    expect(report.robustness).toBeUndefined();
  });

  it("pins the red lines each plan version definitely crosses: the 28-point plan crosses Kyiv's Donbas, army and NATO lines", () => {
    expect(crossed("Leaked 28-point plan")).toEqual([
      "Ukraine: no withdrawal from Donbas",
      "Ukraine: no cap of 600,000 or lower",
      "Ukraine: no renouncing NATO membership",
    ]);
    expect(crossed("Framework revised after Geneva and Miami")).toEqual([
      "Ukraine: no withdrawal from Donbas",
      "Ukraine: no renouncing NATO membership",
    ]);
    // 800,000 is a cap Moscow wants and Kyiv never refused; "a treaty, not a deal" was 000's author's words, no red line.
    expect(crossed("US talking points, Moscow 2 December")).toEqual(["Russia: recognition de jure"]);
    // Its terms are only in the quarantined blog post: not modelled, so it crosses nothing for certain.
    expect(crossed("20-point framework (blog only)")).toEqual([]);
    expect(crossed("Kyiv's position in Miami")).toEqual([
      "Russia: Donbas under Russian control",
      "Russia: limits on the size of Ukraine's army",
    ]);
    // A document whose terms no text discloses crosses nothing for certain, and states nothing to evaluate.
    expect(crossed("27-point document shown in Moscow")).toEqual([]);
    expect(report.proposals.filter((p) => p.stated === 0).map((p) => p.name)).toEqual([
      "27-point document shown in Moscow",
      "20-point framework (blog only)",
    ]);
    // A plan that leaves issues open has ranges, never a single number read as its value.
    const talking = report.proposals.find((p) => p.name === "US talking points, Moscow 2 December")!;
    expect(talking.utilityRanges!.every(([lo, hi]) => lo < hi)).toBe(true);
    for (const p of report.proposals) expect(p.acceptable).toBe(false);
  });

  it("the smallest concessions give way on one side of the Donbas collision, and land on a cap of 800,000", () => {
    expect(report.concessions.map((c) => (c.kind === "red-line" ? `${c.party}: ${c.redLine}` : c.kind))).toEqual([
      "Russia: Donbas under Russian control",
      "Ukraine: no withdrawal from Donbas",
    ]);
    for (const c of report.concessions) {
      // The army gap narrows to the figure both can live with; Kyiv's NATO line stands.
      expect(c.opens.outcome["Army cap"]).toBe("800,000");
      expect(c.opens.outcome["NATO membership"]).not.toBe("permanently barred");
    }
  });

  it("no red line rests on a commentator's or author's voice or on a fear: the treaty is a demand, Kyiv's lines cite Kyiv", () => {
    const spec = loadScenarioFile(scenario).spec;
    const lines = spec.parties.flatMap((p) => p.redLines.map((l) => ({ party: p.name, ...l })));
    expect(lines.map((l) => `${l.party}: ${l.label}`)).not.toContain("Russia: a treaty, not a deal");
    expect(spec.parties.find((p) => p.name === "Russia")!.stances!.Form).toMatchObject({ strength: "demand" });
    // 001's "officials fear that accepting Russia's demands…" is a fear, not a refusal: no red line cites it.
    for (const l of lines)
      for (const c of l.cite ?? []) expect(c.exact).not.toMatch(/limiting troop size|ceding territory|set Ukraine up/);
    // Kyiv refused the 600,000 cap; Europe rejects the same, not 800,000.
    expect(lines.find((l) => l.label === "no cap of 600,000 or lower")).toMatchObject({
      notIn: ["600,000", "Istanbul level (50,000–60,000)"],
    });
    expect(spec.parties.find((p) => p.name === "European allies")!.stances!["Army cap"]!.toward).toEqual([
      "600,000",
      "Istanbul level (50,000–60,000)",
    ]);
  });

  it("keeps what the texts say beside the model, cited: the readout, the visits, the negotiator's resignation, the plan's dated history", () => {
    expect(report.notes!.map((n) => n.subject)).toEqual([
      "the Kremlin's readout",
      "who came",
      "Kyiv's negotiating team",
      "trust in the US envoy",
      "Washington's reading",
      "territory beyond Donbas",
      "reference points",
      "the plan's history",
      "a translated source",
    ]);
    const spec = loadScenarioFile(scenario).spec;
    for (const n of spec.notes!) expect(n.cite!.length).toBeGreaterThan(0);
    expect(spec.notes!.find((n) => n.subject === "the plan's history")!.text).toMatch(
      /Florida .* 28-point plan .* Geneva \(23 November\) → Miami \(30 November\) → the Kremlin meeting \(2 December\)/s,
    );
  });

  it("a stance matrix that tells red lines from demands, and the plan lineage term by term", () => {
    const s = report.stances!;
    const cell = (party: string, issue: string) =>
      s.cells[s.parties.indexOf(party)]![s.issues.indexOf(issue)]!.strength;
    expect(cell("Ukraine", "NATO membership")).toBe("red line");
    expect(cell("Russia", "NATO membership")).toBe("demand");
    expect(cell("Russia", "Recognition")).toBe("red line");
    const revised = report.lineage!.find((d) => d.proposal === "Framework revised after Geneva and Miami")!;
    expect(revised.from).toBe("Leaked 28-point plan");
    // 004 gives no army cap for the revised framework: not stated, not dropped.
    expect(revised.notStated.map((t) => t.issue)).toContain("Army cap");
    expect(revised.objections).toEqual([
      expect.objectContaining({ party: "Ukraine", terms: ["Army cap", "NATO membership", "Donbas"] }),
    ]);
  });
});

describe("parley analyze --corpus", () => {
  const r = spawnSync(process.execPath, [CLI, "analyze", scenario, "--corpus", corpus, "--json"], { encoding: "utf8" });
  const out = JSON.parse(r.stdout);

  it("answers with the evidence: the words behind each red line crossed, from the source that states it", () => {
    expect(r.status).toBe(0);
    expect(out.citations.length).toBeGreaterThanOrEqual(230);
    const plan = out.proposals.find((p: { name: string }) => p.name === "Leaked 28-point plan");
    const nato = plan.redLinesCrossed.find((l: { label: string }) => l.label === "no renouncing NATO membership");
    // Each citation carries the kind and score of its source.
    expect(nato.evidence[0]).toMatchObject({
      file: "004_8398360ec65f9577.txt",
      text: "Kiev also rejected another point of the plan",
      source: { kind: "opinion", score: expect.any(Number) },
    });
    expect(out.citations.every((c: { source?: unknown }) => c.source)).toBe(true);
  });

  it("quarantines the blog post for what it says against itself; nothing of the model rests on it alone", () => {
    const blog = out.reliability.find((s: { file: string }) => s.file.endsWith("003_b6488645339004c2.txt"));
    expect(blog.quarantined).toBe(true);
    expect(blog.findings).toEqual([
      expect.stringMatching(/^tells 2 act\(s\) as past on 2025-12-05, 2025-12-06, after its own date 2025-12-03/),
      expect.stringMatching(/“nearly four years prior” and “Nearly three years in”/),
      expect.stringMatching(/“Luhansk\/Luhansk”/),
    ]);
    expect(out.reliability.filter((s: { quarantined: boolean }) => s.quarantined)).toHaveLength(1);
    // No option, red line, plan or sequencing term rests on it alone; what cites it is the blog's own plan and the disputes.
    expect(out.quarantine).toEqual([
      expect.objectContaining({ file: "003_b6488645339004c2.txt", reason: "says 3 things against itself", alone: [] }),
    ]);
    expect(out.quarantine[0].alongside).toEqual(["20-point framework (blog only): the plan itself"]);
  });

  it("rates each source with its reasons, and flags the fields resting on a weak or single source", () => {
    const score = Object.fromEntries(
      out.reliability.map((s: { file: string; score: number }) => [s.file.replace(/^.*[\\/]/, ""), s.score]),
    );
    // The blog is the weakest source; the translated news analysis the strongest.
    expect(Math.min(...Object.values(score as Record<string, number>))).toBe(score["003_b6488645339004c2.txt"]);
    expect(Math.max(...Object.values(score as Record<string, number>))).toBe(score["002_20543ffbdaedb161.txt"]);
    expect(out.weakFields).toContainEqual({
      field: "20-point framework (blog only): the plan itself",
      reason: expect.stringMatching(/^rests only on weak sources: 003_b6488645339004c2\.txt \(blog, 0\.05\)$/),
    });
  });

  it("every contested fact: the answers stay the same because the colliding red lines decide them, and it says so", () => {
    const cap = out.contestedFacts.find(
      (f: { subject: string }) => f.subject === "cap on Ukraine's army in the US texts",
    );
    expect(cap).toMatchObject({
      values: [600000, 800000],
      changesAnswers: false,
      why: "decided by the colliding red lines, none of which rests on it",
    });
    expect(cap.fields).toContain("Leaked 28-point plan: Army cap");
    // A dispute the scenario writes down replaces the same one found in the evidence.
    expect(
      out.contestedFacts.filter(
        (f: { values: unknown[] }) => JSON.stringify(f.values) === JSON.stringify([600000, 800000]),
      ),
    ).toHaveLength(1);
    const view = out.contestedFacts.find((f: { subject: string }) => f.subject === "Putin's view of the 28-point plan");
    expect(view.values).toEqual(["could serve as the foundation of a settlement", "did not go far enough for Putin"]);
  });

  it("prints the answer first, the stance matrix, the plan diffs, and why nothing is drawn", () => {
    const text = spawnSync(process.execPath, [CLI, "analyze", scenario], {
      encoding: "utf8",
      env: { ...process.env, COLUMNS: "100" },
    }).stdout;
    expect(text.split("\n")[2]).toMatch(/^Answer: No zone of agreement, whatever the preferences/);
    expect(text).toMatch(/Stances \(issues × parties\)\n\s+issue\s+Russia\s+Ukraine\s+United States\s+European allies/);
    expect(text).toContain("Plan versions: what changed from the one each was derived from");
    expect(text).toMatch(/Robustness: not drawn — the red lines alone exclude every outcome/);
    // A plan with no stated terms says so instead of showing numbers.
    expect(text).toMatch(
      /27-point document shown in Moscow \(United States\): no source states its terms — nothing\s+to\s+evaluate/,
    );
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("parley draft", () => {
  it("drafts a scenario from the statements alone whose every citation resolves, recovering over half of the hand-written model", () => {
    const out = join(tmp, "draft.yaml");
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
    const r = cli(
      "draft",
      "--corpus",
      corpus,
      "--case",
      join(ROOT, "cases", "moscow-2025-12"),
      "--out",
      out,
      "--compare",
      scenario,
    );
    expect(r.status).toBe(0);
    const draft = loadScenarioFile(out).spec;
    // Analysts quoted (Stanovaya, Horowitz, Baunov) are nobody's party.
    expect(draft.parties.map((p) => p.name).sort()).toEqual(["European allies", "Russia", "Ukraine", "United States"]);
    // Issues are what parties demand or refuse, never a disputed fact such as a date or a number of points.
    expect(draft.issues.map((i) => i.name)).not.toContain(expect.stringMatching(/date|points/));
    const lines = (party: string) =>
      draft.parties.find((p) => p.name === party)!.redLines.map((l) => ("issue" in l ? l.issue : ""));
    expect(lines("Ukraine")).toEqual(expect.arrayContaining(["Army cap", "NATO membership"]));
    // What only the blog (003, the weakest source) words as a red line is drafted as a stance, saying why:
    // Ukraine "balked at ceding Donbas", Lavrov "insisted on UN Security Council guarantors".
    expect(lines("Ukraine")).not.toContain("Donbas");
    const russia = draft.parties.find((p) => p.name === "Russia")!;
    expect(lines("Russia")).not.toContain("Security guarantees");
    expect(russia.stances!["Security guarantees"]!.note).toMatch(/only in a weak source \(003_\w+\.txt, blog/);
    expect(lines("Russia")).toEqual(expect.arrayContaining(["Donbas", "Army cap", "Recognition"]));
    // Polarity: Russia's demand for limits rules out no cap; Ukraine's refusal of the restrictions rules
    // out the caps, never "no cap"; Ukraine rejects giving up NATO membership as demanded.
    const line = (party: string, issue: string) =>
      draft.parties.find((p) => p.name === party)!.redLines.find((l) => "issue" in l && l.issue === issue) as {
        notIn?: (string | number)[];
      };
    expect(line("Russia", "Army cap").notIn).toEqual(["no cap"]);
    expect(line("Ukraine", "Army cap").notIn).not.toContain("no cap");
    expect(line("Ukraine", "NATO membership").notIn).toEqual(["as demanded"]);
    expect(draft.proposals.map((p) => p.name)).toEqual(expect.arrayContaining(["28-point plan", "20-point framework"]));
    expect(draft.proposals.map((p) => p.name)).not.toContain(expect.stringMatching(/^3-point/));
    // Lineage where the texts say one plan revises another ("Revised US-Backed Peace Plan … a 20-point U.S.
    // framework"); a term where the words give one of the issue's figures ("caps Ukraine's army at 600,000").
    expect(draft.proposals.find((p) => p.name === "20-point framework")!.derivedFrom).toBe("28-point plan");
    expect(draft.proposals.find((p) => p.name === "United States' proposal")!.outcome["Army cap"]).toBe("600000");
    expect(validateCitations(out, corpus).citations.length).toBeGreaterThan(20);
    // The YAML went to --out; the comparison is a report, on standard error.
    const c = JSON.parse(r.stderr);
    expect(c.recovered.parties.share).toBe(1);
    expect(c.recovered.redLines.found).toBeGreaterThanOrEqual(5);
    expect(c.recovered.all.share).toBeGreaterThanOrEqual(0.5);
    // Documents are found by where they are cited too: Horowitz's reading of Russia's "ideal deal".
    expect(c.proposals.found).toContain('Russia\'s "ideal deal" as analyst Horowitz reads it');
    // Four in five of the draft's own issues, plans and red lines are the hand-written scenario's too.
    for (const kind of ["issues", "proposals", "redLines"] as const)
      expect(c.precision[kind].share).toBeGreaterThanOrEqual(0.8);
    expect(c.citations.inCommon).toBeGreaterThan(0);
    // What the draft could not decide travels in the same report.
    expect(c.undecided).toContainEqual(expect.stringMatching(/proposal\(s\) drafted without terms: .*28-point plan/));
  });
});

describe("parley validate: bad citations and corpora", () => {
  const original = readFileSync(scenario, "utf8");
  const run = (text: string, dir = corpus) => {
    const f = join(tmp, `s${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, text);
    const r = spawnSync(process.execPath, [CLI, "validate", f, "--corpus", dir], { encoding: "utf8" });
    return { code: r.status, stderr: r.stderr, lines: r.stderr.trim().split("\n"), file: f, text };
  };
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a changed word is not tolerated; spacing and quote marks are", () => {
    const changed = run(
      original.replace(
        '"800,000": [{file: 000_5421cbf47a010d17.txt, exact: "this cap was suggested at 800,000 troops"}]',
        '"800,000": [{file: 000_5421cbf47a010d17.txt, exact: "this cap was proposed at 800,000 troops"}]',
      ),
    );
    expect(changed.code).toBe(2);
    expect(changed.lines).toHaveLength(1);
    expect(changed.lines[0]).toContain(`:${lineOf(changed.text, "this cap was proposed")}:`);
    expect(changed.lines[0]).toMatch(
      /issues\[1\]\.optionCites\["800,000"\]\[0\]: "this cap was proposed at 800,000 troops" does not occur in 000_5421cbf47a010d17\.txt/,
    );
    const loose = run(
      original
        .replaceAll('exact: "He demands a legally binding treaty"}', "exact: 'He  demands a legally   binding treaty'}")
        .replace("Putin refuses a mere ‘deal’", "Putin refuses a mere 'deal'"),
    );
    expect(loose.code).toBe(0);
  });
  it("an ambiguous snippet, a file not in the corpus, a corpus folder that does not exist", () => {
    const ambiguous = run(
      original.replace(
        '{file: 002_20543ffbdaedb161.txt, exact: "give up all of the partially occupied Donbass"}',
        '{file: 002_20543ffbdaedb161.txt, exact: "partially occupied Donbass"}',
      ),
    );
    expect(ambiguous.lines).toEqual([
      expect.stringMatching(
        /issues\[0\]\.cite\[0\]: "partially occupied Donbass" occurs 2 times in 002_20543ffbdaedb161\.txt — add a prefix or suffix/,
      ),
    ]);
    const file = run(original.replace("file: 002_20543ffbdaedb161.txt", "file: 005_missing.txt"));
    expect(file.lines).toEqual([
      expect.stringMatching(/issues\[0\]\.cite\[0\]: no file "005_missing\.txt" in the corpus/),
    ]);
    const dir = run(original, join(tmp, "no-such-corpus"));
    expect(dir.code).toBe(2);
    expect(dir.lines).toEqual([expect.stringMatching(/no-such-corpus: no such corpus folder/)]);
  });
  it("a red line on an author's words or a fear is refused with its words and their voices; the analyst's reason lets it stand", () => {
    const treaty = `      - label: a treaty, not a deal
        issue: Form
        in: [legally binding treaty]
        cite: [{file: 000_5421cbf47a010d17.txt, exact: "He demands a legally binding treaty"}]
`;
    const withLine = (line: string) =>
      original.replace(
        "    redLines:\n      - label: Donbas under Russian control",
        `    redLines:\n${line}      - label: Donbas under Russian control`,
      );
    const author = run(withLine(treaty));
    expect(author.code).toBe(2);
    expect(author.lines).toEqual([
      expect.stringMatching(
        /parties\[0\]\.redLines\[0\]: Russia's red line "a treaty, not a deal" rests on no words of Russia's own: “He demands a legally binding treaty” \(000_5421cbf47a010d17\.txt: the author\)/,
      ),
    ]);
    const fear = run(
      withLine(`      - label: no cap at all
        issue: Army cap
        in: [no cap]
        cite: [{file: 001_7f7215ec828ab598.txt, exact: "limiting troop size"}]
`),
    );
    expect(fear.lines[0]).toMatch(
      /rests on no words of Russia's own: “limiting troop size” \(001_7f7215ec828ab598\.txt: a fear or possibility\)/,
    );
    const kept = run(
      withLine(
        treaty.replace("        cite:", "        voiceOverride: Putin has said so in other interviews\n        cite:"),
      ),
    );
    expect(kept.code, kept.stderr).toBe(0);
  });

  it("a proposal naming an unknown issue, a red line over an unknown issue", () => {
    const issue = run(
      original.replace(
        'outcome: {Donbas: Ukraine withdraws, Army cap: "600,000"',
        'outcome: {Crimea: Ukraine withdraws, Army cap: "600,000"',
      ),
    );
    expect(issue.code).toBe(2);
    expect(issue.lines[0]).toMatch(/proposals\[0\]\.outcome\.Crimea: unknown issue "Crimea" — known issues: Donbas/);
    const line = run(
      original.replace(
        "      - label: recognition de jure\n        issue: Recognition",
        "      - label: recognition de jure\n        issue: Elections",
      ),
    );
    expect(line.lines[0]).toMatch(/parties\[0\]\.redLines\[3\]\.issue: unknown issue "Elections"/);
    expect(line.lines[0]).toContain(`:${lineOf(line.text, "issue: Elections")}:`);
  });
  it("a range with low above high, and a proposal naming an unknown option, name the field", () => {
    const range = run(original.replace("utility: [0.45, 0.6]", "utility: [0.6, 0.45]"));
    expect(range.lines[0]).toMatch(
      /parties\[0\]\.alternatives\[0\]\.utility: range must be \[low, high\] with low ≤ high/,
    );
    const option = run(original.replace('Army cap: "600,000", NATO', 'Army cap: "650,000", NATO'));
    expect(option.lines[0]).toMatch(
      /proposals\[0\]\.outcome\["Army cap"\]: "650,000" is not a value of issue "Army cap"/,
    );
  });
});
