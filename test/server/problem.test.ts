import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { fromInputError } from "../../src/server/problem.js";
import { systemProblem } from "../../src/system-errors.js";

describe("problems the API answers", () => {
  it("a full disk is the server's trouble: 503 with Retry-After, and the database's path is not shown", () => {
    const full = systemProblem(Object.assign(new Error("disk full"), { code: "SQLITE_FULL" }))!;
    const p = fromInputError(new InputError([{ ...full, file: "/srv/parley/.parley/workspace.db" }]));
    expect(p.status).toBe(503);
    expect(p.headers["retry-after"]).toBe("30");
    expect(p.errors[0]).not.toHaveProperty("file");
    expect(JSON.stringify(p.errors)).not.toContain("/srv/parley");
    const enospc = systemProblem(Object.assign(new Error("no space"), { code: "ENOSPC", path: "/srv/x" }))!;
    expect(fromInputError(new InputError([enospc])).status).toBe(503);
  });

  it("a client's own file names stay, with their lines: that is where the client fixes its input", () => {
    const p = fromInputError(
      new InputError([{ code: "yaml.syntax", file: "river.yaml", line: 3, message: "bad", hint: "fix it" }]),
    );
    expect(p.status).toBe(422);
    expect(p.errors[0]).toMatchObject({ file: "river.yaml", line: 3 });
    expect(p.headers).not.toHaveProperty("retry-after");
  });
});
