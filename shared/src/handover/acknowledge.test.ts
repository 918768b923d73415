import { describe, expect, it } from "vitest";
import { defaultReadOnlyDays } from "../client/schema.ts";
import { canAccess } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import { mutators } from "../mutators/registry.ts";
import { acting, day, type PersonName, people, sessionUser, shift } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { consentArgs, expectRejected, handoverArgs, stapteam, validArgs } from "../testing/stapteam.ts";
import { deriveHandovers } from "./state.ts";

const { startHandover, acknowledgeHandover, declineHandover, replyToHandover, addAgreement, addNote, recordConsent, withdrawConsent, setAgreementStatus } =
  mutators;

/**
 * Fatima (Iriszorg) hands Anna over to Sanne (LDH) on day 1: a1 goes on with Sanne, a2 is done.
 * Anna's consent covers LDH for her handovers and agreements.
 */
async function handedToSanne(overrides: Partial<Parameters<typeof handoverArgs>[0]> = {}, shared: DataCategory[] = ["handovers", "agreements", "housing"]) {
  const store = await stapteam();
  await store.run(addAgreement, validArgs.addAgreement, acting("fatima"));
  await store.run(addAgreement, { ...validArgs.addAgreement, id: "a2", text: "Budgetbeheer aanvragen" }, acting("fatima"));
  await store.run(recordConsent, consentArgs({ categories: shared }), acting("fatima"));
  await store.run(
    startHandover,
    handoverArgs({
      kind: "colleague",
      toUserId: "sanne",
      toOrganisationId: null,
      agreements: [
        { agreementId: "a1", action: "carry", newOwnerUserId: "sanne" },
        { agreementId: "a2", action: "done" },
      ],
      ...overrides,
    }),
    acting("fatima", day(1)),
  );
  return store;
}

const ack = (store: MemoryStore, who: PersonName, now = day(2), id = "ha1", handoverId = "h1") =>
  store.run(acknowledgeHandover, { id, clientId: "anna", handoverId }, acting(who, now));
const statesOf = (store: MemoryStore) => deriveHandovers(store.all("handovers"), store.all("handoverEvents"));
const until = shift(day(2), defaultReadOnlyDays * 24 * 3600 * 1000);

describe("acknowledgeHandover moves responsibility and visibility together", () => {
  it("makes LDH hold Anna with Sanne responsible, moves the carried agreement, closes the other, and lets Iriszorg read for 30 days", async () => {
    const store = await handedToSanne();
    const effect = await ack(store, "sanne");
    expect(effect).toMatchObject({ clientId: "anna", categories: ["handovers", "agreements"], responsibleUserId: "fatima" });
    expect(store.get("clients", "anna")).toMatchObject({
      ownerOrganisationId: "ldh",
      responsibleUserId: "sanne",
      status: "active",
      formerOwners: [{ organisationId: "iriszorg", userId: "fatima", readOnlyUntil: until }],
      updatedAt: day(2),
    });
    expect(until).toBe(day(32));
    expect(store.get("agreements", "a1")).toMatchObject({ status: "open", ownerUserId: "sanne", ownerOrganisationId: "ldh" });
    // Closed as the sender decided, when the handover took effect.
    expect(store.get("agreements", "a2")).toMatchObject({ status: "done", closedAt: day(2), closedBy: "fatima" });
    expect(store.get("handoverEvents", "ha1")).toEqual({
      id: "ha1",
      clientId: "anna",
      handoverId: "h1",
      type: "acknowledged",
      by: "sanne",
      byOrganisationId: "ldh",
      at: day(2),
    });
    expect(statesOf(store)).toMatchObject([{ status: "acknowledged", outcome: { by: "sanne", at: day(2) } }]);
  });

  it("leaves Iriszorg reading, never writing, until the period ends; then nothing, unless consent covers it", async () => {
    const store = await handedToSanne();
    await ack(store, "sanne");
    const anna = store.get("clients", "anna");
    if (!anna) throw new Error("no Anna");
    expect(canAccess(sessionUser("fatima"), anna, "notes", [], shift(until, -1))).toEqual({ allowed: true, basis: "handover", until });
    expect(canAccess(sessionUser("fatima"), anna, "notes", [], until)).toEqual({ allowed: false, reason: "no-consent" });
    await expectRejected(store.run(addNote, validArgs.addNote, acting("fatima", day(3))), "forbidden", "access.read-only", { until });
    await expectRejected(
      store.run(setAgreementStatus, { clientId: "anna", agreementId: "a1", status: "done" }, acting("joost", day(3))),
      "forbidden",
      "access.read-only",
    );
    await expectRejected(store.run(mutators.setClientStatus, validArgs.setClientStatus, acting("fatima", day(3))), "forbidden", "access.holder-only");
    // No longer one of her case managers, a former holder does not withdraw the consent others rely on.
    await expectRejected(
      store.run(withdrawConsent, { ...validArgs.withdrawConsent, organisations: ["ldh"], categories: ["handovers", "housing"] }, acting("fatima", day(3))),
      "forbidden",
      "access.read-only",
    );
    await expectRejected(store.run(addNote, validArgs.addNote, acting("fatima", until)), "forbidden", "access.no-consent");
    // LDH writes as the holder now.
    await store.run(addNote, { ...validArgs.addNote, id: "n-sanne" }, acting("sanne", day(3)));
  });

  it("within one organisation, moves only the responsible colleague: no read-only period", async () => {
    const store = await handedToSanne({
      toUserId: "joost",
      agreements: [
        { agreementId: "a1", action: "carry", newOwnerUserId: "joost" },
        { agreementId: "a2", action: "cancelled" },
      ],
    });
    await ack(store, "joost");
    expect(store.get("clients", "anna")).toMatchObject({ ownerOrganisationId: "iriszorg", responsibleUserId: "joost", formerOwners: [] });
    expect(store.get("agreements", "a1")).toMatchObject({ ownerUserId: "joost" });
  });

  it("monitoring: the procesregisseur acknowledges, consent re-checked, and the client goes into monitoring by the municipality", async () => {
    const store = await stapteam();
    // Anna's consent for the municipality runs out an hour after the handover is written.
    await store.run(
      recordConsent,
      consentArgs({ grantedTo: ["gemeente"], categories: ["handovers", "housing"], validUntil: shift(day(1), 3600_000) }),
      acting("fatima"),
    );
    await store.run(startHandover, handoverArgs({ kind: "monitoring", toUserId: "ruud", toOrganisationId: null }), acting("fatima", day(1)));
    await expectRejected(ack(store, "ruud"), "forbidden", "access.expired");
    await store.run(
      recordConsent,
      consentArgs({ consentId: "c2", grantedTo: ["gemeente"], categories: ["handovers", "housing"], validFrom: day(2) }),
      acting("fatima", day(2)),
    );
    await ack(store, "ruud");
    expect(store.get("clients", "anna")).toMatchObject({ ownerOrganisationId: "gemeente", responsibleUserId: "ruud", status: "monitoring" });
    // Holding her now, the procesregisseur asks her consent to hand her back to the team.
    await store.run(
      recordConsent,
      consentArgs({ consentId: "c3", grantedTo: ["iriszorg"], categories: ["handovers", "housing"], validFrom: day(3) }),
      acting("ruud", day(3)),
    );
    await store.run(startHandover, handoverArgs({ id: "h-back", toOrganisationId: "iriszorg" }), acting("ruud", day(3)));
  });

  it("a handover back within the read-only period needs consent of its own, and ends the returning organisation's period", async () => {
    const store = await handedToSanne();
    await ack(store, "sanne");
    const back = handoverArgs({
      id: "h2",
      kind: "colleague",
      toUserId: "fatima",
      toOrganisationId: null,
      agreements: [{ agreementId: "a1", action: "carry", newOwnerUserId: "fatima" }],
    });
    await expectRejected(store.run(startHandover, back, acting("sanne", day(5))), "forbidden", "handover.consent-missing", { organisation: "Iriszorg" });
    await store.run(
      recordConsent,
      consentArgs({ consentId: "c2", grantedTo: ["iriszorg"], categories: ["handovers", "agreements", "housing"] }),
      acting("sanne", day(5)),
    );
    await store.run(startHandover, back, acting("sanne", day(5)));
    await ack(store, "fatima", day(6), "ha2", "h2");
    expect(store.get("clients", "anna")).toMatchObject({
      ownerOrganisationId: "iriszorg",
      responsibleUserId: "fatima",
      formerOwners: [{ organisationId: "ldh", userId: "sanne", readOnlyUntil: day(36) }],
    });
  });
});

describe("only the receiver acknowledges, once, while the handover is open", () => {
  it("refuses the sender, her colleague, another organisation with consent, and someone of the receiving organisation it was not addressed to", async () => {
    const store = await handedToSanne({}, ["handovers", "agreements", "housing", "notes"]);
    await store.run(recordConsent, consentArgs({ consentId: "c2", grantedTo: ["ggd"], categories: ["handovers", "housing"] }), acting("fatima"));
    const before = store.snapshot();
    await expectRejected(ack(store, "fatima"), "forbidden", "handover.receiver-only");
    await expectRejected(ack(store, "joost"), "forbidden", "handover.receiver-only");
    await expectRejected(ack(store, "kees"), "forbidden", "handover.receiver-only");
    await expectRejected(ack(store, "mirjam"), "forbidden", "access.role", { role: "ervaringsdeskundige" });
    await expectRejected(ack(store, "petra"), "forbidden");
    expect(store.snapshot()).toBe(before);
  });

  it("a handover to an organisation is taken by any case worker of it", async () => {
    const held = await handedToSanne();
    await held.run(addAgreement, { ...validArgs.addAgreement, id: "a3", text: "Huisbezoek plannen" }, acting("fatima", day(1)));
    held.seed("people", { ...people.sanne, role: "procesregisseur" });
    await expectRejected(ack(held, "sanne"), "conflict", "handover.agreement-added-since", { agreement: "Huisbezoek plannen", person: "Fatima" });
    held.seed("people", people.sanne);
    await held.run(setAgreementStatus, { clientId: "anna", agreementId: "a3", status: "cancelled" }, acting("fatima", day(1)));
    await held.run(setAgreementStatus, { clientId: "anna", agreementId: "a1", status: "done" }, acting("fatima", day(1)));
    await ack(held, "sanne");
    // a1 was done before it could be carried: it stays done, with Fatima.
    expect(held.get("agreements", "a1")).toMatchObject({ status: "done", ownerUserId: "fatima", closedBy: "fatima" });
    expect(held.get("agreements", "a3")).toMatchObject({ status: "cancelled", ownerUserId: "fatima" });
  });

  it("refuses when a new owner of a carried agreement left in the meantime", async () => {
    const store = await handedToSanne();
    store.seed("people", { id: "sanne", name: "Sanne", organisationId: "ldh", role: "casemanager", active: false });
    await expectRejected(ack(store, "sanne"), "conflict", "handover.agreement-cannot-go", { person: "Sanne" });
  });
});

describe("declineHandover: nothing moves", () => {
  it("records who declined, when and why; the client, her agreements and who may see them stay as they were", async () => {
    const store = await handedToSanne();
    const client = store.get("clients", "anna");
    const agreements = store.all("agreements");
    await expectRejected(
      store.run(declineHandover, { id: "hd1", clientId: "anna", handoverId: "h1", reason: "Nee" }, acting("fatima", day(2))),
      "forbidden",
      "handover.receiver-only",
    );
    await store.run(declineHandover, { id: "hd1", clientId: "anna", handoverId: "h1", reason: "Mijn caseload is vol" }, acting("sanne", day(2)));
    expect(store.get("clients", "anna")).toEqual(client);
    expect(store.all("agreements")).toEqual(agreements);
    expect(statesOf(store)).toMatchObject([
      { status: "declined", outcome: { type: "declined", by: "sanne", byOrganisationId: "ldh", at: day(2), reason: "Mijn caseload is vol" } },
    ]);
    // No longer open: Fatima may write a new one.
    await store.run(
      startHandover,
      handoverArgs({
        id: "h2",
        toOrganisationId: "ldh",
        agreements: [
          { agreementId: "a1", action: "done" },
          { agreementId: "a2", action: "done" },
        ],
      }),
      acting("fatima", day(3)),
    );
  });
});

describe("replyToHandover: a short thread before acknowledging", () => {
  it("the receiver asks, the sending side answers, in order; others may not; after acknowledgement the thread is closed", async () => {
    const store = await handedToSanne();
    await store.run(recordConsent, consentArgs({ consentId: "c2", grantedTo: ["ggd"], categories: ["handovers", "housing"] }), acting("fatima"));
    const reply = (who: PersonName, id: string, text: string, at: string) =>
      store.run(replyToHandover, { id, clientId: "anna", handoverId: "h1", text }, acting(who, at));
    await reply("sanne", "m1", "Weet Anna ervan?", shift(day(1), 60_000));
    await reply("fatima", "m2", "Ja, ze kent je van de inloop.", shift(day(1), 120_000));
    await reply("joost", "m3", "En ze komt op dinsdag.", shift(day(1), 180_000));
    await expectRejected(reply("kees", "m4", "Mag ik meelezen?", day(2)), "forbidden", "handover.receiver-or-sender-only");
    await expectRejected(reply("mirjam", "m4", "Ik ken haar", day(2)), "forbidden", "access.role", { role: "ervaringsdeskundige" });
    await expectRejected(reply("sanne", "m1", "Nog een vraag", day(2)), "conflict");
    expect(statesOf(store)[0]?.messages.map((m) => [m.by, m.byOrganisationId, m.text])).toEqual([
      ["sanne", "ldh", "Weet Anna ervan?"],
      ["fatima", "iriszorg", "Ja, ze kent je van de inloop."],
      ["joost", "iriszorg", "En ze komt op dinsdag."],
    ]);
    await ack(store, "sanne");
    await expectRejected(reply("sanne", "m5", "Dank je", day(3)), "conflict", "handover.not-open");
  });

  it("a handover of another client, or none, cannot be replied to", async () => {
    const store = await handedToSanne();
    await store.run(mutators.createClient, validArgs.createClient, acting("fatima"));
    await expectRejected(store.run(replyToHandover, { id: "m1", clientId: "bo", handoverId: "h1", text: "?" }, acting("fatima", day(2))), "not-found");
    await expectRejected(store.run(replyToHandover, { id: "m1", clientId: "anna", handoverId: "h9", text: "?" }, acting("fatima", day(2))), "not-found");
  });
});

/** Anna as the store holds her now. */
function annaIn(store: MemoryStore) {
  const anna = store.get("clients", "anna");
  if (!anna) throw new Error("Anna is not in the store");
  return anna;
}

describe("endReadOnlyAccess: the client asks that her former holder stop reading", () => {
  it("lets the holder end it before the period is over; the former holder then sees nothing", async () => {
    const store = await handedToSanne();
    await ack(store, "sanne");
    expect(canAccess(sessionUser("fatima"), annaIn(store), "housing", store.all("consentEvents"), day(3)).allowed).toBe(true);
    // Only the holder ends it; Iriszorg cannot keep or end its own access.
    await expectRejected(
      store.run(mutators.endReadOnlyAccess, { clientId: "anna", organisationId: "iriszorg" }, acting("fatima", day(3))),
      "forbidden",
      "access.holder-only",
    );
    await store.run(mutators.endReadOnlyAccess, { clientId: "anna", organisationId: "iriszorg" }, acting("sanne", day(3)));
    const anna = annaIn(store);
    expect(anna.formerOwners).toEqual([]);
    expect(canAccess(sessionUser("fatima"), anna, "housing", store.all("consentEvents"), day(3)).allowed).toBe(false);
    // Nothing left to end.
    await expectRejected(store.run(mutators.endReadOnlyAccess, { clientId: "anna", organisationId: "iriszorg" }, acting("sanne", day(4))), "not-found");
  });
});
