import { describe, expect, it } from "vitest";
import { epdLinkId } from "../client/schema.ts";
import { addMonths } from "../primitives.ts";
import { acting, day, shift } from "../testing/fixtures.ts";
import { consentArgs, expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { mutators } from "./registry.ts";

const {
  createClient,
  linkEpdRecord,
  setClientStatus,
  recordConsent,
  withdrawConsent,
  recordZrmScore,
  updatePlanDomain,
  addAgreement,
  setAgreementStatus,
  addNote,
} = mutators;

describe("createClient and EPD links", () => {
  it("Fatima creates Anna from her EPD: Iriszorg holds her, Fatima is responsible, the EPD id is linked for Iriszorg", async () => {
    const store = await stapteam();
    expect(store.get("clients", "anna")).toMatchObject({ alias: "Anna", ownerOrganisationId: "iriszorg", responsibleUserId: "fatima", status: "active" });
    expect(store.all("epdLinks")).toEqual([
      { id: epdLinkId("iriszorg", "IZ-10442"), clientId: "anna", organisationId: "iriszorg", epdClientId: "IZ-10442", linkedAt: day(0), linkedBy: "fatima" },
    ]);
  });

  it("a second client with the same id, or from an EPD id already linked to Anna, is a conflict", async () => {
    const store = await stapteam();
    await expectRejected(store.run(createClient, { ...validArgs.createClient, id: "anna" }, acting("joost")), "conflict");
    await expectRejected(store.run(createClient, { ...validArgs.createClient, epdClientId: "IZ-10442" }, acting("joost")), "conflict", "epd.linked-elsewhere", {
      epdId: "IZ-10442",
    });
    expect(store.get("clients", "bo")).toBeUndefined();
  });

  it("LDH links its own EPD id once Anna shares something with LDH; linking again changes nothing", async () => {
    const store = await stapteam();
    await expectRejected(store.run(linkEpdRecord, validArgs.linkEpdRecord, acting("sanne")), "forbidden");
    await shareWithLdh(store, ["notes"]);
    await store.run(linkEpdRecord, validArgs.linkEpdRecord, acting("sanne", day(1)));
    await store.run(linkEpdRecord, validArgs.linkEpdRecord, acting("sanne", day(2)));
    expect(store.get("epdLinks", epdLinkId("ldh", "LDH-2231"))).toMatchObject({ clientId: "anna", organisationId: "ldh", linkedAt: day(1) });
  });

  it("EPD ids that differ only in punctuation (IZ_20001, IZ/20001) link two different clients", async () => {
    const store = await stapteam();
    await store.run(createClient, { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: "IZ_20001" }, acting("fatima"));
    await store.run(createClient, { id: "cas", alias: "Cas", birthYear: 1979, epdClientId: "IZ/20001" }, acting("fatima"));
    expect(store.all("epdLinks").map((l) => l.epdClientId)).toEqual(["IZ-10442", "IZ_20001", "IZ/20001"]);
  });

  it("only the holding organisation sets the client's status", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing"], "c2");
    await expectRejected(store.run(setClientStatus, validArgs.setClientStatus, acting("sanne")), "forbidden");
    await store.run(setClientStatus, validArgs.setClientStatus, acting("fatima", day(3)));
    expect(store.get("clients", "anna")).toMatchObject({ status: "monitoring", updatedAt: day(3), createdAt: day(0) });
  });
});

describe("recordConsent", () => {
  it("records who asked and when, once per organisation and category", async () => {
    const store = await stapteam();
    await store.run(recordConsent, consentArgs({ grantedTo: ["ldh", "ggd", "ldh"], categories: ["housing", "housing"] }), acting("fatima", day(0)));
    expect(store.get("consentEvents", "c1-recorded")).toMatchObject({
      type: "recorded",
      grantedTo: ["ldh", "ggd"],
      categories: ["housing"],
      recordedAt: day(0),
      recordedBy: "fatima",
      recordedByOrganisationId: "iriszorg",
    });
    await expectRejected(store.run(recordConsent, consentArgs({ id: "other" }), acting("fatima")), "conflict");
  });

  it("must end after it starts, and runs for at most 24 months", async () => {
    const store = await stapteam();
    await expectRejected(store.run(recordConsent, consentArgs({ validUntil: day(0) }), acting("fatima")), "invalid", "consent.ends-before-start");
    await expectRejected(store.run(recordConsent, consentArgs({ validUntil: shift(day(0), -1) }), acting("fatima")), "invalid");
    const twoYears = addMonths(day(0), 24);
    await expectRejected(store.run(recordConsent, consentArgs({ validUntil: shift(twoYears, 1) }), acting("fatima")), "invalid", "consent.too-long", {
      months: 24,
    });
    await store.run(recordConsent, consentArgs({ validUntil: twoYears }), acting("fatima"));
  });

  it("names only organisations that exist", async () => {
    const store = await stapteam();
    await expectRejected(store.run(recordConsent, consentArgs({ grantedTo: ["ldh", "onder-de-bomen"] }), acting("fatima")), "invalid", "organisation.unknown", {
      organisation: "onder-de-bomen",
    });
  });

  it("lets LDH write exactly what Anna shared with it: her housing and notes, not her addiction or agreements", async () => {
    const store = await stapteam();
    await expectRejected(store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne")), "forbidden", "access.no-consent");
    await shareWithLdh(store, ["housing", "notes"]);
    await store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", day(1)));
    await store.run(addNote, validArgs.addNote, acting("sanne", day(1)));
    await expectRejected(store.run(updatePlanDomain, { ...validArgs.updatePlanDomain, domain: "addiction" }, acting("sanne")), "forbidden");
    await expectRejected(store.run(addAgreement, validArgs.addAgreement, acting("sanne")), "forbidden");
    await expectRejected(store.run(linkEpdRecord, validArgs.linkEpdRecord, acting("kees")), "forbidden");
  });

  it("does not let LDH write before the consent starts or after it ends", async () => {
    const store = await stapteam();
    await store.run(recordConsent, consentArgs({ validFrom: day(7), validUntil: day(30) }), acting("fatima"));
    await expectRejected(store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", shift(day(7), -1))), "forbidden", "access.not-yet-valid");
    await store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", day(7)));
    await expectRejected(store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", day(30))), "forbidden", "access.expired");
    await store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", shift(day(30), -1)));
  });
});

describe("withdrawConsent", () => {
  it("cannot withdraw a consent Anna never gave", async () => {
    const store = await stapteam();
    await expectRejected(store.run(withdrawConsent, validArgs.withdrawConsent, acting("fatima")), "not-found");
  });

  it("once Anna withdraws, LDH can no longer write; the same withdrawal twice is a conflict", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing", "notes"]);
    await store.run(addNote, validArgs.addNote, acting("sanne", day(1)));
    await store.run(withdrawConsent, validArgs.withdrawConsent, acting("fatima", day(2)));
    expect(store.get("consentEvents", "w1")).toMatchObject({ type: "withdrawn", withdrawnAt: day(2), withdrawnBy: "fatima" });
    await expectRejected(store.run(addNote, { ...validArgs.addNote, id: "n2" }, acting("sanne", day(2))), "forbidden", "access.withdrawn");
    await expectRejected(store.run(withdrawConsent, validArgs.withdrawConsent, acting("fatima", day(3))), "conflict");
  });

  it("withdrawing notes for LDH leaves LDH its housing", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing", "notes"]);
    await store.run(withdrawConsent, { ...validArgs.withdrawConsent, categories: ["notes"] }, acting("sanne", day(2)));
    await expectRejected(store.run(addNote, validArgs.addNote, acting("sanne", day(3))), "forbidden");
    await store.run(updatePlanDomain, validArgs.updatePlanDomain, acting("sanne", day(3)));
  });
});

describe("the plan: ZRM scores and life domains", () => {
  it("a ZRM score sent twice (a replayed push) is kept once, as first recorded", async () => {
    const store = await stapteam();
    await store.run(recordZrmScore, validArgs.recordZrmScore, acting("fatima", day(1)));
    await store.run(recordZrmScore, { ...validArgs.recordZrmScore, score: 4 }, acting("fatima", day(2)));
    expect(store.all("zrmScores")).toEqual([{ ...validArgs.recordZrmScore, assessedBy: "fatima", recordedAt: day(1) }]);
  });

  it("two colleagues editing different fields of housing both keep theirs; an empty text clears", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing"], "c2");
    await store.run(updatePlanDomain, { clientId: "anna", domain: "housing", situation: "Slaapt in de auto" }, acting("fatima", day(1)));
    await store.run(updatePlanDomain, { clientId: "anna", domain: "housing", goal: "Time-out plek" }, acting("sanne", day(2)));
    expect(store.get("planDomains", "anna:housing")).toMatchObject({ situation: "Slaapt in de auto", goal: "Time-out plek", updatedBy: "sanne" });
    await store.run(updatePlanDomain, { clientId: "anna", domain: "housing", situation: "Time-out tot vrijdag" }, acting("fatima", day(3)));
    expect(store.get("planDomains", "anna:housing")).toMatchObject({ situation: "Time-out tot vrijdag", goal: "Time-out plek", updatedAt: day(3) });
    for (const field of ["situation", "goal"] as const) {
      await store.run(updatePlanDomain, { clientId: "anna", domain: "housing", [field]: "" }, acting("fatima", day(4)));
      expect(store.get("planDomains", "anna:housing")?.[field]).toBe("");
    }
  });

  it("with a long client id, every life domain keeps its own record", async () => {
    const store = await stapteam();
    const id = "c".repeat(62);
    await store.run(createClient, { id, alias: "Bo", birthYear: 1988, epdClientId: null }, acting("fatima"));
    await store.run(updatePlanDomain, { clientId: id, domain: "daytime_activity", situation: "Dagbesteding bij Onder de Bomen" }, acting("fatima"));
    await store.run(updatePlanDomain, { clientId: id, domain: "domestic_relations", goal: "Contact met zus" }, acting("fatima"));
    expect(store.all("planDomains").map((d) => d.domain)).toEqual(["daytime_activity", "domestic_relations"]);
  });
});

describe("agreements", () => {
  it("are owned by an active colleague who may see them and their life domain, whose organisation becomes the owning organisation", async () => {
    const store = await stapteam();
    await expectRejected(
      store.run(addAgreement, { ...validArgs.addAgreement, ownerUserId: "sanne" }, acting("fatima")),
      "invalid",
      "agreement.owner-no-access",
      { person: "Sanne" },
    );
    await shareWithLdh(store, ["agreements"]);
    // The agreement is about housing, which LDH may not see yet.
    await expectRejected(
      store.run(addAgreement, { ...validArgs.addAgreement, ownerUserId: "sanne" }, acting("fatima")),
      "invalid",
      "agreement.owner-no-access",
      {
        person: "Sanne",
      },
    );
    await store.run(addAgreement, { ...validArgs.addAgreement, id: "a0", domain: null, ownerUserId: "sanne" }, acting("fatima"));
    await shareWithLdh(store, ["housing"], "c2");
    await expectRejected(store.run(addAgreement, { ...validArgs.addAgreement, ownerUserId: "henk" }, acting("fatima")), "invalid", "agreement.owner-inactive", {
      person: "Henk",
    });
    await expectRejected(store.run(addAgreement, { ...validArgs.addAgreement, ownerUserId: "nobody" }, acting("fatima")), "invalid");
    await store.run(addAgreement, { ...validArgs.addAgreement, ownerUserId: "sanne" }, acting("fatima", day(1)));
    expect(store.get("agreements", "a1")).toMatchObject({
      ownerUserId: "sanne",
      ownerOrganisationId: "ldh",
      status: "open",
      createdBy: "fatima",
      closedAt: null,
    });
    await expectRejected(store.run(addAgreement, validArgs.addAgreement, acting("fatima")), "conflict");
  });

  it("are closed as done or cancelled with who and when, and reopened without", async () => {
    const store = await stapteam();
    await store.run(addAgreement, validArgs.addAgreement, acting("fatima", day(1)));
    await store.run(setAgreementStatus, validArgs.setAgreementStatus, acting("joost", day(5)));
    expect(store.get("agreements", "a1")).toMatchObject({ status: "done", closedAt: day(5), closedBy: "joost" });
    await store.run(setAgreementStatus, { ...validArgs.setAgreementStatus, status: "open" }, acting("fatima", day(6)));
    expect(store.get("agreements", "a1")).toMatchObject({ status: "open", closedAt: null, closedBy: null });
  });

  it("a status is set only on an agreement of this client", async () => {
    const store = await stapteam();
    await store.run(createClient, validArgs.createClient, acting("fatima"));
    await store.run(addAgreement, validArgs.addAgreement, acting("fatima"));
    await expectRejected(store.run(setAgreementStatus, { ...validArgs.setAgreementStatus, clientId: "bo" }, acting("fatima")), "not-found");
  });
});

describe("notes are append-only", () => {
  it("a note cannot be overwritten; a correction points to an earlier note of the same client", async () => {
    const store = await stapteam();
    await store.run(createClient, validArgs.createClient, acting("fatima"));
    await store.run(addNote, validArgs.addNote, acting("fatima", day(1)));
    await expectRejected(store.run(addNote, { ...validArgs.addNote, text: "Anders" }, acting("fatima")), "conflict");
    await expectRejected(store.run(addNote, { ...validArgs.addNote, id: "n2", correctsNoteId: "n0" }, acting("fatima")), "not-found");
    await expectRejected(store.run(addNote, { ...validArgs.addNote, id: "n2", clientId: "bo", correctsNoteId: "n1" }, acting("fatima")), "not-found");
    await store.run(addNote, { id: "n2", clientId: "anna", text: "Correctie: overmorgen", correctsNoteId: "n1" }, acting("fatima", day(2)));
    expect(store.get("notes", "n1")?.text).toBe(validArgs.addNote.text);
    expect(store.get("notes", "n2")).toMatchObject({ correctsNoteId: "n1", authorUserId: "fatima", authorOrganisationId: "iriszorg", createdAt: day(2) });
  });
});
