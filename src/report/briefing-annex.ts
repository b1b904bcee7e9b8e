import type { BriefingInput } from "../contract/briefing-input.js";
import { formatPath } from "../errors.js";
import { baseName } from "../model/base-name.js";
import { ellipsis } from "../model/ellipsis.js";
import type { Block, Cite, Inline, Section } from "./briefing-document.js";
import type { BriefingNotes } from "./briefing-notes.js";
import { concessionChanges } from "./concession-changes.js";
import { contestedSides } from "./contested-sides.js";
import { eventSummary } from "./event-summary.js";
import { fieldCitations } from "./field-citations.js";
import { quarantinedFiles } from "./trusted-sources.js";
import { whoSaidWhat } from "./who-said-what.js";
import { zoneSize } from "./zone-size.js";

const fixed = (x: number) => x.toFixed(2);
const show = (v: unknown) =>
  typeof v === "number"
    ? v.toLocaleString("en-US")
    : typeof v === "object" && v && "oneOf" in v
      ? (v as { oneOf: unknown[] }).oneOf.join(" or ")
      : String(v);
/** How many speakers, and how many of each one's words, the annex's who-said-what lists. */
const WHO_SAID_WHAT_PEOPLE = 16;
const WORDS_PER_SPEAKER = 4;
/** The window of the timeline: the 120 days up to the latest date mentioned. */
const WINDOW_DAYS = 120;

/**
 * The briefing's annex, after the two-page core: the timeline, who said what, where the sources
 * disagree, the model with its citations, the plan versions term by term, the analysis, what else
 * the texts say, every source with its standing, and the method.
 */
export function briefingAnnex({ analysis: a, spec, evidence }: BriefingInput, notes: BriefingNotes): Section[] {
  const note = (c: Cite): Inline => notes.note(c);
  const cites = (field: string, list = false): Inline[] => fieldCitations(a.citations, field, list).map(note);
  const partyIndex = (name: string) => spec.parties.findIndex((p) => p.name === name);
  const sections: Section[] = [];

  // Timeline: what happened, each event once with its sources; a date the sources dispute says so.
  const quarantined = quarantinedFiles(a);
  const dated = evidence.events.filter(
    (e): e is typeof e & { when: string } => !!e.when && /^\d{4}-\d{2}-\d{2}/.test(e.when),
  );
  const latest = Math.max(0, ...dated.map((e) => Date.parse(e.when)));
  const recent = dated.filter((e) => Date.parse(e.when) >= latest - WINDOW_DAYS * 86_400_000);
  const dateConflicts = evidence.contradictions.filter((c) =>
    c.sides.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(String(s.value))),
  );
  const timeline: Block[] = [];
  if (dateConflicts.length)
    timeline.push({
      list: dateConflicts.map((c) => [
        { strong: "Conflicting dates" },
        ` for ${c.subject}: `,
        ...c.sides.flatMap((s, j) => [
          j ? " vs " : "",
          String(s.value),
          ...s.spans.slice(0, 1).map((w) => note({ file: w.file, text: w.text ?? "" })),
        ]),
      ]),
    });
  timeline.push(
    recent.length
      ? {
          table: {
            head: ["day", "what happened", "told by"],
            rows: recent.map((e) => [
              [e.when.slice(0, 10), ...(e.disputed.includes("date") ? [" (sources differ)"] : [])],
              // What only quarantined sources tell is unverified.
              [
                eventSummary(e),
                ...(e.versions.every((v) => quarantined.has(baseName(v.file)))
                  ? [" (unverified: only a quarantined source)"]
                  : []),
              ],
              [
                `${new Set(e.versions.map((v) => v.file)).size} source(s)`,
                ...e.versions.slice(0, 3).map((v) => note({ file: v.file, text: v.text })),
              ],
            ]),
          },
        }
      : { p: ["No event the texts date."] },
  );
  sections.push({ title: `Timeline (the ${WINDOW_DAYS} days up to the latest event)`, blocks: timeline });

  // Who said what: the principals' people first; the likeliest speaker's words marked unconfirmed.
  const speakers = whoSaidWhat(evidence, spec).slice(0, WHO_SAID_WHAT_PEOPLE);
  const words = (q: (typeof evidence.quotes)[number], sure: boolean): Inline[] => [
    q.kind === "reported" ? `reported: ${ellipsis(q.text, 240)}` : `“${ellipsis(q.text, 240)}”`,
    q.relayedBy ? ` (relayed by ${q.relayedBy})` : "",
    sure ? "" : ` (unconfirmed, ${fixed(q.confidence)})`,
    q.cappedFrom ? ` (cut: the quotation ran on for ${q.cappedFrom.toLocaleString("en-US")} characters)` : "",
    quarantined.has(baseName(q.file)) ? " (quarantined source)" : "",
    notes.note(q, true),
  ];
  sections.push({
    title: "Who said what",
    blocks: speakers.length
      ? [
          {
            p: [
              `${evidence.quotes.filter((q) => q.speaker).length} of ${evidence.quotes.length} quotes have a speaker the attribution model is confident of; the others are listed under their likeliest speaker, marked unconfirmed with the model's confidence. Paraphrases (the author's words for what someone said) are not listed.`,
            ],
          },
          {
            list: speakers.map((s) => [
              { strong: s.who },
              s.party && s.party !== s.who ? ` (${s.party})` : "",
              ": ",
              ...[...s.confirmed.map((q) => [q, true] as const), ...s.unconfirmed.map((q) => [q, false] as const)]
                .slice(0, WORDS_PER_SPEAKER)
                .flatMap(([q, sure], k) => [k ? "; " : "", ...words(q, sure)]),
            ]),
          },
        ]
      : [{ p: ["No quote has a speaker, confirmed or likely."] }],
  });

  // Contradictions.
  const facts = a.contestedFacts ?? [];
  sections.push({
    title: "Where the sources disagree",
    blocks: facts.length
      ? [
          {
            list: facts.map((f) => [
              { strong: f.subject },
              ": ",
              ...contestedSides(f, spec.disputes ?? [], a.citations ?? [], evidence.contradictions).flatMap((s, j) => [
                j ? " / " : "",
                show(s.value),
                ...s.words.slice(0, 2).map((w) => note({ file: w.file, text: w.text })),
              ]),
              ` — ${f.changesAnswers ? "changes the answers" : `changes no answer${f.why ? ` (${f.why})` : ""}`}.`,
            ]),
          },
        ]
      : [{ p: ["The sources do not contradict each other on any fact found."] }],
  });

  // The model, cited.
  const model: Block[] = [
    {
      list: spec.parties.map((p, i) => {
        const lines = p.redLines ?? [];
        return [
          { strong: p.name },
          p.role ? ` (${p.role})` : "",
          ...cites(`parties[${i}]`),
          lines.length ? " — red lines: " : " — no red line stated",
          ...lines.flatMap((l, k) => [k ? "; " : "", `“${l.label}”`, ...cites(`parties[${i}].redLines[${k}]`)]),
        ];
      }),
    },
  ];
  const st = a.stances;
  if (st)
    model.push({
      table: {
        head: ["issue", ...st.parties],
        rows: st.issues.map((issue, i) => [
          [issue],
          ...st.parties.map((p, j) => {
            const c = st.cells[j]?.[i];
            if (!c) return ["—"];
            return [
              `${c.strength}${c.toward?.length ? `: ${c.toward.map(show).join(", ")}` : ""}`,
              ...(c.cited ? cites(formatPath(["parties", partyIndex(p), "stances", issue])) : [" (assumed)"]),
            ];
          }),
        ]),
      },
    });
  sections.push({ title: "The model", blocks: model });

  // Plan versions.
  sections.push({
    title: "Plan versions, term by term",
    blocks: [
      {
        table: {
          head: ["issue", ...spec.proposals.map((p) => p.name)],
          rows: [
            ...spec.issues.map((issue) => [
              [issue.name],
              ...spec.proposals.map((p, k) =>
                p.outcome[issue.name] === undefined
                  ? ["not stated"]
                  : [
                      show(p.outcome[issue.name]),
                      ...cites(formatPath(["proposals", k, "citeTerms", issue.name]), true),
                    ],
              ),
            ]),
            [
              ["utilities"],
              // A range where the plan leaves issues open; nothing where no source states its terms.
              ...a.proposals.map((p) => [
                p.stated === 0
                  ? "no terms stated"
                  : a.parties
                      .map((n, i) => {
                        const r = p.utilityRanges?.[i];
                        return `${n} ${r ? `${fixed(r[0])}–${fixed(r[1])}` : fixed(p.utilities[i] ?? 0)}`;
                      })
                      .join(", "),
              ]),
            ],
            [
              ["red lines crossed"],
              ...a.proposals.map((p) => [
                p.redLinesCrossed
                  .filter((x) => x.status !== "open")
                  .map((x) => `${x.party}: ${x.label}`)
                  .join("; ") || "none definite",
              ]),
            ],
          ],
        },
      },
      {
        p: [
          "Utilities run from 0 (the party's worst outcome) to 1 (its best). A red line a plan crosses only through terms it leaves open is not listed as crossed.",
        ],
      },
    ],
  });

  // Analysis.
  const analysis: Block[] = [];
  analysis.push({
    p: [
      `${Number(a.outcomes).toLocaleString("en-US")} outcomes. `,
      a.zopa.exists ? `The zone of agreement holds ${zoneSize(a)}.` : "No outcome is acceptable to every party.",
    ],
  });
  if (a.robustness?.zopaRate !== undefined)
    analysis.push({
      p: [
        `Over ${a.robustness.samples ?? 0} draws of the uncertain numbers a zone exists in ${(a.robustness.zopaRate * 100).toFixed(1)} %; plans acceptable to all: ${(a.robustness.proposals ?? []).map((p) => `${p.name} ${(p.acceptableRate * 100).toFixed(0)} %`).join(", ")}.`,
      ],
    });
  if (a.concessions.length)
    analysis.push({
      list: a.concessions.slice(0, 6).map((c) => [
        concessionChanges(c)
          .map((x) => `${x.party} ${x.change}${x.redLine ? ` (relaxing “${x.redLine}”)` : ""}`)
          .join("; "),
        ` — size ${fixed(c.size)}`,
      ]),
      ordered: true,
    });
  sections.push({ title: "Analysis", blocks: analysis });

  // What the texts say beside the model, each with its words.
  if (spec.notes?.length)
    sections.push({
      title: "Also in the texts",
      blocks: [
        {
          list: spec.notes.map((n, i) => [`${n.subject}: ${n.text.trim()}`, ...cites(`notes[${i}]`)]),
        },
      ],
    });

  // Every source with what is known of it and how far it is trusted.
  const standing = new Map(evidence.reliability.map((r) => [baseName(r.file), r]));
  sections.push({
    title: "Sources",
    blocks: [
      {
        table: {
          head: ["source", "outlet, author", "date", "kind", "reliability"],
          rows: evidence.documents
            .filter((d) => !d.duplicateOf)
            .map((d) => {
              const r = standing.get(baseName(d.file));
              return [
                [d.name],
                [[d.outlet, d.author].filter(Boolean).join(", ") || "not stated"],
                [d.published ? `${d.published}${d.publishedSource === "batch" ? " (the batch's)" : ""}` : "undated"],
                [r?.kind ?? "—"],
                [
                  r
                    ? `${fixed(r.score)}${r.quarantined ? ` — quarantined: ${r.quarantineReason ?? ""}${r.findings.length ? ` (${r.findings.join("; ")})` : ""}` : ""}`
                    : "—",
                ],
              ];
            }),
        },
      },
    ],
  });

  // Assumptions and method.
  sections.push({
    title: "Assumptions and method",
    blocks: [
      {
        p: [
          `${a.citations?.length ?? 0} citation(s) tie the model to the texts; ${a.assumptions?.length ?? 0} number(s) or term(s) are assumptions no citation supports (mostly the parties' weights and values, which are the analyst's estimates).`,
        ],
      },
      // What rests on a weak or single source, counted by party or plan: the full list is the analysis report's.
      ...((a.weakFields?.length ?? 0) ? [{ p: [weakSummary(a.weakFields!)] }] : []),
      {
        p: [
          "Each party's utility is a weighted sum of its values per issue (0 to 1); a red line excludes outcomes outright. The zone of agreement is the set of outcomes every party prefers to its reservation and that crosses no red line; concessions are the smallest changes (share of each issue's range, or a red line relaxed) that would open one. Sources are scored for reliability from their kind, corroboration, hedging, named sourcing and what each says against itself (acts after its own date, one figure given two ways, garbled names); a source saying two such things is quarantined. Every quotation above is the texts' own words.",
        ],
      },
    ],
  });
  return sections;
}

/** "97 fields rest on a weak or a single source: Ruritania 30, Gozo 20, …" — by who or what they belong to. */
function weakSummary(fields: readonly { field: string }[]): string {
  const by = new Map<string, number>();
  for (const f of fields) {
    const owner = f.field.startsWith("sequence ")
      ? "sequencing"
      : f.field.startsWith("note on ")
        ? "notes"
        : (/^(?:issue )?([^:(]+?)(?::| \()/.exec(f.field)?.[1]?.trim() ?? "other");
    by.set(owner, (by.get(owner) ?? 0) + 1);
  }
  const parts = [...by].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`);
  return `${fields.length} field(s) rest on a weak or a single source — ${parts.join(", ")}; the analysis report (parley analyze --corpus) lists each with its source.`;
}
