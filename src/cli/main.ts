#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { formatProblem, InputError, type Problem } from "../errors.js";
import { systemProblem } from "../system-errors.js";
import { registerDraft, registerEvidence } from "./evidence-command.js";
import { registerFollow } from "./follow-command.js";
import { withFlag } from "./limit-flags.js";
import { integer, load, MAX_STEPS, number } from "./options.js";
import { registerReport } from "./report-command.js";
import { registerServe } from "./serve-command.js";
import { registerSimulate } from "./simulate-command.js";
import { groupThousands } from "./table.js";
import { registerTournament } from "./tournament-command.js";
import { registerValidate } from "./validate-command.js";

// Commands import what they need when they run: start-up pays only for commander and the
// command declarations, and `analyze --genius` never loads the evidence, YAML or schema stack.

export function createProgram(): Command {
  const program = new Command("parley")
    .description(
      "Turns news coverage of a negotiation into a cited, computable model of it, and reasons with that model.",
    )
    .version("0.1.0")
    .configureOutput({
      outputError: (text, write) => write(`parley: ${text.replace(/^error: /, "").trimEnd()} (see parley --help)\n`),
    })
    .exitOverride();

  program
    .command("analyze")
    .description(
      "Pareto frontier, bargaining solutions, zone of agreement, proposals, concessions and robustness of a scenario or GENIUS domain",
    )
    .argument("<files...>", "SCENARIO.yaml, or with --genius: DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]")
    .option("--genius", "read a GENIUS XML domain and its profiles")
    .option("--json", "print one JSON object instead of tables")
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize", MAX_STEPS), 11)
    .option("--samples <n>", "Monte Carlo draws for robustness (0 to skip)", integer(0, "--samples"), 1000)
    .option("--seed <n>", "seed for the Monte Carlo draws", integer(0, "--seed"), 1)
    .option("--rows <n>", "frontier rows shown in the table", integer(1, "--rows"), 12)
    .option(
      "--corpus <dir>",
      "resolve the scenario's citations in this folder of articles; show the evidence and the assumptions",
    )
    .option(
      "--max-work <n>",
      "work limit of the exact analysis, in partial outcomes combined (default 6e7, about 15 s)",
      number(1, "--max-work"),
    )
    .option("--wide", "print full table lines instead of wrapping them to the terminal's width")
    .action(
      async (
        files: string[],
        o: {
          genius?: boolean;
          json?: boolean;
          discretize: number;
          samples: number;
          seed: number;
          rows: number;
          corpus?: string;
          maxWork?: number;
          wide?: boolean;
        },
      ) => {
        // JSON needs no table renderer, tables no JSON writer: each loads only what it prints with.
        const [loaded, { analyze }, output, { progress }] = await Promise.all([
          load(files, o.genius, o.discretize),
          import("../analysis/analyze.js"),
          o.json ? import("../analysis/analysis-json.js") : import("./render-analysis.js"),
          import("./progress.js"),
        ]);
        if (o.corpus && o.genius)
          throw new InputError([
            { code: "cli.usage", message: "--corpus needs a scenario YAML with citations, not GENIUS files" },
          ]);
        const working = progress("exact analysis, work units of the --max-work limit");
        const drawing = progress("robustness draws");
        const options = {
          samples: o.samples,
          seed: o.seed,
          ...(o.maxWork ? { maxWork: o.maxWork } : {}),
          onProgress: drawing.update,
          onWork: working.update,
        };
        // With a corpus, every citation is resolved and the sources' evidence attached.
        const report = o.corpus
          ? await import("../workflows/cited-analysis.js").then(async ({ citedAnalysis }) => {
              const { citedInputFromFolder } = await import("../workflows/cited-input.js");
              return citedAnalysis(citedInputFromFolder(files[0]!, o.corpus!, loaded), options).report;
            })
          : analyze(loaded.model, options);
        working.stop();
        drawing.stop();
        const width = o.wide ? Infinity : process.stdout.columns || 100;
        if ("renderAnalysis" in output) process.stdout.write(output.renderAnalysis(report, { maxRows: o.rows, width }));
        else {
          // Written in pieces as made: a 10^100-outcome frontier is megabytes of JSON.
          for (const piece of output.analysisJson(report)) process.stdout.write(piece);
          process.stdout.write("\n");
        }
      },
    );

  program
    .command("convert")
    .description("Write a scenario as GENIUS XML (domain + one profile per party), or GENIUS XML as a scenario YAML")
    .argument("<files...>", "SCENARIO.yaml, or with --genius: DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]")
    .option("--genius", "read a GENIUS XML domain and its profiles and write YAML")
    .option("--out <path>", "folder for the GENIUS files, or the YAML file (default: YAML on stdout)")
    .option("--force", "replace files that exist already")
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize", MAX_STEPS), 11)
    .action(async (files: string[], o: { genius?: boolean; out?: string; force?: boolean; discretize: number }) => {
      const { spec, model } = await load(files, o.genius, o.discretize);
      const [{ existsSync, mkdirSync, statSync }, { join }, { writeOutput }, { distinctNames, slug }] =
        await Promise.all([
          import("node:fs"),
          import("node:path"),
          import("./write-output.js"),
          import("../formats/file-names.js"),
        ]);
      const force = o.force === true;
      if (o.genius) {
        const { scenarioToYaml } = await import("../formats/scenario-yaml.js");
        const yaml = scenarioToYaml(spec);
        if (o.out) writeOutput(o.out, yaml, { force, inputs: files });
        else process.stdout.write(yaml);
        return;
      }
      if (!o.out)
        throw new InputError([
          {
            code: "cli.usage",
            message: "convert to GENIUS needs --out FOLDER",
            hint: "parley convert SCENARIO.yaml --out genius/",
          },
        ]);
      if (existsSync(o.out) && !statSync(o.out).isDirectory())
        throw new InputError([
          {
            code: "output.not-folder",
            file: o.out,
            message: "is a file; GENIUS output is a folder of files",
            hint: "give --out a folder",
          },
        ]);
      const { modelToGenius } = await import("../formats/genius-xml.js");
      const { domain, profiles, dropped } = modelToGenius(model);
      // Names from the scenario, transliterated; never two files under one name.
      const base = slug(model.name) || "scenario";
      const [domainName, ...profileNames] = distinctNames(
        [`${base}-domain`, ...model.parties.map((p, i) => `${base}-${slug(p.name) || `party-${i + 1}`}`)],
        base,
        ".xml",
      );
      const targets = [domainName!, ...profileNames].map((name) => join(o.out!, name));
      const contents = [domain, ...profiles];
      // Every target is checked before any is written: a refusal leaves the folder as it was.
      const clash = targets.find((t) => existsSync(t) && !force);
      if (clash)
        throw new InputError([
          {
            code: "output.exists",
            file: clash,
            message: "exists already",
            hint: "choose another --out folder, or add --force to replace the files",
          },
        ]);
      mkdirSync(o.out, { recursive: true });
      targets.forEach((t, i) => writeOutput(t, contents[i]!, { force, inputs: files }));
      process.stdout.write(`${targets.join("\n")}\n`);
      if (dropped.length) process.stderr.write(`note: GENIUS XML has no form for ${dropped.join(", ")}\n`);
    });

  program
    .command("schema")
    .description("Print the JSON Schema of scenario files")
    .option("--out <file>", "write it to a file (replaced if it exists)")
    .action(async (o: { out?: string }) => {
      const [{ writeOutput }, { scenarioJsonSchema }] = await Promise.all([
        import("./write-output.js"),
        import("../model/schema.js"),
      ]);
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (o.out) writeOutput(o.out, text, { force: true });
      else process.stdout.write(text);
    });
  registerEvidence(program);
  registerDraft(program);
  registerFollow(program);
  registerValidate(program);
  registerSimulate(program);
  registerTournament(program);
  registerServe(program);
  registerReport(program);
  return program;
}

/** At most this many problems are printed per file; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 20;

/** Runs the CLI; returns the exit code (2 for bad input, usage or a system error the user can fix, 1 for an internal fault). */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const problems = e instanceof InputError ? e.problems : [systemProblem(e)].filter((p) => p !== undefined);
    if (problems.length) {
      process.stderr.write(renderProblems(problems));
      return 2;
    }
    process.stderr.write(`parley: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env["PARLEY_DEBUG"]) console.error(e);
    return 1;
  }
}

/** One line per problem, at most MAX_PROBLEMS_SHOWN per file, then how many more there are. */
export function renderProblems(problems: readonly Problem[]): string {
  const shown = new Map<string, number>();
  const hidden = new Map<string, number>();
  let out = "";
  for (const p of problems) {
    const key = p.file ?? "";
    const n = shown.get(key) ?? 0;
    if (n >= MAX_PROBLEMS_SHOWN) hidden.set(key, (hidden.get(key) ?? 0) + 1);
    else {
      shown.set(key, n + 1);
      out += `parley: ${formatProblem(withFlag(p))}\n`;
    }
  }
  for (const [file, n] of hidden)
    out += `parley: ${file ? `${file}: ` : ""}and ${groupThousands(n)} more problem(s) like these — fix the ones shown first\n`;
  return out;
}

// A reader that stops early (`parley … | head`) is not an error: stop quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
