import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/evidence/actors.js";
import { NearestNamed } from "../../src/evidence/attribution/nearest-named.js";

const person = (name: string): Actor => ({ name, kind: "person", roles: [], aliases: [], mentions: [] });

describe("the one of a set of people named last before a point", () => {
  const vella = person("Maria Vella"),
    borg = person("Joe Borg"),
    camilleri = person("Ann Camilleri");
  // Mentions as [start, end].
  const spans = new Map<Actor, [number, number][]>([
    [
      vella,
      [
        [0, 10],
        [40, 50],
      ],
    ],
    [
      borg,
      [
        [20, 30],
        [42, 50],
        [52, 60],
      ],
    ],
    [camilleri, [[1, 5]]],
  ]);
  const ends = (a: Actor) => spans.get(a) ?? [];
  const near = new NearestNamed([vella, borg], ends);
  it("is none before anyone is named, and a mention counts from its end", () => {
    expect(near.before(9)).toBeNull();
    expect(near.before(10)).toEqual({ who: vella, end: 10, otherEnd: -1 });
  });
  it("says where the last other of them was named, skipping the same person's own mentions", () => {
    expect(near.before(40)).toEqual({ who: borg, end: 30, otherEnd: 10 });
    expect(near.before(100)).toEqual({ who: borg, end: 60, otherEnd: 50 });
  });
  it("gives a tie to the one listed first, and knows only the set it was given", () => {
    expect(near.before(55)).toEqual({ who: vella, end: 50, otherEnd: 50 });
    expect(new NearestNamed([borg, vella], ends).before(55)).toEqual({ who: borg, end: 50, otherEnd: 50 });
    expect(new NearestNamed([camilleri], ends).before(100)).toEqual({ who: camilleri, end: 5, otherEnd: -1 });
  });
  it("tells who is named first from a point on", () => {
    expect(near.after(0)).toEqual({ who: vella, start: 0 });
    expect(near.after(41)).toEqual({ who: borg, start: 42 });
    expect(near.after(61)).toBeNull();
  });
});
