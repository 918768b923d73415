import "../testing/fake-indexeddb.ts";
import { MutationRejected } from "@naast/shared";
import { people } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import { clientRecord, freshDatabase, keysOf, pullResponse, put, signedInDevice } from "../testing/device.ts";
import { applyPull } from "./apply-pull.ts";
import { mutate } from "./mutate.ts";

describe("making a change on the device", () => {
  it("shows the change at once and queues it for the server", async () => {
    const database = await signedInDevice(people.fatima);

    const id = await mutate("createClient", { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: "IZ-1001" }, database);

    const client = await database.records.get(["clients", "anna"]);
    expect(client?.data).toMatchObject({ alias: "Anna", ownerOrganisationId: "iriszorg", responsibleUserId: "fatima" });
    expect(await keysOf(database)).toHaveLength(2); // the client and Iriszorg's own EPD link
    const outbox = await database.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({ id, name: "createClient", args: { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: "IZ-1001" } }),
    ]);
  });

  it("queues changes in the order they were made", async () => {
    const database = await signedInDevice(people.fatima);
    const first = await mutate("createClient", { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: null }, database);
    const second = await mutate("updatePlanDomain", { clientId: "anna", domain: "housing", goal: "Eigen kamer" }, database);
    const third = await mutate("addNote", { id: "note-1", clientId: "anna", text: "Gesproken.", correctsNoteId: null }, database);

    expect((await database.outbox.orderBy("seq").toArray()).map((e) => e.id)).toEqual([first, second, third]);
  });

  it("refuses a note about a client the user may not see, and changes nothing", async () => {
    // Sanne (LDH) has Anna's client record but no consent for her notes.
    const database = await signedInDevice(people.sanne);
    await applyPull(database, pullResponse({ reset: true, puts: [put("clients", clientRecord("anna", "iriszorg"))] }));
    const before = await database.records.toArray();

    const attempt = mutate("addNote", { id: "note-1", clientId: "anna", text: "Gezien op straat.", correctsNoteId: null }, database);

    await expect(attempt).rejects.toBeInstanceOf(MutationRejected);
    await expect(attempt).rejects.toMatchObject({ kind: "forbidden", refusal: { code: "access.no-consent", params: {} } });
    expect(await database.records.toArray()).toEqual(before);
    expect(await database.outbox.count()).toBe(0);
  });

  it("refuses a change for a role that may not make it", async () => {
    const database = await signedInDevice(people.mirjam); // ervaringsdeskundige: writes notes, not plans
    await expect(mutate("createClient", { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: null }, database)).rejects.toMatchObject({
      name: "MutationRejected",
      kind: "forbidden",
      refusal: { code: "access.role", params: { role: "ervaringsdeskundige", mutation: "createClient" } },
    });
    expect(await database.records.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it("refuses invalid arguments before anything is written or queued", async () => {
    const database = await signedInDevice(people.fatima);
    // @ts-expect-error -- a birth year as text is what a buggy caller might send
    await expect(mutate("createClient", { id: "anna", alias: "Anna", birthYear: "1990", epdClientId: null }, database)).rejects.toThrow(/invalid arguments/);
    await expect(mutate("createClient", { id: "has space", alias: "Anna", birthYear: 1990, epdClientId: null }, database)).rejects.toThrow(/invalid arguments/);
    expect(await database.records.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it("refuses to change anything when nobody is signed in", async () => {
    const database = freshDatabase();
    await expect(mutate("createClient", { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: null }, database)).rejects.toMatchObject({
      refusal: { code: "session.unknown" },
    });
    expect(await database.records.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });

  it("keeps the local change undone when it cannot be queued", async () => {
    const database = await signedInDevice(people.fatima);
    database.outbox.hook("creating", () => {
      throw new Error("disk full");
    });

    await expect(mutate("createClient", { id: "anna", alias: "Anna", birthYear: 1990, epdClientId: null }, database)).rejects.toThrow("disk full");

    expect(await database.records.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });
});
