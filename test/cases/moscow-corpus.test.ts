import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateCitations } from "../../src/ingest/validate-citations.js";
import { ROOT, SHARED } from "../domains.js";

const shipped = join(ROOT, "cases", "moscow-2025-12", "corpus");
const shared = join(SHARED, "corpus", "moscow-2025-12");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("the Moscow case's own copy of its five texts", () => {
  it("is the shared corpus byte for byte, with each file's SHA-256 in PROVENANCE.md", () => {
    const files = readdirSync(shipped).sort();
    expect(files).toEqual(
      readdirSync(shared)
        .filter((f) => f.endsWith(".txt"))
        .sort(),
    );
    const provenance = readFileSync(join(ROOT, "cases", "moscow-2025-12", "PROVENANCE.md"), "utf8");
    for (const f of files) {
      expect(sha(join(shipped, f))).toBe(sha(join(shared, f)));
      expect(provenance).toContain(`| \`${f}\` | \`${sha(join(shipped, f))}\``);
    }
  });
  it("every citation of the scenario resolves in the shipped copy", () => {
    expect(existsSync(shipped)).toBe(true);
    expect(
      validateCitations(join(ROOT, "cases", "moscow-2025-12", "scenario.yaml"), shipped).citations.length,
    ).toBeGreaterThanOrEqual(230);
  });
});
