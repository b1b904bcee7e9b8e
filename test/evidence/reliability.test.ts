import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignClaims } from "../../src/evidence/align.js";
import type { Claim } from "../../src/evidence/claims.js";
import {
  claimReliability,
  classifySource,
  type SourceReliability,
  sourceReliability,
} from "../../src/evidence/reliability.js";
import { locate } from "../../src/evidence/span.js";
import { SHARED } from "../domains.js";

/** Plain reported prose: no hedges, no first person, no speaker turns. */
const PLAIN =
  "The delegation arrived in the capital on Tuesday and met the president for five hours. " +
  "Officials said the talks covered the army, sanctions and the frozen assets. " +
  "The plan sets a cap on the army and leaves the question of territory open. ";

const doc = (file: string, text = PLAIN, outlet: string | null = null, resolvedBy: (string | null)[] = []) => ({
  document: { file, text, outlet },
  quotes: resolvedBy.map((r) => ({ resolvedBy: r })),
});

/** A claim on the sentence about the army cap in PLAIN. */
function claim(file: string, subject: string, value: string | number): Claim {
  const sentence = "The plan sets a cap on the army";
  const at = locate(file, PLAIN, PLAIN.indexOf(sentence), PLAIN.indexOf(sentence) + sentence.length);
  return {
    ...at,
    subject,
    attribute: "value",
    value,
    unit: null,
    polarity: true,
    time: null,
    attributedTo: null,
    watched: true,
    sentence: { ...at, text: sentence },
  };
}

/** The score its reasons add up to: the kind's base plus every signed step. */
function sumOfReasons(r: SourceReliability): number {
  const base = Number(/\((\d\.\d\d)\)/.exec(r.reasons[0]!)![1]);
  return r.reasons.slice(1).reduce((s, why) => {
    const m = /^([+−])(\d\.\d\d) /.exec(why);
    return m ? s + (m[1] === "+" ? 1 : -1) * Number(m[2]) : s;
  }, base);
}

describe("sourceReliability: a transparent score per source", () => {
  // X's claim is corroborated by W; Y's claim is contradicted by Z.
  const claims = [
    claim("x.txt", "cap", 600000),
    claim("w.txt", "cap", 600000),
    claim("y.txt", "flow", 400),
    claim("z.txt", "flow", 700),
  ];
  const { sources } = alignClaims(claims);
  const docs = ["w.txt", "x.txt", "y.txt", "z.txt"].map((f) => doc(f));
  const scores = Object.fromEntries(sourceReliability(docs, sources).map((r) => [r.file, r]));

  it("scores a source others contest below one others corroborate, and says why", () => {
    const x = scores["x.txt"]!,
      y = scores["y.txt"]!;
    expect(x.kind).toBe("newspaper");
    expect(y.kind).toBe("newspaper");
    expect([x.corroborated, x.contested, x.unique]).toEqual([1, 0, 0]);
    expect([y.corroborated, y.contested, y.unique]).toEqual([0, 1, 0]);
    expect(x.score).toBeGreaterThan(0.8);
    expect(y.score).toBeLessThan(0.8);
    expect(x.score).toBeGreaterThan(y.score);
    expect(x.reasons[0]).toMatch(/^newspaper \(0\.80\)/);
    expect(x.reasons).toContainEqual(expect.stringMatching(/^\+0\.\d\d 100% of its claims corroborated$/));
    expect(y.reasons).toContainEqual(expect.stringMatching(/^−0\.\d\d 100% contested$/));
    expect(y.reasons.some((r) => r.startsWith("+"))).toBe(false);
  });

  it("every reason's step adds up to the score", () => {
    for (const r of Object.values(scores)) expect(Math.abs(sumOfReasons(r) - r.score)).toBeLessThan(0.011);
  });

  it("a source with no claims keeps its kind's base", () => {
    const [r] = sourceReliability([doc("quiet.txt")], []);
    expect(r).toMatchObject({ score: 0.8, corroborated: 0, contested: 0, unique: 0, hedges: 0, overridden: false });
    expect(r!.reasons).toEqual(["newspaper (0.80): reported prose with attributed sources"]);
  });

  it("claims no other source carries, beyond half, cost; so do hedges in its own voice (not inside quotes)", () => {
    const lone = alignClaims([claim("lone.txt", "a", 1), claim("lone.txt", "b", 2)]).sources;
    const [r] = sourceReliability([doc("lone.txt")], lone);
    expect(r!.unique).toBe(1);
    expect(r!.score).toBeLessThan(0.8);
    expect(r!.reasons).toContainEqual(expect.stringMatching(/^−0\.\d\d 100% carried by no other source$/));

    const hedged = `${PLAIN}The cap reportedly stands. Sources say it may change. It is said to be final. `;
    const quoted = `${PLAIN}He said: "The cap reportedly stands, sources say, it is said to be final." `;
    const [h, q] = sourceReliability([doc("h.txt", hedged), doc("q.txt", quoted)], []);
    expect(h!.hedges).toBe(3);
    expect(h!.score).toBeLessThan(0.8);
    expect(h!.reasons).toContainEqual(expect.stringMatching(/^−0\.\d\d 3 hedges/));
    expect(q!.hedges).toBe(0);
    expect(q!.score).toBe(0.8);
  });

  it("named attributions raise the score, unnamed ones lower it, from three attributions on", () => {
    const [named, unnamed, few] = sourceReliability(
      [
        doc("named.txt", PLAIN, null, ["name", "name", "name", null]),
        doc("unnamed.txt", PLAIN, null, ["organisation", "pronoun", "unnamed"]),
        doc("few.txt", PLAIN, null, ["pronoun", "pronoun"]),
      ],
      [],
    );
    expect(named!.named).toBe(1);
    expect(named!.score).toBeCloseTo(0.85, 9);
    expect(named!.reasons).toContain("+0.05 100% of its attributions name a person");
    expect(unnamed!.named).toBe(0);
    expect(unnamed!.score).toBeCloseTo(0.75, 9);
    expect(few!.score).toBe(0.8);
  });

  it("stays within [0.05, 0.95]", () => {
    const all = alignClaims([
      claim("bad.txt", "cap", 1),
      claim("good.txt", "cap", 2),
      claim("good.txt", "x", 3),
      claim("g2.txt", "x", 3),
    ]).sources;
    const blog = `${PLAIN}It reportedly fell. Sources say so. It is said to be so. Allegedly, it was leaked.`;
    const [bad] = sourceReliability([doc("bad.txt", blog)], all, { "bad.txt": { kind: "blog" } });
    expect(bad!.score).toBe(0.05);
    expect(sumOfReasons(bad!)).toBeLessThan(0.05);
  });

  it("the scenario's word wins: kind, score and outlet, matched by file name whatever the folder", () => {
    const [byKind, byScore, byOutlet] = sourceReliability(
      [doc("corpus/k.txt"), doc("corpus/s.txt"), doc("corpus/o.txt")],
      [],
      { "k.txt": { kind: "wire" }, "corpus/s.txt": { reliability: 0.3 }, "o.txt": { outlet: "Reuters" } },
    );
    expect(byKind).toMatchObject({ kind: "wire", kindReason: "set by the scenario", score: 0.85, overridden: true });
    expect(byKind!.reasons[0]).toBe("wire (0.85): set by the scenario");
    expect(byScore).toMatchObject({ kind: "newspaper", score: 0.3, overridden: true });
    expect(byScore!.reasons.at(-1)).toBe("set to 0.30 by the scenario");
    expect(byOutlet).toMatchObject({ kind: "wire", score: 0.85, overridden: false });
  });
});

describe("classifySource: the kind of a source, read off its text", () => {
  it("tells transcripts, wires, broadcasters, opinion, blogs and newspapers apart, with a reason", () => {
    const kind = (text: string, outlet: string | null = null) => classifySource({ file: "f.txt", text, outlet });
    const transcript = [
      "PUTIN: Good afternoon.",
      "WITKOFF: Thank you.",
      "PUTIN: Let us begin.",
      "KUSHNER: Agreed.",
      "",
    ].join("\n");
    expect(kind(transcript)).toEqual({ kind: "official transcript", reason: '4 speaker turns ("Name: …")' });
    expect(kind(PLAIN, "Reuters").kind).toBe("wire");
    expect(kind(`MOSCOW (Reuters) - ${PLAIN}`).kind).toBe("wire");
    expect(kind(PLAIN, "BBC News")).toEqual({ kind: "broadcaster", reason: "a broadcaster (BBC News)" });
    const opinion = "I think we must say it plainly: of course our leaders are clearly wrong, and frankly I am tired.";
    expect(kind(opinion).kind).toBe("opinion");
    const blog =
      "Peace DealWhy it matters. Talks EndedWhat next. Army CapThe numbers. Frozen AssetsWho pays. Big NewsNow " +
      "600,000 troops, 800,000 troops, 80% lifted, $100 billion, 30 km, 20 percent.";
    expect(kind(blog).kind).toBe("blog");
    expect(kind(blog, "The Daily").kind).not.toBe("blog");
    expect(kind(PLAIN)).toEqual({ kind: "newspaper", reason: "reported prose with attributed sources" });
  });

  it("on the Moscow corpus: the blog post (003) reads as a blog, the news reports as newspapers", () => {
    const dir = join(SHARED, "corpus", "moscow-2025-12");
    const read = (f: string) => readFileSync(join(dir, f), "utf8");
    const k = (f: string, outlet: string | null = null) => classifySource({ file: f, text: read(f), outlet });
    expect(k("003_b6488645339004c2.txt").kind).toBe("blog");
    expect(k("003_b6488645339004c2.txt").reason).toMatch(/^no outlet; \d+ headlines run into their text, \d+ figures$/);
    expect(k("001_7f7215ec828ab598.txt").kind).toBe("newspaper");
    expect(k("002_20543ffbdaedb161.txt").kind).toBe("newspaper");
    // An outlet named changes the reading: no longer a blog, and a wire by its name.
    expect(k("003_b6488645339004c2.txt", "Reuters").kind).toBe("wire");
  });
});

describe("claimReliability: a claim's own score", () => {
  const [source] = sourceReliability([doc("s.txt")], []);
  const plain = claim("s.txt", "cap", 1);
  const reportedly = { ...plain, sentence: { ...plain.sentence, text: "The cap reportedly stands." } };

  it("starts from its source's and moves with corroboration, contest, uniqueness and its own hedge", () => {
    expect(claimReliability(plain, source, "corroborated")).toEqual({
      score: 0.95,
      reasons: ["source newspaper, 0.80", "+0.15 another source says the same"],
    });
    expect(claimReliability(plain, source, "contested").score).toBeCloseTo(0.65, 9);
    expect(claimReliability(plain, source, "unique").score).toBeCloseTo(0.75, 9);
    const r = claimReliability(reportedly, source, "unique");
    expect(r.score).toBeCloseTo(0.65, 9);
    expect(r.reasons).toContain("−0.10 hedged in its own sentence");
    // The same call twice gives the same answer (the hedge pattern keeps no state between calls).
    expect(claimReliability(reportedly, source, "unique")).toEqual(r);
  });

  it("an unknown source counts as 0.50, and the score stays within [0.05, 0.95]", () => {
    expect(claimReliability(plain, undefined, "contested")).toEqual({
      score: 0.35,
      reasons: ["source unknown, 0.50", "−0.15 another source says otherwise"],
    });
    const strong = { ...source!, score: 0.95 };
    expect(claimReliability(plain, strong, "corroborated").score).toBe(0.95);
  });
});
