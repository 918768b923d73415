import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day } from "../testing/fixtures.ts";
import { expectRejected, shareWithLdh, stapteam } from "../testing/stapteam.ts";

const add = { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" } as const;

describe("afspraken changed from the panel", () => {
  it("Fatima moves the due date and rewords it; only the fields given change", async () => {
    const store = await stapteam();
    await store.run(mutators.addAgreement, add, acting("fatima"));
    await store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", dueDate: "2024-03-18" }, acting("fatima", day(1)));
    expect(store.get("agreements", "a1")).toMatchObject({ text: "Aanmelden time-out", dueDate: "2024-03-18", ownerUserId: "fatima", status: "open" });
  });

  it("reassigns to the ervaringsdeskundige of an organisation with consent, not to one without, nor to the procesregisseur", async () => {
    const store = await stapteam();
    await store.run(mutators.addAgreement, add, acting("fatima"));
    await expectRejected(
      store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", ownerUserId: "mirjam" }, acting("fatima")),
      "invalid",
      "agreement.owner-no-access",
      {
        person: "Mirjam",
      },
    );
    await expectRejected(
      store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", ownerUserId: "ruud" }, acting("fatima")),
      "invalid",
      "agreement.owner-role",
      {
        person: "Ruud",
        role: "procesregisseur",
      },
    );
    await shareWithLdh(store, ["agreements"]);
    await store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", ownerUserId: "mirjam" }, acting("fatima", day(1)));
    expect(store.get("agreements", "a1")).toMatchObject({ ownerUserId: "mirjam", ownerOrganisationId: "ldh" });
  });

  it("a cancelled afspraak keeps its reason and can no longer be edited", async () => {
    const store = await stapteam();
    await store.run(mutators.addAgreement, add, acting("fatima"));
    await store.run(
      mutators.setAgreementStatus,
      { clientId: "anna", agreementId: "a1", status: "cancelled", reason: "Anna is verhuisd" },
      acting("fatima", day(1)),
    );
    expect(store.get("agreements", "a1")).toMatchObject({ status: "cancelled", cancelReason: "Anna is verhuisd", closedAt: day(1), closedBy: "fatima" });
    await expectRejected(
      store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", text: "x" }, acting("fatima", day(2))),
      "invalid",
      "agreement.not-open",
      {
        agreement: "Aanmelden time-out",
      },
    );
  });

  it("LDH without consent for afspraken cannot edit one: the server refuses by code", async () => {
    const store = await stapteam();
    await store.run(mutators.addAgreement, add, acting("fatima"));
    await shareWithLdh(store, ["housing"]);
    await expectRejected(
      store.run(mutators.updateAgreement, { clientId: "anna", agreementId: "a1", text: "x" }, acting("sanne", day(1))),
      "forbidden",
      "access.no-consent",
    );
  });
});

describe("closing and reopening a client", () => {
  it("Fatima closes Anna naming why (uitstroom naar regulier), and reopens her; only the holder may", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing"]);
    await expectRejected(
      store.run(mutators.setClientStatus, { clientId: "anna", status: "closed", reason: "regular_care" }, acting("sanne")),
      "forbidden",
      "access.holder-only",
    );
    await store.run(mutators.setClientStatus, { clientId: "anna", status: "closed", reason: "regular_care" }, acting("fatima", day(2)));
    expect(store.get("clients", "anna")).toMatchObject({ status: "closed", closure: { closedAt: day(2), reason: "regular_care" } });
    await store.run(mutators.setClientStatus, { clientId: "anna", status: "active" }, acting("fatima", day(3)));
    expect(store.get("clients", "anna")).toMatchObject({ status: "active", closure: null });
  });
});
