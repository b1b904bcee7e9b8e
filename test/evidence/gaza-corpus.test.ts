import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withBatchDates } from "../../src/evidence/document.js";
import { evidenceJson } from "../../src/evidence/evidence-json.js";
import { extractEvidence } from "../../src/evidence/extract.js";
import { loadAttributionModel } from "../../src/ingest/attribution-model.js";
import { readDocuments } from "../../src/ingest/read-documents.js";
import { whoSaidWhat } from "../../src/report/who-said-what.js";
import { SHARED } from "../domains.js";
import { type CheckedSpeaker, expectEverySpeakerChecked, expectWholeClause } from "../support/speakers-checked.js";

/** The Gaza coverage of October 2025, read from ../shared, with no case knowledge at all. */
const corpus = join(SHARED, "corpus", "gaza-2025-10");
const report = evidenceJson(extractEvidence(withBatchDates(readDocuments([corpus])), loadAttributionModel(), {}));

describe("the Gaza corpus: who said what", () => {
  // Checked by hand against the texts: every speaker the model stands by is one of these.
  const RIGHT: CheckedSpeaker[] = [
    ["bbc-repost-2025-10-09", "This means that ALL of the Hostages will", "Donald Trump"],
    // '"All parties" would be treated fairly, said Trump'
    ["bbc-repost-2025-10-09", "would be treated fairly", "Donald Trump"],
    ["bbc-repost-2025-10-09", 'it would "end the war in Gaza', "Hamas"],
    ["bbc-repost-2025-10-09", "The suffering must end", "António Guterres"],
    ["bbc-repost-2025-10-09", "that the UN would support", "António Guterres"],
    ["bbc-repost-2025-10-09", "full implementation", "António Guterres"],
    ["bbc-repost-2025-10-09", "This is a first step, and all parties", "Chris Coons"],
    ["bbc-repost-2025-10-09", "looks forward to learning", "James Risch"],
    ["economist-2025-10-02", "potentially one of the great days", "Donald Trump"],
    ["economist-2025-10-02", "As long as there’s occupation", "Taha al-Nounou"],
    ["economist-2025-10-02", "Israel would have my full backing", "Donald Trump"],
    ["israelhayom-2025-10-03", "it ostensibly agreed to release all hostages", "Hamas"],
    ["israelhayom-2025-10-03", "the necessary circumstances on the ground", "Hamas"],
    ["israelhayom-2025-10-03", "these required further discussion", "Hamas"],
    ["bbc-repost-2025-10-09", "Israel and Hamas have agreed to the first phase", "Donald Trump"],
    // "…, Israel and Hamas have agreed to a first phase of a US peace plan, the US president said."
    ["bbc-repost-2025-10-09", "Israel and Hamas have agreed to a first phase of a US peace plan", "Donald Trump"],
    ["bbc-repost-2025-10-09", "This is a moment of profound relief", "Keir Starmer"],
    ["bbc-repost-2025-10-10-what", "signed off on the first phase", "Donald Trump"],
    ["bbc-repost-2025-10-10-what", "A multinational force of around 200 troops", "a senior US official"],
    // "… according to a senior US official. … The official said their role would be …": the official named before.
    ["bbc-repost-2025-10-10-what", "oversee, observe [and] make sure", "a senior US official"],
    ["bbc-repost-2025-10-10-what", "no US forces would be on the ground", "A second senior US official"],
    ["bbc-repost-2025-10-10-what", "it expects to have some future role in Gaza", "Hamas"],
    ["bbc-repost-2025-10-10-what", "its first withdrawal will see it retaining control", "Israel"],
    ["bbc-repost-2025-10-10-what", "there would initially be a daily minimum of 400", "Palestinian sources"],
    ["bbc-repost-2025-10-10-wording", "he had received assurances from the US", "Khalil al-Hayya"],
    ["bbc-repost-2025-10-10-wording", "the US was moving up to 200 troops", "US officials"],
    // "US officials said separately that … Assuming …, the officials said the intention was …".
    [
      "bbc-repost-2025-10-10-wording",
      "the intention was for a so-called International Stabilisation Force",
      "US officials",
    ],
    ["bbc-repost-2025-10-16", "that it would continue to search for the remaining bodies", "Hamas's military wing"],
    // "The prime minister" in a text that names no one by it, after "Israel's prime minister": the
    // one person the batch calls Israel's prime minister.
    ["bbc-repost-2025-10-16", "he remained committed to securing the return", "Benjamin Netanyahu"],
    // "According to new developments, Israel's prime minister has told a memorial for victims of
    // … that he is "determined" to secure …": the batch's one prime minister of Israel; the
    // memorial told is no part of what he said.
    ["bbc-repost-2025-10-16", 'that he is "determined" to secure the return', "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-16", "determined", "Benjamin Netanyahu"],
    [
      "bbc-repost-2025-10-16",
      "immediately halt the implementation",
      "The Hostages and Missing Families Forum in Israel",
    ],
    ["bbc-repost-2025-10-16", "it was unable to retrieve all the bodies", "Hamas"],
    [
      "bbc-repost-2025-10-16",
      "preparations to move to the next phase",
      "two senior advisers to US President Donald Trump",
    ],
    // "… two senior advisers to US President Donald Trump said …. The advisers told reporters that …".
    [
      "bbc-repost-2025-10-16",
      "that the US government did not so far believe",
      "two senior advisers to US President Donald Trump",
    ],
    [
      "bbc-repost-2025-10-16",
      "The date for the opening of the Rafah crossing",
      "an official from Israeli military body Cogat",
    ],
    ["economist-2025-10-02", "it was “potentially one of the great days", "Donald Trump"],
    // "In its response, Hamas said …. The terrorist organization noted it was prepared …".
    ["israelhayom-2025-10-03", "it was prepared to enter additional negotiations", "Hamas"],
    ["whitehouse-2025-10-01", "that the plan could also strengthen interstate trust", "Ruslan Zheldibay"],
    ["bbc-repost-2025-10-06", "he will not stop until the group is finished", "Benjamin Netanyahu"],
    [
      "bbc-repost-2025-10-09",
      "The release of the hostages would likely begin on Monday",
      "the senior White House official",
    ],
    ["bbc-repost-2025-10-09", "Hamas had not yet received the final list", "a Palestinian source"],
    ["bbc-repost-2025-10-09", "much needed step towards peace", "Anthony Albanese"],
    ["bbc-repost-2025-10-10-what", "This means that ALL of the Hostages", "Donald Trump"],
    ["bbc-repost-2025-10-10-wording", "If this is achieved in the easy way", "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-10-wording", "Israel's actions are violations of the deal", "The Lebanese government"],
    ["reuters-2025-10-09", "The release of all 20 Israeli hostages", "an Israeli official"],
    ["bbc-repost-2025-10-06", "Hamas will be disarmed and Gaza will be demilitarised", "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-06", "they could be freed before the end of the Jewish holiday", "Benjamin Netanyahu"],
    // "Israeli Prime Minister Benjamin Netanyahu's office said …": his office speaks for him.
    ["reuters-2025-10-09", "the ceasefire would take effect", "Benjamin Netanyahu"],
    ["reuters-2025-10-09", "the list of the Palestinian prisoners", "Gal Hirsch"],
    ["reuters-2025-10-09", "Thank God for the ceasefire", "Abdul Majeed abd Rabbo"],
    ["bbc-repost-2025-10-09", "his government would meet on Thursday to approve", "Benjamin Netanyahu"],
    // "…, a Palestinian source told the BBC.": the source as the text names it.
    ["bbc-repost-2025-10-09", "Hamas had not yet received the final list", "a Palestinian source"],
    // 'Sir Keir Starmer welcomed the news, saying: "This is …"'.
    ["bbc-repost-2025-10-09", "This is a moment of profound relief", "Keir Starmer"],
    // "… a spokesperson for the prime minister's office said …. The Israeli military will withdraw …, the spokesperson said."
    [
      "bbc-repost-2025-10-10-what-has-been-agreed",
      "The Israeli military will withdraw to a line",
      "a spokesperson for the prime minister's office",
    ],
    ["reuters-2025-10-09", "Hamas must be destroyed once the hostages are returned", "Bezalel Smotrich"],
    // The BBC's copy of Reuters' words, confirmed by them (confirmedBy).
    ["bbc-repost-2025-10-09", "Thank God for the ceasefire", "Abdul Majeed abd Rabbo"],
    ["bbc-repost-2025-10-09", "I am not the only one happy", "Abdul Majeed abd Rabbo"],
    ["reuters-2025-10-09", "I am not the only one happy", "Abdul Majeed abd Rabbo"], // Read in their texts when the passive-aggressive tagger came to stand by them.
    ["bbc-repost-2025-10-06", "that Negotiators from Israel and Hamas are", "Experts"],
    ["bbc-repost-2025-10-09", 'it "a great day for Israel', "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-09", "Israel must withdraw its troops from Gaza to", "a senior White House official"],
    ["bbc-repost-2025-10-09", "The withdrawal would likely happen within 24", "a senior White House official"],
    ["bbc-repost-2025-10-09", "it would only do so when a Palestinian state", "Hamas"],
    // "Hamas has previously refused to lay down its weapons": the refusal, told by the author, is
    // the statement (a paraphrase), never "to lay down its weapons" as Hamas's words.
    ["bbc-repost-2025-10-0", "has previously refused to lay down its weapons", "Hamas"],
    ["bbc-repost-2025-10-10-what", "has previously refused to lay down its weapons", "Hamas"],
    // "Eli Sharabi, whose wife …, and whose brother's body is being held by Hamas, posted:": not Hamas.
    ["bbc-repost-2025-10-09", "Great joy, can't wait to see everyone home", "Eli Sharabi"],
    // "The mother of hostage Nimrod Cohen posted:": not her son.
    ["bbc-repost-2025-10-09", "My child, you are coming home", "The mother of hostage Nimrod Cohen"],
    ["bbc-repost-2025-10-09", "parties to abide by the deal", "World leaders"],
    ["bbc-repost-2025-10-09", "the news", "Keir Starmer"],
    ["bbc-repost-2025-10-09", "it a welcome deal", "James Risch"],
    [
      "bbc-repost-2025-10-10-what",
      "which has killed more than 67,100 people",
      "the territory's Hamas-run health ministry",
    ],
    ["bbc-repost-2025-10-10-what", "this will happen immediately", "Reports in Israeli media"],
    ["bbc-repost-2025-10-10-what", "that preparations were under way to", "The Israeli military"],
    ["bbc-repost-2025-10-10-what", "Israel would then release about 250", "a Palestinian source"],
    ["bbc-repost-2025-10-10-what", "will not be released as part of the swap", "the Israeli spokesperson"],
    ["bbc-repost-2025-10-10-wording", "that there would be a situation like the one", "Hamas officials"],
    ["bbc-repost-2025-10-10-wording", "that the vast majority of Israelis wanted a", "polls"],
    ["bbc-repost-2025-10-16", "putting American soldiers on the ground in", "Donald Trump"],
    ["bbc-repost-2025-10-16", "that two bodies handed over by Hamas to the", "the Israeli government"],
    ["bbc-repost-2025-10-16", "his government's willingness to return to", "Benjamin Netanyahu"],
    // "Writing on his Truth Social platform, the US president said "we will have no choice but to go in and kill"".
    ["bbc-repost-2025-10-16", "we will have no choice but to go in and kill", "Donald Trump"],
    // "Mr Trump has signalled that “Israel will not occupy or annex Gaza” keeping open …".
    ["economist-2025-10-02-leader", "Israel will not occupy or annex Gaza", "Donald Trump"],
    // "a Palestinian state, which Netanyahu says will never happen".
    ["reuters-2025-10-09", "will never happen", "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-16", "At least 67,967 people have been killed by", "the territory's health ministry"],
    [
      "bbc-repost-2025-10-16",
      "the group had acted in good faith by sharing",
      "two senior advisers to US President Donald Trump",
    ],
    ["bbc-repost-2025-10-16", "the level of destruction in Gaza as one", "One senior US adviser"],
    // "On Thursday, an official from Israeli military body Cogat said: … The official also stressed that …".
    [
      "bbc-repost-2025-10-16",
      'that "aid will not pass through the Rafah',
      "an official from Israeli military body Cogat",
    ],
    ["economist-2025-10-02", "its weapons as an integral part of its", "The group"],
    ["economist-2025-10-02", "resistance", "The group"],
    // "As the former Hamas official puts it": not Taha al-Nounou, "a Hamas official in Qatar".
    ["economist-2025-10-02", "It’s difficult to say yes", "a former Hamas official"],
    // "Lawmakers in the US have struck a cautiously optimistic tone.": the author's paraphrase of them.
    ["bbc-repost-2025-10-09", "a cautiously optimistic tone", "Lawmakers in the US"],
    ["israelhayom-2025-10-03", "Friday evening that it had officially", "Hamas"],
    ["israelhayom-2025-10-03", "that it agreed to transfer authority in Gaza", "Hamas"],
    ["israelhayom-2025-10-03", "Palestinian technocratic administration", "Hamas"],
    // '"Regarding the other issues …," the statement read': Hamas's statement, Hamas quoted just before.
    ["israelhayom-2025-10-03", "Regarding the other issues included in", "Hamas"],
    ["israelhayom-2025-10-03", "these are matters of a national position", "Hamas"],
    ["newsby-2025-10-08", "that the ceasefire in Gaza will only take", "Reuters"],
    // ("Residents in Gaza reported …": the phrase whole, since "residents" is a word of the text, not a name.)
    ["reuters-2025-10-09", "a series of air strikes on Gaza City around", "Residents in Gaza"],
    ["reuters-2025-10-09", "it may take time to recover bodies scattered", "Hamas"],
    ["reuters-2025-10-09", 'the deal "a diplomatic success and a', "Benjamin Netanyahu"],
    // Read in their texts when the tagger trained as a conditional random field came to stand by them.
    // "Trump said over the weekend the hostages could be released "very soon"": when is no part of what.
    ["bbc-repost-2025-10-06", 'the hostages could be released "very soon"', "Donald Trump"],
    ["bbc-repost-2025-10-06", "very soon", "Donald Trump"],
    // Words quoted inside statements already checked, given to the same speaker.
    ["bbc-repost-2025-10-09", "respect the terms of the plan", "Anthony Albanese"],
    ["bbc-repost-2025-10-09", "a great day for Israel", "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-09", "bring all our dear hostages home", "Benjamin Netanyahu"],
    // '"All parties" would be treated fairly, said Trump'.
    ["bbc-repost-2025-10-09", "All parties", "Donald Trump"],
    ["bbc-repost-2025-10-09", "end the war in Gaza, ensure the complete", "Hamas"],
    ["bbc-repost-2025-10-10-what", "a unified Palestinian movement", "Hamas"],
    // "In Hamas's response, it indicated that it expects to have some future role in Gaza as part of
    // "a unified Palestinian movement"": "it" is Hamas, whose response it is.
    ["bbc-repost-2025-10-06", "that it expects to have some future role in Gaza", "Hamas"],
    ["bbc-repost-2025-10-06", "a unified Palestinian movement", "Hamas"],
    // Read in their texts when the confidence came to weigh each cue word by its record in training.
    // "Hamas has previously refused to lay down its weapons, saying it would only do so once …" (two copies).
    ["bbc-repost-2025-10-06", "it would only do so once a Palestinian state has been established", "Hamas"],
    ["bbc-repost-2025-10-10-what", "it would only do so once a Palestinian state has been established", "Hamas"],
    // "One senior US adviser pointed to …, and said rewards could be offered to civilians …".
    ["bbc-repost-2025-10-16", "rewards could be offered to civilians", "One senior US adviser"],
    // "Still, Gaza residents said Israeli strikes on three Gaza City suburbs continued overnight …".
    ["reuters-2025-10-09", "Israeli strikes on three Gaza City suburbs continued", "Gaza residents"],
    ["bbc-repost-2025-10-10-what", "transition to adjusted deployment lines soon", "The Israeli military"],
    // "Israel's prime minister has told a memorial … that he will fight terrorism with "full force"".
    ["bbc-repost-2025-10-16", "full force", "Benjamin Netanyahu"],
    [
      "bbc-repost-2025-10-16",
      "aid will not pass through the Rafah crossing",
      "an official from Israeli military body Cogat",
    ],
    // "Mr Netanyahu has opposed a return of the … (pa) to Gaza, accusing it of supporting terrorism": a paraphrase.
    ["economist-2025-10-02", "it of supporting terrorism", "Benjamin Netanyahu"],
    // "he expressed scepticism that “the pa leopard can change its spots”" ("pa" is the text's own).
    ["economist-2025-10-02", "scepticism that “the pa leopard", "Benjamin Netanyahu"],
    ["economist-2025-10-02", "the pa leopard can change its spots", "Benjamin Netanyahu"],
    // "Donald Trump said it was “…”, a day which could lead to “eternal peace”".
    ["economist-2025-10-02", "eternal peace", "Donald Trump"],
    // Read in their texts when a passive cue came to cap its subject's confidence (the threshold fell):
    // "Hamas has agreed to the hostage "exchange formula" detailed in Trump's plan, providing certain "field conditions" are met".
    ["bbc-repost-2025-10-06", 'the hostage "exchange formula" detailed', "Hamas"],
    ["bbc-repost-2025-10-06", "exchange formula", "Hamas"],
    ["bbc-repost-2025-10-06", "field conditions", "Hamas"],
    // "… mostly civilians and including more than 18,000 children, according to the Hamas-run health ministry".
    ["bbc-repost-2025-10-10-wording", "including more than 18,000 children", "the Hamas-run health ministry"],
    // "after three days of negotiations, the parties agreed to the first phase of … Trump's proposed plan".
    ["newsby-2025-10-08", "the first phase of US President Donald Trump's proposed plan", "the parties"],
    // "But far-right members of his coalition have long opposed any deal with Hamas."
    ["reuters-2025-10-09", "any deal with Hamas", "far-right members of his coalition"],
    // "Announcing the deal on social media, Trump said: …" (read when the threshold fell to 0.752).
    ["bbc-repost-2025-10-09", "the deal on social media", "Donald Trump"],
    // "… for the U.S. president, who had campaigned … "All Parties will be treated fairly! …," he wrote on
    // social media. "BLESSED ARE THE PEACEMAKERS!"" (sure once "Tel Aviv" was a place, not a rival for "he").
    ["reuters-2025-10-09", "All Parties will be treated fairly!", "Donald Trump"],
    ["reuters-2025-10-09", "BLESSED ARE THE PEACEMAKERS!", "Donald Trump"],
    ["israelhayom-2025-10-03", "that it had officially conveyed its response", "Hamas"],
    ["israelhayom-2025-10-03", "discuss the details of the process", "Hamas"],
    ["reuters-2025-10-09", "a diplomatic success and a national and moral", "Benjamin Netanyahu"],
    // "The Gaza health ministry said at least nine Palestinians were killed …".
    ["reuters-2025-10-09", "at least nine Palestinians were killed", "The Gaza health ministry"],
    // "A source briefed on details of the agreement said Israeli troops would begin pulling back
    // within 24 hours of the deal being signed." (read when given names read as verbs became names).
    [
      "reuters-2025-10-09",
      "Israeli troops would begin pulling back within 24 hours",
      "A source briefed on details of the agreement",
    ],
    // Read in their texts when the tagger came to read base noun phrases and the verb before a token.
    // "Netanyahu … even as he stood on the podium …, insisting it would play no role in governing the territory" (in two texts).
    ["bbc-repost-2025-10-06", "it would play no role in governing the territory", "Benjamin Netanyahu"],
    ["bbc-repost-2025-10-10-what", "it would play no role in governing the territory", "Benjamin Netanyahu"],
    // "… Israel attempted to assassinate Hamas's negotiating team …": what a party tried to do, the text's paraphrase.
    ["bbc-repost-2025-10-06", "attempted to assassinate Hamas's negotiating team", "Israel"],
    // "“What guarantee is there …?” asks a former Hamas official".
    ["economist-2025-10-02-trump", "What guarantee is there that after Hamas frees", "a former Hamas official"],
    // "The President of the Republic, General Joseph Aoun, announced his welcome of the plan …".
    ["whitehouse-2025-10-01", "his welcome of", "Joseph Aoun"],
  ];
  const base = (file: string) => file.split("/").at(-1)!;
  it("every speaker the model stands by is right", () => {
    const given = report.quotes.filter((q) => q.speaker);
    expect(given.length).toBeGreaterThanOrEqual(12);
    expectEverySpeakerChecked(report.quotes, RIGHT, (f, checked) => base(f).startsWith(checked));
  });
  it("the same words in a copy take the speaker the original stands by, and say which file confirms it", () => {
    // "In Hamas's response, it indicated that it expects … “a unified Palestinian movement”" (6
    // October) and "Hamas has also said it expects …" (10 October): Hamas's in both.
    const movement = report.quotes.filter((q) => q.text === "a unified Palestinian movement");
    expect(new Set(movement.map((q) => q.file)).size).toBe(2);
    for (const q of movement) expect(q.speaker).toBe("Hamas");
    const copies = report.quotes.filter((q) => q.confirmedBy);
    for (const q of copies) {
      const original = report.quotes.find((o) => o.file === q.confirmedBy && o.text === q.text)!;
      expect(original.speaker).toBe(q.speaker);
      expect(q.file).not.toBe(q.confirmedBy);
    }
  });
  it("words someone did not say, and words said by those around a leader, are not the leader's", () => {
    // "Netanyahu has not publicly said that the conflict is over."
    const notSaid = report.quotes.find((q) => q.text === "that the conflict is over")!;
    expect(notSaid.speaker).toBeNull();
    // "two senior advisers to US President Donald Trump said …"
    const advisers = report.quotes.find((q) => q.text.startsWith("preparations to move to the next phase"))!;
    expect(advisers.speaker ?? advisers.speakerCandidate).toMatch(/^two senior advisers/);
    // "Trump's plan specified that 600 lorry loads …, but Palestinian sources said there would initially
    // be … 400": the clause before "but" is the author's, not the sources'.
    const plan = report.quotes.filter((q) => q.text.startsWith("Trump's plan specified that 600"));
    for (const q of plan) expect(q.speaker ?? q.speakerCandidate).not.toBe("Palestinian sources");
    const sources = report.quotes.find((q) => q.text.startsWith("there would initially be a daily minimum of 400"))!;
    expect(sources.speaker).toBe("Palestinian sources");
    // One source, one name: "the official", "the advisers", "the terrorist organization" are the
    // source the text named before them.
    const speakers = new Set(report.quotes.map((q) => q.speaker));
    for (const definite of [
      "The official",
      "the official",
      "The advisers",
      "the officials",
      "The terrorist organization",
    ])
      expect(speakers.has(definite), definite).toBe(false);
  });
  it("words said of the noun a relative clause hangs on run from that noun", () => {
    // "… for a Palestinian state, which Netanyahu says will never happen": not "will never happen".
    const q = report.quotes.find((x) => x.text.endsWith("will never happen"))!;
    expect(q.text).toBe("a Palestinian state, which Netanyahu says will never happen");
    expect(q.speaker ?? q.speakerCandidate).toBe("Benjamin Netanyahu");
  });
  it("one name per person: a title before a name is a role, and a title alone is nobody", () => {
    const people = report.actors.filter((a) => a.kind === "person").map((a) => a.name);
    expect(people).toContain("António Guterres");
    expect(people).toContain("Keir Starmer");
    // A name hard-wrapped over two lines is one name, with the role and the side its title gives.
    expect(report.actors.find((a) => a.name === "Anthony Albanese")).toMatchObject({
      roles: expect.arrayContaining(["Australian Prime Minister"]),
      affiliation: "Australia",
    });
    expect(people.filter((n) => /Netanyahu/.test(n))).toEqual(["Benjamin Netanyahu"]);
    for (const n of people) expect(n).not.toMatch(/^(?:Prime Minister|President|Secretary|Sir|Israeli|UK) /);
    const named = new Set(report.quotes.flatMap((q) => [q.speaker, q.speakerCandidate]));
    for (const pronoun of ["you", "which", "who", "it"]) expect(named).not.toContain(pronoun);
  });
  it("the White House's pages, wrapped at a fixed width: a statement is one quote, not one a line", () => {
    const zheldibay = report.quotes.find((q) => q.text.startsWith("that the plan could also strengthen"))!;
    expect(zheldibay.text.replace(/\s+/g, " ")).toBe(
      "that the plan could also strengthen interstate trust and establish a lasting and just peace in the region",
    );
    // No quote without a source starts inside another's words (each wrapped line used to be one).
    const whole = report.quotes.filter((q) => q.kind !== "partial");
    const inside = whole.filter(
      (q) => !q.speakerSpan && whole.some((o) => o !== q && o.file === q.file && o.start < q.start && q.start < o.end),
    );
    expect(inside.map((q) => q.text.slice(0, 40))).toEqual([]);
  });
  it("who said what lists the principals with their words: no fragment, no paraphrase", () => {
    const listed = whoSaidWhat(report);
    for (const who of ["Hamas", "Benjamin Netanyahu", "Donald Trump"]) {
      const s = listed.find((x) => x.who === who);
      expect(s, who).toBeDefined();
      expect(s!.confirmed.length + s!.unconfirmed.length).toBeGreaterThanOrEqual(3);
    }
    for (const s of listed)
      for (const q of s.confirmed) {
        expect(q.kind).not.toBe("paraphrase");
        // A confirmed reported statement is a clause, not its first words.
        if (q.kind === "reported") expectWholeClause(q);
      }
    // "He cast it as a first step in a plan to bring reconciliation …": the author's telling of how
    // he saw the agreement, a paraphrase, listed as no one's words.
    const cast = report.quotes.filter((q) => q.text.startsWith("it as a first step in a plan"));
    expect(cast.length).toBeGreaterThan(0);
    for (const q of cast) expect(q.kind).toBe("paraphrase");
  });
});
