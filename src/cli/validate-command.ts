import type { Command } from "commander";
import { table } from "./table.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check that every citation of a scenario resolves to exactly one place in the corpus; list what rests on none")
    .argument("<scenario>", "scenario YAML")
    .requiredOption("--corpus <dir>", "the folder of articles the scenario cites")
    .option("--json", "print one JSON object")
    .action(async (scenario: string, o: { corpus: string; json?: boolean }) => {
      const { validateCitations } = await import("../formats/validate-citations.js");
      const r = validateCitations(scenario, o.corpus);
      if (o.json) {
        process.stdout.write(JSON.stringify(r) + "\n");
        return;
      }
      process.stdout.write(
        `${r.citations.length} citation(s), all resolved to exactly one place\n` +
          table(["field", "file", "offsets", "words"], r.citations.map((c) => [c.field, c.file, `${c.start}–${c.end}`, c.text.length > 60 ? c.text.slice(0, 59) + "…" : c.text])) +
          `\n\n${r.assumptions.length} assumption(s) — numbers and terms no citation supports:\n` +
          r.assumptions.map((a) => `  ${a}`).join("\n") +
          "\n",
      );
    });
}
