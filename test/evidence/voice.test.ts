import { describe, expect, it } from "vitest";
import { voiceOf } from "../../src/evidence/voice.js";

const partyOf = (w: string) =>
  /\b(Ruritania|Ruritanian|Novak)\b/.test(w) ? "Ruritania" : /\b(Gozo|Gozitan)\b/.test(w) ? "Gozo" : null;
const voice = (sentence: string, words: string, quoted: string | null = null) =>
  voiceOf(sentence, sentence.indexOf(words), partyOf, quoted);

describe("whose words a cited span is", () => {
  it("a party's official reported, a party's own act, an outlet relaying the party, a quote's speaker", () => {
    expect(
      voice("A Ruritanian official told reporters that the tolls will not go.", "the tolls will not go"),
    ).toMatchObject({ kind: "party", party: "Ruritania", how: "reported", who: "A Ruritanian official" });
    expect(voice("Gozo also rejected the harbour clause.", "rejected the harbour clause")).toMatchObject({
      kind: "party",
      party: "Gozo",
      how: "reported",
    });
    expect(
      voice("As reported by the local press, Gozo is ready to sign except for the tolls.", "except for the tolls"),
    ).toMatchObject({ kind: "party", party: "Gozo" });
    expect(voice("“We will never pay,” Novak concluded.", "“We will never pay,”", "Novak")).toMatchObject({
      kind: "party",
      party: "Ruritania",
      how: "quoted",
    });
    // "…, Mr Novak has signalled that “Gozo will not …”": Novak's words, not Gozo's.
    expect(
      voice(
        "Now, tired of waiting, Mr Novak has signalled that “Gozo will not keep the fleet”.",
        "Novak has signalled",
      ),
    ).toMatchObject({ party: "Ruritania" });
  });

  it("a commentator, a fear, and the author's own words speak for no party", () => {
    expect(voice("Smith, a maritime analyst, said the tolls must go.", "the tolls must go")).toMatchObject({
      kind: "commentator",
    });
    expect(
      voice(
        "Ruritanian officials fear that accepting Gozo's demands, including the tolls, would ruin them.",
        "including the tolls",
      ),
    ).toMatchObject({ kind: "fear" });
    expect(
      voice("He demands a binding treaty, a point he has made often.", "He demands a binding treaty"),
    ).toMatchObject({
      kind: "author",
    });
  });
});
