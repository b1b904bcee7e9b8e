/**
 * One example per operation of the API, as the harbour case (invented names) answers (large answers cut to a few
 * fields and lists to their first items, which the example's summary says): the answer of the operation's success status and,
 * where it takes one, the request body. `withExamples` writes them into the OpenAPI document.
 */

interface OperationExample {
  readonly summary: string;
  readonly response?: unknown;
  readonly request?: unknown;
}

const DOCUMENT = {
  id: "69ff0fa3c9db49f328cd7a013f89b3ef8e197e14083f6b149a83b08dcd8b33e9",
  file: "000_5421cbf47a010d17.txt",
  format: "text",
  title: null,
  outlet: null,
  author: null,
  url: null,
  published: "2025-12-02",
  publishedSource: "batch",
  characters: 6155,
  name: "Novak does not seek a ‘deal’.",
};
const SCENARIO = {
  id: "harbour-2026-03",
  name: "Harbour talks, Valletta, March 2026",
  version: 1,
  updated: "2026-12-02T19:29:22.068Z",
};
const VERSION_1 = { caseId: "harbour-2026-03", version: 1, created: "2026-03-09T18:00:00.000Z", documents: 5 };
const VERSION_2 = { caseId: "harbour-2026-03", version: 2, created: "2026-03-10T09:00:00.000Z", documents: 8 };
const WORDS = {
  file: "news.example-gozo-fares.html",
  source: "Gozo signals it could accept a fare rise",
  text: "Gozo could accept a fare rise of 10 %",
};
const CHANGES = {
  documents: [
    {
      id: "4be1…",
      file: "news.example-gozo-fares.html",
      name: "Gozo signals it could accept a fare rise",
      url: "https://news.example/gozo-fares",
    },
  ],
  events: [
    {
      key: "met|2026-03-09|Valletta|Maria Vella|John Camilleri",
      kind: "met",
      when: "2026-03-09",
      where: "Valletta",
      who: "Maria Vella",
      whom: "John Camilleri",
      planned: false,
      words: { ...WORDS, text: "Maria Vella met John Camilleri in Valletta on Monday" },
    },
  ],
  statements: [{ speaker: "John Camilleri", party: "Gozo", kind: "direct", words: WORDS }],
  stances: [
    { party: "Gozo", issue: "Ferry fares", move: "softened", from: "red line", to: "acceptable", words: WORDS },
  ],
  redLines: [{ party: "Gozo", label: "Ferry fares: refuses", change: "softened", words: WORDS }],
  plans: [],
  contradictions: [],
  quarantined: [],
};
const STANCE_ITEM = {
  id: "stance:Gozo:Ferry fares",
  kind: "set-stance",
  summary: "Gozo's stance on Ferry fares: red line → acceptable",
  words: WORDS,
  ops: [
    { action: "set", path: ["parties", 1, "stances", "Ferry fares", "strength"], value: "acceptable" },
    {
      action: "add",
      path: ["parties", 1, "stances", "Ferry fares", "cite"],
      value: { file: WORDS.file, exact: WORDS.text },
    },
  ],
};

/** Said of an example that shows only some of the answer's fields, and lists cut to their first items. */
const CUT = "the harbour case (invented names); fields and lists cut";

export const EXAMPLES: Readonly<Record<string, OperationExample>> = {
  "get /api": {
    summary: "a workspace that opened the harbour case",
    response: {
      store: "sqlite",
      documents: 5,
      scenarios: ["harbour-2026-03"],
      queuedTasks: 0,
      case: "harbour-2026-03",
    },
  },
  "get /api/health": {
    summary: "an idle server, polled every 10 s",
    response: {
      status: "ok",
      eventLoopDelay: { p50: 0.02, p99: 0.41, max: 1.73, seconds: 10.01 },
      queuedTasks: 0,
    },
  },
  "get /api/documents": {
    summary: "the first document of five (?limit=1)",
    response: { total: 5, offset: 0, limit: 1, items: [DOCUMENT] },
  },
  "post /api/documents": {
    summary: "a pasted article, stored with its evidence",
    request: { name: "harbour-talks.txt", text: "Harbour talks end without a deal. …", date: "2025-12-04" },
    response: {
      documents: [
        {
          id: "5b1f…",
          file: "harbour-talks.txt",
          status: "stored",
          duplicateOf: null,
          counts: { quotes: 4, dates: 2, quantities: 1, claims: 3 },
        },
      ],
      warnings: [],
    },
  },
  "get /api/documents/{id}": {
    summary: `one document with its evidence (${CUT})`,
    response: {
      ...DOCUMENT,
      text: "Novak does not seek a ‘deal’. Her firm position is the demand for a binding treaty …",
      evidence: {
        quote: [],
        date: [{ start: 187, end: 197, text: "2 December", iso: "2025-12-02" }],
        quantity: [],
        claim: [],
        actor: [],
      },
    },
  },
  "patch /api/documents/{id}": {
    summary: "the analyst names a source",
    request: { title: "A treaty, not a deal", outlet: "Opinion desk" },
    response: {
      ...DOCUMENT,
      title: "A treaty, not a deal",
      outlet: "Opinion desk",
      name: "Opinion desk: A treaty, not a deal",
    },
  },
  "get /api/jobs/{id}": {
    summary: "an ingest past its request's budget, half done",
    response: {
      id: "job-3f2a…",
      kind: "ingest",
      status: "running",
      done: 150,
      total: 300,
      started: "2026-12-02T20:31:05.000Z",
      finished: null,
    },
  },
  "get /api/evidence": {
    summary: `the quotes a speaker's name finds (?speaker=Borg&part=quotes; ${CUT})`,
    response: {
      documents: 5,
      quotes: [
        {
          file: "001_7f7215ec828ab598.txt",
          start: 996,
          end: 1128,
          text: "the sides discussed “territorial issues” central to the dispute, reviewed a document with 12 points and several additional papers",
          kind: "reported",
          speaker: null,
          speakerCandidate: "Karl Borg",
          confidence: 0.774,
          resolvedBy: "name",
          cue: "said",
        },
      ],
    },
  },
  "get /api/scenarios": { summary: "the case's scenario", response: { items: [SCENARIO] } },
  "post /api/scenarios": {
    summary: "a scenario stored under a new id (the body is its YAML)",
    request: "name: River treaty\nissues:\n  - name: Water share\n    options: [40, 50, 60]\n…",
    response: { ...SCENARIO, id: "river-treaty", name: "River treaty" },
  },
  "get /api/scenarios/{id}": {
    summary: "the scenario as written (YAML text cut)",
    response: { ...SCENARIO, text: "name: Harbour talks, Valletta, March 2026\n…" },
  },
  "put /api/scenarios/{id}": {
    summary: 'version 1 replaced (If-Match: "v1")',
    request: "name: Harbour talks, Valletta, March 2026\n…",
    response: { ...SCENARIO, version: 2 },
  },
  "get /api/scenarios/{id}/versions": {
    summary: "every stored version",
    response: { items: [{ version: 1, name: SCENARIO.name, updated: SCENARIO.updated }] },
  },
  "get /api/scenarios/{id}/versions/{version}": {
    summary: "version 1 as written (YAML text cut)",
    response: { ...SCENARIO, text: "name: Harbour talks, Valletta, March 2026\n…" },
  },
  "get /api/scenarios/{id}/analysis": {
    summary: `the answer (${CUT})`,
    response: {
      scenario: SCENARIO.name,
      outcomes: "73728",
      parties: ["Ruritania", "Gozo", "Malta", "the Union"],
      reservations: [0.525, 0.375, 0.375, 0.375],
      zopa: { exists: false, size: 0 },
      explanation: {
        summary:
          'No zone of agreement: Ruritania\'s "the valley under its control" and Gozo\'s "no withdrawal from the valley" exclude each other; no weight, value or reservation number changes this.',
      },
    },
  },
  "get /api/scenarios/{id}/model": {
    summary: `the scenario as the analysis reads it (${CUT})`,
    response: {
      name: SCENARIO.name,
      issues: [
        {
          name: "Valley",
          description: "the part of the valley Gozo still holds",
          cite: [{ file: "002_20543ffbdaedb161.txt", exact: "give up all of the partially held valley" }],
        },
      ],
    },
  },
  "get /api/scenarios/{id}/utility-space": {
    summary: `Ruritania across, Gozo up (?a=0&b=1; ${CUT})`,
    response: {
      parties: ["Ruritania", "Gozo"],
      outcomes: 73728,
      sampled: false,
      bins: 50,
      counts: [0, 0, 0],
      allowed: [0, 0, 0],
      frontier: [
        [1, 0.059],
        [0.995, 0.098],
      ],
    },
  },
  "get /api/scenarios/{id}/validation": {
    summary: `every citation resolved (${CUT})`,
    response: {
      valid: true,
      problems: [],
      citations: [
        {
          field: "issues[0].cite[0]",
          file: "002_20543ffbdaedb161.txt",
          start: 1270,
          end: 1315,
          text: "give up all of the partially held valley",
        },
      ],
      assumptions: ["Ruritania: weight of Valley"],
    },
  },
  "get /api/scenarios/{id}/report": {
    summary: "the briefing as Markdown (cut)",
    response:
      "# Briefing: Harbour talks, Valletta, March 2026\n\n*As of 3 March 2026 · 5 source(s), 1 quarantined: …*\n",
  },
  "get /api/scenarios/{id}/simulations": {
    summary: "the simulations stored for the scenario",
    response: {
      items: [
        {
          id: "sim-f4a9690d52136f02",
          config: { protocol: "alternating", rounds: 20, seed: 1 },
          result: { agreement: false, ending: "deadline" },
          created: "2026-12-02T20:31:05.000Z",
        },
      ],
    },
  },
  "post /api/scenarios/{id}/simulations": {
    summary: `the default run: every party bound by its red lines (${CUT})`,
    request: { rounds: 20, seed: 1 },
    response: {
      id: "sim-f4a9690d52136f02",
      created: "2026-12-02T20:31:05.000Z",
      config: {
        protocol: "alternating",
        mediator: "shuttle",
        rounds: 20,
        seed: 1,
        agents: ["red-lines", "red-lines", "red-lines", "red-lines"],
      },
      result: {
        protocol: "alternating",
        parties: ["Ruritania", "Gozo", "Malta", "the Union"],
        agreement: false,
        outcome: null,
        redLinesCrossed: [],
        rounds: 20,
        ending: "deadline",
      },
    },
  },
  "post /api/tournaments": {
    summary: "two agents on the case, in the background",
    request: { scenarios: ["harbour-2026-03"], agents: ["boulware", "conceder"], repetitions: 5, rounds: 100 },
    response: {
      id: "t-5e0c…",
      kind: "tournament",
      status: "running",
      done: 0,
      total: 20,
      started: "2026-12-02T20:31:05.000Z",
      finished: null,
    },
  },
  "get /api/tournaments": {
    summary: "the stored tournaments",
    response: {
      items: [
        {
          id: "t-5e0c…",
          created: "2026-12-02T20:31:05.000Z",
          runs: 20,
          running: false,
          config: { agents: ["boulware", "conceder"], repetitions: 5 },
        },
      ],
    },
  },
  "get /api/agents": {
    summary: `the strategies a party can play (${CUT})`,
    response: {
      agents: [
        {
          name: "boulware",
          description: "holds out and concedes only near the deadline (boulware:E sets how late; E = 0.2)",
        },
      ],
      mediators: [{ name: "shuttle", description: "moves the text one issue towards each objecting party in turn" }],
    },
  },
  "get /api/tournaments/{id}": {
    summary: `a finished tournament's standings (${CUT})`,
    response: {
      id: "t-5e0c…",
      total: 20,
      runs: 20,
      complete: true,
      job: null,
      standings: [
        {
          agent: "boulware",
          meanUtility: 0.45,
          agreementRate: 0,
          withinRedLinesRate: 0,
          meanDistanceToFrontier: 0.31,
          meanDistanceToNash: 0.52,
          meanWelfare: 1.6,
          meanRounds: 100,
          runs: 10,
        },
      ],
    },
  },
  "get /api/tournaments/{id}/events": {
    summary: "progress, then the result",
    response: 'event: progress\ndata: {"done":10,"total":20}\n\nevent: done\ndata: {"id":"t-5e0c…"}\n\n',
  },
  "get /api/cases/{id}/versions": {
    summary: "the first version on opening the case, the second after a batch of three articles",
    response: { items: [VERSION_1, VERSION_2] },
  },
  "get /api/cases/{id}/changes": {
    summary: `the last batch's changes, and the edit it proposes; ${CUT}`,
    response: {
      caseId: "harbour-2026-03",
      from: VERSION_1,
      to: VERSION_2,
      versions: [VERSION_1, VERSION_2],
      changes: CHANGES,
      proposed: [STANCE_ITEM],
    },
  },
  "get /api/cases/{id}/changes/events": {
    summary: `a new version as a batch lands; ${CUT}`,
    response: 'event: version\ndata: {"version":{"caseId":"harbour-2026-03","version":2,…},"changes":{…}}\n\n',
  },
  "post /api/cases/{id}/changes/accept": {
    summary: "the moved stance accepted, the new plan rejected",
    request: { from: 1, to: 2, accept: ["stance:Gozo:Ferry fares"] },
    response: {
      applied: [STANCE_ITEM],
      rejected: [],
      version: 3,
      answer: {
        moved: true,
        zone: { before: { exists: false, size: null }, after: { exists: false, size: null } },
        collisions: { before: [], after: [] },
        concessions: { before: [], after: [] },
        plans: [
          {
            name: "Malta's 12-point plan",
            before: { acceptable: false, crossed: ["Gozo: no fare rise"], utilities: [0.62, 0.31] },
            after: { acceptable: false, crossed: [], utilities: [0.62, 0.31] },
          },
        ],
        said: ["Malta's 12-point plan no longer crosses Gozo: no fare rise (0 red line(s) still crossed)"],
      },
    },
  },
  "get /api/cases/{id}/feeds": {
    summary: "one feed, fetched a minute ago, unchanged since",
    response: {
      items: [
        {
          url: "https://news.example/harbour.rss",
          lastStatus: "not-modified",
          lastError: null,
          lastFetched: "2026-03-10T09:00:00.000Z",
          failures: 0,
          nextFetch: "2026-03-10T09:15:00.000Z",
          ttlMinutes: null,
        },
      ],
    },
  },
  "post /api/cases/{id}/follow": {
    summary: `a pass that stored three articles; ${CUT}`,
    response: {
      feeds: [
        {
          url: "https://news.example/harbour.rss",
          status: "ok",
          error: null,
          entries: 3,
          stored: 3,
          failed: [],
          failures: 0,
          nextFetch: "2026-03-10T09:15:00.000Z",
        },
      ],
      stored: 3,
      version: VERSION_2,
      changes: CHANGES,
    },
  },
  "post /api/cases/{id}/documents": {
    summary: `an article pushed with its address; ${CUT}`,
    request: {
      articles: [
        {
          text: "Gozo signals it could accept a fare rise …",
          url: "https://news.example/gozo-fares",
          date: "2026-03-10",
        },
      ],
    },
    response: { stored: 1, unchanged: 0, version: VERSION_2, changes: CHANGES },
  },
};

type Operation = {
  responses?: Record<string, { content?: Record<string, { examples?: unknown }> }>;
  requestBody?: { content?: Record<string, { examples?: unknown }> };
};

/** The OpenAPI document with each operation's example on its success answer and its request body. */
export function withExamples<T extends object>(doc: T): T {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const [path, ops] of Object.entries(paths))
    for (const [method, raw] of Object.entries(ops)) {
      const ex = EXAMPLES[`${method} ${path}`];
      const op = raw as Operation;
      if (!ex) continue;
      const success = Object.entries(op.responses ?? {}).find(([status]) => /^2/.test(status))?.[1];
      const first = success?.content && Object.values(success.content)[0];
      if (first && ex.response !== undefined) first.examples = { moscow: { summary: ex.summary, value: ex.response } };
      const body = op.requestBody?.content && Object.values(op.requestBody.content)[0];
      if (body && ex.request !== undefined) body.examples = { moscow: { summary: ex.summary, value: ex.request } };
    }
  return doc;
}
