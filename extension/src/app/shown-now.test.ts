import { accessibleCategories, type RecordOf, whyHidden } from "@naast/shared";
import { day, recorded, sessionUser } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import type { ClientView } from "../records/queries.ts";
import { anna } from "../testing/anna.ts";
import { shownNow } from "./shown-now.ts";

const domain = (d: "housing" | "addiction"): RecordOf<"planDomains"> => ({
  id: `anna:${d}`,
  clientId: "anna",
  domain: d,
  situation: `${d} situatie`,
  goal: "",
  updatedAt: day(0),
  updatedBy: "fatima",
});
const note: RecordOf<"notes"> = {
  id: "n1",
  clientId: "anna",
  text: "Vertrouwelijk",
  authorUserId: "fatima",
  authorOrganisationId: "iriszorg",
  createdAt: day(0),
  correctsNoteId: null,
  contactAt: null,
  contactType: "unknown",
  noShow: false,
};

/** What an LDH device still holds of Anna after the last pull: housing shared, and (stale) more. */
const stored: ClientView = {
  client: anna,
  planDomains: [domain("housing"), domain("addiction")],
  zrmScores: [],
  agreements: [],
  notes: [note],
  consentEvents: [recorded("c1", { categories: ["housing"], validUntil: day(30) })],
  consentConversations: [],
  handovers: [],
  handoverEvents: [],
  handoverExports: [],
  flexbudgetEntries: [],
  timeoutEvents: [],
  escalations: [],
};

describe("what the panel shows of a client, decided on the device", () => {
  it("shows only the categories the consent allows now, whatever the device still holds", () => {
    const shown = shownNow(stored, accessibleCategories(sessionUser("sanne"), anna, stored.consentEvents, day(1)));
    expect(shown.planDomains.map((p) => p.domain)).toEqual(["housing"]);
    expect(shown.notes).toEqual([]);
  });

  it("shows nothing once the consent expired, even before the next pull, and says since when", () => {
    const shown = shownNow(stored, accessibleCategories(sessionUser("sanne"), anna, stored.consentEvents, day(30)));
    expect(shown).toMatchObject({ planDomains: [], zrmScores: [], agreements: [], notes: [], handovers: [], handoverEvents: [], handoverExports: [] });
    expect(whyHidden(sessionUser("sanne"), anna, stored.consentEvents, day(30))).toEqual({ reason: "expired", since: day(30) });
  });

  it("shows an afspraak about a life domain only where both afspraken and that domain are shared", () => {
    const agreement = (id: string, d: "housing" | "addiction" | null): RecordOf<"agreements"> => ({
      id,
      clientId: "anna",
      domain: d,
      text: id,
      ownerUserId: "fatima",
      ownerOrganisationId: "iriszorg",
      dueDate: "2024-04-01",
      status: "open",
      createdAt: day(0),
      createdBy: "fatima",
      closedAt: null,
      closedBy: null,
      cancelReason: null,
      escalationId: null,
    });
    const withAgreements: ClientView = {
      ...stored,
      agreements: [agreement("wonen", "housing"), agreement("verslaving", "addiction"), agreement("algemeen", null)],
      consentEvents: [recorded("c1", { categories: ["housing", "agreements"], validUntil: day(30) })],
    };
    const shown = shownNow(withAgreements, accessibleCategories(sessionUser("sanne"), anna, withAgreements.consentEvents, day(1)));
    expect(shown.agreements.map((a) => a.id)).toEqual(["wonen", "algemeen"]);
  });

  it("shows the holding organisation everything", () => {
    const shown = shownNow(stored, accessibleCategories(sessionUser("fatima"), anna, stored.consentEvents, day(400)));
    expect(shown.planDomains).toHaveLength(2);
    expect(shown.notes).toHaveLength(1);
  });
});
