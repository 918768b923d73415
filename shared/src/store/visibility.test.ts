import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataCategories } from "../consent/categories.ts";
import { lifeDomains } from "../plan/domains.ts";
import { isPurgedBy } from "../sync/stored-record.ts";
import { categoriesOf, encodeVisibility, parseVisibility, type Visibility } from "./visibility.ts";

const visibilityArb: fc.Arbitrary<Visibility> = fc.oneof(
  fc.constant<Visibility>({ kind: "directory" }),
  fc.constant<Visibility>({ kind: "client" }),
  fc.constant<Visibility>({ kind: "holder" }),
  fc.constantFrom("org-iriszorg", "ldh").map((organisationId): Visibility => ({ kind: "epd-link", organisationId })),
  fc.constantFrom("org-iriszorg", "ldh").map((organisationId): Visibility => ({ kind: "organisation", organisationId })),
  fc
    .record({ category: fc.constantFrom(...dataCategories), domain: fc.option(fc.constantFrom(...lifeDomains), { nil: null }) })
    .map((v): Visibility => ({ kind: "category", ...v })),
);

describe("the visibility codec", () => {
  it("reads back exactly what it wrote", () => {
    fc.assert(
      fc.property(visibilityArb, (v) => {
        expect(parseVisibility(encodeVisibility(v))).toEqual(v);
      }),
    );
  });

  it("reads the keys stored before records could be tied to a domain", () => {
    expect(parseVisibility("category:agreements")).toEqual({ kind: "category", category: "agreements", domain: null });
    expect(parseVisibility("epd-link:org-ldh")).toEqual({ kind: "epd-link", organisationId: "org-ldh" });
    expect(parseVisibility("category:agreements:mental_health")).toEqual({ kind: "category", category: "agreements", domain: "mental_health" });
  });

  it("refuses what no record was ever stored under", () => {
    for (const key of [
      "",
      "category:",
      "category:money",
      "category:agreements:notes",
      "category:agreements:housing:x",
      "epd-link:",
      "organisation:",
      "organisation:a:b",
      "everyone",
    ]) {
      expect(() => parseVisibility(key)).toThrow(/not a visibility/);
    }
  });

  it("a purge of some categories removes exactly the records that need one of them; the organisation's EPD link and its own totals never", () => {
    const purgeArb = fc.oneof(fc.constant<"all">("all"), fc.uniqueArray(fc.constantFrom(...dataCategories), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(visibilityArb, purgeArb, fc.boolean(), (v, categories, sameClient) => {
        const record = { clientId: "anna", visibility: encodeVisibility(v) };
        const purged = isPurgedBy(record, { clientId: sameClient ? "anna" : "bo", categories, hidden: null });
        const expected =
          sameClient &&
          v.kind !== "epd-link" &&
          v.kind !== "organisation" &&
          (categories === "all" || (v.kind === "category" && categoriesOf(v).some((c) => categories.includes(c))));
        expect(purged).toBe(expected);
      }),
    );
  });
});
