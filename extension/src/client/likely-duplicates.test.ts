import { describe, expect, it } from "vitest";
import { likelyDuplicates, searchClients } from "./likely-duplicates.ts";

const clients = [
  { id: "a", alias: "Anouk", birthYear: 1994 },
  { id: "m", alias: "Monique", birthYear: 1988 },
  { id: "s", alias: "Sandra J.", birthYear: 1979 },
];

describe("finding a client before creating one", () => {
  it("searches by roepnaam and birth year, ignoring case and accents", () => {
    expect(searchClients(clients, "anoúk").map((c) => c.id)).toEqual(["a"]);
    expect(searchClients(clients, "1988").map((c) => c.id)).toEqual(["m"]);
    expect(searchClients(clients, "sandra 1979").map((c) => c.id)).toEqual(["s"]);
    expect(searchClients(clients, "sandra 1980")).toEqual([]);
    expect(searchClients(clients, " ")).toHaveLength(3);
  });

  it("warns on the same roepnaam with a birth year one off, not on another name", () => {
    expect(likelyDuplicates(clients, "Sandra", 1980).map((c) => c.id)).toEqual(["s"]);
    expect(likelyDuplicates(clients, "monique", 1988).map((c) => c.id)).toEqual(["m"]);
    expect(likelyDuplicates(clients, "Monique", 1995)).toEqual([]);
    expect(likelyDuplicates(clients, "Bas", 1994)).toEqual([]);
  });
});
