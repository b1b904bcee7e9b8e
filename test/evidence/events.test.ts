import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvidenceJson } from "../../src/contract/evidence.js";
import { findDates } from "../../src/evidence/dates.js";
import { findEvents, mergeEvents } from "../../src/evidence/events.js";
import { findStatements } from "../../src/evidence/statements.js";
import { analyseText } from "../../src/evidence/text-analysis.js";
import { CLI, ROOT, SHARED } from "../domains.js";

const eventsOf = (file: string, text: string, published: string) => {
  const a = analyseText(text);
  return findEvents(file, a, findDates(file, a, published), findStatements(file, a));
};

describe("events: who did what to whom, when and where", () => {
  it("reads the doer, the place, the date as resolved, the passive's agent, and what is still to happen", () => {
    const [met, approved, vote] = eventsOf(
      "a.txt",
      "The Ruritanian foreign minister met the Harbour Board in Valletta on Tuesday. " +
        "The ferry agreement was approved by the Maltese cabinet on Wednesday. " +
        "Parliament is expected to ratify the agreement on 14 March.",
      "2025-03-06",
    );
    expect(met).toMatchObject({ kind: "met", planned: false });
    expect([met!.who?.text, met!.whom?.text, met!.where?.text, met!.when?.iso]).toEqual([
      "The Ruritanian foreign minister",
      "the Harbour Board",
      "Valletta",
      "2025-03-04",
    ]);
    expect(met!.when?.reference).toBe("2025-03-06");
    // Passive: the agent after "by" did it; the subject was done to.
    expect([approved!.kind, approved!.who?.text, approved!.whom?.text, approved!.when?.iso]).toEqual([
      "approved",
      "the Maltese cabinet",
      "The ferry agreement",
      "2025-03-05",
    ]);
    expect(vote).toMatchObject({ kind: "approved", planned: true });
  });

  it("a sentence that dates and places nothing is a stance, not an event; a bare year dates no act", () => {
    expect(eventsOf("a.txt", "The Harbour Board rejected the offer.", "2025-03-06")).toEqual([]);
    expect(eventsOf("a.txt", "The board has met the union many times in 2024.", "2025-03-06")).toEqual([]);
  });

  it("one act told by two sources is one event; their different dates are a dispute, a copy's never", () => {
    const one = eventsOf("one.txt", "Ruritania's envoy met President Novak in Valletta on 3 March 2025.", "2025-03-04");
    const two = eventsOf("two.txt", "On 4 March 2025 envoy Ruritania met Novak in Valletta.", "2025-03-05");
    const three = eventsOf("three.txt", "Novak met the envoy of Ruritania in Valletta on 3 March 2025.", "2025-03-05");
    const [event, ...rest] = mergeEvents([...one, ...two, ...three]);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ kind: "met", where: "Valletta", when: "2025-03-03", disputed: ["date"] });
    expect(event!.versions.map((v) => v.file)).toEqual(["one.txt", "two.txt", "three.txt"]);
    // The same two tellings, the second a copy of the first: one source, nothing disputed, not merged.
    expect(mergeEvents([...one, ...two], (f) => (f === "two.txt" ? "one.txt" : f))).toHaveLength(2);
  });
});

const evidence = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, "evidence", ...args, "--json"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as EvidenceJson;
};

describe("events of the real cases, each once with its sources", () => {
  it("Moscow: the Geneva and Miami rounds, then the Kremlin meeting of 2 December, told by four sources, one of which dates it the 3rd", () => {
    const ev = evidence(
      join(ROOT, "cases", "moscow-2025-12", "corpus"),
      "--case",
      join(ROOT, "cases", "moscow-2025-12"),
    );
    const meeting = ev.events.find((e) => e.kind === "met" && e.when === "2025-12-02");
    expect(meeting).toMatchObject({ disputed: ["date"] });
    expect(meeting!.where).toMatch(/^(?:Moscow|Kremlin)$/);
    expect(meeting!.versions.map((v) => v.who).join(" ")).toMatch(/Putin/);
    expect(new Set(meeting!.versions.map((v) => v.file)).size).toBeGreaterThanOrEqual(4);
    // The blog that dates it a day later is one of the tellings, its date kept as it gives it.
    expect(meeting!.versions.some((v) => v.file.includes("003_") && v.when?.iso === "2025-12-03")).toBe(true);
    // The rounds before it, in texts dated only by their batch: "November 23" and "November 30" take
    // the batch's year and say so; each date dates the talks it follows, not the arrival the sentence began with.
    const round = (day: string, where: string) =>
      ev.events.find((e) => e.kind === "met" && e.when === day && e.where === where);
    expect(round("2025-11-23", "Geneva")).toBeDefined();
    expect(round("2025-11-30", "Miami")).toBeDefined();
    expect(round("2025-11-23", "Geneva")!.versions[0]!.when).toMatchObject({
      yearFrom: "batch",
      resolvedAgainst: null,
    });
    // Events come in time order, undated last.
    const whens = ev.events.map((e) => e.when ?? "9999");
    expect(whens).toEqual([...whens].sort());
  }, 120_000);

  it("Gaza: Hamas's answer (3 October), the cabinet's approval (10 October), the release of the living hostages (13 October)", () => {
    const ev = evidence(join(SHARED, "corpus", "gaza-2025-10"));
    // Dated by the archive's file names, not by the 2023 attack the texts recall.
    expect(ev.documents.every((d) => d.publishedSource === "file name" && d.published!.startsWith("2025-10"))).toBe(
      true,
    );
    const on = (day: string, kind: string) => ev.events.filter((e) => e.when === day && e.kind === kind);
    expect(on("2025-10-03", "announced").map((e) => e.who)).toContain("Hamas");
    expect(
      on("2025-10-10", "approved")
        .map((e) => `${e.who} ${e.whom}`)
        .join(" | "),
    ).toMatch(/cabinet|government/);
    expect(on("2025-10-13", "released").map((e) => e.whom)).toContain("All 20 living hostages");
    // The 2023 attack the coverage recalls is on the timeline as what it is, not as news of October 2025.
    expect(ev.events.some((e) => e.when === "2023-10-07" && e.kind === "attacked")).toBe(true);
  }, 120_000);
});
