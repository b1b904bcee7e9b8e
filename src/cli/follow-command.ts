import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { InputError } from "../errors.js";
import { baseName } from "../model/base-name.js";
import { checkSince, integer } from "./options.js";
import { wrapLine } from "./table.js";

/**
 * Text for a reader: in a terminal, each line wrapped to its width (a list item's continuation
 * indented); piped, one item per line, whole, for grep and the like.
 */
const print = (text: string) =>
  process.stdout.write(
    text
      .split("\n")
      .map((l) => wrapLine(l, process.stdout.isTTY ? process.stdout.columns : Infinity))
      .join("\n"),
  );

/** A case given by its folder (the id is the folder's name) or by its id alone. */
const caseIdOf = (c: string) => (existsSync(c) && statSync(c).isDirectory() ? baseName(c.replace(/\/+$/, "")) : c);

const dbOption =
  "workspace database (default: $PARLEY_DB or .parley/workspace.db; $PARLEY_DATABASE_URL for PostgreSQL)";

export function registerFollow(program: Command): void {
  program
    .command("follow")
    .description(
      "Fetch what is new in the feeds and folders a case follows, store it, and say what changed in the negotiation",
    )
    .argument("<case>", "the case folder (its follow.yaml lists feeds and folders; its case.yaml, what to look for)")
    .option("--feed <url...>", "follow these feeds too (kept in the workspace for the next passes)")
    .option("--folder <dir...>", "read these folders too (this pass)")
    .option("--allow-private", "let feeds and articles be fetched from private or loopback addresses")
    .option("--force", "fetch every feed now, even one whose interval or ttl has not passed")
    .option("--json", "print the pass (feeds, documents stored, version, changes) as one JSON object")
    .option("--db <file>", dbOption)
    .action(
      async (
        dir: string,
        o: { feed?: string[]; folder?: string[]; allowPrivate?: boolean; force?: boolean; json?: boolean; db?: string },
      ) => {
        if (!existsSync(dir) || !statSync(dir).isDirectory())
          throw new InputError([
            {
              code: "input.missing",
              file: dir,
              message: "no case folder here",
              hint: "give a case folder, e.g. cases/moscow-2025-12",
            },
          ]);
        const [
          { loadFollowSources },
          { loadCase, caseFileOf },
          { loadAttributionModel },
          { openStore },
          ingest,
          follow,
          version,
          { renderChanges },
        ] = await Promise.all([
          import("../formats/follow-file.js"),
          import("../formats/case-file.js"),
          import("../ingest/attribution-model.js"),
          import("../store/open-store.js"),
          import("../workflows/ingest-documents.js"),
          import("../workflows/follow-case.js"),
          import("../workflows/case-version.js"),
          import("../report/render-changes.js"),
        ]);
        const given = loadFollowSources(dir);
        for (const url of o.feed ?? [])
          if (!/^https?:\/\//.test(url))
            throw new InputError([
              {
                code: "follow.invalid",
                field: "--feed",
                message: `${url} is not an http(s) URL`,
                hint: "give the feed's address",
              },
            ]);
        const sources = {
          ...given,
          feeds: [...given.feeds, ...(o.feed ?? []).map((url) => ({ url, every: 15 }))],
          folders: [...given.folders, ...(o.folder ?? [])],
          allowPrivate: given.allowPrivate || Boolean(o.allowPrivate),
        };
        const knowledge = existsSync(caseFileOf(dir))
          ? loadCase(dir)
          : (await import("../evidence/case-knowledge.js")).NO_CASE;
        const model = loadAttributionModel();
        const store = await openStore(o.db);
        try {
          // With PARLEY_REDIS, the articles are fetched and stored by `parley worker` processes sharing the workspace.
          const redis = process.env["PARLEY_REDIS"];
          const caseFile = existsSync(caseFileOf(dir))
            ? { name: caseFileOf(dir), text: readFileSync(caseFileOf(dir), "utf8") }
            : null;
          const articles = redis
            ? (await import("../parallel/redis-articles.js")).redisArticles(redis, caseFile)
            : undefined;
          const outcome = await follow.followCase(store, caseIdOf(dir), sources, {
            ...(articles ? { articles } : {}),
            exec: ingest.inThisThread(store, model, knowledge),
            snapshot: async (docs) => version.snapshotOf(docs, model, knowledge),
            ...(o.force ? { force: true } : {}),
          });
          if (o.json) {
            process.stdout.write(`${JSON.stringify(outcome)}\n`);
            return;
          }
          for (const f of outcome.feeds)
            print(
              `feed ${f.url}: ${f.status}${f.error ? ` — ${f.error}` : ""}; ${f.entries} new or changed entr${f.entries === 1 ? "y" : "ies"}, ${f.stored} stored${f.failed.length ? `, ${f.failed.length} not fetched (tried again next pass)` : ""}; next ${f.nextFetch ?? "now"}\n`,
            );
          for (const f of outcome.skipped) print(`file ${f.file}: not read — ${f.error}\n`);
          const stored = outcome.stored.filter((s) => s.status === "stored").length;
          print(`${stored} document(s) stored, ${outcome.stored.length - stored} unchanged\n`);
          if (outcome.version && outcome.changes)
            print(
              `\nVersion ${outcome.version.version} of ${outcome.version.caseId} (${outcome.version.documents} documents):\n\n${renderChanges(outcome.changes)}`,
            );
          else print("Nothing new: the model is unchanged.\n");
          if (
            outcome.skipped.length ||
            outcome.feeds.some((f) => !["ok", "not-modified", "not-due"].includes(f.status))
          )
            process.exitCode = 3;
        } finally {
          await store.close();
        }
      },
    );

  program
    .command("changes")
    .description("What changed in a case's model: since a date, or between two kept versions")
    .argument("<case>", "the case folder or its id")
    .option("--since <date>", "the changes after this day or time (YYYY-MM-DD or ISO time)")
    .option("--from <n>", "the version to compare from (0: the empty case)", integer(0, "--from"))
    .option("--to <n>", "the version to compare to (default: the latest)", integer(1, "--to"))
    .option("--versions", "list the kept versions instead")
    .option(
      "--accept <ids...>",
      "apply these items of the proposed edit (or all) to the case folder's scenario.yaml, in place; the rest are rejected",
    )
    .option("--json", "print one JSON object")
    .option("--db <file>", dbOption)
    .action(
      async (
        c: string,
        o: {
          since?: string;
          from?: number;
          to?: number;
          versions?: boolean;
          accept?: string[];
          json?: boolean;
          db?: string;
        },
      ) => {
        checkSince(o.since);
        const [{ openStore, storeLocation }, { caseChanges, NoSuchVersion }, { renderChanges }] = await Promise.all([
          import("../store/open-store.js"),
          import("../workflows/case-changes.js"),
          import("../report/render-changes.js"),
        ]);
        const id = caseIdOf(c);
        const store = await openStore(o.db);
        try {
          let found: Awaited<ReturnType<typeof caseChanges>>;
          try {
            found = await caseChanges(store, id, o);
          } catch (e) {
            if (e instanceof NoSuchVersion)
              throw new InputError([
                {
                  code: "cli.usage",
                  field: "--from/--to",
                  message: e.message,
                  hint: "parley changes CASE --versions lists them",
                },
              ]);
            throw e;
          }
          if (!found)
            throw new InputError([
              {
                code: "store.empty",
                file: storeLocation(o.db),
                message: `the workspace keeps no version of ${id}`,
                hint: `parley follow ${c} makes the first`,
              },
            ]);
          if (o.versions) {
            if (o.json) process.stdout.write(`${JSON.stringify(found.versions)}\n`);
            else print(found.versions.map((v) => `${v.version}\t${v.created}\t${v.documents} documents\n`).join(""));
            return;
          }
          // A case folder's scenario: the edit the changes propose to it, and the items accepted, written in place.
          const scenarioFile = existsSync(c) && statSync(c).isDirectory() ? join(c, "scenario.yaml") : null;
          const edit =
            scenarioFile && existsSync(scenarioFile) ? await proposed(store, c, scenarioFile, found, o.accept) : null;
          if (o.accept && !edit)
            throw new InputError([
              {
                code: "cli.usage",
                field: "--accept",
                message: `${c} is no case folder with a scenario.yaml`,
                hint: "give the case folder",
              },
            ]);
          if (o.json) {
            process.stdout.write(
              `${JSON.stringify({ ...found, proposed: edit?.items ?? [], ...(edit?.accepted ? { accepted: edit.accepted } : {}) })}\n`,
            );
            return;
          }
          print(
            `${id}: version ${found.from?.version ?? 0} (${found.from?.created ?? "empty"}) → ${found.to.version} (${found.to.created})\n\n${renderChanges(found.changes)}`,
          );
          if (edit?.items.length && !edit.accepted)
            print(
              `\n### Proposed edit to ${scenarioFile} (apply with --accept ID… or --accept all)\n\n${edit.items.map((i) => `- ${i.id}: ${i.summary}`).join("\n")}\n`,
            );
          if (edit?.accepted) {
            const a = edit.accepted;
            print(
              `\n${scenarioFile}: ${a.applied.length} change(s) applied, ${a.rejected.length} rejected. ${a.answer.moved ? `The answer moved:\n${a.answer.said.map((x) => `- ${x}`).join("\n")}` : "The answer did not move."}\n`,
            );
          }
        } finally {
          await store.close();
        }
      },
    );
}

/**
 * The edit changes propose to a case folder's scenario file, and with `accept`, the file rewritten
 * with the items accepted (analysed before and after on the workspace's current documents).
 */
async function proposed(
  store: import("../store/store.js").Store,
  dir: string,
  file: string,
  found: Pick<import("../contract/case-changes.js").CaseChanges, "from" | "changes">,
  accept: readonly string[] | undefined,
) {
  const [
    { parseScenario },
    { caseProposal, editedScenario },
    { citedInputFromDocuments },
    { citedAnalysis },
    { currentDocuments },
    { loadCase, caseFileOf },
    { NO_CASE },
    { writeOutput },
  ] = await Promise.all([
    import("../formats/scenario-yaml.js"),
    import("../workflows/accept-edit.js"),
    import("../workflows/cited-input.js"),
    import("../workflows/cited-analysis.js"),
    import("../workflows/case-version.js"),
    import("../formats/case-file.js"),
    import("../evidence/case-knowledge.js"),
    import("./write-output.js"),
  ]);
  const text = readFileSync(file, "utf8");
  const items = caseProposal({ name: file, text }, found);
  if (!accept) return { items, accepted: null };
  const knowledge = existsSync(caseFileOf(dir)) ? loadCase(dir) : NO_CASE;
  const docs = currentDocuments(await store.documents());
  const analyse = async (s: { name: string; text: string }) =>
    citedAnalysis(citedInputFromDocuments(parseScenario(s.text, s.name), docs, "the workspace", knowledge), {
      seed: 1,
      samples: 0,
    }).report;
  const edited = await editedScenario({ name: file, text }, found, accept, analyse);
  writeOutput(file, edited.text, { force: true });
  return { items, accepted: edited };
}
