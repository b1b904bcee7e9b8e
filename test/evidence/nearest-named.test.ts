import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/evidence/actors.js";
import { NearestNamed } from "../../src/evidence/attribution/nearest-named.js";

const person = (name: string): Actor => ({ name, kind: "person", roles: [], aliases: [], mentions: [] });

describe("the one of a set of people named last before a point", () => {
  const vella = person("Maria Vella"),
    borg = person("Joe Borg"),
    camilleri = person("Ann Camilleri");
  const ends = new Map([
    [vella, [10, 50]],
    [borg, [30, 50, 60]],
    [camilleri, [5]],
  ]);
  const near = new NearestNamed([vella, borg], ends);
  it("is none before anyone is named, and a mention counts from its end", () => {
    expect(near.before(9)).toBeNull();
    expect(near.before(10)).toEqual({ actor: vella, end: 10, otherEnd: -1 });
  });
  it("says where the last other of them was named, skipping the same person's own mentions", () => {
    expect(near.before(40)).toEqual({ actor: borg, end: 30, otherEnd: 10 });
    expect(near.before(100)).toEqual({ actor: borg, end: 60, otherEnd: 50 });
  });
  it("gives a tie to the one listed first, and knows only the set it was given", () => {
    expect(near.before(55)).toEqual({ actor: vella, end: 50, otherEnd: 50 });
    expect(new NearestNamed([borg, vella], ends).before(55)).toEqual({ actor: borg, end: 50, otherEnd: 50 });
    expect(new NearestNamed([camilleri], ends).before(100)).toEqual({ actor: camilleri, end: 5, otherEnd: -1 });
  });
});
