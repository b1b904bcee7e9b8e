import type { EvidenceJson } from "../contract/evidence.js";
import { affiliationOf } from "./affiliation.js";
import type { Claim } from "./claims.js";
import type { EvidenceReport } from "./extract.js";
import { claimReliability } from "./reliability.js";
import { roleHolder } from "./role-holder.js";
import { sourceName } from "./source-name.js";
import type { Located } from "./span.js";

const where = (x: Located) => ({ file: x.file, start: x.start, end: x.end, text: x.text, selector: x.selector });

/** The evidence report as the JSON `parley evidence --json` prints: offsets are UTF-16, as String.prototype.slice. */
export function evidenceJson(report: EvidenceReport): EvidenceJson {
  const docs = report.documents;
  const reliabilityOf = new Map(report.reliability.map((r) => [r.file, r]));
  // Each claim's fact, found once (a search of every fact per claim grew with the square of a long text's claims).
  const factOf = new Map<Claim, EvidenceReport["facts"][number]>();
  for (const f of report.facts)
    for (const side of f.sides) for (const c of side.claims) if (!factOf.has(c)) factOf.set(c, f);
  const statusOf = (c: Claim): "corroborated" | "contested" | "unique" => {
    const fact = factOf.get(c);
    if (!fact) return "unique";
    if (fact.status === "contested") return "contested";
    return fact.status === "corroborated" ? "corroborated" : "unique";
  };
  const duplicateOf = (i: number) => {
    const d = report.duplicates[i];
    return d ? { duplicateOf: docs[d.of]!.document.file, similarity: d.similarity } : {};
  };
  const actors = new Map<
    string,
    {
      name: string;
      kind: string;
      roles: Set<string>;
      aliases: Set<string>;
      files: Set<string>;
      mentions: ReturnType<typeof where>[];
    }
  >();
  for (const d of docs)
    for (const a of d.actors) {
      const x =
        actors.get(a.name) ??
        actors
          .set(a.name, {
            name: a.name,
            kind: a.kind,
            roles: new Set(),
            aliases: new Set(),
            files: new Set(),
            mentions: [],
          })
          .get(a.name)!;
      a.roles.forEach((r) => x.roles.add(r));
      a.aliases.forEach((r) => x.aliases.add(r));
      x.files.add(d.document.file);
      x.mentions.push(...a.mentions.map(where));
    }
  const people = [...actors.values()].filter((a) => a.kind === "person");
  return {
    documents: docs.map(({ document: d }, i) => ({
      file: d.file,
      id: d.id,
      format: d.format,
      title: d.title,
      name: sourceName({ file: d.file, title: d.title, outlet: d.outlet, lede: d.text.slice(0, 400) }),
      outlet: d.outlet,
      author: d.author,
      url: d.url ?? null,
      published: d.published,
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
      publishedSource: d.publishedSource,
      ...(d.publishedEvidence ? { publishedEvidence: where(d.publishedEvidence) } : {}),
      ...duplicateOf(i),
      characters: d.text.length,
    })),
    quotes: docs.flatMap((d) =>
      d.quotes.map((q) => {
        // An office no text of its own names ("the prime minister") is its holder across the batch.
        const phrase = q.speaker ?? q.speakerCandidate;
        const holder =
          q.resolvedBy === "unnamed" && q.speakerSpan && phrase
            ? roleHolder(phrase, () => d.document.text.slice(0, q.speakerSpan!.start), people)
            : null;
        return Object.assign(where(q), {
          kind: q.kind,
          speaker: holder && q.speaker ? holder : q.speaker,
          speakerCandidate: holder && q.speakerCandidate ? holder : q.speakerCandidate,
          confidence: q.confidence,
          resolvedBy: holder ? "role" : q.resolvedBy,
          cue: q.cue,
          speakerSpan: q.speakerSpan,
          cueSpan: q.cueSpan,
          relayedBy: q.relayedBy,
          ...(q.within ? { within: q.within } : {}),
          ...(q.cappedFrom ? { cappedFrom: q.cappedFrom } : {}),
          ...(q.confirmedBy ? { confirmedBy: q.confirmedBy } : {}),
        });
      }),
    ),
    dates: docs.flatMap((d) =>
      d.dates.map((m) =>
        Object.assign(
          where(m),
          { kind: m.kind, iso: m.iso },
          m.isoEnd ? { isoEnd: m.isoEnd } : {},
          { reference: m.reference },
          m.yearFrom ? { yearFrom: m.yearFrom } : {},
        ),
      ),
    ),
    quantities: docs.flatMap((d) =>
      // Written out field by field (no spread): a spread per item cost seconds over a long text's 200,000 numbers.
      d.quantities.map((q) => ({
        file: q.file,
        start: q.start,
        end: q.end,
        text: q.text,
        selector: q.selector,
        value: q.value,
        low: q.low,
        high: q.high,
        unit: q.unit,
        noun: q.noun,
      })),
    ),
    /** Sentences read for what they do (PLOVER's event types), with the actors doing it and done to. */
    statements: docs.flatMap((d) =>
      d.statements.map((s) =>
        Object.assign(where(s), {
          kind: s.kind,
          cue: where(s.cue),
          source: s.source && where(s.source),
          target: s.target && where(s.target),
        }),
      ),
    ),
    /** What happened, in time order (undated last), each event once with every source's telling. */
    events: [...report.events]
      .sort((x, y) => (x.when ?? "9999").localeCompare(y.when ?? "9999"))
      .map((e) => ({
        kind: e.kind,
        when: e.when,
        where: e.where,
        who: e.who,
        whom: e.whom,
        planned: e.planned,
        disputed: [...e.disputed],
        versions: e.versions.map((v) =>
          Object.assign(where(v), {
            cue: v.cue.text,
            who: v.who?.text ?? null,
            whom: v.whom?.text ?? null,
            where: v.where?.text ?? null,
            when: v.when && {
              text: v.when.text,
              iso: v.when.iso,
              // How the date was read: written out in full, or resolved against the text's own date.
              resolvedAgainst: v.when.reference,
              ...(v.when.yearFrom ? { yearFrom: v.when.yearFrom } : {}),
            },
          }),
        ),
      })),
    actors: [...actors.values()]
      .map((a) => ({
        name: a.name,
        kind: a.kind,
        roles: [...a.roles],
        affiliation: affiliationOf(a.kind, a.roles),
        aliases: [...a.aliases],
        files: [...a.files].sort(),
        mentions: a.mentions,
      }))
      .sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name)),
    claims: docs.flatMap((d) =>
      d.claims.map((c) => ({
        ...where(c),
        subject: c.subject,
        attribute: c.attribute,
        value: c.value,
        unit: c.unit,
        polarity: c.polarity,
        time: c.time,
        attributedTo: c.attributedTo,
        watched: c.watched,
        sentence: where(c.sentence),
        reliability: claimReliability(c, reliabilityOf.get(c.file), statusOf(c)),
      })),
    ),
    contradictions: report.facts
      .filter((f) => f.status === "contested")
      .map((f) => ({
        subject: f.subject,
        attribute: f.attribute,
        sides: f.sides.map((s) => ({
          value: s.value,
          unit: s.unit,
          polarity: s.polarity,
          files: [...s.files],
          quotes: s.claims.map((c) => ({ ...where(c.sentence), attributedTo: c.attributedTo })),
          /** The words that carry the value itself ("600,000", "December 3, 2025"). */
          spans: s.claims.map((c) => ({ file: c.file, start: c.start, end: c.end, text: c.text })),
        })),
      })),
    corroborated: report.facts
      .filter((f) => f.status === "corroborated" && f.sides.length === 1)
      .map((f) => ({
        subject: f.subject,
        attribute: f.attribute,
        value: f.sides[0]!.value,
        unit: f.sides[0]!.unit,
        polarity: f.sides[0]!.polarity,
        files: [...f.sides[0]!.files],
      })),
    sources: [...report.sources],
    reliability: [...report.reliability],
  };
}

export type { EvidenceJson };
