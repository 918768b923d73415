import "../testing/fake-indexeddb.ts";
import { people } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import { clientRecord, cursor, epdLinkRecord, keysOf, noteRecord, planDomainRecord, pullResponse, put, signedInDevice } from "../testing/device.ts";
import { applyPull } from "./apply-pull.ts";

// Sanne works at LDH; Anna's client record is held by Iriszorg and shared with LDH by consent.
const sanne = people.sanne;

async function deviceWithAnna() {
  const database = await signedInDevice(sanne);
  await applyPull(
    database,
    pullResponse({
      reset: true,
      puts: [
        put("clients", clientRecord("anna", "iriszorg")),
        put("epdLinks", epdLinkRecord("anna", "ldh", "LDH-0042")),
        put("planDomains", planDomainRecord("anna", "housing", { situation: "Nachtopvang" })),
        put("planDomains", planDomainRecord("anna", "finances", { situation: "Schulden" })),
        put("notes", noteRecord("note-1", "anna")),
        put("clients", clientRecord("bram", "iriszorg")),
        put("notes", noteRecord("note-bram", "bram")),
      ],
    }),
  );
  return database;
}

describe("applying a pull on the device", () => {
  it("drops everything the device had when the server says to start over", async () => {
    const database = await deviceWithAnna();
    await database.hiddenClients.put({ clientId: "old", reason: "withdrawn", since: "2025-01-01T00:00:00.000Z" });

    await applyPull(database, pullResponse({ reset: true, cursor: cursor(7), puts: [put("clients", clientRecord("carla", "ldh"))] }));

    expect(await keysOf(database)).toEqual(["clients/carla"]);
    expect(await database.hiddenClients.count()).toBe(0);
  });

  it("removes a client whose consent was withdrawn, keeps the organisation's own EPD link, and says why she is hidden", async () => {
    const database = await deviceWithAnna();
    const since = "2026-02-01T10:00:00.000Z";

    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: "all", hidden: { reason: "withdrawn", since } }] }));

    expect(await keysOf(database)).toEqual(["clients/bram", `epdLinks/${epdLinkRecord("anna", "ldh", "LDH-0042").id}`, "notes/note-bram"]);
    expect(await database.hiddenClients.get("anna")).toEqual({ clientId: "anna", reason: "withdrawn", since });
  });

  it("removes everything of a client erased at the end of her retention period, the EPD link and the reason too", async () => {
    const database = await deviceWithAnna();
    const since = "2026-02-01T10:00:00.000Z";
    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: "all", hidden: { reason: "closed", since } }] }));

    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: "all", hidden: null, erased: true }] }));

    expect(await keysOf(database)).toEqual(["clients/bram", "notes/note-bram"]);
    expect(await database.hiddenClients.get("anna")).toBeUndefined();
  });

  it("removes only the categories the client stopped sharing", async () => {
    const database = await deviceWithAnna();

    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: ["housing", "notes"], hidden: null }] }));

    const keys = await keysOf(database);
    expect(keys).toContain("clients/anna");
    expect(keys).toContain("planDomains/anna:finances");
    expect(keys).not.toContain("planDomains/anna:housing");
    expect(keys).not.toContain("notes/note-1");
    expect(keys).toContain("notes/note-bram");
    expect(await database.hiddenClients.count()).toBe(0);
  });

  it("takes a life domain the client stopped sharing out of the handovers the device keeps", async () => {
    const database = await deviceWithAnna();
    const handover = {
      id: "h1",
      clientId: "anna",
      kind: "colleague" as const,
      fromUserId: "fatima",
      fromOrganisationId: "iriszorg",
      toUserId: "sanne",
      toOrganisationId: "ldh",
      toExternal: null,
      domains: [
        { domain: "housing" as const, score: 2, situation: "Nachtopvang" },
        { domain: "finances" as const, score: 3, situation: "Schulden" },
      ],
      risks: "",
      whatWorks: "",
      network: [],
      agreements: [],
      text: "",
      correctsHandoverId: null,
      createdAt: "2026-11-01T09:00:00.000Z",
    };
    await applyPull(database, pullResponse({ puts: [put("handovers", handover)] }));

    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: ["housing"], hidden: null }] }));

    const kept = (await database.records.get(["handovers", "h1"]))?.data;
    expect(kept).toMatchObject({ id: "h1", domains: [{ domain: "finances", situation: "Schulden" }] });
    expect(JSON.stringify(kept)).not.toContain("Nachtopvang");
  });

  it("shows a hidden client again, without the hidden notice, once her records arrive", async () => {
    const database = await deviceWithAnna();
    await applyPull(database, pullResponse({ purges: [{ clientId: "anna", categories: "all", hidden: { reason: "no-consent", since: null } }] }));
    expect(await database.hiddenClients.get("anna")).toBeDefined();

    await applyPull(
      database,
      pullResponse({ cursor: cursor(3), puts: [put("clients", clientRecord("anna", "iriszorg")), put("notes", noteRecord("note-2", "anna"))] }),
    );

    expect(await database.hiddenClients.get("anna")).toBeUndefined();
    expect(await keysOf(database)).toEqual(expect.arrayContaining(["clients/anna", "notes/note-2"]));
  });

  it("keeps a change still waiting in the outbox visible after a pull brings an older value", async () => {
    const database = await signedInDevice(people.fatima); // Iriszorg holds Anna: Fatima may edit her plan
    await applyPull(database, pullResponse({ reset: true, puts: [put("clients", clientRecord("anna", "iriszorg"))] }));
    await database.outbox.add({
      id: "pending-1",
      name: "updatePlanDomain",
      args: { clientId: "anna", domain: "housing", goal: "Eigen kamer" },
      createdAt: "2026-02-02T09:00:00.000Z",
    });

    await applyPull(
      database,
      pullResponse({ cursor: cursor(4), puts: [put("planDomains", planDomainRecord("anna", "housing", { situation: "Nachtopvang", goal: "Oud doel" }))] }),
    );

    const row = await database.records.get(["planDomains", "anna:housing"]);
    expect(row?.data).toMatchObject({ situation: "Nachtopvang", goal: "Eigen kamer", updatedBy: "fatima" });
    expect(await database.outbox.count()).toBe(1); // replaying is not acknowledging
  });

  it("survives a pending change the pulled state no longer allows, and still stores the pull", async () => {
    const database = await signedInDevice(sanne);
    await database.outbox.add({
      id: "pending-2",
      name: "addNote",
      args: { id: "n-x", clientId: "gone", text: "Hallo", correctsNoteId: null },
      createdAt: new Date().toISOString(),
    });

    await applyPull(database, pullResponse({ reset: true, cursor: cursor(9), puts: [put("clients", clientRecord("carla", "ldh"))] }));

    expect(await keysOf(database)).toEqual(["clients/carla"]);
    expect(await database.getMeta("cursor")).toBe(cursor(9));
  });

  it("saves the cursor, so the next pull asks only for what changed since", async () => {
    const database = await signedInDevice(sanne);
    await applyPull(database, pullResponse({ cursor: cursor(42) }));
    expect(await database.getMeta("cursor")).toBe(cursor(42));
  });

  it("stores nothing of a pull that holds a malformed record", async () => {
    const database = await deviceWithAnna();
    const before = await keysOf(database);
    const broken = { collection: "notes" as const, id: "bad", data: { id: "bad", clientId: "anna" } };

    await expect(applyPull(database, pullResponse({ reset: true, cursor: cursor(5), puts: [broken] }))).rejects.toThrow();

    expect(await keysOf(database)).toEqual(before);
    expect(await database.getMeta("cursor")).toBe(cursor(1));
  });
});
