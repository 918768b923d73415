import "../testing/fake-indexeddb.ts";
import { type Agreement, type ConsentEvent, clientRow, type Note, overviewOf, type StoredRecord, toDo } from "@naast/shared";
import { people } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import { dataOf } from "../records/read.ts";
import { NaastDatabase } from "../storage/db.ts";
import { Keyring } from "../storage/keyring.ts";
import { applyPull } from "../sync/apply-pull.ts";
import { mutate } from "../sync/mutate.ts";
import { clientRecord, noteRecord, pullResponse, put, signedInDevice } from "../testing/device.ts";
import { loadOverview } from "./load.ts";
import { summariseMissing } from "./summaries.ts";
import { toDoCount } from "./todo-count.ts";

// Sanne works at LDH; Anna and Bram are Iriszorg's clients, shared with LDH by consent.
const sanne = people.sanne;
const now = "2026-03-01T09:00:00.000Z";
const note = (id: string, clientId: string, contactAt: string, more: Partial<Note> = {}) => {
  const data: Note = { ...noteRecord(id, clientId), contactAt, ...more };
  return put("notes", data);
};
const agreement = (id: string, clientId: string, dueDate: string) => {
  const data: Agreement = {
    id,
    clientId,
    domain: null,
    text: "Aanmelden time-out",
    ownerUserId: "u-sanne",
    ownerOrganisationId: "ldh",
    dueDate,
    status: "open",
    createdAt: "2026-01-05T09:00:00.000Z",
    createdBy: "u-sanne",
    closedAt: null,
    closedBy: null,
    cancelReason: null,
    escalationId: null,
  };
  return put("agreements", data);
};

/** Iriszorg's consent to share her contacts and afspraken with LDH, for the year. */
const consentForLdh = (clientId: string) => {
  const data: ConsentEvent = {
    id: `consent-${clientId}-recorded`,
    clientId,
    consentId: `consent-${clientId}`,
    type: "recorded",
    grantedTo: ["ldh"],
    categories: ["notes", "agreements"],
    purpose: "stapteam-coordination",
    purposeNote: "",
    form: "verbal",
    validFrom: "2026-01-01T00:00:00.000Z",
    validUntil: "2027-01-01T00:00:00.000Z",
    recordedAt: "2026-01-01T00:00:00.000Z",
    recordedBy: "u-fatima",
    recordedByOrganisationId: "iriszorg",
  };
  return put("consentEvents", data);
};

/** Sanne's device; `own`: Anna and Bram are LDH's own clients (so she may write to them). */
async function device(own = false) {
  const owner = own ? "ldh" : "iriszorg";
  const db = await signedInDevice(sanne);
  await applyPull(
    db,
    pullResponse({
      reset: true,
      puts: [
        // Bram's notes arrive before his client record (pages of a pull need not keep an order).
        note("n-bram", "bram", "2026-02-20T10:00:00.000Z"),
        put("clients", clientRecord("anna", owner, { alias: "Anna", responsibleUserId: "sanne" })),
        note("n1", "anna", "2026-02-10T10:00:00.000Z"),
        note("n2", "anna", "2026-02-12T10:00:00.000Z"),
        agreement("a1", "anna", "2026-02-01"),
        put("clients", clientRecord("bram", owner, { alias: "Bram", responsibleUserId: "sanne" })),
        // Partners' clients reach LDH by consent: the device holds it beside them.
        ...(own ? [] : [consentForLdh("anna"), consentForLdh("bram")]),
      ],
    }),
  );
  return db;
}

/** Each client's overview summarised from all her records now on the device: what the kept summaries must equal. */
async function fromScratch(db: NaastDatabase) {
  const rows = await db.records.toArray();
  const of = <C extends "consentEvents" | "agreements" | "notes" | "handovers" | "handoverEvents">(collection: C, clientId: string) =>
    rows.filter((r: StoredRecord) => r.collection === collection && r.clientId === clientId).map((r) => dataOf(r, collection));
  return rows
    .filter((r) => r.collection === "clients")
    .map((r) => dataOf(r, "clients"))
    .map((client) =>
      clientRow(
        overviewOf({
          client,
          consentEvents: of("consentEvents", client.id),
          agreements: of("agreements", client.id),
          notes: of("notes", client.id),
          handovers: of("handovers", client.id),
          handoverEvents: of("handoverEvents", client.id),
        }),
        now,
      ),
    );
}
const rowsOf = async (db: NaastDatabase) => (await loadOverview(db, "ldh")).clients.map((c) => clientRow(c, now));

describe("the overview's summaries on the device", () => {
  it("are kept as a pull stores records: each client's last contact and afspraken, as from all her records", async () => {
    const db = await device();
    const rows = await rowsOf(db);
    expect(rows.map((r) => [r.alias, r.lastContactAt, r.openAgreements, r.overdueAgreements])).toEqual([
      ["Anna", "2026-02-12T10:00:00.000Z", 1, 1],
      ["Bram", "2026-02-20T10:00:00.000Z", 0, 0],
    ]);
    expect(rows).toEqual(await fromScratch(db));
  });

  it("follow a contact and a done afspraak written on the device, and a correcting note from the server", async () => {
    const db = await device(true);
    await rowsOf(db); // read once, so the next read uses what this process holds
    await mutate(
      "addNote",
      { id: "n3", clientId: "anna", text: "Gezien.", correctsNoteId: null, contactType: "street", contactAt: "2026-02-25T10:00:00.000Z" },
      db,
    );
    await mutate("setAgreementStatus", { clientId: "anna", agreementId: "a1", status: "done" }, db);
    expect((await rowsOf(db))[0]).toMatchObject({ alias: "Anna", lastContactAt: "2026-02-25T10:00:00.000Z", openAgreements: 0 });

    // n4 corrects n3: the contact was on the 11th, so the last one is n2's of the 12th.
    await applyPull(db, pullResponse({ puts: [note("n4", "anna", "2026-02-11T10:00:00.000Z", { correctsNoteId: "n3" })] }));
    expect((await rowsOf(db))[0]?.lastContactAt).toBe("2026-02-12T10:00:00.000Z");
    expect(await rowsOf(db)).toEqual(await fromScratch(db));
  });

  it("lose a client whose consent was withdrawn: no row, no item, no count; and her contacts when notes are no longer shared", async () => {
    const db = await device();
    expect(await toDoCount(db, now)).toBeGreaterThan(0);
    await applyPull(db, pullResponse({ purges: [{ clientId: "bram", categories: ["notes"], hidden: null }] }));
    expect((await rowsOf(db)).find((r) => r.alias === "Bram")?.lastContactAt).toBeNull();

    await applyPull(db, pullResponse({ purges: [{ clientId: "anna", categories: "all", hidden: { reason: "withdrawn", since: now } }] }));
    const { clients, settings, holders } = await loadOverview(db, "ldh");
    expect(clients.map((c) => c.client.alias)).toEqual(["Bram"]);
    const session = await db.getMeta("session");
    if (!session) throw new Error("no session");
    expect(toDo(clients, { user: session.user, now, settings, holders }).map((i) => i.clientId)).not.toContain("anna");
    expect(await toDoCount(db, now)).toBe(toDo(clients, { user: session.user, now, settings, holders }).length);
    expect(await db.clientSummaries.get("anna")).toBeUndefined();
  });

  it("stop counting a partner's client whose consent ran out while the device did not pull: the badge says 0", async () => {
    const db = await device();
    expect(await toDoCount(db, now)).toBeGreaterThan(0);
    // The consent ends on 1 January 2027; no pull since (offline), so her records are still here.
    expect(await toDoCount(db, "2027-01-02T09:00:00.000Z")).toBe(0);
    expect(await db.clientSummaries.get("anna")).toBeDefined();
  });

  it("start anew at a reset, and a device from before summaries gets them", async () => {
    const db = await device();
    await applyPull(db, pullResponse({ reset: true, puts: [put("clients", clientRecord("carla", "ldh", { alias: "Carla" }))] }));
    expect((await rowsOf(db)).map((r) => r.alias)).toEqual(["Carla"]);

    await db.clientSummaries.clear();
    expect(await rowsOf(db)).toEqual([]);
    await db.transaction("rw", db.records, db.clientSummaries, () => summariseMissing(db));
    expect((await rowsOf(db)).map((r) => r.alias)).toEqual(["Carla"]);
  });

  it("are sealed at rest like the records they come from", async () => {
    const name = `sealed-${crypto.randomUUID()}`;
    const keys = new Keyring(null);
    await keys.unlock(crypto.getRandomValues(new Uint8Array(32)));
    const db = await signedInDevice(people.fatima, new NaastDatabase(name, keys));
    await mutate("createClient", { id: "c1", alias: "Canary-7781", birthYear: 1990, epdClientId: null }, db);
    expect((await loadOverview(db, "iriszorg")).clients.map((c) => c.client.alias)).toEqual(["Canary-7781"]);
    const raw = new NaastDatabase(name);
    expect(await raw.clientSummaries.count()).toBe(1);
    expect(JSON.stringify(await raw.clientSummaries.toArray())).not.toMatch(/Canary/);
  });
});
