import "../../extension/src/testing/fake-indexeddb.ts";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, signOut } from "../../extension/src/session/session.ts";
import type { NaastDatabase, Session } from "../../extension/src/storage/db.ts";
import { createApi } from "../../extension/src/sync/api.ts";
import { SyncEngine } from "../../extension/src/sync/engine.ts";
import { mutate } from "../../extension/src/sync/mutate.ts";
import { freshDatabase } from "../../extension/src/testing/device.ts";
import type { ApiClient } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";

/** An address where nothing listens: the server as a device sees it without network. */
async function unreachableUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

interface Device {
  db: NaastDatabase;
  engine: SyncEngine;
  session: Session;
}

async function recordsOf(db: NaastDatabase, collection: string, clientId: string) {
  return (await db.records.where("[collection+clientId]").equals([collection, clientId]).toArray()).map((r) => r.data);
}

/** The device's records as one comparable value. */
async function snapshot(db: NaastDatabase) {
  const rows = await db.records.toArray();
  return rows.map((r) => JSON.stringify([r.collection, r.id, r.data])).sort();
}

describe("the extension's sync engine against the real server", () => {
  let server: TestServer;
  let emails: Record<"fatima" | "joost" | "sanne", string>;
  let observer: ApiClient;

  const device = async (who: keyof typeof emails): Promise<Device> => {
    const db = freshDatabase();
    const session = await signIn(server.url, emails[who], testPassword, db);
    return { db, engine: new SyncEngine(db), session };
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a");
    await server.addOrganisation("org-b");
    const fatima = await server.addUser("fatima", "org-a");
    const joost = await server.addUser("joost", "org-a", "coordinator");
    const sanne = await server.addUser("sanne", "org-b");
    const watcher = await server.addUser("watcher", "org-a");
    emails = { fatima: fatima.email, joost: joost.email, sanne: sanne.email };
    observer = await watcher.signIn();
  });
  afterAll(() => server.stop());

  it("keeps a change made offline in the outbox, and sends it once the server can be reached", async () => {
    const { db, engine, session } = await device("fatima");
    await db.setMeta("session", { ...session, serverUrl: await unreachableUrl() });
    const clientId = `client-${randomUUID()}`;

    const mutationId = await mutate("createClient", { id: clientId, alias: "Anouk", birthYear: 1991, epdClientId: "IZ-1001" }, db);
    await engine.syncNow();

    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([mutationId]);
    expect(await db.getMeta("syncStatus")).toMatchObject({ online: false, lastSyncAt: null, lastError: { code: "network.unreachable" } });
    expect(await recordsOf(db, "clients", clientId)).toHaveLength(1); // still shown on the device

    await db.setMeta("session", session);
    await engine.syncNow();

    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta("syncStatus")).toMatchObject({ online: true, lastError: null, lastSyncAt: expect.any(String) });
    expect(await db.getMeta("cursor")).toMatch(/^\d+\.[0-9a-f]+\.[0-9a-f]{32}$/);
    const atServer = await observer.pull();
    expect(atServer.puts.find((p) => p.collection === "clients" && p.id === clientId)?.data).toMatchObject({ alias: "Anouk", responsibleUserId: "fatima" });
    // The device now holds the server's version (server clock, same content).
    expect(await recordsOf(db, "clients", clientId)).toEqual([atServer.puts.find((p) => p.id === clientId)?.data]);
  });

  it("shows a change the server refused, and puts the device back to the server's truth", async () => {
    const mine = await device("fatima");
    await mine.engine.syncNow();
    const clientId = `client-${randomUUID()}`;
    // A colleague creates the client with this id first, while this device does not know yet.
    const theirs = await observer.push("createClient", { id: clientId, alias: "Theirs", birthYear: 1980, epdClientId: null });
    expect(theirs.status).toBe("applied");
    const mutationId = await mutate("createClient", { id: clientId, alias: "Mine", birthYear: 1999, epdClientId: null }, mine.db);
    expect(await recordsOf(mine.db, "clients", clientId)).toEqual([expect.objectContaining({ alias: "Mine" })]);

    await mine.engine.syncNow();

    expect(await mine.db.outbox.count()).toBe(0);
    expect(await mine.db.rejections.toArray()).toEqual([
      { id: mutationId, name: "createClient", refusal: { code: "client.exists", params: {} }, at: expect.any(String) },
    ]);
    expect(await recordsOf(mine.db, "clients", clientId)).toEqual([expect.objectContaining({ alias: "Theirs", birthYear: 1980 })]);
    expect(await mine.db.getMeta("syncStatus")).toMatchObject({ online: true, lastError: null });
  });

  it("brings two devices to the same state, each keeping the other's field", async () => {
    const a = await device("fatima");
    const b = await device("joost");
    const clientId = `client-${randomUUID()}`;
    await mutate("createClient", { id: clientId, alias: "Esther", birthYear: 1975, epdClientId: null }, a.db);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await recordsOf(b.db, "clients", clientId)).toHaveLength(1);

    // Both edit the same domain offline-ish: neither has seen the other's change.
    await mutate("updatePlanDomain", { clientId, domain: "finances", situation: "Schulden" }, a.db);
    await mutate("updatePlanDomain", { clientId, domain: "finances", goal: "Budgetbeheer" }, b.db);
    await mutate("addNote", { id: randomUUID(), clientId, text: "Gesproken bij de balie.", correctsNoteId: null }, b.db);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();

    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
    expect(await recordsOf(a.db, "planDomains", clientId)).toEqual([expect.objectContaining({ situation: "Schulden", goal: "Budgetbeheer" })]);
    expect(await recordsOf(a.db, "notes", clientId)).toHaveLength(1);
  });

  it("hides a client from another organisation's device when the consent is withdrawn, and says why", async () => {
    const owner = await device("fatima");
    const other = await device("sanne");
    const clientId = `client-${randomUUID()}`;
    await mutate("createClient", { id: clientId, alias: "Noor", birthYear: 2000, epdClientId: null }, owner.db);
    await mutate("updatePlanDomain", { clientId, domain: "housing", situation: "Nachtopvang" }, owner.db);
    await owner.engine.syncNow();
    // The observer works at the owner's organisation, so may record the consent.
    const consentId = await grantConsent(observer, clientId, ["org-b"], ["housing"]);
    await other.engine.syncNow();
    expect(await recordsOf(other.db, "planDomains", clientId)).toHaveLength(1);

    const withdrawal = await observer.push("withdrawConsent", {
      id: randomUUID(),
      clientId,
      consentId,
      organisations: null,
      categories: null,
      reason: "Noor wil het niet meer",
    });
    expect(withdrawal.status).toBe("applied");
    await other.engine.syncNow();

    expect(await other.db.records.where("clientId").equals(clientId).count()).toBe(0);
    expect(await other.db.hiddenClients.get(clientId)).toMatchObject({ reason: "withdrawn" });
  });

  it("starts over when the server no longer knows the device's cursor", async () => {
    const { db, engine } = await device("fatima");
    await engine.syncNow();
    const before = await snapshot(db);
    await db.setMeta("cursor", "999999999.0123456789abcdef");

    await engine.syncNow();

    expect(await db.getMeta("syncStatus")).toMatchObject({ online: true, lastError: null });
    expect(await db.getMeta("cursor")).not.toBe("999999999.0123456789abcdef");
    expect(await snapshot(db)).toEqual(before);
  });

  it("says the session expired, and keeps the outbox, when the server no longer takes the token", async () => {
    const { db, engine, session } = await device("fatima");
    await createApi(session.serverUrl, session.token).auth.logout.mutate();
    await mutate("createClient", { id: `client-${randomUUID()}`, alias: "Mila", birthYear: 1995, epdClientId: null }, db);

    await engine.syncNow();

    expect(await db.outbox.count()).toBe(1);
    expect(await db.getMeta("syncStatus")).toEqual({ online: true, lastSyncAt: null, lastError: { code: "session.revoked", params: {} } });
  });

  it("sets aside a change the server cannot read, found by the error's data, and sends the ones after it", async () => {
    const { db, engine } = await device("fatima");
    // Say, a change written by a broken older build: its id is not one the server accepts.
    const unreadable = { id: "id with spaces", name: "createClient", args: { id: `client-${randomUUID()}`, alias: "Oud", birthYear: 1970, epdClientId: null } };
    await db.outbox.add({ ...unreadable, createdAt: new Date().toISOString() });
    const clientId = `client-${randomUUID()}`;
    await mutate("createClient", { id: clientId, alias: "Nieuw", birthYear: 1990, epdClientId: null }, db);

    await engine.syncNow();

    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.toArray()).toEqual([
      {
        id: unreadable.id,
        name: "createClient",
        refusal: { code: "sync.unreadable-change", params: { index: 0, mutation: "createClient" } },
        at: expect.any(String),
      },
    ]);
    expect(await recordsOf(db, "clients", clientId)).toEqual([expect.objectContaining({ alias: "Nieuw" })]);
  });

  it("an extension too old for the server says to update it, and keeps its changes", async () => {
    const { db } = await device("fatima");
    const outdated = new SyncEngine(db, 1);
    await mutate("createClient", { id: `client-${randomUUID()}`, alias: "Mila", birthYear: 1995, epdClientId: null }, db);

    await outdated.syncNow();

    expect(await db.outbox.count()).toBe(1);
    expect(await db.getMeta("syncStatus")).toMatchObject({ lastError: { code: "sync.extension-outdated" } });
  });

  it("wipes every table on sign-out, and the token no longer works", async () => {
    const { db, engine, session } = await device("fatima");
    await mutate("createClient", { id: `client-${randomUUID()}`, alias: "Lisa", birthYear: 1988, epdClientId: null }, db);
    await engine.syncNow();
    await mutate("createClient", { id: `client-${randomUUID()}`, alias: "Pending", birthYear: 1988, epdClientId: null }, db);
    await db.rejections.put({ id: "r1", name: "addNote", refusal: { code: "change.duplicate", params: {} }, at: new Date().toISOString() });
    await db.hiddenClients.put({ clientId: "hidden-1", reason: "withdrawn", since: null });
    for (const table of db.tables) expect(await table.count(), table.name).toBeGreaterThan(0);

    await signOut(db);

    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    await expect(createApi(session.serverUrl, session.token).auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });
});
