import type { BriefingInput } from "../contract/briefing-input.js";
import { formatPath } from "../errors.js";
import { baseName } from "../model/base-name.js";
import { concessionChanges } from "./concession-changes.js";
import { contestedSides } from "./contested-sides.js";
import { eventSummary } from "./event-summary.js";
import { fieldCitations } from "./field-citations.js";

/**
 * The briefing on a scenario as a document model: bottom line first, then the timeline, who said
 * what, where the sources disagree, the model with its citations as footnotes (quote, source,
 * date), the plan versions side by side, the analysis with its chart, assumptions and method.
 * Markdown and HTML are written from it (briefing-markdown.ts, briefing-html.ts).
 */

export interface Cite {
  readonly field?: string;
  readonly file: string;
  readonly start?: number;
  readonly end?: number;
  readonly text: string;
  readonly source?: { readonly kind: string; readonly score: number } | undefined;
}

export type { BriefingInput };

export type Inline = string | { readonly note: number } | { readonly strong: string };
export type Block =
  | { readonly p: Inline[] }
  | { readonly list: Inline[][]; readonly ordered?: boolean }
  | { readonly table: { readonly head: string[]; readonly rows: Inline[][][] } }
  | { readonly figure: { readonly svg: string; readonly caption: string } };
export interface Section {
  readonly title: string;
  readonly blocks: Block[];
}
export interface Briefing {
  readonly title: string;
  readonly sections: Section[];
  /** Footnotes: the exact words, their source, its kind and reliability, its date. */
  readonly notes: string[];
}

const fixed = (x: number) => x.toFixed(2);
const show = (v: unknown) =>
  typeof v === "number"
    ? v.toLocaleString("en-US")
    : typeof v === "object" && v && "oneOf" in v
      ? (v as { oneOf: unknown[] }).oneOf.join(" or ")
      : String(v);
/** The window of the timeline: the 120 days up to the latest date mentioned. */
const WINDOW_DAYS = 120;

export function buildBriefing({ analysis: a, spec, evidence, chart }: BriefingInput): Briefing {
  const notes: string[] = [];
  const published = new Map(evidence.documents.map((d) => [baseName(d.file), d.published]));
  // Sources by name (their title, else their first words), never by file name.
  const named = new Map(evidence.documents.map((d) => [baseName(d.file), d.name]));
  const nameOf = (file: string) => named.get(baseName(file)) ?? baseName(file);
  const note = (c: Cite): Inline => {
    const date = published.get(baseName(c.file));
    const label = `“${c.text}” — ${nameOf(c.file)}${c.source ? ` (${c.source.kind}, reliability ${fixed(c.source.score)})` : ""}, ${date ?? "undated"}`;
    let i = notes.indexOf(label);
    if (i < 0) i = notes.push(label) - 1;
    return { note: i + 1 };
  };
  const cites = (field: string, list = false): Inline[] => fieldCitations(a.citations, field, list).map(note);
  const partyIndex = (name: string) => spec.parties.findIndex((p) => p.name === name);
  const redLineCites = (party: string, label: string) => {
    const p = partyIndex(party);
    const l = spec.parties[p]?.redLines?.findIndex((r) => r.label === label) ?? -1;
    return cites(`parties[${p}].redLines[${l}]`);
  };
  const sections: Section[] = [];

  // 1. Bottom line up front.
  // The verdict once, in bold, then why (the summary without its own restatement of the verdict).
  const summary = (a.explanation?.summary ?? "").replace(
    /^(?:No zone of agreement|A zone of agreement exists)[^:]*:\s*/,
    "",
  );
  const bottom: Block[] = [
    {
      p: [
        { strong: a.zopa.exists ? "There is a zone of agreement." : "There is no zone of agreement." },
        ...(summary ? [" ", summary.charAt(0).toUpperCase() + summary.slice(1)] : []),
      ],
    },
  ];
  // Every collision that blocks a deal; a single one is `collidingRedLines` alone.
  const collisions =
    a.explanation?.collisions ?? (a.explanation?.collidingRedLines ? [a.explanation.collidingRedLines] : []);
  if (collisions.length)
    bottom.push(
      { p: ["What blocks it:"] },
      {
        list: collisions.map((c) =>
          c.flatMap((l, j) => [
            j ? " ✕ " : "",
            { strong: l.party },
            `: “${l.label}”`,
            ...redLineCites(l.party, l.label),
          ]),
        ),
      },
    );
  if (a.concessions.length)
    bottom.push(
      { p: ["The smallest concessions that would open a deal:"] },
      {
        list: a.concessions.slice(0, 3).map((c) => [
          concessionChanges(c)
            .map((x) => `${x.party} ${x.change}`)
            .join("; "),
          ` (size ${fixed(c.size)})`,
        ]),
        ordered: true,
      },
    );
  sections.push({ title: "Bottom line", blocks: bottom });

  // 2. Timeline: what happened, each event once with its sources; a date the sources dispute says so.
  const quarantined = new Set((a.quarantine ?? []).map((q) => baseName(q.file)));
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

  // 3. Who said what: confident attributions only.
  const bySpeaker = new Map<string, typeof evidence.quotes>();
  for (const q of evidence.quotes) if (q.speaker) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
  const speakers = [...bySpeaker].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]));
  sections.push({
    title: "Who said what",
    blocks: speakers.length
      ? [
          {
            p: [
              `Quotes whose speaker the attribution model is confident of (${evidence.quotes.filter((q) => q.speaker).length} of ${evidence.quotes.length}); the others are left unattributed rather than guessed.`,
            ],
          },
          {
            list: speakers.map(([who, qs]) => [
              { strong: who },
              ": ",
              ...qs.slice(0, 4).flatMap((q, k) => [k ? "; " : "", `“${q.text}”`, note({ file: q.file, text: q.text })]),
            ]),
          },
        ]
      : [{ p: ["No quote is attributed with confidence."] }],
  });

  // 4. Contradictions.
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

  // 5. The model, cited.
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

  // 6. Plan versions.
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

  // 7. Analysis.
  const analysis: Block[] = [];
  if (chart) analysis.push({ figure: chart });
  analysis.push({
    p: [
      `${Number(a.outcomes).toLocaleString("en-US")} outcomes. `,
      a.zopa.exists
        ? `The zone of agreement holds ${(Number(a.zopa.size ?? 0) * 100).toFixed(2)} % of them.`
        : "No outcome is acceptable to every party.",
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

  // 8. Assumptions and method.
  sections.push({
    title: "Assumptions and method",
    blocks: [
      {
        p: [
          `${a.citations?.length ?? 0} citation(s) tie the model to the texts; ${a.assumptions?.length ?? 0} number(s) or term(s) are assumptions no citation supports (mostly the parties' weights and values, which are the analyst's estimates).`,
        ],
      },
      // A quarantined source is named with why, before anything rests on weak ones.
      ...(a.quarantine ?? []).map((q) => ({
        p: [
          `Quarantined: ${nameOf(q.file)} — ${q.reason}${q.findings.length ? ` (${q.findings.join("; ")})` : ""}. What only it says is left out of the model as unverified${q.alongside.length ? `; it is also cited by ${q.alongside.join("; ")}` : ""}.`,
        ],
      })),
      // What rests on a weak or single source, counted by party or plan: the full list is the analysis report's.
      ...((a.weakFields?.length ?? 0) ? [{ p: [weakSummary(a.weakFields!)] }] : []),
      {
        p: [
          "Each party's utility is a weighted sum of its values per issue (0 to 1); a red line excludes outcomes outright. The zone of agreement is the set of outcomes every party prefers to its reservation and that crosses no red line; concessions are the smallest changes (share of each issue's range, or a red line relaxed) that would open one. Sources are scored for reliability from their kind, corroboration, hedging, named sourcing and what each says against itself (acts after its own date, one figure given two ways, garbled names); a source saying two such things is quarantined. Every quotation above is the texts' own words.",
        ],
      },
    ],
  });
  return { title: a.scenario, sections, notes };
}

/** Inline parts with each run of adjacent notes as one group ("[1, 2]", never "¹²" run together). */
export function groupNotes(xs: readonly Inline[]): (Inline | { notes: number[] })[] {
  const out: (Inline | { notes: number[] })[] = [];
  for (const x of xs) {
    const last = out.at(-1);
    if (typeof x !== "string" && "note" in x) {
      if (last && typeof last !== "string" && "notes" in last) last.notes.push(x.note);
      else out.push({ notes: [x.note] });
    } else out.push(x);
  }
  return out;
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
