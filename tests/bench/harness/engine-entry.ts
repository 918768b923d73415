/**
 * Bundled by esbuild into a plain page (see ../harness.ts): the extension's own sync code —
 * SyncEngine, applyPull, mutate, the Dexie database — running in Chromium, driven by the bench.
 * Times are `performance.timeOrigin + performance.now()`, comparable between pages.
 */

import type { CollectionName } from "@naast/shared";
import { liveQuery } from "dexie";
import { signIn } from "../../../extension/src/session/session.ts";
import { NaastDatabase, type Session } from "../../../extension/src/storage/db.ts";
import { SyncEngine } from "../../../extension/src/sync/engine.ts";
import { mutate } from "../../../extension/src/sync/mutate.ts";

const now = () => performance.timeOrigin + performance.now();
const devices = new Map<string, { db: NaastDatabase; engine: SyncEngine }>();
const arrivals = new Map<string, Promise<number>>();

function device(name: string) {
  const found = devices.get(name);
  if (!found) throw new Error(`no device ${name}`);
  return found;
}

async function failIfSyncFailed(db: NaastDatabase) {
  const status = await db.getMeta("syncStatus");
  if (status?.lastError) throw new Error(`sync failed: ${status.lastError}`);
}

const bench = {
  /** Signs in once (a real login) and returns the session, for devices to share. */
  async login(serverUrl: string, email: string, password: string): Promise<Session> {
    const scratch = new NaastDatabase("bench-login");
    const session = await signIn(serverUrl, email, password, scratch);
    await scratch.delete();
    return session;
  },

  /** A fresh device (its own database and client group) for the session's user. */
  async addDevice(name: string, session: Session): Promise<void> {
    const db = new NaastDatabase(name);
    await db.delete();
    await db.open();
    await db.setMeta("session", { ...session, clientGroupId: crypto.randomUUID() });
    devices.set(name, { db, engine: new SyncEngine(db) });
  },

  /** One sync by the real engine (push, pull, store); answers ms and what the device holds. */
  async sync(name: string): Promise<{ ms: number; records: number }> {
    const { db, engine } = device(name);
    const t0 = performance.now();
    await engine.syncNow();
    const ms = performance.now() - t0;
    await failIfSyncFailed(db);
    return { ms, records: await db.records.count() };
  },

  /** The same records as `from` holds, written with one plain Dexie bulkPut into a fresh database of the same schema. */
  async rawBulkPut(from: string, into: string): Promise<{ ms: number; records: number }> {
    const rows = await device(from).db.records.toArray();
    const target = new NaastDatabase(into);
    await target.delete();
    await target.open();
    const t0 = performance.now();
    await target.records.bulkPut(rows);
    const ms = performance.now() - t0;
    const records = await target.records.count();
    await target.delete();
    return { ms, records };
  },

  async removeDevice(name: string): Promise<void> {
    const found = devices.get(name);
    if (!found) return;
    found.db.close();
    await found.db.delete();
    devices.delete(name);
  },

  /** Follows the server's live signal, as the background does. */
  start(name: string): void {
    device(name).engine.start();
  },

  /** Starts watching this device's IndexedDB for a record; `arrival` answers when it is there. */
  expect(name: string, collection: CollectionName, id: string): void {
    const { db } = device(name);
    arrivals.set(
      `${name}/${collection}/${id}`,
      new Promise<number>((resolve) => {
        const subscription = liveQuery(() => db.records.get([collection, id])).subscribe({
          next(row) {
            if (!row) return;
            resolve(now());
            queueMicrotask(() => subscription.unsubscribe());
          },
        });
      }),
    );
  },

  arrival(name: string, collection: CollectionName, id: string): Promise<number> {
    const promise = arrivals.get(`${name}/${collection}/${id}`);
    if (!promise) throw new Error("expect() it first");
    return promise.finally(() => arrivals.delete(`${name}/${collection}/${id}`));
  },

  /** A note written on the device (as the panel does) and pushed at once; answers when the push began. */
  async addNoteAndPush(name: string, clientId: string, noteId: string, text: string): Promise<number> {
    const { db, engine } = device(name);
    await mutate("addNote", { id: noteId, clientId, text, correctsNoteId: null }, db);
    const pushedAt = now();
    await engine.syncNow();
    await failIfSyncFailed(db);
    return pushedAt;
  },
};

export type Bench = typeof bench;
(globalThis as unknown as { naastBench: Bench }).naastBench = bench;
