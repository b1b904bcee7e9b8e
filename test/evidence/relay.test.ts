import { describe, expect, it } from "vitest";
import { relayOf } from "../../src/evidence/relay.js";

describe("relayed sources", () => {
  it("an outlet opening the source phrase relays the words; the source after its comma is whose they are", () => {
    expect(relayOf("NBC News, a number of officials")).toEqual({ outlet: "NBC News", source: "a number of officials" });
    expect(relayOf("NBC News")).toEqual({ outlet: "NBC News", source: null });
    expect(relayOf("the American newspaper The Wall Street Journal")).toEqual({
      outlet: "The Wall Street Journal",
      source: null,
    });
    expect(relayOf("the Gozitan publication Il-Gazzetta, the two governments")).toEqual({
      outlet: "Il-Gazzetta",
      source: "the two governments",
    });
    expect(relayOf("The Politico")).toEqual({ outlet: "Politico", source: null });
  });

  it('"the newspaper" is the outlet the text named last; a name inside or qualifying the phrase relays nothing', () => {
    expect(
      relayOf("the newspaper, Minister Anna Vella", () => "Reuters reported on Monday. Later, Politico wrote that"),
    ).toEqual({ outlet: "Politico", source: "Minister Anna Vella" });
    expect(relayOf("the newspaper")).toEqual({ outlet: "the newspaper", source: null });
    expect(relayOf("Anna Vella, fresh from White House talks")).toBeNull();
    // An outlet's name qualifying a common noun is no outlet.
    expect(relayOf("White House talks,")).toBeNull();
    expect(relayOf("NBC viewers")).toBeNull();
    expect(relayOf("officials")).toBeNull();
  });
});
