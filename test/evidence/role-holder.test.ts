import { describe, expect, it } from "vitest";
import { type RoleBearer, roleHolder } from "../../src/evidence/role-holder.js";

// A made-up batch: two prime ministers of different countries, a former one, a president.
const batch: RoleBearer[] = [
  { name: "Maria Vella", kind: "person", roles: ["Australian Prime Minister"] },
  { name: "John Camilleri", kind: "person", roles: ["Canadian Prime Minister", "prime minister"] },
  { name: "Paul Borg", kind: "person", roles: ["former Australian prime minister"] },
  { name: "Anna Vella", kind: "person", roles: ["Canadian President"] },
];

describe("the holder of an office named without a name, across the batch", () => {
  it("an office with its country is the one person the batch gives it", () => {
    expect(roleHolder("Australia's prime minister", () => "", batch)).toBe("Maria Vella");
    expect(roleHolder("the Canadian prime minister", () => "", batch)).toBe("John Camilleri");
    expect(roleHolder("The president", () => "Canada's president arrived on Monday.", batch)).toBe("Anna Vella");
  });
  it("an office alone takes the country the text gave it last before", () => {
    const before = "Talks resumed. Canada's prime minister spoke first, then Australia's prime minister left.";
    expect(roleHolder("The prime minister", () => before, batch)).toBe("Maria Vella");
    expect(roleHolder("The prime minister", () => before.slice(0, before.indexOf(", then")), batch)).toBe(
      "John Camilleri",
    );
  });
  it("no country, a country the language data does not know, several holders or only a former one: nobody", () => {
    expect(roleHolder("The prime minister", () => "Talks resumed on Monday.", batch)).toBeNull();
    expect(roleHolder("Gozo's prime minister", () => "", batch)).toBeNull();
    expect(roleHolder("the official", () => "Australia's official", batch)).toBeNull();
    const two = [...batch, { name: "Rita Borg", kind: "person", roles: ["Australian Prime Minister"] }];
    expect(roleHolder("Australia's prime minister", () => "", two)).toBeNull();
    const former = batch.filter((p) => p.name !== "Maria Vella");
    expect(roleHolder("Australia's prime minister", () => "", former)).toBeNull();
  });
});
