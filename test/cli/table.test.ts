import { describe, expect, it } from "vitest";
import { table } from "../../src/cli/table.js";

const header = ["agent", "mean utility", "agreements", "within red lines", "to Pareto", "to Nash", "welfare", "runs"];
const rows = [
  ["boulware", "0.5427", "81.6%", "5.3%", "0.1299", "0.2585", "2.0314", "114"],
  ["conceder", "0.5203", "89.5%", "5.3%", "0.1098", "0.2386", "2.0840", "114"],
];
const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("a table in the terminal's width", () => {
  it("wraps number columns' headers at their spaces, the largest saving first, until it fits", () => {
    expect(widest(table(header, rows))).toBeGreaterThan(80);
    const fitted = table(header, rows, { maxWidth: 80 });
    expect(widest(fitted)).toBeLessThanOrEqual(80);
    const [first, second] = fitted.split("\n");
    expect(first).toMatch(/agent\s+mean\s+agreements\s+within/);
    expect(second).toMatch(/utility\s+red/);
    // Values stay whole and right-aligned under their headers.
    expect(fitted).toMatch(/boulware\s+0\.5427\s+81\.6%\s+5\.3%/);
  });

  it("leaves a table that fits as it is", () => {
    expect(table(header, rows, { maxWidth: 200 })).toBe(table(header, rows));
  });
});
