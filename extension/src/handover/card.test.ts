import { agreementSchema, dataCategories, type Handover, type HandoverState, type RecordOf } from "@naast/shared";
import { day, organisations, people, recorded, sessionUser } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import type { Directory } from "../records/queries.ts";
import { addedSinceLine } from "./added-since.ts";
import { handoverCardFacts, namesIn, receiverLabel } from "./card.ts";

const directory: Directory = {
  people: new Map(Object.values(people).map((p) => [p.id, p])),
  organisations: new Map(Object.values(organisations).map((o) => [o.id, o])),
};
const now = day(2);
/** Fatima hands Anna to Sanne at LDH on day 1, carrying the one afspraak open then. */
const handover: Handover = {
  id: "h1",
  clientId: "anna",
  kind: "organisation",
  fromUserId: "fatima",
  fromOrganisationId: "iriszorg",
  toUserId: "sanne",
  toOrganisationId: "ldh",
  toExternal: null,
  domains: [],
  risks: "",
  whatWorks: "",
  network: [],
  text: "",
  sectionDomains: { risks: null, whatWorks: null, text: null },
  agreements: [{ agreementId: "a1", action: "carry", newOwnerUserId: "sanne" }],
  correctsHandoverId: null,
  createdAt: day(1),
};
const open: HandoverState = { handover, status: "open", messages: [], outcome: null, supersededBy: null };
const opened = { dueDate: "2024-04-01", status: "open", createdAt: day(0), createdBy: "fatima", closedAt: null, closedBy: null } as const;
const agreement = (id: string, ownerUserId: keyof typeof people): RecordOf<"agreements"> =>
  agreementSchema.parse({ ...opened, id, clientId: "anna", text: id, domain: null, ownerUserId, ownerOrganisationId: people[ownerUserId].organisationId });
const consentEvents = [recorded("c1", { categories: [...dataCategories] })];
const yes = () => true;

describe("a handover card", () => {
  it("names the receiver as a person with her organisation, an organisation, someone outside Naast, or the closure", () => {
    const names = namesIn(directory);
    expect(receiverLabel(handover, names, "Afsluiten")).toBe("Sanne (LDH)");
    expect(receiverLabel({ ...handover, toUserId: null }, names, "Afsluiten")).toBe("LDH");
    expect(receiverLabel({ ...handover, toUserId: null, toOrganisationId: null, toExternal: "Huisarts" }, names, "Afsluiten")).toBe("Huisarts");
    expect(receiverLabel({ ...handover, kind: "closure", toUserId: null, toOrganisationId: null }, names, "Afsluiten")).toBe("Afsluiten");
    expect(namesIn(directory).person("nobody-known")).toBe("nobody-known");
  });

  it("lets the receiver answer and the sender correct it while it is open, and nobody else", () => {
    const view = { agreements: [agreement("a1", "fatima")], consentEvents };
    expect(handoverCardFacts(open, view, directory, sessionUser("sanne"), yes, now)).toMatchObject({ receiving: true, sending: false, mayCorrect: false });
    expect(handoverCardFacts(open, view, directory, sessionUser("fatima"), yes, now)).toMatchObject({ receiving: false, sending: true, mayCorrect: true });
    // The sending side answers only where the shared rules let it.
    expect(handoverCardFacts(open, view, directory, sessionUser("fatima"), () => false, now)).toMatchObject({ sending: false, mayCorrect: false });
    expect(handoverCardFacts(open, view, directory, sessionUser("kees"), yes, now)).toMatchObject({ receiving: false, sending: false, added: [] });
    const acknowledged = { ...open, status: "acknowledged" as const };
    expect(handoverCardFacts(acknowledged, view, directory, sessionUser("fatima"), yes, now)).toMatchObject({ open: false, mayCorrect: false });
  });

  it("tells both sides of an afspraak added since it was written, and blocks acknowledging only when nobody can keep it", () => {
    const added = { agreements: [agreement("a1", "fatima"), agreement("a2", "fatima"), agreement("a3", "sanne")], consentEvents };
    const forSanne = handoverCardFacts(open, added, directory, sessionUser("sanne"), yes, now);
    // Once LDH holds her, Fatima's new afspraak goes to Sanne; Sanne's own stays hers.
    expect(forSanne.added.map((a) => [a.agreement.id, a.keeper])).toEqual([
      ["a2", "receiver"],
      ["a3", "owner"],
    ]);
    expect(forSanne.blocked).toBe(false);
    // To the procesregisseur for monitoring: she owns no afspraken, and Henk has left, so nobody can keep his.
    const toRuud = { ...open, handover: { ...handover, kind: "monitoring" as const, toUserId: "ruud", toOrganisationId: "gemeente" } };
    const henks = { agreements: [agreement("a1", "fatima"), agreement("a4", "henk")], consentEvents };
    expect(handoverCardFacts(toRuud, henks, directory, sessionUser("fatima"), yes, now)).toMatchObject({ blocked: true });
  });

  it("says each added afspraak in the reader's own terms", () => {
    expect(addedSinceLine("owner", true)).toBe("handover.addedSince.stays");
    expect(addedSinceLine("nobody", false)).toBe("handover.addedSince.nobody");
    expect(addedSinceLine("receiver", true)).toBe("handover.addedSince.toYou");
    expect(addedSinceLine("receiver", false)).toBe("handover.addedSince.toReceiver");
  });
});
