#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { InputError, formatProblem } from "../errors.js";
import { registerDraft, registerEvidence } from "./evidence-command.js";
import { integer, load } from "./options.js";
import { registerSimulate } from "./simulate-command.js";
import { registerTournament } from "./tournament-command.js";
import { registerValidate } from "./validate-command.js";

// Commands import what they need when they run: start-up pays only for commander and the
// command declarations, and `analyze --genius` never loads the evidence, YAML or schema stack.

export function createProgram(): Command {
  const program = new Command("parley")
    .description("Turns news coverage of a negotiation into a cited, computable model of it, and reasons with that model.")
    .version("0.1.0")
    .configureOutput({ outputError: (text, write) => write(`parley: ${text.replace(/^error: /, "").trimEnd()} (see parley --help)\n`) })
    .exitOverride();

  program
    .command("analyze")
    .description("Pareto frontier, bargaining solutions, zone of agreement, proposals, concessions and robustness of a scenario or GENIUS domain")
    .argument("<files...>", "SCENARIO.yaml, or with --genius: DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]")
    .option("--genius", "read a GENIUS XML domain and its profiles")
    .option("--json", "print one JSON object instead of tables")
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize"), 11)
    .option("--samples <n>", "Monte Carlo draws for robustness (0 to skip)", integer(0, "--samples"), 1000)
    .option("--seed <n>", "seed for the Monte Carlo draws", integer(0, "--seed"), 1)
    .option("--rows <n>", "frontier rows shown in the table", integer(1, "--rows"), 12)
    .option("--corpus <dir>", "resolve the scenario's citations in this folder of articles; show the evidence and the assumptions")
    .action(async (files: string[], o: { genius?: boolean; json?: boolean; discretize: number; samples: number; seed: number; rows: number; corpus?: string }) => {
      const [{ model, spec }, { analyze }, { renderAnalysis }] = await Promise.all([load(files, o.genius, o.discretize), import("../analysis/analyze.js"), import("./render-analysis.js")]);
      let report = analyze(model, { samples: o.samples, seed: o.seed });
      if (o.corpus) {
        if (o.genius) throw new InputError([{ code: "cli.usage", message: "--corpus needs a scenario YAML with citations, not GENIUS files" }]);
        const [{ validateCitations }, { withEvidence }, { readDocuments }, { withBatchDates }, { extractEvidence }, { evidenceJson }] = await Promise.all([
          import("../formats/validate-citations.js"),
          import("../formats/cited-report.js"),
          import("../ingest/read-documents.js"),
          import("../evidence/document.js"),
          import("../evidence/extract.js"),
          import("../evidence/evidence-json.js"),
        ]);
        const { citations, assumptions } = validateCitations(files[0]!, o.corpus);
        const evidence = evidenceJson(extractEvidence(withBatchDates(readDocuments([o.corpus]))));
        report = withEvidence(report, spec, citations, assumptions, evidence.contradictions);
      }
      process.stdout.write(o.json ? JSON.stringify(report) + "\n" : renderAnalysis(report, { maxRows: o.rows }));
    });

  program
    .command("convert")
    .description("Write a scenario as GENIUS XML (domain + one profile per party), or GENIUS XML as a scenario YAML")
    .argument("<files...>", "SCENARIO.yaml, or with --genius: DOMAIN.xml PROFILE.xml PROFILE.xml [PROFILE.xml…]")
    .option("--genius", "read a GENIUS XML domain and its profiles and write YAML")
    .option("--out <path>", "folder for the GENIUS files, or the YAML file (default: YAML on stdout)")
    .option("--discretize <n>", "values per real issue", integer(2, "--discretize"), 11)
    .action(async (files: string[], o: { genius?: boolean; out?: string; discretize: number }) => {
      const { spec, model } = await load(files, o.genius, o.discretize);
      const [{ mkdirSync, writeFileSync }, { join }] = await Promise.all([import("node:fs"), import("node:path")]);
      if (o.genius) {
        const { scenarioToYaml } = await import("../formats/scenario-yaml.js");
        const yaml = scenarioToYaml(spec);
        if (o.out) writeFileSync(o.out, yaml);
        else process.stdout.write(yaml);
        return;
      }
      if (!o.out) throw new InputError([{ code: "cli.usage", message: "convert to GENIUS needs --out FOLDER", hint: "parley convert SCENARIO.yaml --out genius/" }]);
      const { modelToGenius } = await import("../formats/genius-xml.js");
      const { domain, profiles, dropped } = modelToGenius(model);
      mkdirSync(o.out, { recursive: true });
      const base = slug(model.name);
      const written = [join(o.out, `${base}-domain.xml`)];
      writeFileSync(written[0]!, domain);
      model.parties.forEach((p, i) => {
        const file = join(o.out!, `${base}-${slug(p.name)}.xml`);
        writeFileSync(file, profiles[i]!);
        written.push(file);
      });
      process.stdout.write(written.join("\n") + "\n");
      if (dropped.length) process.stderr.write(`note: GENIUS XML has no form for ${dropped.join(", ")}\n`);
    });

  program
    .command("schema")
    .description("Print the JSON Schema of scenario files")
    .option("--out <file>", "write it to a file")
    .action(async (o: { out?: string }) => {
      const [{ writeFileSync }, { scenarioJsonSchema }] = await Promise.all([import("node:fs"), import("../model/schema.js")]);
      const text = JSON.stringify(scenarioJsonSchema(), null, 2) + "\n";
      if (o.out) writeFileSync(o.out, text);
      else process.stdout.write(text);
    });
  registerEvidence(program);
  registerDraft(program);
  registerValidate(program);
  registerSimulate(program);
  registerTournament(program);
  return program;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario";
}

/** Runs the CLI; returns the exit code (2 for bad input or usage, 1 for anything unexpected). */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError) {
      for (const p of e.problems) process.stderr.write(`parley: ${formatProblem(p)}\n`);
      return 2;
    }
    process.stderr.write(`parley: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env["PARLEY_DEBUG"]) console.error(e);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
