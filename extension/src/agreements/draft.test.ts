import type { RecordOf } from "@naast/shared";
import { day, organisations, people, recorded } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import type { Directory } from "../records/queries.ts";
import { anna } from "../testing/anna.ts";
import { addAgreementArgs, newAgreementDraft, nextAgreementDraft, openAgreements, ownerChoices, possibleOwners } from "./draft.ts";

const directory: Directory = {
  people: new Map(Object.values(people).map((p) => [p.id, p])),
  organisations: new Map(Object.values(organisations).map((o) => [o.id, o])),
};

describe("the afspraken section's derivations", () => {
  it("lists the open afspraken, the first due first", () => {
    const a = (id: string, dueDate: string, status: RecordOf<"agreements">["status"] = "open") => ({ id, dueDate, status });
    expect(openAgreements([a("late", "2024-05-01"), a("done", "2024-01-01", "done"), a("soon", "2024-03-10")]).map((x) => x.id)).toEqual(["soon", "late"]);
  });

  it("offers as owners the active colleagues whose organisation may see the afspraak (and its life domain)", () => {
    // Anna shares housing and her afspraken with LDH, not addiction.
    const view = { client: anna, consentEvents: [recorded("c1", { categories: ["housing", "agreements"] })] };
    const ids = (domain: "housing" | "addiction" | null) => possibleOwners(view, directory, day(1), domain).map((p) => p.id);
    expect(ids(null)).toContain("sanne");
    expect(ids("housing")).toContain("sanne");
    expect(ids("addiction")).not.toContain("sanne");
    expect(ids(null)).toContain("fatima");
    expect(ids(null)).not.toContain("henk");
    // A client not shared with GGD: none of GGD's people is offered.
    expect(ids(null)).not.toContain("kees");
  });

  it("keeps an afspraak's present owner as the first choice when she is no longer offered (Henk left)", () => {
    const view = { client: anna, consentEvents: [] };
    const ids = (ownerUserId: string) => ownerChoices(view, directory, day(1), { ownerUserId, domain: null }).map((p) => p.id);
    expect(ids("henk")[0]).toBe("henk");
    expect(ids("fatima").filter((id) => id === "fatima")).toHaveLength(1);
    expect(ids("fatima")).not.toContain("henk");
  });

  it("sends no life domain when none is chosen, and keeps owner and domain for the next one", () => {
    const draft = { ...newAgreementDraft(), text: "Afspraak bij de huisarts", ownerUserId: "sanne", dueDate: "2024-03-20" };
    expect(addAgreementArgs(draft, "anna", "a1")).toEqual({
      id: "a1",
      clientId: "anna",
      domain: null,
      text: "Afspraak bij de huisarts",
      ownerUserId: "sanne",
      dueDate: "2024-03-20",
    });
    expect(addAgreementArgs({ ...draft, domain: "housing" }, "anna", "a1").domain).toBe("housing");
    expect(nextAgreementDraft({ ...draft, domain: "housing" })).toEqual({ text: "", ownerUserId: "sanne", dueDate: "", domain: "housing" });
  });
});
