import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../src/model/schema.js";
import { ROOT } from "./domains.js";

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe("architecture", () => {
  it.each(["src/model", "src/analysis", "src/negotiation", "src/evidence", "src/contract"])(
    "the core (%s) imports no I/O module and nothing outside the core",
    (dir) => {
      for (const file of sources(dir)) {
        const imports = [...readFileSync(join(ROOT, file), "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
        for (const spec of imports) {
          expect(spec, `${file} imports ${spec}`).not.toMatch(
            /^node:|^(fs|path|os|child_process|http|worker_threads|better-sqlite3|piscina)$/,
          );
          if (spec.startsWith("."))
            expect(join(file, "..", spec), `${file} imports ${spec}`).toMatch(
              /^src\/(model|analysis|negotiation|evidence|contract)\/|^src\/(errors|error-codes)\.js$|^language\/[\w-]+\.json$/,
            );
        }
      }
    },
  );

  it("layers point down: nothing imports from cli/ or server/ (but `parley serve` starts the server)", () => {
    for (const file of sources("src")) {
      const own = file.split("/")[1];
      for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/from\s+"(\.[^"]+)"|import\("(\.[^"]+)"\)/g)) {
        const target = join(file, "..", (m[1] ?? m[2])!).split("/")[1];
        const allowed = target === own || (own === "cli" && target === "server");
        if (target === "cli" || target === "server") expect(allowed, `${file} imports ${m[1] ?? m[2]}`).toBe(true);
      }
    }
  });

  it("no proper name of a case appears in the code: case knowledge is data (cases/<id>/case.yaml)", () => {
    // The Moscow case's people, places and weapons; its countries and demonyms too; and the Gaza
    // case's. Generic language data (countries, demonyms, metonyms) lives in language/, a case's
    // own in its folder.
    const names =
      /\b(Putin|Ushakov|Peskov|Dmitriy?ev|Lavrov|Witkoff|Kushner|Rubio|Zelensk\w*|Macron|Starmer|Merz|Tusk|Vance|Driscoll|Stanovaya|Baunov|Radchenko|Horowitz|Trump|Donbas+|Donetsk|Luhansk|Bishkek|Anchorage|Alaska|Geneva|Miami|Florida|Istanbul|Zaporizhzhia|Kherson|Crimea|Tomahawk|Kremlin|Moscow|Kyiv|Kiev|Ukrain\w*|Russia\w*|Hamas|Netanyahu|Gaza|Sharm|Hayya|Rafah|Doha|Israel\w*)\b/;
    const found = [...sources("src"), ...sources("web/src")].flatMap((file) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (names.test(line) ? [`${file}:${i + 1}: ${names.exec(line)![0]}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("the core's messages speak of limits, not of the CLI's flags (the edges name those)", () => {
    const flag = /--(max-[a-z-]+|discretize|samples|seed|rounds|corpus|db|case)\b/;
    const found = ["src/model", "src/analysis", "src/negotiation", "src/evidence"].flatMap(sources).flatMap((file) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (flag.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("has no circular imports", () => {
    const graph = new Map<string, string[]>();
    for (const file of sources("src")) {
      const deps = [...readFileSync(join(ROOT, file), "utf8").matchAll(/from\s+"(\.[^"]+)"/g)].map((m) =>
        join(file, "..", m[1]!.replace(/\.js$/, ".ts")),
      );
      graph.set(file, deps);
    }
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      expect(state.get(f), `cycle: ${[...path, f].join(" → ")}`).not.toBe("open");
      state.set(f, "open");
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, "done");
    };
    for (const f of graph.keys()) visit(f, []);
  });

  it("schema/scenario.schema.json is the schema the code validates with (run npm run schema after changing it)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema", "scenario.schema.json"), "utf8"));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
