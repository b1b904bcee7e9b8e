import type { Command } from "commander";
import { formatProblem, InputError, type Problem } from "../errors.js";
import { integer } from "./options.js";

/** The NLP, HTML and date libraries take most of a second to load: only commands that read articles pay for them. */
async function extraction() {
  const [{ withBatchDates }, { readDocuments }, { progress }, { loadAttributionModel }] = await Promise.all([
    import("../evidence/document.js"),
    import("../ingest/read-documents.js"),
    import("./progress.js"),
    import("../ingest/attribution-model.js"),
  ]);
  return { withBatchDates, readDocuments, progress, model: loadAttributionModel() };
}

/** A day (YYYY-MM-DD) that exists in the calendar, optionally with a time (YYYY-MM-DDTHH:MM). */
export async function checkDate(date: string | undefined): Promise<void> {
  if (date === undefined) return;
  const { checkDateTime } = await import("../ingest/date-time.js");
  const bad = checkDateTime(date);
  if (bad)
    throw new InputError([
      { code: "cli.date", field: "--date", message: bad, hint: "e.g. --date 2025-12-02 or --date 1998-10-25T21:00" },
    ]);
}

const warn = (p: Problem) => process.stderr.write(`parley: warning: ${formatProblem(p)}\n`);

interface ReadingOptions {
  case?: string;
  date?: string;
  manifest?: string;
  maxHtmlDepth?: number;
  maxDocumentMb?: number;
}

/** Options every command that reads articles takes. */
function readingOptions(command: Command): Command {
  return command
    .option("--case <dir>", "the case folder (or its case.yaml) whose watch list, places and names to use")
    .option(
      "--date <day>",
      "published date of the articles (YYYY-MM-DD or YYYY-MM-DDTHH:MM), when they do not state it",
    )
    .option("--manifest <file>", "CSV or JSON giving per file its date, outlet, url, title, author")
    .option("--max-html-depth <n>", "refuse HTML nested deeper than this (default 256)", integer(1, "--max-html-depth"))
    .option(
      "--max-document-mb <n>",
      "refuse articles larger than this many MB (default 5)",
      integer(1, "--max-document-mb"),
    );
}

/** The case knowledge of `--case`, or none. */
async function knowledgeOf(dir: string | undefined) {
  if (!dir) return (await import("../evidence/case-knowledge.js")).NO_CASE;
  return (await import("../formats/case-file.js")).loadCase(dir);
}

async function readOptions(o: ReadingOptions) {
  await checkDate(o.date);
  const manifest = o.manifest ? (await import("../ingest/manifest.js")).readManifest(o.manifest) : undefined;
  return {
    ...(manifest ? { manifest } : {}),
    ...(o.date ? { date: o.date } : {}),
    ...(o.maxHtmlDepth ? { maxHtmlDepth: o.maxHtmlDepth } : {}),
    ...(o.maxDocumentMb ? { maxDocumentBytes: o.maxDocumentMb * 1048576 } : {}),
    onWarning: warn,
  };
}

export function registerEvidence(program: Command): void {
  readingOptions(
    program
      .command("evidence")
      .description("Quotes, dates, quantities, actors and claims of articles, lined up across sources")
      .argument(
        "[paths...]",
        "article files (.txt, .md, .html), folders of them, or - for standard input; none: the documents stored in the workspace",
      )
      .option("--json", "print one JSON object")
      .option(
        "--db <file>",
        "with no paths: the workspace to report on (default: $PARLEY_DB or .parley/workspace.db; never created)",
      ),
  ).action(async (paths: string[], o: ReadingOptions & { json?: boolean; db?: string }) => {
    const options = await readOptions(o);
    const [{ readDocuments, progress, model }, { batchEvidence }, { renderEvidence }] = await Promise.all([
      extraction(),
      import("../workflows/evidence.js"),
      import("./render-evidence.js"),
    ]);
    let docs: import("../evidence/document.js").EvidenceDocument[];
    if (paths.length) {
      const reading = progress("reading articles");
      docs = readDocuments(paths, { ...options, onProgress: reading.update });
      reading.stop();
    } else if (process.env["PARLEY_DATABASE_URL"]) {
      const { openStore, storeLocation } = await import("../store/open-store.js");
      const store = await openStore();
      docs = await store.documents().finally(() => store.close());
      if (!docs.length)
        throw new InputError([
          {
            code: "store.empty",
            file: storeLocation(),
            message: "the workspace holds no documents",
            hint: "parley ingest ARTICLES…",
          },
        ]);
    } else {
      const [{ workspacePath }, { SqliteStore }] = await Promise.all([
        import("../store/open-store.js"),
        import("../store/sqlite-store.js"),
      ]);
      const file = workspacePath(o.db);
      if (!o.db && !(await import("node:fs")).existsSync(file))
        throw new InputError([
          {
            code: "cli.usage",
            message: `no articles given, and no workspace at ${file}`,
            hint: "parley evidence ARTICLES… (files, folders or -), or store them first with parley ingest ARTICLES…",
          },
        ]);
      const ws = new SqliteStore(file, "read");
      docs = await ws.documents();
      await ws.close();
      if (!docs.length)
        throw new InputError([
          {
            code: "store.empty",
            file,
            message: "the workspace holds no documents",
            hint: `parley ingest ARTICLES… --db ${file}`,
          },
        ]);
    }
    const analysing = progress("analysing articles (two steps each)");
    const json = batchEvidence(docs, model, await knowledgeOf(o.case), analysing.update);
    analysing.stop();
    process.stdout.write(o.json ? `${JSON.stringify(json)}\n` : renderEvidence(json, process.stdout.columns || 100));
  });

  readingOptions(
    program
      .command("ingest")
      .description("Store articles and their evidence in the workspace, one transaction per document")
      .argument("<paths...>", "article files, folders of them, or - for standard input")
      .option(
        "--db <file>",
        "workspace database (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL for PostgreSQL)",
      ),
  ).action(async (paths: string[], o: ReadingOptions & { db?: string }) => {
    const options = await readOptions(o);
    const { withBatchDates, readDocuments, progress, model } = await extraction();
    const reading = progress("reading articles");
    const docs = withBatchDates(readDocuments(paths, { ...options, onProgress: reading.update }));
    reading.stop();
    const knowledge = await knowledgeOf(o.case);
    const [{ openStore, storeLocation }, { ingestDocuments, inThisThread }] = await Promise.all([
      import("../store/open-store.js"),
      import("../workflows/ingest-documents.js"),
    ]);
    const file = storeLocation(o.db);
    const ws = await openStore(o.db);
    try {
      const storing = progress("storing articles");
      await ingestDocuments(ws, inThisThread(ws, model, knowledge), docs, {
        onProgress: storing.update,
        onOutcome: (r) =>
          process.stdout.write(
            r.counts
              ? `stored ${r.renamedFrom ? `${r.renamedFrom} as ${r.file} (another text has its name)` : r.file}: ${r.counts.quotes} quotes, ${r.counts.dates} dates, ${r.counts.quantities} quantities, ${r.counts.claims} claims${r.duplicateOf ? ` (near-duplicate of ${r.duplicateOf})` : ""}\n`
              : `unchanged ${r.file}: this content is stored already${r.storedAs ? `, as ${r.storedAs}` : ""}\n`,
          ),
      });
      storing.stop();
      process.stderr.write(`parley: workspace ${file}\n`);
    } finally {
      await ws.close();
    }
  });
}

export function registerDraft(program: Command): void {
  program
    .command("draft")
    .description(
      "Propose a scenario skeleton from the evidence alone (parties, issues, plans, contested facts), every item cited",
    )
    .requiredOption("--corpus <dir>", "the folder of articles")
    .option("--out <file>", "write the YAML there (default: standard output)")
    .option("--force", "replace --out if it exists")
    .option("--compare <scenario>", "also say on standard error how close the draft comes to a hand-written scenario")
    .option("--date <day>", "published date of the articles (YYYY-MM-DD)")
    .option("--case <dir>", "the case folder (or its case.yaml) whose watch list, names, allegiances and topics to use")
    .action(
      async (o: { corpus: string; out?: string; force?: boolean; compare?: string; date?: string; case?: string }) => {
        await checkDate(o.date);
        const [{ withBatchDates, readDocuments, model }, { draftYaml, compareDraft }, { writeOutput }] =
          await Promise.all([extraction(), import("../workflows/draft.js"), import("./write-output.js")]);
        const docs = withBatchDates(
          readDocuments([o.corpus], { ...(o.date ? { date: o.date } : {}), onWarning: warn }),
        );
        const { yaml, undecided } = draftYaml(o.corpus, docs, model, await knowledgeOf(o.case));
        // With --compare, standard error holds one JSON report, which then carries these too.
        if (!o.compare) for (const line of undecided) process.stderr.write(`parley: draft leaves undecided: ${line}\n`);
        if (o.out)
          writeOutput(o.out, yaml, { force: o.force === true, inputs: [o.corpus, ...(o.compare ? [o.compare] : [])] });
        else process.stdout.write(yaml);
        if (o.compare)
          process.stderr.write(
            `${JSON.stringify({ ...compareDraft(yaml, o.out ?? "<draft>", o.compare, o.corpus), undecided }, null, 2)}\n`,
          );
      },
    );
}
