import { lowerBound } from "./lower-bound.js";
import { type Located, locate } from "./span.js";
import { type StatementKind, statementKind } from "./statement-kind.js";
import type { TextAnalysis, Token } from "./text-analysis.js";

/** A sentence read for what it does (PLOVER's terms), who does it and to whom, each located. */
export interface Statement extends Located {
  readonly kind: Exclude<StatementKind, "OTHER">;
  readonly cue: Located;
  /** The actor doing it: the subject of the cue's clause. */
  readonly source: Located | null;
  /** The actor it is done to: the first name after the cue. */
  readonly target: Located | null;
}

const IN_PHRASE = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"]);
const HEAD = new Set(["PROPN", "NOUN"]);
const CLAUSE_END = /^(?:[,;:—–(]|but|while|whereas|although|though|after|as)$/i;
const RELATIVE = /^(?:which|who|whom|whose|that|where|when)$/i;

/**
 * The noun phrases of a run of tokens: determiners, adjectives, numbers and possessives ending on
 * a noun ("Poland's parliament", "the White House"), joined across "of" between nouns ("Ministry of
 * Defence"); phrases inside a date or time are not actors.
 */
function phrases(tokens: readonly Token[], isTime: (t: Token) => boolean): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && !HEAD.has(run[run.length - 1]!.pos)) run.pop();
    if (run.some((t) => HEAD.has(t.pos))) out.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const ofJoin =
      t.value === "of" &&
      run.length > 0 &&
      HEAD.has(run[run.length - 1]!.pos) &&
      ["PROPN", "DET", "ADJ"].includes(tokens[i + 1]?.pos ?? "");
    if ((IN_PHRASE.has(t.pos) || ofJoin) && !isTime(t)) {
      // A determiner starts a new phrase.
      if (t.pos === "DET" && run.some((x) => HEAD.has(x.pos)) && run[run.length - 1]!.value !== "of") close();
      run.push(t);
    } else close();
  });
  close();
  return out;
}

/** The tokens of a sentence, found from `from` on in a text's token list (advance `from` sentence by sentence). */
export function sentenceTokens(tokens: readonly Token[], from: number, start: number, end: number): [Token[], number] {
  while (from < tokens.length && tokens[from]!.end <= start) from++;
  let to = from;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  return [tokens.slice(from, to), from];
}

/**
 * Who does what a cue says, and to whom, in a sentence's tokens: the subject of the cue's
 * clause (a pronoun or a relative clause falls back on the sentence's subject; a possessive
 * before a nominal cue is its own doer), and the first named phrase after the cue.
 */
export function doerAndTarget(
  tokens: readonly Token[],
  cueStart: number,
  cueEnd: number,
  isTime: (t: Token) => boolean,
): { doer: Token[] | undefined; target: Token[] | undefined } {
  const before = tokens.filter((t) => t.end <= cueStart),
    after = tokens.filter((t) => t.start >= cueEnd);
  const clauseAt = before.findLastIndex((t) => CLAUSE_END.test(t.value));
  const clause = before.slice(clauseAt + 1);
  const own =
    clause.length && !RELATIVE.test(clause[0]!.value) && clause[0]!.pos !== "PRON"
      ? phrases(clause, isTime)[0]
      : undefined;
  // A nominal cue's possessor is its doer: in "accepting Malta's demands" the demands are Malta's.
  const possessor =
    before.length >= 3 && /^['’]s$/.test(before[before.length - 1]!.value)
      ? phrases(before.slice(0, -1), isTime).at(-1)
      : undefined;
  // A sentence opening on a frame ("As reported by the press, Valletta…", "According to X, …") has its subject after it.
  const frame = /^(?:as|according|in|on|after|before|during|while|with|under|amid|despite)$/i.test(
    before[0]?.value ?? "",
  )
    ? before.findIndex((t) => t.value === ",") + 1
    : 0;
  // In a relative clause without "that" ("the settlement Malta demands") the name right before the cue is its subject.
  const last = phrases(before, isTime).at(-1);
  let adjacent: Token[] | undefined;
  if (last && last.at(-1) === before.at(-1)) {
    // The name may have run on from the noun it qualifies ("settlement Valletta"): split it there.
    const name = last.slice(last.findLastIndex((t) => t.pos !== "PROPN") + 1);
    const at = before.indexOf((name.length ? name : last)[0]!);
    if (at > 0 && before[at - 1]!.pos === "NOUN") adjacent = name.length ? name : last;
  }
  const subject = possessor ?? adjacent ?? own ?? phrases(before.slice(frame), isTime)[0] ?? phrases(before, isTime)[0];
  const objects = phrases(after, isTime);
  const object = objects.find((p) => p.some((t) => t.pos === "PROPN")) ?? objects[0];
  return { doer: subject, target: object };
}

/**
 * Every statement of a text: each sentence the classifier places as a demand, rejection,
 * agreement, concession, threat or consultation, with its doer as source and the first named
 * phrase after the cue as its target.
 */
export function findStatements(file: string, a: TextAnalysis): Statement[] {
  const isTime = timeTest(a);
  const out: Statement[] = [];
  let from = 0;
  for (const s of a.sentences) {
    const text = a.text.slice(s.start, s.end);
    const { kind, cue, at } = statementKind(text);
    if (kind === "OTHER" || !cue) continue;
    const cueStart = s.start + at,
      cueEnd = cueStart + cue.length;
    let tokens: Token[];
    [tokens, from] = sentenceTokens(a.tokens, from, s.start, s.end);
    const { doer, target } = doerAndTarget(tokens, cueStart, cueEnd, isTime);
    const span = (p: Token[] | undefined) => (p ? locate(file, a.text, p[0]!.start, p[p.length - 1]!.end) : null);
    out.push(
      Object.assign(locate(file, a.text, s.start, s.end), {
        kind,
        cue: locate(file, a.text, cueStart, cueEnd),
        source: span(doer),
        target: span(target),
      }),
    );
  }
  return out;
}

/**
 * Whether a token lies inside a date, time or duration wink found: such phrases are no actors.
 * (By binary search: a timeline's thousands of dates are not each tried for every token.)
 */
export function timeTest(a: TextAnalysis): (t: Token) => boolean {
  const times = a.entities.filter((e) => /DATE|TIME|DURATION/.test(e.type)).sort((x, y) => x.start - y.start);
  // The furthest end among the times starting at or before each: a token inside any of them ends by it.
  const reach = new Float64Array(times.length);
  times.forEach((e, i) => (reach[i] = Math.max(e.end, i ? reach[i - 1]! : -1)));
  return (t: Token) => {
    const k = lowerBound(times.length, (i) => times[i]!.start <= t.start) - 1;
    return k >= 0 && reach[k]! >= t.end;
  };
}
