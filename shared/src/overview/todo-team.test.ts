import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import type { SessionUser } from "../organisation/schema.ts";
import { acting, day, people, sessionUser, shift } from "../testing/fixtures.ts";
import { deviceOf } from "../testing/overview-device.ts";
import { consentArgs, stapteam } from "../testing/stapteam.ts";
import { caseload } from "./caseload.ts";
import { clientRows } from "./client-row.ts";
import { overviewsShownNow } from "./shown-now.ts";
import { defaultOverviewSettings, toDo } from "./todo.ts";

/** LDH's coordinator: not in the fixtures' people, who have none at LDH. */
const ldhCoordinator: SessionUser = { id: "lotte", organisationId: "ldh", role: "coordinator" };
const overdueOf = (user: SessionUser, device: ReturnType<typeof deviceOf>, now: string) =>
  toDo(overviewsShownNow(user, device, now), { user, now, settings: defaultOverviewSettings })
    .filter((i) => i.source === "agreement-overdue")
    .map((i) => i.about);

/**
 * Anna (Iriszorg's, Fatima's client) shares her contacts and afspraken with LDH (for a year, or
 * until `validUntil`), and Sanne (LDH) owns her afspraak due on day 10.
 */
async function annaSharedWithLdh(validUntil?: string) {
  const store = await stapteam();
  await store.run(mutators.recordConsent, consentArgs({ categories: ["agreements", "notes"], ...(validUntil && { validUntil }) }), acting("fatima"));
  await store.run(
    mutators.addAgreement,
    { id: "a1", clientId: "anna", domain: null, text: "Samen naar de woningcorporatie", ownerUserId: "sanne", dueDate: day(10).slice(0, 10) },
    acting("fatima"),
  );
  return store;
}

describe("Te doen across the Stapteam", () => {
  it("Sanne's (LDH) overdue afspraak in Anna's plan is hers, Fatima's (her client) and both coordinators'; once done it leaves all of them", async () => {
    const store = await annaSharedWithLdh();
    const now = day(21);
    const iriszorg = deviceOf(store, "fatima", now);
    const ldh = deviceOf(store, "sanne", now);
    expect(overdueOf(sessionUser("sanne"), ldh, now)).toEqual(["Samen naar de woningcorporatie"]);
    expect(overdueOf(sessionUser("fatima"), iriszorg, now)).toEqual(["Samen naar de woningcorporatie"]);
    expect(overdueOf(sessionUser("joost"), iriszorg, now)).toEqual(["Samen naar de woningcorporatie"]);
    expect(overdueOf(ldhCoordinator, ldh, now)).toEqual(["Samen naar de woningcorporatie"]);
    // A colleague who neither owns it nor holds Anna: not hers.
    expect(overdueOf(sessionUser("mirjam"), ldh, now)).toEqual([]);

    await store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "a1", status: "done" }, acting("fatima", now));
    expect(overdueOf(ldhCoordinator, deviceOf(store, "sanne", now), now)).toEqual([]);
    expect(overdueOf(sessionUser("sanne"), deviceOf(store, "sanne", now), now)).toEqual([]);
  });

  it("a closed client's open afspraken leave Te doen and the caseload; a client in monitoring without contact stays in view", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: day(5).slice(0, 10) },
      acting("fatima"),
    );
    const now = day(21);
    await store.run(mutators.setClientStatus, { clientId: "anna", status: "monitoring" }, acting("fatima", now));
    const sources = () => toDo(deviceOf(store, "fatima", now), { user: sessionUser("fatima"), now, settings: defaultOverviewSettings }).map((i) => i.source);
    expect(sources()).toEqual(expect.arrayContaining(["agreement-overdue", "no-contact"]));

    await store.run(mutators.setClientStatus, { clientId: "anna", status: "closed", reason: "moved" }, acting("fatima", now));
    expect(sources()).toEqual([]);
    expect(caseload(Object.values(people), deviceOf(store, "fatima", now), now.slice(0, 10)).find((r) => r.userId === "fatima")).toMatchObject({
      activeClients: 0,
      openAgreements: 0,
      overdueAgreements: 0,
    });
  });

  it("on a device still holding Anna after LDH's consent ended (offline, no pull yet) nothing of her is listed or counted", async () => {
    const store = await annaSharedWithLdh(day(30));
    await store.run(mutators.addNote, { id: "n1", clientId: "anna", text: "Gesproken", correctsNoteId: null, contactType: "street" }, acting("sanne", day(12)));
    // What LDH's device synced on day 20, while the consent held.
    const held = deviceOf(store, "sanne", day(20));
    const sanne = sessionUser("sanne");
    expect(overviewsShownNow(sanne, held, day(20)).map((c) => [c.client.alias, c.agreements.length, c.lastContactAt !== null])).toEqual([["Anna", 1, true]]);
    // Day 31: the consent is over; the device has not pulled since.
    expect(overviewsShownNow(sanne, held, day(31))).toEqual([]);
    expect(overdueOf(ldhCoordinator, held, day(31))).toEqual([]);
    expect(overdueOf(sanne, held, day(31))).toEqual([]);
  });

  it("an afspraak due on the 11th is overdue at half past midnight on the 12th in Nijmegen, while UTC is still on the 11th", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    const overdueAt = (now: string) => overdueOf(sessionUser("fatima"), deviceOf(store, "fatima", now), now);
    expect(overdueAt("2024-03-11T22:30:00.000Z")).toEqual([]);
    expect(overdueAt("2024-03-11T23:30:00.000Z")).toEqual(["Aanmelden time-out"]);
  });

  it("Cliënten's rows are kept between opens while nothing of hers changed, and follow the day and her consent's end", async () => {
    const store = await annaSharedWithLdh(day(30));
    const held = deviceOf(store, "fatima", day(5));
    const [first] = clientRows(held, day(5));
    expect(clientRows(held, shift(day(5), 3_600_000))[0]).toBe(first);
    expect(first).toMatchObject({ overdueAgreements: 0, consentEndsAt: day(30) });
    expect(clientRows(held, day(11))[0]).toMatchObject({ overdueAgreements: 1, consentEndsAt: day(30) });
    expect(clientRows(held, shift(day(30), 1))[0]).toMatchObject({ consentEndsAt: null });
  });
});
