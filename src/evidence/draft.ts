import type { CiteSpec, ScenarioInput } from "../model/schema.js";
import type { EvidenceJson } from "./evidence-json.js";

/** Where a speaker's role or name places them: the party they speak for. */
const ALLEGIANCE: readonly (readonly [RegExp, string])[] = [
  [/\b(Russia|Russian|Kremlin|Putin|Ushakov|Dmitriev|Dmitriyev|Lavrov|Peskov)\b/i, "Russia"],
  [/\b(Ukraine|Ukrainian|Kyiv|Kiev|Zelensk\w*)\b/i, "Ukraine"],
  [/\b(United States|U\.S\.|US|American|White House|Trump|Witkoff|Kushner|Rubio|Secretary of State)\b/, "United States"],
  [/\b(Europe|European|EU|Brussels|NATO Secretary|Macron|Starmer|Merz)\b/, "European allies"],
];

type Located = { file: string; start: number; end: number; text: string; selector: { exact: string; prefix: string; suffix: string } };

/** A citation of a located item: its words (a few more around a bare number), at most a dozen, with context to keep them unique. */
function cite(x: Located): CiteSpec {
  let { exact, prefix, suffix } = x.selector;
  if (exact.trim().split(/\s+/).length < 3) {
    const pre = /(?:\S+\s+){0,3}\S*$/.exec(prefix)![0];
    const suf = /^\S*(?:\s+\S+){0,3}/.exec(suffix)![0];
    exact = pre + exact + suf;
    prefix = prefix.slice(0, prefix.length - pre.length);
    suffix = suffix.slice(suf.length);
  }
  const words = exact.trim().split(/\s+/);
  const short = words.slice(0, 12).join(" ");
  return { file: base(x.file), exact: short, prefix: prefix.slice(-24), suffix: words.length <= 12 ? suffix.slice(0, 24) : "" };
}
const base = (f: string) => f.replace(/^.*[\\/]/, "");

/**
 * A scenario skeleton from the evidence alone, for an analyst to edit: parties from the people
 * who speak (placed by their roles), issues from the watch list's claims (every value a source
 * gives is an option; contested values stay side by side), proposals from the plans the texts
 * name, every item cited. Preferences are placeholders — equal ranges, flat values — and are
 * reported as assumptions until someone cites them.
 */
export function draftScenario(evidence: EvidenceJson, name = "Draft from the evidence"): ScenarioInput {
  const speakers = new Map<string, Located>();
  // A draft is a starting point: a speaker withheld as unsure still suggests a party.
  for (const q of evidence.quotes) {
    const who = q.speaker ?? (q.confidence >= 0.5 ? q.speakerCandidate : null);
    if (who && q.kind !== "reported" && !speakers.has(who) && evidence.actors.some((a) => a.name === who && a.kind === "person")) speakers.set(who, q);
  }
  const parties = new Map<string, { who: string[]; cite: CiteSpec[] }>();
  for (const [speaker, q] of speakers) {
    const actor = evidence.actors.find((a) => a.name === speaker)!;
    const party = ALLEGIANCE.find(([re]) => re.test([speaker, ...actor.roles].join(" ")))?.[1];
    if (!party) continue;
    const p = parties.get(party) ?? parties.set(party, { who: [], cite: [] }).get(party)!;
    p.who.push(speaker);
    if (p.cite.length < 2) p.cite.push(cite(q));
  }

  const watched = new Map<string, { subject: string; attribute: string; values: Map<string, Located> }>();
  for (const c of evidence.claims) {
    if (!c.watched) continue;
    const key = `${c.subject} · ${c.attribute}`;
    const issue = watched.get(key) ?? watched.set(key, { subject: c.subject, attribute: c.attribute, values: new Map() }).get(key)!;
    const value = `${c.polarity ? "" : "not "}${c.value}${c.unit && c.unit !== "fraction" ? ` ${c.unit}` : ""}`;
    if (!issue.values.has(value)) issue.values.set(value, c);
  }
  const issues = [...watched.entries()].map(([key, w]) => {
    const options = [...w.values.keys()];
    // A stance the texts report ("demanded") needs its negation as the other option.
    if (options.length === 1) options.push(`not ${options[0]}`);
    return {
      name: key,
      kind: "discrete" as const,
      options,
      optionCites: Object.fromEntries([...w.values.entries()].map(([v, c]) => [v, [cite(c)]])),
    };
  });

  const plans = new Map<string, Located & { value: number }>();
  for (const q of evidence.quantities) {
    if (!q.noun || !/^points?$/.test(q.noun)) continue;
    const sentence = evidence.claims.find((c) => c.file === q.file && c.start <= q.start && c.end >= q.end)?.sentence.text ?? "";
    const kind = /framework/i.test(sentence) ? "framework" : /document/i.test(sentence) ? "document" : "plan";
    const planName = `${q.value}-point ${kind}`;
    if (!plans.has(planName)) plans.set(planName, q);
  }
  const pointsIssue = issues.find((i) => i.name.endsWith("number of points"));
  const proposals = [...plans.entries()].map(([planName, q]) => ({
    name: planName,
    outcome: pointsIssue && pointsIssue.options.includes(String(q.value)) ? { [pointsIssue.name]: String(q.value) } : {},
    cite: [cite(q)],
  }));
  // Contested facts stay as alternatives: a proposal carrying every source's value.
  const contested = evidence.contradictions.filter((c) => c.sides.length > 1 && issues.some((i) => i.name === `${c.subject} · ${c.attribute}`));
  if (contested.length)
    proposals.push({
      name: "What the sources disagree on",
      outcome: Object.fromEntries(contested.map((c) => [`${c.subject} · ${c.attribute}`, { oneOf: c.sides.map((s) => `${s.polarity ? "" : "not "}${s.value}${s.unit && s.unit !== "fraction" ? ` ${s.unit}` : ""}`) }])) as never,
      cite: contested.flatMap((c) => c.sides.map((s) => cite({ ...s.spans[0]!, selector: s.quotes[0]!.selector }))).slice(0, 6),
    });

  const flat = (options: string[]) => Object.fromEntries(options.map((o) => [o, 0.5]));
  return {
    name,
    description: "Drafted by `parley draft` from the evidence alone: weights and values are placeholders to edit.",
    issues,
    parties: [...parties.entries()].map(([party, p]) => ({
      name: party,
      description: `speaking: ${p.who.join(", ")}`,
      cite: p.cite,
      reservation: [0, 0.5] as [number, number],
      weights: Object.fromEntries(issues.map((i) => [i.name, [0, 1 / issues.length] as [number, number]])),
      values: Object.fromEntries(issues.map((i) => [i.name, flat(i.options)])),
    })),
    proposals,
  };
}
