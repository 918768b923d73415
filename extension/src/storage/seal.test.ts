import "../testing/fake-indexeddb.ts";
import { describe, expect, it } from "vitest";
import { mutate } from "../sync/mutate.ts";
import { clientRecord, signedInDevice } from "../testing/device.ts";
import { NaastDatabase } from "./db.ts";
import { Keyring } from "./keyring.ts";
import { DeviceLocked, OpenedContents, seal } from "./seal.ts";

const fatima = { id: "u-fatima", name: "Fatima", organisationId: "org-a", role: "casemanager" as const, active: true };

async function sealedDevice() {
  const name = `sealed-${crypto.randomUUID()}`;
  const keys = new Keyring(null);
  await keys.unlock(crypto.getRandomValues(new Uint8Array(32)));
  const db = await signedInDevice(fatima, new NaastDatabase(name, keys));
  return { db, keys, raw: new NaastDatabase(name) };
}

describe("content sealed at rest", () => {
  it("stores a record's content and an outbox change only as ciphertext, and reads them back whole", async () => {
    const { db, raw } = await sealedDevice();
    await db.records.put({
      collection: "clients",
      id: "c1",
      clientId: "c1",
      visibility: "client",
      data: clientRecord("c1", "org-a", { alias: "Canary-7781" }),
    });
    await mutate("addNote", { id: "n1", clientId: "c1", text: "Canary-note-5521", correctsNoteId: null }, db);

    const [stored] = await raw.records.where("[collection+id]").equals(["clients", "c1"]).toArray();
    expect(stored).toMatchObject({ collection: "clients", id: "c1", clientId: "c1", visibility: "client" });
    expect(stored).not.toHaveProperty("data");
    expect(JSON.stringify(await raw.records.toArray())).not.toMatch(/Canary/);
    expect(JSON.stringify(await raw.outbox.toArray())).not.toMatch(/Canary/);

    expect((await db.records.get(["clients", "c1"]))?.data).toMatchObject({ alias: "Canary-7781" });
    expect((await db.outbox.toArray()).map((e) => e.args)).toEqual([expect.objectContaining({ text: "Canary-note-5521" })]);
    expect((await db.records.where("[collection+clientId]").equals(["notes", "c1"]).toArray()).map((r) => r.data)).toEqual([
      expect.objectContaining({ text: "Canary-note-5521" }),
    ]);
  });

  it("refuses to read or write content while locked, and reads it again after unlocking with the same key", async () => {
    const { db, keys } = await sealedDevice();
    await db.records.put({ collection: "clients", id: "c2", clientId: "c2", visibility: "client", data: clientRecord("c2", "org-a") });
    const key = keys.current();
    await keys.lock();
    await expect(db.records.get(["clients", "c2"])).rejects.toBeInstanceOf(DeviceLocked);
    await expect(
      db.records.put({ collection: "clients", id: "c3", clientId: "c3", visibility: "client", data: clientRecord("c3", "org-a") }),
    ).rejects.toBeInstanceOf(DeviceLocked);
    if (key) await keys.unlock(key);
    expect((await db.records.get(["clients", "c2"]))?.data).toMatchObject({ id: "c2" });
  });

  it("does not open content moved onto another record", async () => {
    const { db, raw } = await sealedDevice();
    await db.records.put({ collection: "clients", id: "c4", clientId: "c4", visibility: "client", data: clientRecord("c4", "org-a") });
    const [row] = await raw.records.toArray();
    await raw.records.put({ ...(row as object), id: "c5", clientId: "c5" } as never);
    await expect(db.records.get(["clients", "c5"])).rejects.toThrow();
  });
});

describe("a purge on a sealed device", () => {
  it("finds a client's records by a filter on their visibility and deletes them", async () => {
    const { db } = await sealedDevice();
    await db.records.put({ collection: "clients", id: "c2", clientId: "c2", visibility: "client", data: clientRecord("c2", "org-a", { alias: "Purged" }) });
    const keys = await db.records
      .where("clientId")
      .equals("c2")
      .filter((r) => r.visibility === "client")
      .primaryKeys();
    expect(keys).toHaveLength(1);
    await db.records.bulkDelete(keys);
    expect(await db.records.where("clientId").equals("c2").count()).toBe(0);
  });

  it("opens a record's content once while it is unchanged, and forgets what it opened when the device locks", async () => {
    const { db, keys } = await sealedDevice();
    await db.records.put({ collection: "clients", id: "c6", clientId: "c6", visibility: "client", data: clientRecord("c6", "org-a") });
    const first = (await db.records.get(["clients", "c6"]))?.data;
    expect((await db.records.get(["clients", "c6"]))?.data).toBe(first);
    // Written again: new bytes, opened anew.
    await db.records.put({ collection: "clients", id: "c6", clientId: "c6", visibility: "client", data: clientRecord("c6", "org-a", { alias: "Anders" }) });
    expect((await db.records.get(["clients", "c6"]))?.data).toMatchObject({ alias: "Anders" });

    const before = (await db.records.get(["clients", "c6"]))?.data;
    const key = keys.current();
    await keys.lock();
    if (key) await keys.unlock(key);
    const after = (await db.records.get(["clients", "c6"]))?.data;
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
  });

  it("keeps opened contents by record name: the same bytes under another name are not opened", () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const opened = new OpenedContents(2);
    const sealed = seal(key, "records/notes/n1", { text: "Gezien" });
    const value = opened.open(key, "records/notes/n1", sealed);
    expect(opened.open(key, "records/notes/n1", sealed)).toBe(value);
    expect(() => opened.open(key, "records/notes/n2", sealed)).toThrow();
    // Another key (another user signed in): nothing kept is used.
    const other = crypto.getRandomValues(new Uint8Array(32));
    expect(() => opened.open(other, "records/notes/n1", sealed)).toThrow();
  });
});
