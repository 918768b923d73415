import { describe, expect, it } from "vitest";
import { limits } from "../primitives.ts";
import { dataCategories } from "./categories.ts";
import { consentEventSchema } from "./schema.ts";

const withdrawal = (organisations: string[] | null, categories: string[] | null) => ({
  id: "w1",
  clientId: "anna",
  consentId: "c1",
  type: "withdrawn",
  organisations,
  categories,
  reason: "Anna wil het niet meer",
  withdrawnAt: "2026-11-01T09:00:00.000Z",
  withdrawnBy: "ruben",
});

const recorded = (grantedTo: string[], categories: string[]) => ({
  id: "r1",
  clientId: "anna",
  consentId: "c1",
  type: "recorded",
  grantedTo,
  categories,
  purpose: "stapteam-coordination",
  purposeNote: "",
  form: "verbal",
  validFrom: "2026-11-01T09:00:00.000Z",
  validUntil: "2027-11-01T09:00:00.000Z",
  recordedAt: "2026-11-01T09:00:00.000Z",
  recordedBy: "ruben",
  recordedByOrganisationId: "iris",
});

describe("a consent's lists: bounded, and each value once", () => {
  it("collapses repeated organisations and categories of a withdrawal, keeping their first order", () => {
    const parsed = consentEventSchema.parse(withdrawal(["ldh", "ggd", "ldh", "ldh"], ["housing", "addiction", "housing"]));
    expect(parsed).toMatchObject({ organisations: ["ldh", "ggd"], categories: ["housing", "addiction"] });
  });

  it("collapses repeats in a recorded consent too", () => {
    const parsed = consentEventSchema.parse(recorded(["ldh", "ldh"], ["notes", "notes", "housing"]));
    expect(parsed).toMatchObject({ grantedTo: ["ldh"], categories: ["notes", "housing"] });
  });

  it("refuses more organisations than one consent may name, even when they are all the same one", () => {
    const tooMany = Array.from({ length: limits.organisationsPerConsent + 1 }, (_, i) => `org-${i}`);
    expect(consentEventSchema.safeParse(withdrawal(tooMany, null)).success).toBe(false);
    expect(
      consentEventSchema.safeParse(
        withdrawal(
          tooMany.map(() => "ldh"),
          null,
        ),
      ).success,
    ).toBe(false);
    expect(consentEventSchema.safeParse(recorded(tooMany, ["housing"])).success).toBe(false);
    expect(consentEventSchema.safeParse(withdrawal(tooMany.slice(1), null)).success).toBe(true);
  });

  it("refuses more categories than there are, and an unknown one", () => {
    expect(
      consentEventSchema.safeParse(
        withdrawal(
          null,
          Array.from({ length: dataCategories.length + 1 }, () => "housing"),
        ),
      ).success,
    ).toBe(false);
    expect(consentEventSchema.safeParse(withdrawal(null, ["housing", "horoscope"])).success).toBe(false);
  });
});
