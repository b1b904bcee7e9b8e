import type { z } from "zod";
import type { AnalysisReport, Cited as CitedSchema } from "../../src/contract/analysis-report.js";
import type { DocumentSummary as DocumentSummarySchema } from "../../src/contract/api.js";
import type { Accepted as AcceptedSchema, CaseChanges as CaseChangesSchema } from "../../src/contract/case-changes.js";
import type { EvidenceJson } from "../../src/contract/evidence.js";
import type { UtilitySpace } from "../../src/contract/utility-space.js";
import type { ScenarioSpec } from "../../src/model/schema.js";
// The web app's client of the workspace API. Every path it calls is listed in ENDPOINTS, which a
// test checks against the server's OpenAPI document; the types are the parts of the answers the
// views read.

export const ENDPOINTS = {
  workspace: "GET /api",
  documents: "GET /api/documents",
  upload: "POST /api/documents",
  document: "GET /api/documents/{id}",
  nameSource: "PATCH /api/documents/{id}",
  job: "GET /api/jobs/{id}",
  evidence: "GET /api/evidence",
  scenarios: "GET /api/scenarios",
  scenario: "GET /api/scenarios/{id}",
  replace: "PUT /api/scenarios/{id}",
  model: "GET /api/scenarios/{id}/model",
  analysis: "GET /api/scenarios/{id}/analysis",
  validation: "GET /api/scenarios/{id}/validation",
  space: "GET /api/scenarios/{id}/utility-space",
  simulate: "POST /api/scenarios/{id}/simulations",
  agents: "GET /api/agents",
  tournament: "POST /api/tournaments",
  tournamentEvents: "GET /api/tournaments/{id}/events",
  changes: "GET /api/cases/{id}/changes",
  changeEvents: "GET /api/cases/{id}/changes/events",
  acceptChanges: "POST /api/cases/{id}/changes/accept",
} as const;

export interface ProblemDetail {
  code: string;
  field?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: ProblemDetail[],
  ) {
    super(title);
  }
}

async function answer<T>(r: Response): Promise<T> {
  if (r.ok) return (await r.json()) as T;
  const p = (await r.json().catch(() => ({ title: r.statusText, errors: [] }))) as {
    title: string;
    errors?: ProblemDetail[];
  };
  throw new ApiProblem(r.status, p.title, p.errors ?? []);
}

const enc = encodeURIComponent;
export const get = <T>(path: string) => fetch(path).then((r) => answer<T>(r));

// The shapes the API answers with are the contract's (src/contract/), defined once for server and client.
export type Analysis = AnalysisReport;
export type Cited = CitedSchema;
export type Proposal = AnalysisReport["proposals"][number];

export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export interface Span {
  start: number;
  end: number;
  text: string;
  [k: string]: unknown;
}

export interface DocumentFull extends DocumentSummary {
  text: string;
  evidence: { quote: Span[]; date: Span[]; quantity: Span[]; claim: Span[]; actor: Span[] };
}

export type Quote = EvidenceJson["quotes"][number];
export type DateMention = EvidenceJson["dates"][number];
export type NegotiationEvent = EvidenceJson["events"][number];
export type Contradiction = EvidenceJson["contradictions"][number];

/** GET /api/evidence: the parts asked for (include=…), and how many documents the workspace holds. */
export type Evidence = { documents: number } & Partial<
  Pick<EvidenceJson, "quotes" | "dates" | "events" | "contradictions" | "reliability" | "claims" | "actors">
>;

export type Space = UtilitySpace;

/** What changed in a followed case between two of its model versions. */
export type CaseChanges = z.infer<typeof CaseChangesSchema>;
export type Accepted = z.infer<typeof AcceptedSchema>;

/** The scenario as data (GET …/model): the scenario schema's shape with its defaults filled in. */
export type Spec = ScenarioSpec;

export const api = {
  /** Every document, a page of 500 at a time. */
  documents: async () => {
    const items: DocumentSummary[] = [];
    for (let total = Infinity; items.length < total; ) {
      const page = await get<{ total: number; items: DocumentSummary[] }>(
        `/api/documents?offset=${items.length}&limit=500`,
      );
      total = page.total;
      if (!page.items.length) break;
      items.push(...page.items);
    }
    return { total: items.length, items };
  },
  document: (id: string) => get<DocumentFull>(`/api/documents/${enc(id)}`),
  evidence: (query = "") => get<Evidence>(`/api/evidence${query}`),
  workspace: () => get<{ case: string | null }>("/api"),
  /** What changed in a case: `query` is since=…, or from=…&to=…. */
  changes: (id: string, query: string) => get<CaseChanges>(`/api/cases/${enc(id)}/changes?${query}`),
  /** Accepts items of the proposed edit (by id) for the versions compared; the answer says whether the analysis moved. */
  accept: (id: string, body: { from?: number; to?: number; accept: string[] }) =>
    fetch(`/api/cases/${enc(id)}/changes/accept`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }).then((r) => answer<Accepted>(r)),
  /** The stream of a followed case's new versions (Server-Sent Events). */
  changeEvents: (id: string) => new EventSource(`/api/cases/${enc(id)}/changes/events`),
  scenarios: () => get<{ items: { id: string; name: string; version: number }[] }>("/api/scenarios"),
  scenarioText: (id: string) => get<{ text: string; version: number }>(`/api/scenarios/${enc(id)}`),
  model: (id: string) => get<Spec>(`/api/scenarios/${enc(id)}/model`),
  analysis: (id: string) => get<Analysis>(`/api/scenarios/${enc(id)}/analysis`),
  space: (id: string, a: number, b: number) => get<Space>(`/api/scenarios/${enc(id)}/utility-space?a=${a}&b=${b}`),
  agents: () =>
    get<{ agents: { name: string; description: string }[]; mediators: { name: string; description: string }[] }>(
      "/api/agents",
    ),
  job: (id: string) =>
    get<{ status: string; done: number; total: number; result?: unknown; error?: { title: string } }>(
      `/api/jobs/${enc(id)}`,
    ),
  /** Names a source as the analyst knows it ("" clears a field); every view and the briefing use the names. */
  nameSource: (id: string, body: { title: string; outlet: string; author: string }) =>
    fetch(`/api/documents/${enc(id)}`, {
      method: "PATCH",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }).then((r) => answer<DocumentSummary>(r)),
  /** Replaces version `from` of a scenario; a change saved meanwhile makes it a 412 problem, never a lost update. */
  replace: (id: string, text: string, from: number) =>
    fetch(`/api/scenarios/${enc(id)}`, {
      method: "PUT",
      body: text,
      headers: { "content-type": "application/yaml", "if-match": `"v${from}"` },
    }).then((r) => answer<{ version: number }>(r)),
  simulate: (id: string, body: { agents: string[]; protocol: string; rounds: number; seed: number }) =>
    fetch(`/api/scenarios/${enc(id)}/simulations`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }).then((r) => answer<{ id: string; result: Simulation }>(r)),
  tournament: (body: { scenarios: string[]; agents: string[]; repetitions: number; rounds: number }) =>
    fetch("/api/tournaments", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }).then((r) => answer<{ id: string; total: number }>(r)),
};

export interface Simulation {
  parties: string[];
  agents: string[];
  agreement: boolean;
  ending: string;
  rounds: number;
  utilities: number[];
  outcome: Record<string, string | number> | null;
  redLinesCrossed: { party: string; label: string }[];
  trace: { round: number; party: string; action: string; utilities: number[] | null }[];
}

/** Uploads articles (multipart field `file`), reporting the upload's progress; resolves with the server's answer (201 or a 202 job). */
export function upload(
  files: File[] | { name: string; text: string }[],
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  for (const f of files)
    form.append("file", f instanceof File ? f : new Blob([f.text], { type: "text/plain" }), f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as { title?: string; errors?: ProblemDetail[] };
      if (xhr.status >= 400) reject(new ApiProblem(xhr.status, body.title ?? xhr.statusText, body.errors ?? []));
      else resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("the upload failed: no answer from the server"));
    xhr.send(form);
  });
}
