import type { BriefingInput } from "../contract/briefing-input.js";
import { likelySpeaker } from "../evidence/likely-speaker.js";
import { baseName } from "../model/base-name.js";
import { descriptionSurnames } from "../model/description-surnames.js";
import { ellipsis } from "../model/ellipsis.js";
import type { Block, Inline, Section } from "./briefing-document.js";
import type { BriefingNotes } from "./briefing-notes.js";
import { concessionChanges } from "./concession-changes.js";
import { eventSummary } from "./event-summary.js";
import { fieldCitations } from "./field-citations.js";
import { humanDate } from "./human-date.js";
import { planHistory } from "./plan-history.js";
import { possessive } from "./possessive.js";
import { latestTrustedDate, quarantinedFiles } from "./trusted-sources.js";
import { zoneSize } from "./zone-size.js";

const fixed = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)} %`;
/** Sources below this reliability are named in the warnings. */
const WEAK_BELOW = 0.5;
/** A quote longer than this is cut (with "…") in the core; the annex has it whole. */
const QUOTE_CHARS = 280;
/** A quote shorter than this says too little to stand for a side. */
const QUOTE_MIN = 40;

const cut = (s: string, n = QUOTE_CHARS) => ellipsis(s, n);
/** A quote that opens a sentence (not a clause cut from one). */
const WHOLE = /^[\p{Lu}“"‘'[(]/u;

/** The header's lines: what the briefing is on, as of when, from which sources, by whom. */
export function briefingHeader(input: BriefingInput, notes: BriefingNotes): string[] {
  const { evidence, analysis: a } = input;
  const quarantined = quarantinedFiles(a);
  const used = evidence.documents.filter((d) => !d.duplicateOf);
  const asOf = latestTrustedDate(evidence, a);
  // By outlet where the texts give one ("BBC News ×5"), else by name.
  const counts = new Map<string, number>();
  for (const d of used) {
    const label = d.outlet ?? cut(notes.nameOf(d.file), 48);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const names = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  const listed = names.length > 6 ? [...names.slice(0, 5), `and ${names.length - 5} more (annex)`] : names;
  const prepared = input.prepared ?? new Date().toISOString().slice(0, 10);
  return [
    `As of ${asOf ? humanDate(asOf) : "an unknown date (no source is dated)"} · ${used.length} source(s)${quarantined.size ? `, ${quarantined.size} quarantined` : ""}: ${listed.join("; ")}`,
    `Prepared ${humanDate(prepared)}${input.author ? ` by ${input.author}` : ""} with Parley, from the cited model: every quotation is the texts' own words; the annex holds the full model, the evidence and the method.`,
  ];
}

/**
 * The two-page core a desk officer reads first: the bottom line, the latest meeting, the plan
 * history, each side's lines in its own words, the gap and what would close it, the charts, what to
 * watch next, and which sources to doubt.
 */
export function briefingCore(input: BriefingInput, notes: BriefingNotes): Section[] {
  const { analysis: a, spec, evidence } = input;
  const quarantined = quarantinedFiles(a);
  const cites = (field: string): Inline[] => fieldCitations(a.citations, field).map((c) => notes.note(c));
  const partyIndex = (name: string) => spec.parties.findIndex((p) => p.name === name);
  const redLineCites = (party: string, label: string) => {
    const p = partyIndex(party);
    const l = spec.parties[p]?.redLines?.findIndex((r) => r.label === label) ?? -1;
    return cites(`parties[${p}].redLines[${l}]`).slice(0, 2);
  };
  const sections: Section[] = [];

  // The bottom line: the verdict once, then why, in plain words.
  const summary = (a.explanation?.summary ?? "").replace(
    /^(?:No zone of agreement|A zone of agreement exists)[^:]*:\s*/,
    "",
  );
  const first = a.concessions[0];
  sections.push({
    title: "Bottom line",
    blocks: [
      {
        p: [
          { strong: a.zopa.exists ? "There is a zone of agreement." : "There is no zone of agreement." },
          ...(summary ? [" ", summary.charAt(0).toUpperCase() + summary.slice(1)] : []),
          ...(first && !a.zopa.exists
            ? [
                ` The smallest move that would open one: ${concessionChanges(first)
                  .map((x) => `${x.party} ${x.change}`)
                  .join("; ")}.`,
              ]
            : []),
        ],
      },
    ],
  });

  // The latest meeting the texts date, and what its participants said of it.
  const told = (e: (typeof evidence.events)[number]) => e.versions.some((v) => !quarantined.has(baseName(v.file)));
  const meetings = evidence.events.filter(
    (e): e is typeof e & { when: string } =>
      e.kind === "met" && !e.planned && !!e.when && /^\d{4}-\d{2}-\d{2}/.test(e.when) && told(e),
  );
  const latest = meetings.sort((x, y) => y.when.localeCompare(x.when) || y.versions.length - x.versions.length)[0];
  if (latest) {
    const files = new Set(latest.versions.map((v) => baseName(v.file)));
    const otherDates = [
      ...new Set(latest.versions.flatMap((v) => (v.when?.iso && v.when.iso !== latest.when ? [v.when.iso] : []))),
    ];
    const readout: Block[] = [
      {
        p: [
          { strong: humanDate(latest.when) },
          `: ${eventSummary(latest)} — told by ${files.size} source(s)`,
          ...(otherDates.length ? [`; another dates it ${otherDates.map(humanDate).join(" or ")}`] : []),
          ".",
          ...latest.versions.slice(0, 2).map((v) => notes.note({ file: v.file, text: v.text })),
        ],
      },
    ];
    // Whole direct quotes by confidently named speakers in the texts that tell the meeting, one per speaker.
    const said = evidence.quotes.filter(
      (q) =>
        q.kind === "direct" &&
        q.speaker &&
        files.has(baseName(q.file)) &&
        !quarantined.has(baseName(q.file)) &&
        q.text.length >= QUOTE_MIN &&
        WHOLE.test(q.text),
    );
    const bySpeaker = new Map<string, typeof said>();
    for (const q of said) bySpeaker.set(q.speaker!, [...(bySpeaker.get(q.speaker!) ?? []), q]);
    const voices = [...bySpeaker].sort((x, y) => y[1].length - x[1].length).slice(0, 3);
    if (voices.length)
      readout.push({
        list: voices.map(([who, qs]) => [{ strong: who }, `: “${cut(qs[0]!.text)}”`, notes.note(qs[0]!, true)]),
      });
    sections.push({ title: "The latest meeting", blocks: readout });
  }

  // The plan versions in time, each with how it stands.
  const principalNames = spec.parties.filter((p) => p.role === "principal").map((p) => p.name);
  const history = planHistory(spec, a, evidence);
  if (history.length)
    sections.push({
      title: "Plan history",
      blocks: [
        {
          table: {
            head: ["when", "plan", "how it stands"],
            rows: history.map((m) => {
              const p = a.proposals[m.index]!;
              return [
                [m.when ? `${humanDate(m.when)}${m.whenFrom === "reported" ? " (reported)" : ""}` : "undated"],
                [
                  { strong: m.name },
                  m.by ? ` — ${m.by}` : "",
                  m.derivedFrom ? `; revises ${m.derivedFrom}` : "",
                  m.unverified ? " (unverified: only a quarantined source)" : "",
                  ...m.cites.slice(0, 1).map((c) => notes.note(c)),
                ],
                [standing(p, a, principalNames)],
              ];
            }),
          },
        },
      ],
    });

  // Each principal's red lines, and its position in its own words.
  const principals = spec.parties.filter((p) => p.role === "principal");
  const sides = (principals.length ? principals : spec.parties).map((p) => {
    const i = partyIndex(p.name);
    const lines = p.redLines ?? [];
    const own = fieldCitations(a.citations, `parties[${i}]`, true).filter((c) => /redLines|stances/.test(c.field));
    const quote = own
      .map((c) =>
        evidence.quotes.find(
          (q) =>
            likelySpeaker(q) &&
            q.kind === "direct" &&
            q.text.length >= QUOTE_MIN &&
            baseName(q.file) === baseName(c.file) &&
            q.start - 2 <= c.start &&
            c.end <= q.end + 2,
        ),
      )
      .find((q) => q);
    // Else a whole direct quote of one of its own people (named in its description, "Anna Novak,
    // with aide Karl Borg"), the one that speaks of its red lines' issues first.
    const people = descriptionSurnames(p.description);
    const issues = lines.flatMap((l) => ("issue" in l ? [l.issue.toLowerCase()] : []));
    const theirs = evidence.quotes
      .filter(
        (q) =>
          q.speaker &&
          q.kind === "direct" &&
          q.text.length >= QUOTE_MIN &&
          WHOLE.test(q.text) &&
          !quarantined.has(baseName(q.file)) &&
          people.some((n) => q.speaker!.split(/\s+/).at(-1) === n),
      )
      .sort(
        (x, y) =>
          Number(issues.some((w) => y.text.toLowerCase().includes(w))) -
            Number(issues.some((w) => x.text.toLowerCase().includes(w))) || x.start - y.start,
      );
    const said = quote ?? theirs[0];
    return [
      { strong: p.name },
      lines.length ? " — red lines: " : " — no red line stated",
      ...lines.flatMap((l, k): Inline[] => [
        k ? "; " : "",
        `“${l.label}”`,
        ...cites(`parties[${i}].redLines[${k}]`).slice(0, 2),
      ]),
      ...(said ? [`. In ${possessive(likelySpeaker(said)!)} words: “${cut(said.text)}”`, notes.note(said, true)] : []),
    ] satisfies Inline[];
  });
  const others = spec.parties.filter((p) => principals.length && p.role !== "principal");
  sections.push({
    title: "Each side's lines",
    blocks: [
      { list: sides },
      ...(others.length
        ? [{ p: [`Also at the table: ${others.map((p) => `${p.name} (${p.role})`).join(", ")}.`] }]
        : []),
    ],
  });

  // The gap: what blocks a deal, and the smallest concessions that would close it.
  const collisions =
    a.explanation?.collisions ?? (a.explanation?.collidingRedLines ? [a.explanation.collidingRedLines] : []);
  const gap: Block[] = [];
  if (collisions.length)
    gap.push({
      list: collisions.map((c) =>
        c.flatMap((l, j): Inline[] => [
          j ? " ✕ " : "",
          { strong: l.party },
          `: “${l.label}”`,
          ...redLineCites(l.party, l.label),
        ]),
      ),
    });
  if (a.concessions.length)
    gap.push(
      { p: ["The smallest concessions that would open a deal (size: the share of the issues' ranges given up):"] },
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
  if (a.zopa.exists)
    gap.push({
      p: [`Every party prefers ${zoneSize(a)} to its reservation without crossing a red line.`],
    });
  if (gap.length) sections.push({ title: "The gap and what would close it", blocks: gap });

  // What to watch next: what the texts expect, what is disputed and decides, and the moves that would change the answer.
  const watch: Inline[][] = [];
  // Expected: what the texts date on or after the briefing's own date.
  const asOf = latestTrustedDate(evidence, a) ?? "";
  for (const e of evidence.events.filter((e) => e.planned && told(e) && e.when && e.when >= asOf).slice(0, 2)) {
    const v = e.versions.find((x) => !quarantined.has(baseName(x.file)))!;
    watch.push([`Expected: “${cut(v.text, 200)}”`, notes.note(v)]);
  }
  for (const f of (a.contestedFacts ?? []).filter((f) => f.changesAnswers))
    watch.push([`Which is right on ${f.subject}: ${f.values.map(String).join(" or ")} — it changes the answer.`]);
  for (const c of a.concessions.slice(0, 2))
    watch.push([
      `Any sign that ${concessionChanges(c)
        .map(
          (x) =>
            `${x.party} ${x.change.replace(/^(allow|lowers) /, (_, v: string) => (v === "allow" ? "would allow " : "would lower "))}`,
        )
        .join(" and ")}: that would open a deal.`,
    ]);
  for (const p of a.proposals) {
    const open = p.redLinesCrossed.filter((l) => l.status === "open");
    if (p.stated && open.length && !p.redLinesCrossed.some((l) => l.status !== "open"))
      watch.push([
        `How ${p.name} settles ${p.open.slice(0, 3).join(", ")}${p.open.length > 3 ? " and the rest" : ""}: its unstated terms decide whether it crosses ${open
          .slice(0, 3)
          .map((l) => `${possessive(l.party)} “${l.label}”`)
          .join(", ")}${open.length > 3 ? ` or ${open.length - 3} more red line(s)` : ""}.`,
      ]);
  }
  if (watch.length) sections.push({ title: "What to watch next", blocks: [{ list: watch.slice(0, 5) }] });

  // Which sources to doubt, by name and why.
  const warnings: Inline[][] = [
    ...(a.quarantine ?? []).map((q): Inline[] => [
      { strong: notes.nameOf(q.file) },
      ` — quarantined: ${q.reason}${q.findings.length ? ` (${q.findings.slice(0, 2).join("; ")})` : ""}. What only it says is left out as unverified.`,
    ]),
    ...evidence.reliability
      .filter((r) => !r.quarantined && r.score < WEAK_BELOW)
      .map((r): Inline[] => [
        { strong: notes.nameOf(r.file) },
        ` — ${r.kind} (${r.kindReason}), reliability ${fixed(r.score)}: of its claims ${pct(r.corroborated)} corroborated, ${pct(r.contested)} contested, ${pct(r.unique)} told by it alone.`,
      ]),
  ];
  const weak = a.weakFields?.length ?? 0;
  sections.push({
    title: "Source warnings",
    blocks: [
      ...(warnings.length ? [{ list: warnings }] : [{ p: ["No source is quarantined or weak."] }]),
      ...(weak
        ? [{ p: [`${weak} field(s) of the model rest on a weak or a single source: the annex counts them by party.`] }]
        : []),
    ],
  });
  // The charts, side by side, closing the core.
  if (input.charts?.length) sections.push({ title: "The picture", blocks: [{ figures: input.charts }] });
  return sections;
}

/** How a plan stands in a few words: the red lines it crosses, else whether it could clear every side. */
function standing(
  p: BriefingInput["analysis"]["proposals"][number],
  a: BriefingInput["analysis"],
  principals: readonly string[],
): string {
  if (p.stated === 0) return "no source states its terms";
  const crossed = p.redLinesCrossed.filter((l) => l.status !== "open");
  if (crossed.length) {
    const by = new Map<string, string[]>();
    for (const l of crossed) by.set(l.party, [...(by.get(l.party) ?? []), `“${l.label}”`]);
    return `crosses ${[...by].map(([party, ls]) => `${possessive(party)} ${ls.join(", ")}`).join("; ")}`;
  }
  // Only the principals' reservations: a mediator's says little of whether the sides can sign.
  const short = a.parties.filter(
    (name, i) => principals.includes(name) && (p.utilityRanges?.[i]?.[1] ?? p.utilities[i]!) < a.reservations[i]!,
  );
  if (short.length) return `below the reservation of ${short.join(", ")}`;
  return p.open.length
    ? `could clear every side, depending on ${p.open.length} term(s) it leaves open`
    : "clears every side";
}
