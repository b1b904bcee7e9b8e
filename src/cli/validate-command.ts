import type { Command } from "commander";
import { table } from "./table.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "Check that every citation of a scenario resolves to exactly one place in the corpus; list what rests on none, and what rests only on a weak or single source",
    )
    .argument("<scenario>", "scenario YAML")
    .requiredOption("--corpus <dir>", "the folder of articles the scenario cites")
    .option("--json", "print one JSON object")
    .action(async (scenario: string, o: { corpus: string; json?: boolean }) => {
      const [{ citedInputFromFolder }, { validation }] = await Promise.all([
        import("../workflows/cited-input.js"),
        import("../workflows/cited-analysis.js"),
      ]);
      const r = validation(citedInputFromFolder(scenario, o.corpus));
      const weak = r.weakFields;
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      process.stdout.write(
        `${r.citations.length} citation(s), all resolved to exactly one place\n` +
          table(
            ["field", "file", "offsets", "words"],
            r.citations.map((c) => [
              c.field,
              c.file,
              `${c.start}–${c.end}`,
              c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text,
            ]),
          ) +
          `\n\n${r.assumptions.length} assumption(s) — numbers and terms no citation supports:\n` +
          r.assumptions.map((a) => `  ${a}`).join("\n") +
          `\n\n${weak.length} field(s) resting only on a weak or a single source:\n` +
          weak.map((w) => `  ${w.field}: ${w.reason}`).join("\n") +
          "\n",
      );
    });
}
