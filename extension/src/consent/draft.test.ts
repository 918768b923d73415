import { addMonths, type DataCategory, maxConsentMonths } from "@naast/shared";
import { day } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import { consentsOf, isComplete, newConsentDraft, recordConsentArgs, toggle, validUntilOf } from "./draft.ts";

const now = day(0);
const ids = () => {
  let n = 0;
  return () => `c${++n}`;
};

describe("the consent form's draft", () => {
  it("is incomplete until a side is chosen with something to see", () => {
    const draft = newConsentDraft(now);
    expect(isComplete(draft)).toBe(false);
    expect(isComplete({ ...draft, organisations: new Set(["ldh"]) })).toBe(false);
    expect(isComplete({ ...draft, organisations: new Set(["ldh"]), categories: new Set(["housing"]) })).toBe(true);
    // The municipality has its own categories ticked by default; emptied, that side is incomplete.
    expect(isComplete({ ...draft, municipality: new Set(["gemeente"]) })).toBe(true);
    expect(isComplete({ ...draft, municipality: new Set(["gemeente"]), municipalityCategories: new Set() })).toBe(false);
  });

  it("records one consent per side, with the same end and purpose", () => {
    const draft = {
      ...newConsentDraft(now),
      organisations: new Set(["ldh", "ggd"]),
      categories: new Set<DataCategory>(["housing", "notes"]),
      municipality: new Set(["gemeente"]),
      purposeNote: "Afstemming",
      form: "written" as const,
    };
    expect(consentsOf(draft)).toHaveLength(2);
    const args = recordConsentArgs(draft, "anna", now, ids());
    expect(args).toMatchObject([
      {
        id: "c1:recorded",
        consentId: "c1",
        clientId: "anna",
        grantedTo: ["ldh", "ggd"],
        categories: ["housing", "notes"],
        form: "written",
        purposeNote: "Afstemming",
      },
      { id: "c2:recorded", consentId: "c2", grantedTo: ["gemeente"] },
    ]);
    expect(new Set(args.map((a) => a.validUntil)).size).toBe(1);
    expect(args[0]?.validFrom).toBe(now);
  });

  it("ends at the end of the chosen day, never later than the longest consent", () => {
    const draft = newConsentDraft(now);
    expect(validUntilOf({ ...draft, until: "2024-06-30" }, now)).toBe(new Date("2024-06-30T23:59:59").toISOString());
    expect(validUntilOf({ ...draft, until: "2030-01-01" }, now)).toBe(addMonths(now, maxConsentMonths));
  });

  it("ticks and unticks several at once", () => {
    expect([...toggle(new Set(["a"]), ["b", "c"], true)]).toEqual(["a", "b", "c"]);
    expect([...toggle(new Set(["a", "b"]), ["a"], false)]).toEqual(["b"]);
  });
});
