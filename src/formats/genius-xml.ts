import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { fail, InputError, type Problem } from "../errors.js";
import type { NumericIssue } from "../model/issue.js";
import { MAX_OPTIONS } from "../model/issue.js";
import { evaluateValueFunction, nominalTheta, resolve } from "../model/preferences.js";
import type { Model } from "../model/scenario.js";
import type { IssueSpec, PartySpec, ScenarioSpec } from "../model/schema.js";

/**
 * GENIUS XML domains and linear-additive utility spaces, as the ANAC competition domains use
 * them. Semantics follow GENIUS: a discrete evaluation is divided by the issue's largest
 * evaluation; weights are used as written; integer evaluators are slope·(x − lowerbound) +
 * offset and real ones parameter1·x + parameter0, both clipped to [0, 1].
 */

interface XmlNode {
  [key: string]: unknown;
}

/** A GENIUS domain: its issues with their GENIUS indices (profiles' weights refer to them). */
export interface GeniusDomain {
  readonly name: string;
  readonly file: string;
  readonly issues: readonly (IssueSpec & { index: number })[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  isArray: (name) => ["objective", "issue", "item", "weight", "evaluator"].includes(name),
});

function parseXml(text: string, file: string): XmlNode {
  // Some ANAC files put a comment before the XML declaration; GENIUS accepts them, so do we.
  const declaration = text.search(/<\?xml[^>]*\?>/);
  if (declaration > 0 && /^\s*(<!--[\s\S]*?-->\s*)*$/.test(text.slice(0, declaration)))
    text = text.slice(0, declaration) + text.slice(declaration).replace(/<\?xml[^>]*\?>/, (m) => " ".repeat(m.length));
  // GENIUS files declare no entities; a DTD that does is refused before parsing (no external
  // entity is ever read, no entity expansion bomb ever expands).
  const entity = /<!ENTITY/i.exec(text);
  if (entity)
    fail({
      code: "genius.entities",
      file,
      line: text.slice(0, entity.index).split("\n").length,
      message: "the XML declares entities (<!ENTITY …>), which GENIUS files never do",
      hint: "remove the DOCTYPE's entity declarations",
    });
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    fail({
      code: "genius.malformed-xml",
      file,
      line: valid.err.line,
      column: valid.err.col,
      message: `malformed XML: ${valid.err.msg}`,
      hint: "fix the XML (is this a GENIUS file?)",
    });
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    return fail({
      code: "genius.malformed-xml",
      file,
      message: `the XML cannot be read: ${(e as Error).message}`,
      hint: "is this a GENIUS file?",
    });
  }
}

const arr = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : v ? [v as XmlNode] : []);

/** Where each line of the last text asked about starts: a file's issues each ask, so it is kept. */
let indexed: { text: string; starts: number[] } = { text: "", starts: [0] };

/** 1-based line of the first occurrence of `needle` in `text` (for errors). */
function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  if (indexed.text !== text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    indexed = { text, starts };
  }
  const { starts } = indexed;
  let lo = 0,
    hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function utilitySpace(root: XmlNode, file: string): XmlNode {
  const space = (root["negotiation_template"] as XmlNode | undefined)?.["utility_space"] ?? root["utility_space"];
  if (!space || typeof space !== "object")
    fail({
      code: "genius.no-utility-space",
      file,
      message: "no <utility_space> element",
      hint: "give a GENIUS domain or profile XML file",
    });
  return space as XmlNode;
}

/** Issues of all objectives, depth first (GENIUS objectives may nest). */
function issuesOf(node: XmlNode): XmlNode[] {
  return arr(node["objective"]).flatMap((o) => [...arr(o["issue"]), ...issuesOf(o)]);
}

/** GENIUS writes decimal numbers only; `0x10`, `0b1` or `Infinity` are not numbers here (Number() would read them). */
const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function number(v: unknown): number {
  return typeof v === "string" && DECIMAL.test(v) ? Number(v) : NaN;
}

export function parseGeniusDomain(text: string, file: string): GeniusDomain {
  const space = utilitySpace(parseXml(text, file), file);
  const objective = arr(space["objective"])[0];
  const problems: Problem[] = [];
  const issues = issuesOf(space).map((node, k): IssueSpec & { index: number } => {
    const name = String(node["name"] ?? "").trim();
    const index = number(node["index"]);
    const type = String(node["type"] ?? node["etype"] ?? "discrete");
    const line = lineOf(text, `name="${name}"`);
    const where = { file, ...(line ? { line } : {}), field: `issue "${name || k + 1}"` };
    if (!name)
      problems.push({
        ...where,
        code: "genius.issue-name",
        message: "issue without a name",
        hint: "every <issue> needs name=",
      });
    if (type === "discrete") {
      const options = arr(node["item"]).map((i) => String(i["value"] ?? ""));
      if (!options.length)
        problems.push({
          ...where,
          code: "genius.no-items",
          message: "discrete issue without <item> values",
          hint: "list its values as <item value=…>",
        });
      return { kind: "discrete", name, options, index };
    }
    const range = arr(node["range"] as unknown)[0];
    const lower = number(node["lowerbound"] ?? range?.["lowerbound"]);
    const upper = number(node["upperbound"] ?? range?.["upperbound"]);
    if (!Number.isFinite(lower) || !Number.isFinite(upper) || lower > upper)
      problems.push({
        ...where,
        code: "genius.bounds",
        message: `${type} issue needs decimal lowerbound ≤ upperbound`,
        hint: "set lowerbound and upperbound",
      });
    else if (type === "integer" && (!Number.isInteger(lower) || !Number.isInteger(upper)))
      problems.push({
        ...where,
        code: "genius.bounds",
        message: `integer issue with bounds ${lower}…${upper}, which are not whole numbers`,
        hint: 'give whole-number bounds, or make it type="real"',
      });
    if (type === "integer") return { kind: "integer", name, lower, upper, index };
    if (type === "real") return { kind: "real", name, lower, upper, index };
    problems.push({
      ...where,
      code: "genius.issue-type",
      message: `unsupported issue type "${type}"`,
      hint: "GENIUS issues are discrete, integer or real",
    });
    return { kind: "discrete", name, options: [], index };
  });
  if (!issues.length && !problems.length)
    problems.push({
      file,
      code: "genius.no-issues",
      message: "the domain has no <issue> elements",
      hint: "is this a GENIUS domain file?",
    });
  const seen = new Set<string>();
  const indexes = new Map<number, string>();
  for (const issue of issues) {
    const line = lineOf(text, `name="${issue.name}"`);
    const where = { file, ...(line ? { line } : {}), field: `issue "${issue.name}"` };
    const first = indexes.get(issue.index);
    // Profiles weigh issues by index: two issues under one index would share (and lose) a weight.
    if (Number.isNaN(issue.index))
      problems.push({
        ...where,
        code: "genius.issue-index",
        message: `issue "${issue.name}" has no numeric index=`,
        hint: 'profiles refer to issues by index: give every issue index="1", "2", …',
      });
    else if (first !== undefined)
      problems.push({
        ...where,
        code: "genius.duplicate-index",
        message: `issues "${first}" and "${issue.name}" share index ${issue.index}`,
        hint: "give every issue its own index=",
      });
    else indexes.set(issue.index, issue.name);
    if (seen.has(issue.name)) {
      const second = text.indexOf(`name="${issue.name}"`, text.indexOf(`name="${issue.name}"`) + 1);
      problems.push({
        file,
        ...(second >= 0 ? { line: text.slice(0, second).split("\n").length } : {}),
        field: `issue "${issue.name}"`,
        code: "genius.duplicate-issue",
        message: `issue "${issue.name}" is defined twice`,
        hint: "issue names must be unique",
      });
    }
    seen.add(issue.name);
    if (issue.kind === "discrete" && issue.options.length > MAX_OPTIONS)
      problems.push({
        file,
        field: `issue "${issue.name}"`,
        code: "limit.options",
        message: `issue "${issue.name}" has ${issue.options.length.toLocaleString("en-US")} values; the limit is ${MAX_OPTIONS.toLocaleString("en-US")}`,
        hint: "a discrete issue this large is a numeric one: make it integer or real",
      });
  }
  if (problems.length) throw new InputError(problems);
  return { name: String(objective?.["name"] ?? file), file, issues };
}

/**
 * A GENIUS linear-additive profile as a scenario party. Checks that it fits the domain:
 * every issue it names exists, every evaluated item is a value of the domain, weights are ≥ 0.
 */
export function parseGeniusProfile(text: string, file: string, domain: GeniusDomain): PartySpec {
  const root = parseXml(text, file);
  const space = utilitySpace(root, file);
  if (String(space["type"] ?? "").toLowerCase() === "nonlinear")
    fail({
      code: "genius.nonlinear",
      file,
      line: lineOf(text, "nonlinear") ?? 1,
      message: "non-linear (hyperRectangle) utility spaces are not supported",
      hint: "give a linear-additive GENIUS profile",
    });
  const problems: Problem[] = [];
  const at = (needle: string, field: string) => {
    const line = lineOf(text, needle);
    return { file, ...(line ? { line } : {}), field };
  };
  const byName = new Map(domain.issues.map((i) => [i.name, i]));
  const profileIssues = issuesOf(space);
  const weightByIndex = new Map<number, unknown>();
  const weightNodes = [...arr(space["weight"]), ...arr(space["objective"]).flatMap((o) => arr(o["weight"]))];
  for (const w of weightNodes) {
    const index = number(w["index"]);
    if (weightByIndex.has(index))
      problems.push({
        ...at(`index="${String(w["index"])}"`, `weight ${String(w["index"])}`),
        code: "genius.duplicate-weight",
        message: `two <weight index="${String(w["index"])}"> elements (which one holds?)`,
        hint: "give each issue one weight",
      });
    weightByIndex.set(index, w["value"]);
  }

  const weights: Record<string, number> = {};
  const values: PartySpec["values"] = {};
  const unknown: string[] = [];
  for (const node of profileIssues) {
    const name = String(node["name"] ?? "");
    const issue = byName.get(name);
    if (!issue) {
      unknown.push(name);
      continue;
    }
    const rawWeight = weightByIndex.get(number(node["index"]));
    const weight = number(rawWeight);
    if (rawWeight === undefined)
      problems.push({
        ...at(`name="${name}"`, `issue "${name}"`),
        code: "genius.missing-weight",
        message: `no <weight index="${String(node["index"])}"> for issue "${name}"`,
        hint: "give every issue a weight",
      });
    else if (!Number.isFinite(weight) || weight < 0)
      problems.push({
        ...at(`value="${String(rawWeight)}"`, `weight of "${name}"`),
        code: "genius.bad-weight",
        message: `weight "${String(rawWeight)}" is ${Number.isFinite(weight) ? "negative" : "not a number"}`,
        hint: "weights are numbers ≥ 0",
      });
    weights[name] = Number.isFinite(weight) && weight >= 0 ? weight : 0;

    if (issue.kind === "discrete") {
      const evaluations = new Map<string, number>();
      // A set, not a scan per item: tens of thousands of options must stay linear.
      const options = new Set(issue.options);
      for (const item of arr(node["item"])) {
        const value = String(item["value"] ?? "");
        const e = item["evaluation"] === undefined ? 0 : number(item["evaluation"]);
        if (!options.has(value))
          problems.push({
            ...at(`value="${value}"`, `issue "${name}"`),
            code: "genius.unknown-option",
            message: `evaluation for "${value}", which is not a value of issue "${name}" in the domain`,
            hint: `values: ${issue.options.join(", ")}`,
          });
        else if (!Number.isFinite(e) || e < 0)
          problems.push({
            ...at(`value="${value}"`, `issue "${name}", item "${value}"`),
            code: "genius.bad-evaluation",
            message: `evaluation "${String(item["evaluation"])}" is not a number ≥ 0`,
            hint: "evaluations are numbers ≥ 0",
          });
        else evaluations.set(value, e);
      }
      let max = 0;
      for (const e of evaluations.values()) if (e > max) max = e;
      values[name] = Object.fromEntries(issue.options.map((o) => [o, max > 0 ? (evaluations.get(o) ?? 0) / max : 0]));
    } else {
      const ev = arr(node["evaluator"])[0];
      const ftype = String(ev?.["ftype"] ?? "linear");
      const where = at(`name="${name}"`, `evaluator of "${name}"`);
      if (!ev) {
        problems.push({
          ...where,
          code: "genius.no-evaluator",
          message: `${issue.kind} issue "${name}" has no <evaluator>`,
          hint: 'add <evaluator ftype="linear" …>',
        });
        continue;
      }
      let slope: number, intercept: number;
      if (issue.kind === "integer") {
        // GENIUS EvaluatorInteger: slope·(x − lowerbound) + offset.
        slope = ftype === "constant" ? 0 : number(ev["slope"]);
        const offset = number(ev["offset"] ?? ev["parameter0"]);
        intercept = offset - slope * issue.lower;
      } else {
        // GENIUS EvaluatorReal: parameter1·x + parameter0.
        slope = ftype === "constant" ? 0 : number(ev["parameter1"]);
        intercept = number(ev["parameter0"]);
      }
      if (ftype !== "linear" && ftype !== "constant")
        problems.push({
          ...where,
          code: "genius.evaluator-type",
          message: `evaluator type "${ftype}" is not supported`,
          hint: 'use ftype="linear" or "constant"',
        });
      else if (!Number.isFinite(slope) || !Number.isFinite(intercept))
        problems.push({
          ...where,
          code: "genius.evaluator",
          message: "evaluator parameters are missing or not numbers",
          hint: issue.kind === "integer" ? "give slope and offset" : "give parameter0 and parameter1",
        });
      values[name] = { linear: { slope, intercept } };
    }
  }
  if (unknown.length) {
    // One line whether one issue is foreign or all of them (a profile of another domain).
    const names = unknown.map((n) => `"${n}"`);
    const list = names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more` : names.join(", ");
    problems.unshift({
      ...at(`name="${unknown[0]}"`, `issue ${names[0]}`),
      code: "genius.unknown-issue",
      message: `the profile names ${unknown.length > 1 ? `issues ${list}, which` : `issue ${list}, which`} the domain ${domain.file} lacks`,
      hint: `domain issues: ${[...byName.keys()].join(", ")}; is this profile for another domain?`,
    });
  }
  for (const issue of domain.issues)
    if (!(issue.name in weights) && !unknown.length)
      problems.push({
        file,
        code: "genius.missing-issue",
        message: `the profile does not evaluate issue "${issue.name}" of the domain`,
        hint: "is this profile for another domain?",
      });
  if (problems.length) throw new InputError(problems);

  // A missing reservation value is 0 and a missing discount none, as in GENIUS; one that is
  // there must make sense (GENIUS would silently clamp or ignore it).
  const rawReservation = arr(space["reservation"] as unknown)[0]?.["value"];
  const rawDiscount = arr(space["discount_factor"] as unknown)[0]?.["value"];
  const reservation = rawReservation === undefined ? 0 : number(rawReservation);
  const discount = rawDiscount === undefined ? 1 : number(rawDiscount);
  if (!(reservation >= 0 && reservation <= 1))
    problems.push({
      ...at("<reservation", "reservation"),
      code: "genius.reservation",
      message: `reservation value "${String(rawReservation)}" is not a number in [0, 1]`,
      hint: "utilities are on a 0–1 scale",
    });
  // GENIUS writes 0 for "no discount"; anything else must be a factor in (0, 1].
  if (!(discount >= 0 && discount <= 1))
    problems.push({
      ...at("<discount_factor", "discount_factor"),
      code: "genius.discount",
      message: `discount factor "${String(rawDiscount)}" is not a number in [0, 1]`,
      hint: "1 (or 0, as GENIUS writes it) for no discount",
    });
  if (problems.length) throw new InputError(problems);
  const name = file.replace(/^.*[\\/]/, "").replace(/\.xml$/i, "");
  return {
    name,
    role: "principal",
    reservation,
    ...(discount > 0 && discount <= 1 ? { discount } : {}),
    weights,
    values,
    redLines: [],
  };
}

/** A GENIUS domain with its profiles, as a scenario (party names from the profile file names). */
export function geniusToScenario(
  domain: GeniusDomain,
  profiles: readonly { text: string; file: string }[],
  options: { discretize?: number } = {},
): ScenarioSpec {
  const parties = profiles.map((p) => parseGeniusProfile(p.text, p.file, domain));
  const seen = new Map<string, number>();
  for (const p of parties) {
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    if (n > 1) p.name = `${p.name} (${n})`;
  }
  return {
    name: domain.name,
    issues: domain.issues.map(({ index: _index, ...issue }) =>
      // A real range of one point is one value, not 11 copies of it.
      issue.kind === "real" ? { ...issue, steps: issue.lower === issue.upper ? 1 : (options.discretize ?? 11) } : issue,
    ),
    parties,
    proposals: [],
  };
}

/**
 * The model as a GENIUS domain and one profile per party (nominal values of uncertain numbers).
 * Red lines and proposals have no GENIUS form and are reported in `dropped`. A numeric issue
 * that some party values non-linearly is written as a discrete issue of its grid values.
 */
export function modelToGenius(model: Model): { domain: string; profiles: string[]; dropped: string[] } {
  const theta = nominalTheta(model.parameters);
  const issues = model.space.issues;
  const numericOk = issues.map(
    (issue, i) => issue.kind !== "discrete" && model.parties.every((p) => p.preferences.values[i]!.kind === "linear"),
  );
  const dropped: string[] = [];
  if (model.redLines.length) dropped.push(`${model.redLines.length} red line(s)`);
  if (model.proposals.length) dropped.push(`${model.proposals.length} proposal(s)`);
  if (model.parameters.length) dropped.push(`${model.parameters.length} uncertainty range(s) (nominal values written)`);
  issues.forEach((issue, i) => {
    if (issue.kind !== "discrete" && !numericOk[i])
      dropped.push(`issue "${issue.name}" written as discrete (a value function is not linear)`);
  });
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    suppressEmptyNode: true,
    // An option named "true" is a value like any other, not a bare boolean attribute.
    suppressBooleanAttributes: false,
  });
  const issueXml = (i: number, extra: (j: number) => XmlNode = () => ({})): XmlNode => {
    const issue = issues[i]!;
    const head = { "@_index": i + 1, "@_name": issue.name };
    if (numericOk[i] && (issue.kind === "integer" || issue.kind === "real")) {
      const { lower, upper } = issue as NumericIssue;
      return issue.kind === "integer"
        ? {
            ...head,
            "@_etype": "integer",
            "@_type": "integer",
            "@_vtype": "integer",
            "@_lowerbound": lower,
            "@_upperbound": upper,
          }
        : {
            ...head,
            "@_etype": "real",
            "@_type": "real",
            "@_vtype": "real",
            range: { "@_lowerbound": lower, "@_upperbound": upper },
          };
    }
    return {
      ...head,
      "@_etype": "discrete",
      "@_type": "discrete",
      "@_vtype": "discrete",
      item: Array.from({ length: issue.cardinality }, (_, j) => ({
        "@_index": j + 1,
        "@_value": String(issue.valueAt(j)),
        ...extra(j),
      })),
    };
  };
  const domain = builder.build({
    negotiation_template: {
      utility_space: {
        "@_number_of_issues": issues.length,
        objective: {
          "@_index": 0,
          "@_etype": "objective",
          "@_type": "objective",
          "@_name": model.name,
          issue: issues.map((_, i) => issueXml(i)),
        },
      },
    },
  }) as string;

  const profiles = model.parties.map((party) => {
    const prefs = party.preferences;
    const weights: XmlNode[] = [];
    const issueNodes = issues.map((issue, i) => {
      const w = resolve(prefs.weights[i]!, theta);
      const fn = prefs.values[i]!;
      if (numericOk[i] && fn.kind === "linear") {
        weights.push({ "@_index": i + 1, "@_value": w });
        const node = issueXml(i);
        node["evaluator"] =
          issue.kind === "integer"
            ? {
                "@_ftype": "linear",
                "@_slope": fn.slope,
                "@_offset": fn.slope * (issue as NumericIssue).lower + fn.intercept,
              }
            : { "@_ftype": "linear", "@_parameter0": fn.intercept, "@_parameter1": fn.slope };
        return node;
      }
      const u = Array.from(evaluateValueFunction(fn, issue.numberAt, issue.cardinality, theta));
      // GENIUS divides by the largest evaluation: fold that maximum into the weight.
      const max = u.reduce((m, x) => Math.max(x, m), -Infinity);
      weights.push({ "@_index": i + 1, "@_value": max > 0 ? w * max : 0 });
      return issueXml(i, (j) => ({ "@_evaluation": max > 0 ? u[j]! / max : 1 }));
    });
    const reservation = resolve(prefs.reservation, theta);
    return builder.build({
      utility_space: {
        objective: {
          "@_index": 0,
          "@_etype": "objective",
          "@_type": "objective",
          "@_name": model.name,
          issue: issueNodes,
          weight: weights,
        },
        ...(party.discount === undefined ? {} : { discount_factor: { "@_value": party.discount } }),
        reservation: { "@_value": reservation },
      },
    }) as string;
  });
  return { domain, profiles, dropped };
}
