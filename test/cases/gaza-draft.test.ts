import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/formats/scenario-file.js";
import { validateCitations } from "../../src/ingest/validate-citations.js";
import { CLI, SHARED } from "../domains.js";

// A second negotiation, drafted with no case file at all: nothing in the code or the language data
// names its parties, so what the draft finds it reads from the texts.

const corpus = join(SHARED, "corpus", "gaza-2025-10");
const tmp = mkdtempSync(join(tmpdir(), "parley-gaza-"));

describe("parley draft on the Gaza coverage, with no case knowledge", () => {
  it("finds the principals and mediators from the texts: a body speaking for itself (Hamas), a leader by the title the texts give him (Israel), the plan's author, the countries called mediators", () => {
    const out = join(tmp, "draft.yaml");
    const r = spawnSync(process.execPath, [CLI, "draft", "--corpus", corpus, "--out", out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    // What it could not decide is said, not left for the analyst to discover.
    expect(r.stderr).toMatch(/draft leaves undecided: \d+ proposal\(s\) drafted without terms: Hamas's response/);
    expect(r.stderr).toMatch(/draft leaves undecided: \d+ party\(ies\) with no stance drafted .*Egypt/);
    const draft = loadScenarioFile(out).spec;
    const names = draft.parties.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Hamas", "Israel", "United States"]));
    // Netanyahu is Israel's because the texts call him "Israeli Prime Minister", not because a list says so.
    expect(draft.parties.find((p) => p.name === "Israel")!.description).toMatch(/Benjamin Netanyahu/);
    // Issues learned from what the parties contest (no topic list names them): the hostages among them.
    expect(draft.issues.map((i) => i.name)).toContain("Hostage");
    const hostage = draft.issues.find((i) => i.name === "Hostage")!;
    expect(hostage.cite!.length).toBeGreaterThan(0);
    // Red lines from each party's own words, with their polarity, on what the refusal or demand is of:
    // Hamas refuses to lay down its weapons as demanded (the Palestinian state its sentence names after is
    // no red line of Hamas); Israel demands it (Hamas "rejected Israel's demands that it give up its
    // weapons"): the two collide; Israel rules out the Palestinian state ("Netanyahu says will never happen").
    const hamas = draft.parties.find((p) => p.name === "Hamas")!;
    const israel = draft.parties.find((p) => p.name === "Israel")!;
    expect(hamas.redLines).toContainEqual(expect.objectContaining({ issue: "Weapon", notIn: ["as demanded"] }));
    expect(hamas.redLines).not.toContainEqual(expect.objectContaining({ issue: "Palestinian state" }));
    expect(israel.redLines).toContainEqual(expect.objectContaining({ issue: "Weapon", notIn: ["as refused"] }));
    expect(israel.redLines).toContainEqual(
      expect.objectContaining({ issue: "Palestinian state", notIn: ["as demanded"] }),
    );
    // "insisting it would play no role in governing the territory": a demand for no role refuses the role.
    expect(israel.redLines).toContainEqual(expect.objectContaining({ issue: "Future role", notIn: ["as demanded"] }));
    // "The official also stressed that 'aid will not pass through the Rafah crossing'": the official is the
    // one named just before ("an official from Israeli military body Cogat"), so the refusal is Israel's.
    expect(israel.redLines).toContainEqual(expect.objectContaining({ issue: "Aid", notIn: ["as demanded"] }));
    // "“As long as there's occupation, all forms of resistance are legitimate,” insists Taha al-Nounou, a Hamas
    // official": his role names the body he speaks for, and the condition opening his words holds what follows it.
    expect(hamas.redLines).toContainEqual(expect.objectContaining({ issue: "Resistance", notIn: ["as refused"] }));
    // "will not occupy or annex Gaza" and "will not allow the annexation of the West Bank": one issue.
    expect(draft.issues.map((i) => i.name).filter((n) => /^annex/i.test(n))).toEqual(["Annexation"]);
    // The troops withdrawn and the line they withdraw to are the withdrawal, not issues of their own.
    expect(draft.issues.map((i) => i.name)).toContain("Military withdrawal");
    expect(draft.issues.map((i) => i.name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(Line|Troop|Israeli troop)$/)]),
    );
    // "Israel must withdraw its troops" is a demand made of Israel, not Israel's red line.
    expect(israel.redLines.map((l) => ("label" in l ? l.label : ""))).not.toContain(
      expect.stringMatching(/must withdraw/),
    );
    // Every drafted item says how sure the draft is of it, and why.
    for (const item of [...draft.issues, ...draft.parties, ...draft.proposals, ...hamas.redLines])
      expect(item.confidence?.reason, "name" in item ? item.name : "").toMatch(/\w/);
    // The figures the sources give differently are disputes, every side cited: 1,950 or 2,000 prisoners.
    const prisoners = draft.disputes!.find((d) => d.subject === "prisoner · number")!;
    expect(prisoners.sides.map((s) => s.value)).toEqual([1950, 2000]);
    // The mediators, from the sentences that call them so ("mediators from Egypt, Qatar, and Turkey").
    for (const m of ["Egypt", "Qatar", "Turkey"])
      expect(draft.parties.find((p) => p.name === m)).toMatchObject({ role: "mediator" });
    // A leader quoted welcoming the deal and urging the parties on, with no stance on anything negotiated, observes.
    expect(draft.parties.find((x) => x.name === "Australia")).toMatchObject({ role: "observer" });
    for (const p of ["Hamas", "Israel", "United States"])
      expect(draft.parties.find((x) => x.name === p)).toMatchObject({ role: "principal" });
    // Plans and documents: the numbered plan, a party's own answer to it, a titled declaration.
    expect(draft.proposals.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "20-point plan",
        "Hamas's response",
        // A document named by who issued it ("a map distributed by the White House"), and a titled statement.
        "United States' map",
        expect.stringMatching(/^Joint Statement by the Foreign Ministers/),
        expect.stringMatching(/Declaration for/),
      ]),
    );
    // One plan whatever the texts call it ("20-point plan", "20-point framework"), with the terms the
    // sentences naming it state, each cited: "a key point in Trump's plan requires the group to disarm".
    // Which way a term goes is left open (`oneOf` the placeholders) where the words give no figure.
    const plan = draft.proposals.find((p) => p.name === "20-point plan")!;
    expect(draft.proposals.map((p) => p.name)).not.toContain("20-point framework");
    expect(plan.outcome.Disarmament).toEqual({ oneOf: ["as demanded", "as refused"] });
    expect(plan.citeTerms!.Disarmament![0]!.exact).toMatch(/requires the group to disarm/);
    expect(plan.confidence!.reason).toMatch(
      /named by its number of points in \d+ source\(s\); terms stated on .*Disarmament/,
    );
    // No pronoun, reporting noun or commentator is a party.
    for (const n of names) expect(n).not.toMatch(/^(It|They|Reports|Experts|The |Analysts?)\b/);
    // Every citation of the draft resolves to its words in the texts (an unresolvable one throws).
    const v = validateCitations(out, corpus);
    expect(v.citations.length).toBeGreaterThan(5);
    for (const c of v.citations) expect(readFileSync(join(corpus, c.file), "utf8").slice(c.start, c.end)).toBe(c.text);
  }, 120_000);

  it.skipIf(!existsSync("/usr/bin/chromium"))(
    "briefs the drafted model in a two-page core too: the gap, the plans, the watch list and both charts",
    async () => {
      const out = join(tmp, "draft.yaml");
      if (!existsSync(out))
        spawnSync(process.execPath, [CLI, "draft", "--corpus", corpus, "--out", out], { encoding: "utf8" });
      const pdf = join(tmp, "briefing.pdf");
      const r = spawnSync(process.execPath, [CLI, "report", out, "--corpus", corpus, "--out", pdf], {
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)) }).promise;
      const outline = await doc.getOutline();
      const annex = outline.find((o) => o.title === "Annex")!;
      const dest = typeof annex.dest === "string" ? await doc.getDestination(annex.dest) : annex.dest;
      expect(await doc.getPageIndex(dest![0] as { num: number; gen: number })).toBeLessThanOrEqual(2);
      const core = outline[0]!.items.map((o) => o.title);
      expect(core).toEqual(
        expect.arrayContaining(["Bottom line", "Plan history", "The gap and what would close it", "The picture"]),
      );
      expect(outline[0]!.items.find((o) => o.title === "The picture")!.items).toHaveLength(2);
      // Sources by the names the texts give them, with the dates of the coverage.
      const first = (await (await doc.getPage(1)).getTextContent()).items
        .map((i) => ("str" in i ? i.str : ""))
        .join(" ");
      expect(first).toMatch(/As of 16 October 2025 · 12 source\(s\)/);
    },
    120_000,
  );
});
