import { describe, expect, it } from "vitest";
import { canAccess } from "../consent/can-access.ts";
import { mutators } from "../mutators/registry.ts";
import { acting, day, people, sessionUser } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { caseload } from "./caseload.ts";
import { type ClientRecords, defaultOverviewSettings, toDo } from "./todo.ts";

/** What a device of this person's organisation would hold: only what canAccess lets through. */
function deviceOf(store: MemoryStore, name: keyof typeof people, now: string): ClientRecords[] {
  const user = sessionUser(name);
  return store
    .all("clients")
    .map((client) => {
      const consents = store.all("consentEvents").filter((e) => e.clientId === client.id);
      const may = (category: Parameters<typeof canAccess>[2]) => canAccess(user, client, category, consents, now).allowed;
      return {
        client,
        consentEvents: consents,
        agreements: may("agreements") ? store.all("agreements").filter((a) => a.clientId === client.id && (a.domain === null || may(a.domain))) : [],
        notes: may("notes") ? store.all("notes").filter((n) => n.clientId === client.id) : [],
        handovers: may("handovers") ? store.all("handovers").filter((h) => h.clientId === client.id) : [],
        handoverEvents: may("handovers") ? store.all("handoverEvents").filter((h) => h.clientId === client.id) : [],
        // Holder-only: the consent conversations reach only the holding organisation's devices.
        consentConversations:
          client.ownerOrganisationId === user.organisationId ? store.all("consentConversations").filter((c) => c.clientId === client.id) : [],
        visible: ["housing", "notes", "agreements", "handovers"].some((c) => may(c as "housing")),
      };
    })
    .filter((r) => r.visible);
}

const context = (name: keyof typeof people, now: string) => ({ user: sessionUser(name), now, settings: defaultOverviewSettings });

describe("Te doen", () => {
  it("Fatima sees her overdue afspraak, Anna's silence of three weeks and her consent ending in ten days; each goes when it is done", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await store.run(
      mutators.recordConsent,
      {
        id: "c1-recorded",
        clientId: "anna",
        consentId: "c1",
        grantedTo: ["ldh"],
        categories: ["notes", "agreements"],
        purpose: "stapteam-coordination",
        purposeNote: "",
        form: "verbal",
        validFrom: day(0),
        validUntil: day(31),
      },
      acting("fatima"),
    );
    const now = day(21);
    const items = toDo(deviceOf(store, "fatima", now), context("fatima", now));
    expect(items.map((i) => i.source).sort()).toEqual(["agreement-overdue", "consent-ending", "no-contact"]);
    expect(items.find((i) => i.source === "agreement-overdue")).toMatchObject({ clientId: "anna", target: "agreements" });

    await store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "a1", status: "done" }, acting("fatima", now));
    await store.run(mutators.addNote, { id: "n1", clientId: "anna", text: "Gesproken", correctsNoteId: null, contactType: "street" }, acting("fatima", now));
    const after = toDo(deviceOf(store, "fatima", now), context("fatima", now));
    expect(after.map((i) => i.source)).toEqual(["consent-ending"]);
  });

  it("a no-show does not end the silence; the coordinator sees the team's overdue afspraken, a colleague elsewhere not", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await store.run(
      mutators.addNote,
      { id: "n1", clientId: "anna", text: "Niet gekomen", correctsNoteId: null, contactType: "drop_in", noShow: true },
      acting("fatima", day(20)),
    );
    const now = day(21);
    expect(toDo(deviceOf(store, "fatima", now), context("fatima", now)).map((i) => i.source)).toContain("no-contact");
    expect(toDo(deviceOf(store, "joost", now), context("joost", now)).map((i) => i.source)).toContain("agreement-overdue");
    await shareWithLdh(store, ["agreements"]);
    expect(toDo(deviceOf(store, "sanne", now), context("sanne", now))).toEqual([]);
  });

  it("a client not shared with the GGD never appears on a GGD device: no item, no count, no caseload", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await shareWithLdh(store, ["agreements", "notes", "housing"]);
    const now = day(21);
    const ggd = deviceOf(store, "kees", now);
    expect(ggd).toEqual([]);
    expect(toDo(ggd, context("kees", now))).toEqual([]);
    expect(caseload(Object.values(people), ggd, now.slice(0, 10)).every((r) => r.activeClients === 0 && r.openAgreements === 0)).toBe(true);
    // LDH does hold her, and counts Fatima's afspraak in the team's caseload.
    const ldh = deviceOf(store, "sanne", now);
    expect(caseload(Object.values(people), ldh, now.slice(0, 10)).find((r) => r.userId === "fatima")).toMatchObject({
      activeClients: 1,
      openAgreements: 1,
      overdueAgreements: 1,
    });
  });

  it("asks Fatima to ask Anna again once the day she set has come, and stops when she records the next conversation", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsentConversation, validArgs.recordConsentConversation, acting("fatima", day(1)));
    const askAgain = (name: keyof typeof people, now: string) =>
      toDo(deviceOf(store, name, now), context(name, now)).filter((i) => i.source === "consent-ask-again");
    expect(askAgain("fatima", day(20))).toEqual([]);
    expect(askAgain("fatima", day(32))).toEqual([
      { key: "consent-ask-again:cc1", source: "consent-ask-again", clientId: "anna", target: "consent", day: "2024-04-04" },
    ]);
    await store.run(
      mutators.recordConsentConversation,
      { ...validArgs.recordConsentConversation, id: "cc2", askedOn: day(32).slice(0, 10), outcome: "refused", askAgainOn: null },
      acting("fatima", day(32)),
    );
    expect(askAgain("fatima", day(33))).toEqual([]);
  });
});
