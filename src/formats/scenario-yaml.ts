import { type Document, isAlias, isCollection, isNode, isPair, LineCounter, parseDocument, stringify } from "yaml";
import type { z } from "zod";
import { InputError, type Problem } from "../errors.js";
import { compileScenario } from "../model/compile-scenario.js";
import type { Model } from "../model/scenario.js";
import { ScenarioSchema, type ScenarioSpec } from "../model/schema.js";

/**
 * Parses and validates a scenario written in YAML (or JSON), then compiles it. Every problem
 * carries the file, the line of the offending field and its path.
 */
export function parseScenario(
  text: string,
  file = "<scenario>",
  options: { discretize?: number } = {},
): { spec: ScenarioSpec; model: Model; locate: (path: readonly (string | number)[]) => Problem } {
  const { doc, lineCounter } = readYaml(text, file);
  let data: unknown;
  try {
    // The yaml library refuses an alias expanded too often (a "billion laughs" bomb).
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw new InputError(
      [
        {
          code: "limit.yaml-aliases",
          file,
          message: `the YAML expands its aliases (*name) more than ${MAX_YAML_ALIASES} times: ${(e as Error).message}`,
          hint: "write the repeated parts out, or use fewer aliases",
        },
      ],
      { cause: e },
    );
  }
  if (data === null || data === undefined)
    throw new InputError([
      {
        code: "scenario.empty",
        file,
        message: "the scenario is empty",
        hint: "see examples/ for a scenario to start from",
      },
    ]);
  if (typeof data !== "object" || Array.isArray(data)) {
    const xml = typeof data === "string" && /^\s*</.test(text);
    throw new InputError([
      {
        code: "scenario.not-a-mapping",
        file,
        line: 1,
        message: xml ? "this is XML, not a scenario YAML" : "a scenario is a YAML mapping (name:, issues:, parties:)",
        hint: xml
          ? "for GENIUS files: parley analyze --genius DOMAIN.xml PROFILE.xml PROFILE.xml"
          : "see examples/river-treaty.yaml",
      },
    ]);
  }
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError(parsed.error.issues.map((i) => locate(zodProblem(i), doc, lineCounter, file)));
  try {
    return {
      spec: parsed.data,
      model: compileScenario(parsed.data, options),
      locate: (path) => locate({ code: "", message: "", path }, doc, lineCounter, file),
    };
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(
        e.problems.map((p) => locate(p, doc, lineCounter, file)),
        { cause: e },
      );
    throw e;
  }
}

/**
 * A YAML document with its line counter; a syntax error is refused with its line and column, and
 * so are nesting deeper than any scenario needs and tags that make something other than text,
 * numbers, booleans, lists and mappings (`!!binary`, `!!set`, `!!timestamp`, `!custom`). Merge
 * keys (`<<: *base`) are read, as YAML 1.1 defines them.
 */
export function readYaml(text: string, file: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length)
    throw new InputError(
      doc.errors
        .map((e) =>
          // The parser recurses per level: a document nested thousands deep overflows its stack.
          /call stack/i.test(e.message)
            ? tooDeep(at(e.pos[0]))
            : {
                code: "yaml.syntax",
                ...at(e.pos[0]),
                message: `${PLAIN[e.code] ?? "this line does not read as YAML"} (the parser: ${firstLine(e.message)})`,
                hint: "fix the YAML syntax",
              },
        )
        // One problem per line: the parser often reports one mistake several ways.
        .filter((p, i, all) => all.findIndex((q) => q.line === p.line) === i),
    );
  const problems: Problem[] = [];
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length && !problems.some((p) => p.code === "limit.yaml-depth")) {
    const [node, depth] = stack.pop()!;
    if (!isNode(node) || isAlias(node)) continue;
    if (depth > MAX_YAML_DEPTH) problems.push(tooDeep(at(node.range?.[0])));
    if (node.tag && !PLAIN_TAGS.has(node.tag))
      problems.push({
        code: "yaml.tag",
        ...at(node.range?.[0]),
        message: `the YAML tag ${node.tag.replace("tag:yaml.org,2002:", "!!")} is not read here`,
        hint: "write the value as plain text, a number, a list or a mapping",
      });
    if (isCollection(node))
      for (const item of node.items)
        if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
        else stack.push([item, depth + 1]);
  }
  if (problems.length) throw new InputError(problems);
  return { doc, lineCounter };
}

/** Nesting a scenario or case file may have (they need about eight levels). */
export const MAX_YAML_DEPTH = 64;

/** Tags that make plain data; anything else would become a Buffer, a Set, a Date or be dropped. */
const PLAIN_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq", "merge"].map((t) => `tag:yaml.org,2002:${t}`),
);

function tooDeep(where: { file: string; line: number; column: number }): Problem {
  return {
    code: "limit.yaml-depth",
    ...where,
    message: `the YAML nests deeper than ${MAX_YAML_DEPTH} levels`,
    hint: "a scenario nests a few levels; is this file generated by mistake?",
  };
}

/** Alias expansions allowed in a scenario YAML (the yaml library's own default). */
export const MAX_YAML_ALIASES = 100;

/** Writes a scenario as YAML (the inverse of `parseScenario` on the spec). */
export function scenarioToYaml(spec: ScenarioSpec): string {
  return stringify(spec, { lineWidth: 0, flowCollectionPadding: false });
}

function zodProblem(issue: z.core.$ZodIssue): Problem {
  let message = issue.message;
  if (issue.code === "invalid_union") {
    // Report the alternative that got furthest instead of zod's bare "Invalid input".
    const best = issue.errors
      .map((branch) => branch)
      .sort(
        (a, b) =>
          Math.max(0, ...b.map((x) => x.path.length)) - Math.max(0, ...a.map((x) => x.path.length)) ||
          a.length - b.length,
      )[0];
    if (best?.length)
      return {
        ...zodProblem(best[0]!),
        path: [...(issue.path as (string | number)[]), ...(best[0]!.path as (string | number)[])],
      };
  }
  if (issue.code === "unrecognized_keys")
    message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return {
    code: `schema.${issue.code}`,
    message,
    path: issue.path.filter((k): k is string | number => typeof k !== "symbol"),
    hint: "see schema/scenario.schema.json for what each field takes",
  };
}

/** Adds the file and the line of the deepest existing node on the problem's path. */
function locate(p: Problem, doc: Document, lines: LineCounter, file: string): Problem {
  const path = p.path ?? [];
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { ...p, file, line: pos.line, column: pos.col };
    }
  }
  return { ...p, file };
}

/** The parser's mistakes in plain words, by its error code. */
const PLAIN: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY:
    "a value holds a second ': ' (or a key is indented under a value): quote text that contains ': ', or start the nested keys on their own lines",
  MULTILINE_IMPLICIT_KEY: "a key runs over more than one line: put the key and its colon on one line",
  TAB_AS_INDENT: "a tab indents this line: YAML indents with spaces only",
  DUPLICATE_KEY: "this key is already given above in the same block: keep one of them",
  BAD_INDENT: "this line is indented differently from the lines it belongs with, or a [ or { is not closed",
  MISSING_CHAR: "a key has no value, or a bracket, brace or quote is not closed",
  BAD_SCALAR_START: "a value starts with a character YAML reserves (@, `, %, …): put the value in quotes",
  BAD_DQ_ESCAPE: "a backslash in double quotes starts an escape YAML does not know: use single quotes",
  UNEXPECTED_TOKEN: "something here does not fit: check the colon after each key and the quotes around text",
  BLOCK_IN_FLOW: "an indented block inside [ ] or { }: write it inline there, or as an indented list",
  MULTIPLE_DOCS: "a second document ('---') in the file: a scenario is one document",
};

function firstLine(s: string): string {
  return s.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
