import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day, sessionUser } from "../testing/fixtures.ts";
import { deviceOf } from "../testing/overview-device.ts";
import { consentArgs, shareWithLdh, stapteam } from "../testing/stapteam.ts";
import { clientList, clientRow, matchesAlias } from "./client-row.ts";

describe("the Cliënten list", () => {
  it("shows Anna's last contact, her open and overdue afspraken and when her consent ends, as the holder's device has them", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsent, consentArgs({ categories: ["notes", "agreements"], validUntil: day(40) }), acting("fatima"));
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await store.run(
      mutators.addAgreement,
      { id: "a2", clientId: "anna", domain: null, text: "Bewindvoering", ownerUserId: "sanne", dueDate: "2024-05-01" },
      acting("fatima"),
    );
    await store.run(
      mutators.addNote,
      { id: "n1", clientId: "anna", text: "Op straat gesproken", correctsNoteId: null, contactType: "street", contactAt: day(2) },
      acting("fatima", day(3)),
    );
    await store.run(
      mutators.addNote,
      { id: "n2", clientId: "anna", text: "Niet gekomen", correctsNoteId: null, contactType: "drop_in", noShow: true },
      acting("fatima", day(9)),
    );
    const now = day(12);
    const [row] = deviceOf(store, "fatima", now).map((r) => clientRow(r, now));
    expect(row).toMatchObject({
      alias: "Anna",
      birthYear: 1991,
      ownerOrganisationId: "iriszorg",
      responsibleUserId: "fatima",
      status: "active",
      lastContactAt: day(2),
      daysSinceContact: 10,
      openAgreements: 2,
      overdueAgreements: 1,
      consentEndsAt: day(40),
    });
    // LDH sees the same afspraken and contacts through the consent.
    expect(deviceOf(store, "sanne", now).map((r) => clientRow(r, now))).toEqual([row]);
  });

  it("filters Mijn cliënten, Stapteam, Monitoring and Gesloten, and finds a roepnaam without its accents", async () => {
    const store = await stapteam();
    await store.run(mutators.createClient, { id: "bo", alias: "Boë", birthYear: 1988, epdClientId: null }, acting("joost"));
    await store.run(mutators.createClient, { id: "cor", alias: "Cor", birthYear: 1970, epdClientId: null }, acting("fatima"));
    await store.run(mutators.setClientStatus, { clientId: "cor", status: "monitoring" }, acting("fatima"));
    await store.run(mutators.createClient, { id: "dina", alias: "Dina", birthYear: 1980, epdClientId: null }, acting("fatima"));
    await store.run(mutators.setClientStatus, { clientId: "dina", status: "closed", reason: "moved" }, acting("fatima"));
    const now = day(1);
    const rows = deviceOf(store, "fatima", now).map((r) => clientRow(r, now));
    const names = (filter: Parameters<typeof clientList>[1], query = "") => clientList(rows, filter, query, sessionUser("fatima")).map((r) => r.alias);
    expect(names("mine")).toEqual(["Anna", "Cor"]);
    expect(names("team")).toEqual(["Anna", "Boë"]);
    expect(names("monitoring")).toEqual(["Cor"]);
    expect(names("closed")).toEqual(["Dina"]);
    expect(names("team", "boe")).toEqual(["Boë"]);
    expect(matchesAlias("Anna", " AN ")).toBe(true);
  });

  it("never lists a client shared with LDH only on a GGD device, nor counts her afspraken", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["agreements", "notes", "housing"]);
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "sanne", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    const now = day(21);
    expect(deviceOf(store, "kees", now).map((r) => clientRow(r, now))).toEqual([]);
    expect(deviceOf(store, "sanne", now).map((r) => clientRow(r, now).overdueAgreements)).toEqual([1]);
  });
});
