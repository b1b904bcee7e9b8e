import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { InputError } from "../../src/errors.js";
import { readDocument } from "../../src/evidence/document.js";
import { extractEvidence } from "../../src/evidence/extract.js";
import { geniusToScenario, parseGeniusDomain } from "../../src/formats/genius-xml.js";
import { parseScenario } from "../../src/formats/scenario-yaml.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { contentId } from "../../src/ingest/read-documents.js";
import { compileScenario } from "../../src/model/compile-scenario.js";
import { GENIUS, ROOT } from "../domains.js";
import { expectOk, expectRefused, parley } from "./run-cli.js";

// Fuzzing: mutated and random inputs through every reader, the analysis and the CLI's flags.
// The only acceptable failure is an InputError (a clear, located refusal); anything else is a
// crash. Each input must also be handled within a time budget: no hangs.

const BUDGET_MS = 5000;

/** Runs `fn`; passes when it returns or throws an InputError, within the time budget. */
function survives(fn: () => unknown): void {
  const t0 = performance.now();
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems) expect(p.message.length).toBeGreaterThan(0);
  }
  expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
}

/** Line-level and character-level mutations of a text. */
const mutated = (text: string) => {
  const lines = text.split("\n");
  return fc.oneof(
    fc
      .tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1))
      .map(([a, b]) => [...lines.slice(0, a), ...lines.slice(b)].join("\n")),
    fc
      .tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 40 }))
      .map(([at, s]) => lines.map((l, i) => (i === at ? s : l)).join("\n")),
    fc
      .tuple(fc.nat(text.length), fc.string({ unit: "binary", maxLength: 12 }))
      .map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.tuple(fc.nat(text.length), fc.nat(60)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc
      .tuple(
        fc.nat(lines.length - 1),
        fc.constantFrom(
          "-1",
          "NaN",
          "1e309",
          "[]",
          "{}",
          "null",
          "~",
          "*x",
          "&x",
          '"',
          "\t",
          "0.5",
          "-0",
          "1e-320",
          "🌊",
        ),
      )
      .map(([at, token]) =>
        lines
          .map((l, i) =>
            i === at
              ? l.replace(/(:\s*)\S.*$|="[^"]*"/, (m) =>
                  m.startsWith("=") ? `="${token}"` : `${m.match(/^:\s*/)![0]}${token}`,
                )
              : l,
          )
          .join("\n"),
      ),
  );
};

const river = readFileSync(join(ROOT, "examples", "river-treaty.yaml"), "utf8");
const deadlock = readFileSync(join(ROOT, "test", "fixtures", "deadlock.yaml"), "utf8");

describe("fuzz: scenario YAML", () => {
  it("mutated scenarios are parsed, compiled and analysed, or refused with located problems", () => {
    fc.assert(
      fc.property(fc.oneof(mutated(river), mutated(deadlock)), (text) =>
        survives(() => {
          const { model } = parseScenario(text, "fuzz.yaml");
          analyze(model, { samples: 5, maxWork: 2e6 });
        }),
      ),
      { numRuns: 300, seed: 10 },
    );
  });

  it("random text and random YAML documents are refused, never crash", () => {
    const yamlValue = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          yamlValue.map((v) => JSON.stringify(v)),
        ),
        (text) => survives(() => parseScenario(text, "fuzz.yaml")),
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("fuzz: GENIUS XML", () => {
  const laptop = GENIUS["LaptopC"]!;
  const domain = readFileSync(laptop.domain, "utf8");
  const profile = readFileSync(laptop.profiles[0]!, "utf8");
  const other = readFileSync(laptop.profiles[1]!, "utf8");

  it("mutated domains and profiles are read and compiled, or refused", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(domain).map((d) => [d, profile] as const),
          mutated(profile).map((p) => [domain, p] as const),
        ),
        ([d, p]) =>
          survives(() => {
            const spec = geniusToScenario(parseGeniusDomain(d, "d.xml"), [
              { file: "p.xml", text: p },
              { file: "q.xml", text: other },
            ]);
            analyze(compileScenario(spec), { samples: 0, maxWork: 2e6 });
          }),
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it("random markup is refused, never crashes", () => {
    const tag = fc.constantFrom(
      "negotiation_template",
      "utility_space",
      "objective",
      "issue",
      "item",
      "weight",
      "evaluator",
      "reservation",
      "!DOCTYPE x",
      "!ENTITY a 'b'",
      "?xml version='1.0'?",
      "![CDATA[",
    );
    const markup = fc
      .array(fc.tuple(tag, fc.boolean(), fc.string({ maxLength: 10 })), { maxLength: 30 })
      .map((parts) =>
        parts.map(([t, close, attr]) => (close ? `</${t}>` : `<${t} name="${attr}" index="${attr}">`)).join(""),
      );
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ maxLength: 200 })), (text) =>
        survives(() => parseGeniusDomain(text, "d.xml")),
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe("fuzz: HTML articles", () => {
  const html = readFileSync(join(ROOT, "test", "fixtures", "articles", "harbour-talks.html"), "utf8");

  it("mutated and random HTML is read or refused within the budget", () => {
    const tag = fc.constantFrom(
      "div",
      "p",
      "span",
      "article",
      "li",
      "ul",
      "script",
      "style",
      "table",
      "td",
      "tr",
      "br",
      "img",
      "meta",
      "!--",
      "html",
      "body",
      "head",
      "title",
    );
    const random = fc
      .array(fc.tuple(tag, fc.boolean(), fc.string({ maxLength: 20 })), { maxLength: 400 })
      .map(
        (parts) =>
          `<html><body>${parts.map(([t, close, text]) => (close ? `</${t}>` : `<${t}>${text}`)).join("")}</body></html>`,
      );
    const deep = fc
      .integer({ min: 1, max: 5000 })
      .map(
        (n) => `<html><body>${"<div><span>".repeat(n)}"Yes," said Ann Lee.${"</span></div>".repeat(n)}</body></html>`,
      );
    fc.assert(
      fc.property(fc.oneof(mutated(html), random, deep), (text) =>
        survives(() => readDocument("fuzz.html", text, contentId)),
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});

describe("fuzz: evidence extraction", () => {
  const text = readFileSync(join(ROOT, "test", "fixtures", "articles", "harbour-talks.txt"), "utf8");

  it("quotes, dates, quantities and claims are extracted from mangled text within the budget", () => {
    const noisy = fc
      .array(
        fc.constantFrom(
          '"',
          "“",
          "”",
          "'",
          "said",
          " he ",
          "Putin",
          "Mr.",
          "\n\n",
          "—",
          ":",
          "2025",
          "December 2",
          "600,000",
          "$100 billion",
          "50%",
          "according to",
          ",",
          ".",
          "  ",
        ),
        { maxLength: 400 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(mutated(text), noisy, fc.string({ maxLength: 2000 })), (t) =>
        survives(() => {
          if (!t.trim()) return;
          extractEvidence([readDocument("fuzz.txt", t, contentId, { date: "2025-12-02" })], loadAttributionModel());
        }),
      ),
      { numRuns: 150, seed: 16 },
    );
  });
});

describe("fuzz: sizes — long tokens, long articles, many options (each within the budget: no quadratic path)", () => {
  const text = readFileSync(join(ROOT, "test", "fixtures", "articles", "harbour-talks.txt"), "utf8");
  const model = loadAttributionModel();
  const evidenceOf = (t: string) =>
    extractEvidence([readDocument("fuzz.txt", t, contentId, { date: "2025-12-02" })], model);

  it("a token of 200 to 200,000 characters (letters, base64, a URL, digits, punctuation) anywhere in an article", () => {
    const token = fc
      .tuple(
        fc.constantFrom("A", "ab", "Zm9vYmFy+/=", "https://example.org/a?b=", "1234567890", ".-", "“”", "Ω"),
        fc.integer({ min: 200, max: 200_000 }),
      )
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
    fc.assert(
      fc.property(token, fc.nat(text.length), (tok, at) =>
        survives(() => {
          const e = evidenceOf(`${text.slice(0, at)} ${tok} ${text.slice(at)}`);
          // The article around the token is still read.
          expect(e.documents[0]!.quotes.length).toBeGreaterThan(0);
        }),
      ),
      { numRuns: 12, seed: 24 },
    );
  });

  it("articles of 10,000 to 400,000 characters: paragraphs, one run-on paragraph, no sentence end, or numbered lines", () => {
    // A run-on paragraph of 200,000 characters took 137 s (every cue against every source of its
    // paragraph); 300,000 characters without a full stop 28 s (one sentence cited by every claim).
    const article = fc
      .tuple(fc.integer({ min: 10_000, max: 400_000 }), fc.constantFrom("paragraphs", "run-on", "no-stops", "lines"))
      .map(([n, shape]) => {
        if (shape === "lines")
          return Array.from({ length: Math.ceil(n / 24) }, (_, i) => `Line ${i} says ${(i * 37) % 1000}.`).join("\n");
        const flat = text.replace(/\n+/g, " ");
        const unit =
          shape === "paragraphs" ? `${text}\n\n` : shape === "run-on" ? `${flat} ` : `${flat.replace(/[.!?]/g, "")} `;
        return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      });
    fc.assert(
      fc.property(article, (t) => survives(() => evidenceOf(t))),
      { numRuns: 12, seed: 25 },
    );
  });

  it("GENIUS domains and scenarios with 1 to 60,000 options per issue are read, or refused at the named limit", () => {
    const counts = fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(counts, (sizes) =>
        survives(() => {
          const issues = sizes
            .map(
              (n, i) =>
                `<issue index="${i + 1}" name="i${i}" type="discrete">${Array.from({ length: n }, (_, j) => `<item value="v${j}"/>`).join("")}</issue>`,
            )
            .join("");
          const domain = parseGeniusDomain(
            `<negotiation_template><utility_space><objective index="0" name="d">${issues}</objective></utility_space></negotiation_template>`,
            "fuzz-domain.xml",
          );
          const profile = (k: number) =>
            `<utility_space><objective index="0" name="d">${sizes
              .map(
                (n, i) =>
                  `<issue index="${i + 1}" name="i${i}" type="discrete">${Array.from({ length: n }, (_, j) => `<item value="v${j}" evaluation="${(j * (k + 1)) % 7}"/>`).join("")}</issue>`,
              )
              .join(
                "",
              )}${sizes.map((_, i) => `<weight index="${i + 1}" value="${1 / sizes.length}"/>`).join("")}</objective></utility_space>`;
          const spec = geniusToScenario(domain, [
            { text: profile(0), file: "a.xml" },
            { text: profile(1), file: "b.xml" },
          ]);
          compileScenario(spec);
        }),
      ),
      { numRuns: 10, seed: 26 },
    );
  });
});

describe("fuzz: command-line flags", () => {
  const laptop = GENIUS["LaptopC"]!;
  const value = fc.constantFrom(
    "0",
    "-1",
    "1",
    "3",
    "1e9",
    "1e400",
    "NaN",
    "",
    "abc",
    "2.5",
    "0x10",
    "99999999999999999999",
    "boulware",
    ",",
    "x:y",
    "2025-13-01",
    "-",
  );
  const commands = {
    analyze: ["--samples", "--seed", "--rows", "--discretize", "--max-work"],
    simulate: [
      "--rounds",
      "--seconds",
      "--turn-seconds",
      "--seed",
      "--agents",
      "--protocol",
      "--mediator",
      "--max-rounds",
    ],
    tournament: ["--rounds", "--repetitions", "--workers", "--agents", "--format", "--seed", "--max-runs"],
  } as const;

  it("any flag with any value: a result or one clear refusal, never a crash or a hang", () => {
    const folder = laptop.domain.replace(/[\\/][^\\/]*$/, "");
    const db = join(ROOT, "dist", "fuzz-flags.db");
    fc.assert(
      fc.property(
        fc.constantFrom("analyze", "simulate", "tournament") as fc.Arbitrary<keyof typeof commands>,
        fc.array(fc.tuple(fc.nat(20), value), { minLength: 1, maxLength: 3 }),
        (command, flags) => {
          const names = commands[command];
          const args: string[] =
            command === "tournament"
              ? ["tournament", folder, "--db", db, "--repetitions", "1"]
              : [command, "--genius", laptop.domain, ...laptop.profiles];
          for (const [i, v] of flags) args.push(names[i % names.length]!, v);
          const r = parley(args, { timeoutMs: 30_000 });
          if (r.code === 0) expectOk(r);
          else expectRefused(r, /./);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  }, 300_000);
});
