import { describe, expect, it } from "vitest";
import { CaseSnapshot } from "../../src/contract/case-changes.js";
import type { EvidenceJson } from "../../src/contract/evidence.js";
import { caseSnapshot } from "../../src/evidence/case-snapshot.js";
import type { ScenarioInput } from "../../src/model/schema.js";

// Only what a snapshot reads of the evidence: no documents, events, quotes or actors here.
const evidence = {
  documents: [],
  events: [],
  quotes: [],
  actors: [],
  contradictions: [],
  reliability: [],
} as unknown as EvidenceJson;

describe("a case's snapshot", () => {
  it("keeps a plan's term left open between options as its alternatives, within the contract", () => {
    const draft = {
      parties: [],
      issues: [],
      proposals: [
        {
          name: "12-point plan",
          outcome: { "Fleet cap": "40", Tolls: { oneOf: ["as demanded", "as refused"] } },
        },
      ],
    } as unknown as ScenarioInput;
    const snapshot = caseSnapshot(evidence, draft);
    expect(snapshot.plans[0]!.outcome).toEqual({ "Fleet cap": "40", Tolls: "as demanded or as refused" });
    expect(CaseSnapshot.safeParse(snapshot).success).toBe(true);
  });
});
