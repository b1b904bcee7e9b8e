import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/evidence/document.js";
import { readMasthead } from "../../src/evidence/masthead.js";

const read = (file: string, raw: string) => readDocument(file, raw, () => "id");

describe("what a text's top, its address and its file's name say of its source", () => {
  it("a wire's byline with two authors and its dateline give the author and the outlet", () => {
    const d = read(
      "joy.txt",
      "Joy in Valletta after truce announced\n\nBy Anna Novak and Karl Borg\nMarch 3, 2026\n\nVALLETTA, March 3 (Reuters) - Crowds gathered on Thursday.\n",
    );
    expect(d).toMatchObject({
      title: "Joy in Valletta after truce announced",
      author: "Anna Novak and Karl Borg",
      outlet: "Reuters",
    });
    expect(readMasthead("x.txt", "By Anna Novak, Karl Borg and Marek Vella\n\nText.", null, null).author).toBe(
      "Anna Novak, Karl Borg and Marek Vella",
    );
  });

  it("the headline under a section and rubric line, and without a live page's label", () => {
    expect(
      read(
        "a.txt",
        "Leaders | A step forward\nThe harbour plan deserves praise\nBoth sides moved\nMarch 2nd 2026\n\nText.",
      ).title,
    ).toBe("The harbour plan deserves praise");
    expect(read("b.txt", "Update: What the truce says\n\nIt has been reported that the truce holds.").title).toBe(
      "What the truce says",
    );
  });

  it("the outlet from the address's domain or the file's name, a repost said to be one; none from a hash", () => {
    expect(readMasthead("x.txt", "Text.", null, "https://www.economist.com/leaders/2026/03/02/x").outlet).toBe(
      "The Economist",
    );
    expect(readMasthead("economist-2026-03-02-leader.txt", "Text.", null, null).outlet).toBe("The Economist");
    expect(readMasthead("bbc-repost-2026-03-06-points.txt", "Text.", null, null).outlet).toBe("BBC News (as reposted)");
    expect(readMasthead("000_5421cbf47a010d17.txt", "Text.", null, null).outlet).toBeNull();
    // A manifest or the page's own metadata comes first.
    const page = readDocument(
      "reuters-2026-03-03-x.html",
      '<html><head><meta property="og:site_name" content="Harbour Post"><title>T</title></head><body><article><h1>T</h1><p>By line text. Crowds gathered on Thursday in the harbour, many of them singing, and the talks went on into the night.</p></article></body></html>',
      () => "id",
      { metadata: { outlet: "Harbour Post (manifest)" } },
    );
    expect(page.outlet).toBe("Harbour Post (manifest)");
  });
});
