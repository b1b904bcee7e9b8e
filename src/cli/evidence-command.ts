import type { Command } from "commander";
import { InputError } from "../errors.js";

/** The NLP, HTML and date libraries take most of a second to load: only commands that read articles pay for them. */
async function extraction() {
  const [{ findDuplicates }, { evidenceJson }, { extractDocument, extractEvidence, namedPeople }, { analyseText }, { renderEvidence }, { withBatchDates }, { readDocuments }, { Workspace }] = await Promise.all([
    import("../evidence/duplicates.js"),
    import("../evidence/evidence-json.js"),
    import("../evidence/extract.js"),
    import("../evidence/text-analysis.js"),
    import("./render-evidence.js"),
    import("../evidence/document.js"),
    import("../ingest/read-documents.js"),
    import("../store/workspace.js"),
  ]);
  return { findDuplicates, evidenceJson, extractDocument, extractEvidence, namedPeople, analyseText, renderEvidence, withBatchDates, readDocuments, Workspace };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string | undefined): void {
  if (date !== undefined && (!ISO_DAY.test(date) || Number.isNaN(Date.parse(date))))
    throw new InputError([{ code: "cli.date", message: `--date must be a day as YYYY-MM-DD, got "${date}"`, hint: "e.g. --date 2025-12-02" }]);
}

export function registerEvidence(program: Command): void {
  program
    .command("evidence")
    .description("Quotes, dates, quantities, actors and claims of articles, lined up across sources (no database needed)")
    .argument("[paths...]", "article files (.txt, .md, .html), folders of them, or - for standard input; none: the documents stored with --db")
    .option("--json", "print one JSON object")
    .option("--date <day>", "published date of the articles (YYYY-MM-DD), when they do not state it")
    .option("--db <file>", "with no paths: report on the documents ingested into this workspace")
    .action(async (paths: string[], o: { json?: boolean; date?: string; db?: string }) => {
      checkDate(o.date);
      const { extractEvidence, evidenceJson, findDuplicates, renderEvidence, withBatchDates, readDocuments, Workspace } = await extraction();
      let docs;
      if (paths.length) docs = readDocuments(paths, o.date ? { date: o.date } : {});
      else if (o.db) {
        const ws = new Workspace(o.db);
        docs = ws.documents();
        ws.close();
        if (!docs.length) throw new InputError([{ code: "store.empty", file: o.db, message: "the workspace holds no documents", hint: "parley ingest ARTICLES… --db " + o.db }]);
      } else throw new InputError([{ code: "cli.usage", message: "no articles given", hint: "parley evidence ARTICLES… (files, folders or -), or --db WORKSPACE" }]);
      const dated = withBatchDates(docs);
      const report = extractEvidence(dated);
      const json = evidenceJson(report, findDuplicates(dated));
      process.stdout.write(o.json ? JSON.stringify(json) + "\n" : renderEvidence(json));
    });

  program
    .command("ingest")
    .description("Store articles and their evidence in the workspace, one transaction per document")
    .argument("<paths...>", "article files, folders of them, or - for standard input")
    .option("--db <file>", "workspace database", "parley.db")
    .option("--date <day>", "published date of the articles (YYYY-MM-DD)")
    .action(async (paths: string[], o: { db: string; date?: string }) => {
      checkDate(o.date);
      const { findDuplicates, extractDocument, namedPeople, analyseText, withBatchDates, readDocuments, Workspace } = await extraction();
      const docs = withBatchDates(readDocuments(paths, o.date ? { date: o.date } : {}));
      const ws = new Workspace(o.db);
      try {
        const stored = ws.documents();
        const duplicates = findDuplicates([...stored, ...docs]);
        // Each new text is analysed once; stored ones only lend their people's names.
        const analyses = docs.map((d) => analyseText(d.text));
        const people = [...new Set([...stored.flatMap((d) => namedPeople(d.file, analyseText(d.text))), ...docs.flatMap((d, i) => namedPeople(d.file, analyses[i]!))])];
        for (const [i, d] of docs.entries()) {
          const e = extractDocument(d, undefined, people, analyses[i]!);
          const dup = duplicates.get(d.file)?.of ?? null;
          const added = ws.addDocument(e, dup);
          process.stdout.write(
            added
              ? `stored ${d.file}: ${e.quotes.length} quotes, ${e.dates.length} dates, ${e.quantities.length} quantities, ${e.claims.length} claims${dup ? ` (near-duplicate of ${dup})` : ""}\n`
              : `unchanged ${d.file}: this content is stored already\n`,
          );
        }
      } finally {
        ws.close();
      }
    });
}

export function registerDraft(program: Command): void {
  program
    .command("draft")
    .description("Propose a scenario skeleton from the evidence alone (parties, issues, plans, contested facts), every item cited")
    .requiredOption("--corpus <dir>", "the folder of articles")
    .option("--out <file>", "write the YAML there (default: standard output)")
    .option("--compare <scenario>", "also say how close the draft comes to a hand-written scenario")
    .option("--date <day>", "published date of the articles (YYYY-MM-DD)")
    .action(async (o: { corpus: string; out?: string; compare?: string; date?: string }) => {
      checkDate(o.date);
      const [{ extractEvidence, evidenceJson, withBatchDates, readDocuments }, { draftScenario }, { compareScenarios }, { scenarioToYaml, parseScenario }, { writeFileSync, mkdtempSync }, { loadScenarioFile }, { validateCitations }, { tmpdir }, { join }] = await Promise.all([
        extraction(),
        import("../evidence/draft.js"),
        import("../evidence/compare-scenarios.js"),
        import("../formats/scenario-yaml.js"),
        import("node:fs"),
        import("../formats/scenario-file.js"),
        import("../formats/validate-citations.js"),
        import("node:os"),
        import("node:path"),
      ]);
      const docs = withBatchDates(readDocuments([o.corpus], o.date ? { date: o.date } : {}));
      const draft = draftScenario(evidenceJson(extractEvidence(docs)));
      const yaml = `# Drafted by parley draft --corpus ${o.corpus}: an analyst's starting point, not a model.\n${scenarioToYaml(parseScenario(JSON.stringify(draft)).spec)}`;
      if (o.out) writeFileSync(o.out, yaml);
      else if (!o.compare) process.stdout.write(yaml);
      if (o.compare) {
        // The draft's citations are resolved like any scenario's: from a file.
        const file = o.out ?? join(mkdtempSync(join(tmpdir(), "parley-draft-")), "draft.yaml");
        if (!o.out) writeFileSync(file, yaml);
        const c = compareScenarios(parseScenario(yaml, file).spec, loadScenarioFile(o.compare).spec, validateCitations(file, o.corpus).citations, validateCitations(o.compare, o.corpus).citations);
        process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
      }
    });
}
