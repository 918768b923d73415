import "../../extension/src/testing/fake-indexeddb.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signIn } from "../../extension/src/session/session.ts";
import type { NaastDatabase, Session } from "../../extension/src/storage/db.ts";
import { SyncEngine } from "../../extension/src/sync/engine.ts";
import { freshDatabase } from "../../extension/src/testing/device.ts";
import { createOrganisation, createUser } from "../../server/src/directory/admin.ts";
import { readEnv } from "../../server/src/env.ts";
import { type RunningServer, startServer } from "../../server/src/server.ts";
import { testPassword } from "../support/test-server.ts";

/** The three organisations of the histories, named as the steps print them. */
export const organisations = [
  { id: "org-iriszorg", name: "Iriszorg" },
  { id: "org-ldh", name: "LDH" },
  { id: "org-ggd", name: "GGD" },
] as const;

/** Five devices, each a case manager's own browser: two at Iriszorg, two at LDH, one at the GGD. */
export const people = [
  { id: "fatima", org: "org-iriszorg" },
  { id: "ruben", org: "org-iriszorg" },
  { id: "marieke", org: "org-ldh" },
  { id: "joost", org: "org-ldh" },
  { id: "lotte", org: "org-ggd" },
] as const;

/** A device: the extension's own database, sync engine and session, as the background runs them. */
export interface Device {
  name: string;
  /** The person signed in on it (a case manager). */
  userId: string;
  org: string;
  orgName: string;
  db: NaastDatabase;
  engine: SyncEngine;
  session: Session;
  offline: boolean;
}

export interface World {
  /** The server instances, all on one database file (issue 17), each with its own caches and clock. */
  instances: RunningServer[];
  devices: Device[];
  /** The server's clock, in ms: what decides access (the same on every instance). */
  now(): number;
  /** Moves every instance's clock on (and the clock of instances started later). */
  advance(ms: number): void;
  /** Stops instance `i` and starts it again on the same file: nothing held in memory survives. */
  restart(i: number): Promise<void>;
  /** The device talks to instance `i` from now on (its session works on every instance). */
  route(device: Device, i: number): Promise<void>;
  stop(): Promise<void>;
}

/** How many server instances the histories run on. */
export const instanceCount = 2;

/**
 * Two server instances on one database file and five signed-in devices for a whole run of
 * histories. The instances run in this process (so the test can move their clocks together),
 * each with its own services: caches, change feed, clock, as separate processes would have them.
 * Each history makes its own clients and looks only at those, so histories do not disturb each
 * other while the devices keep their databases (signing in costs an argon2 hash; a full pull per
 * history would grow).
 */
export async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "naast-model-"));
  const env = readEnv({ DATABASE_URL: `file:${join(dir, "naast.db")}`, PORT: "0", SECOND_FACTOR: "optional" });
  let offsetMs = 0;
  const start = async () => {
    const instance = await startServer(env);
    if (offsetMs > 0) instance.services.clock.advance(offsetMs);
    return instance;
  };
  const instances: RunningServer[] = [];
  for (let i = 0; i < instanceCount; i++) instances.push(await start());
  const first = () => instances[0] as RunningServer;
  for (const o of organisations) await createOrganisation(first().services, { id: o.id, name: o.name, shortName: o.name });
  const devices: Device[] = [];
  for (const [i, p] of people.entries()) {
    const email = `${p.id}@test.naast`;
    await createUser(first().services, { id: p.id, name: `User ${p.id}`, email, password: testPassword, organisationId: p.org, role: "casemanager" });
    const db = freshDatabase();
    const session = await signIn((instances[i % instanceCount] as RunningServer).url, email, testPassword, db);
    const orgName = organisations.find((o) => o.id === p.org)?.name ?? p.org;
    devices.push({ name: `${orgName} (${p.id})`, userId: p.id, org: p.org, orgName, db, engine: new SyncEngine(db), session, offline: false });
  }
  for (const device of devices) await device.engine.syncNow();
  return {
    instances,
    devices,
    now: () => first().services.clock.now().getTime(),
    advance(ms) {
      offsetMs += ms;
      for (const instance of instances) instance.services.clock.advance(ms);
    },
    async restart(i) {
      await (instances[i] as RunningServer).close();
      instances[i] = await start();
    },
    async route(device, i) {
      const url = (instances[i] as RunningServer).url;
      const session = await device.db.getMeta("session");
      if (session && session.serverUrl !== url) await device.db.setMeta("session", { ...session, serverUrl: url });
      device.session = { ...device.session, serverUrl: url };
    },
    async stop() {
      // Deleted, not only closed: the in-memory IndexedDB keeps a closed database's records for good.
      for (const device of devices) await device.db.delete();
      for (const instance of instances) await instance.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
