import type { Command } from "commander";
import { InputError } from "../errors.js";
import { checkSince, integer } from "./options.js";

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
    .option(
      "--since <date>",
      "open with what changed in the followed case since this day or time (the last briefing): read from the workspace's kept versions of the case named by the scenario's folder",
    )
    .option(
      "--db <file>",
      "with --since: the workspace (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL)",
    )
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
          since?: string;
          db?: string;
        },
      ) => {
        checkSince(o.since);
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
        const since = o.since === undefined ? undefined : await changesSince(scenario, o.since, o.db);
        const text = briefing(
          citedInputFromFolder(scenario, o.corpus),
          { samples: o.samples, seed: o.seed, author: o.author, since },
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

/** What changed in the case (the scenario's folder's name) since a time, from the workspace's kept versions. */
async function changesSince(scenario: string, since: string, db: string | undefined) {
  const [
    { dirname, resolve },
    { baseName },
    { openStoreAt, storeAddress, storeLocation },
    { SqliteStore },
    { caseChanges },
  ] = await Promise.all([
    import("node:path"),
    import("../model/base-name.js"),
    import("../store/open-store.js"),
    import("../store/sqlite-store.js"),
    import("../workflows/case-changes.js"),
  ]);
  const id = baseName(dirname(resolve(scenario)));
  // Read only: a workspace that is not there is said so, never made.
  const address = storeAddress(db);
  const store = address.kind === "sqlite" ? new SqliteStore(address.file, "read") : await openStoreAt(address);
  try {
    const found = await caseChanges(store, id, { since });
    if (!found)
      throw new InputError([
        {
          code: "store.empty",
          file: storeLocation(db),
          field: "--since",
          message: `the workspace keeps no version of the case ${id}`,
          hint: `parley follow ${dirname(scenario)} first, or leave out --since`,
        },
      ]);
    return found;
  } finally {
    await store.close();
  }
}
