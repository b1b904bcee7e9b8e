import type { Command } from "commander";
import { InputError } from "../errors.js";
import { integer } from "./options.js";

const FORMATS = { ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf" } as const;

export function registerReport(program: Command): void {
  program
    .command("report")
    .description(
      "Write the briefing on a scenario: a dated two-page core (bottom line, latest meeting, plan history, each side's lines, the gap, two charts, what to watch, source warnings), then the annex (timeline, who said what, contradictions, the cited model, plan terms, analysis, sources, method)",
    )
    .argument("<scenario>", "scenario YAML")
    .requiredOption("--corpus <dir>", "the folder of articles the scenario cites")
    .option("--out <file>", "briefing.html, briefing.md or briefing.pdf (default: Markdown on standard output)")
    .option("--pdf", "print the HTML briefing to PDF through Chromium (--out must end in .pdf)")
    .option("--author <name>", "who prepared the briefing, for its header")
    .option("--force", "replace --out if it exists")
    .option("--samples <n>", "Monte Carlo draws for robustness (0 to skip)", integer(0, "--samples"), 1000)
    .option("--seed <n>", "seed for the Monte Carlo draws", integer(0, "--seed"), 1)
    .action(
      async (
        scenario: string,
        o: {
          corpus: string;
          out?: string;
          pdf?: boolean;
          force?: boolean;
          author?: string;
          samples: number;
          seed: number;
        },
      ) => {
        const ext = (o.out?.match(/\.[^./\\]+$/)?.[0] ?? "").toLowerCase() as keyof typeof FORMATS;
        const format = o.pdf ? "pdf" : o.out ? FORMATS[ext] : "md";
        if (!format)
          throw new InputError([
            {
              code: "cli.usage",
              field: "--out",
              message: `"${o.out}": the briefing is written as .html, .md or .pdf`,
              hint: "e.g. --out briefing.html",
            },
          ]);
        if (o.pdf && ext !== ".pdf")
          throw new InputError([
            { code: "cli.usage", field: "--out", message: "--pdf writes a PDF file", hint: "give --out briefing.pdf" },
          ]);
        const [{ citedInputFromFolder }, { briefing }, { writeOutput }] = await Promise.all([
          import("../workflows/cited-input.js"),
          import("../workflows/cited-analysis.js"),
          import("./write-output.js"),
        ]);
        const text = briefing(
          citedInputFromFolder(scenario, o.corpus),
          { samples: o.samples, seed: o.seed, author: o.author },
          format === "md" ? "md" : "html",
        );
        const inputs = [scenario, o.corpus];
        if (format === "pdf") {
          const { printPdf } = await import("../report/print-pdf.js");
          writeOutput(o.out!, await printPdf(text), { force: o.force === true, inputs });
        } else if (o.out) writeOutput(o.out, text, { force: o.force === true, inputs });
        else process.stdout.write(text);
        if (o.out) process.stderr.write(`parley: briefing written to ${o.out}\n`);
      },
    );
}
