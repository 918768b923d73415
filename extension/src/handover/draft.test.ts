import type { RecordOf } from "@naast/shared";
import { day, organisations, people, recorded, sessionUser } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import type { Directory } from "../records/queries.ts";
import { anna } from "../testing/anna.ts";
import { checkHandoverDraft, decisionOf, handoverArgs, maySectionBeAbout, newHandoverDraft, ownerChoices, receiverChoices } from "./draft.ts";

const directory: Directory = {
  people: new Map(Object.values(people).map((p) => [p.id, p])),
  organisations: new Map(Object.values(organisations).map((o) => [o.id, o])),
};
const housingPlan: RecordOf<"planDomains"> = {
  id: "anna:housing",
  clientId: "anna",
  domain: "housing",
  situation: "Slaapt bij kennissen",
  goal: "",
  updatedAt: day(0),
  updatedBy: "fatima",
};
const addictionScore: RecordOf<"zrmScores"> = {
  id: "z1",
  clientId: "anna",
  domain: "addiction",
  score: 2,
  assessedOn: "2024-03-01",
  assessedBy: "fatima",
  recordedAt: day(0),
};
const plan = { planDomains: [housingPlan], zrmScores: [addictionScore] };
const now = day(1);
/** Anna shares housing and handovers with LDH, not addiction. */
const sharedWithLdh = { client: anna, consentEvents: [recorded("c1", { categories: ["housing", "handovers", "agreements"] })] };
const all = Object.values(people);

describe("the handover form's draft", () => {
  it("starts from the plan: each life domain with a situation or a score, nothing else", () => {
    const draft = newHandoverDraft(plan, null);
    expect(draft.domains).toEqual([
      { domain: "housing", score: null, situation: "Slaapt bij kennissen" },
      { domain: "addiction", score: 2, situation: "" },
    ]);
    expect(draft).toMatchObject({ kind: "organisation", toUserId: "", risks: "", sectionDomains: { risks: null, whatWorks: null, text: null } });
  });

  it("a correction starts from the handover it corrects, with its decisions per agreement", () => {
    const first = handoverArgs(
      { ...newHandoverDraft(plan, null), toOrganisationId: "ldh", risks: "Raakt uit beeld" },
      checkHandoverDraft({ ...newHandoverDraft(plan, null), toOrganisationId: "ldh" }, sharedWithLdh, directory, now),
      "anna",
      ["a1"],
      "h1",
      null,
    );
    const handover: RecordOf<"handovers"> = {
      ...first,
      agreements: [{ agreementId: "a1", action: "done" }],
      fromUserId: "fatima",
      fromOrganisationId: "iriszorg",
      createdAt: now,
    };
    const correction = newHandoverDraft(plan, handover);
    expect(correction).toMatchObject({ kind: "organisation", toOrganisationId: "ldh", risks: "Raakt uit beeld" });
    expect(decisionOf(correction, "a1")).toEqual({ agreementId: "a1", action: "done" });
    expect(decisionOf(correction, "a2")).toEqual({ agreementId: "a2", action: "carry", newOwnerUserId: "" });
  });

  it("asks for consent first when it does not cover the receiving organisation, the chosen person's organisation counting", () => {
    const toKees = { ...newHandoverDraft(plan, null), kind: "colleague" as const, toUserId: "kees" };
    expect(checkHandoverDraft(toKees, sharedWithLdh, directory, now)).toMatchObject({
      within: true,
      receivingOrganisation: "ggd",
      consentMissing: true,
      withheld: [],
    });
    const toLdh = { ...newHandoverDraft(plan, null), toOrganisationId: "ldh" };
    expect(checkHandoverDraft(toLdh, sharedWithLdh, directory, now)).toMatchObject({
      receivingOrganisation: "ldh",
      consentMissing: false,
      withheld: ["addiction"],
    });
  });

  it("sends no life domain the receiver may not see, no empty network row, and a decision for each agreement open now", () => {
    const draft = {
      ...newHandoverDraft(plan, null),
      toOrganisationId: "ldh",
      toExternal: "typed before she switched kind",
      network: [
        { name: "Moeder", role: "familie", reachableAt: "" },
        { name: "  ", role: "", reachableAt: "" },
      ],
      decisions: new Map([["a1", { agreementId: "a1", action: "cancelled" as const }]]),
    };
    const args = handoverArgs(draft, checkHandoverDraft(draft, sharedWithLdh, directory, now), "anna", ["a1", "a2"], "h1", null);
    expect(args).toMatchObject({ id: "h1", clientId: "anna", toOrganisationId: "ldh", toUserId: null, toExternal: null, correctsHandoverId: null });
    expect(args.domains.map((d) => d.domain)).toEqual(["housing"]);
    expect(args.network.map((c) => c.name)).toEqual(["Moeder"]);
    expect(args.agreements).toEqual([
      { agreementId: "a1", action: "cancelled" },
      { agreementId: "a2", action: "carry", newOwnerUserId: "" },
    ]);
  });

  it("leaving Naast names no receiver inside it, and the text of a closure goes to nobody outside", () => {
    const leaving = {
      ...newHandoverDraft(plan, null),
      kind: "other-municipality" as const,
      toOrganisationId: "ldh",
      toUserId: "sanne",
      toExternal: "Gemeente Arnhem",
    };
    const checks = checkHandoverDraft(leaving, sharedWithLdh, directory, now);
    expect(checks).toMatchObject({ within: false, receivingOrganisation: null, consentMissing: false });
    expect(handoverArgs(leaving, checks, "anna", [], "h1", null)).toMatchObject({ toUserId: null, toOrganisationId: null, toExternal: "Gemeente Arnhem" });
    const closure = { ...leaving, kind: "closure" as const };
    expect(handoverArgs(closure, checkHandoverDraft(closure, sharedWithLdh, directory, now), "anna", [], "h1", null).toExternal).toBeNull();
  });

  it("lets a section be 'algemeen' only when the receiver may see the whole plan", () => {
    const toLdh = { ...newHandoverDraft(plan, null), toOrganisationId: "ldh" };
    const may = maySectionBeAbout(checkHandoverDraft(toLdh, sharedWithLdh, directory, now), sharedWithLdh, now);
    expect([may("housing"), may("addiction"), may(null)]).toEqual([true, false, false]);
  });

  it("offers as receivers and new owners only those who may take her on", () => {
    const colleague = { ...newHandoverDraft(plan, null), kind: "colleague" as const };
    expect(receiverChoices(colleague, all, sessionUser("fatima")).map((p) => p.id)).not.toContain("fatima");
    expect(receiverChoices(colleague, all, sessionUser("fatima")).map((p) => p.id)).not.toContain("henk");
    const toLdh = { ...newHandoverDraft(plan, null), toOrganisationId: "ldh" };
    expect(receiverChoices(toLdh, all, sessionUser("fatima")).every((p) => p.organisationId === "ldh")).toBe(true);
    // Handed to LDH, LDH holds her: its case workers take the agreements on.
    expect(ownerChoices(all, sharedWithLdh, checkHandoverDraft(toLdh, sharedWithLdh, directory, now), now, "addiction").map((p) => p.id)).toEqual(["sanne"]);
    // Leaving Naast, Iriszorg keeps her: its case workers, and LDH's for a domain the consent shares with LDH.
    const leaving = { ...toLdh, kind: "closure" as const };
    const checks = checkHandoverDraft(leaving, sharedWithLdh, directory, now);
    expect(ownerChoices(all, sharedWithLdh, checks, now, "housing").map((p) => p.id)).toEqual(["fatima", "joost", "sanne"]);
    expect(ownerChoices(all, sharedWithLdh, checks, now, "addiction").map((p) => p.id)).toEqual(["fatima", "joost"]);
  });
});
