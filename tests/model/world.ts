import "../../extension/src/testing/fake-indexeddb.ts";
import { signIn } from "../../extension/src/session/session.ts";
import type { NaastDatabase, Session } from "../../extension/src/storage/db.ts";
import { SyncEngine } from "../../extension/src/sync/engine.ts";
import { freshDatabase } from "../../extension/src/testing/device.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";

/** The three organisations of the histories, named as the steps print them. */
export const organisations = [
  { id: "org-iriszorg", name: "Iriszorg" },
  { id: "org-ldh", name: "LDH" },
  { id: "org-ggd", name: "GGD" },
] as const;

/** Five devices, each a case manager's own browser: two at Iriszorg, two at LDH, one at the GGD. */
const people = [
  { id: "fatima", org: "org-iriszorg" },
  { id: "ruben", org: "org-iriszorg" },
  { id: "marieke", org: "org-ldh" },
  { id: "joost", org: "org-ldh" },
  { id: "lotte", org: "org-ggd" },
] as const;

/** A device: the extension's own database, sync engine and session, as the background runs them. */
export interface Device {
  name: string;
  org: string;
  orgName: string;
  db: NaastDatabase;
  engine: SyncEngine;
  session: Session;
  offline: boolean;
}

export interface World {
  server: TestServer;
  devices: Device[];
  /** The server's clock, in ms: what decides access. */
  now(): number;
  stop(): Promise<void>;
}

/**
 * One server and five signed-in devices for a whole run of histories. Each history makes its own
 * clients and looks only at those, so histories do not disturb each other while the devices keep
 * their databases (signing in costs an argon2 hash; a full pull per history would grow).
 */
export async function startWorld(): Promise<World> {
  const server = await startTestServer();
  for (const o of organisations) await server.addOrganisation(o.id, o.name);
  const devices: Device[] = [];
  for (const p of people) {
    const { email } = await server.addUser(p.id, p.org);
    const db = freshDatabase();
    const session = await signIn(server.url, email, testPassword, db);
    const orgName = organisations.find((o) => o.id === p.org)?.name ?? p.org;
    devices.push({ name: `${orgName} (${p.id})`, org: p.org, orgName, db, engine: new SyncEngine(db), session, offline: false });
  }
  for (const device of devices) await device.engine.syncNow();
  return {
    server,
    devices,
    now: () => server.services.clock.now().getTime(),
    async stop() {
      for (const device of devices) device.db.close();
      await server.stop();
    },
  };
}
