import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Mutation } from "@naast/shared";
import { type Database, openDatabase } from "../../server/src/db/connect.ts";
import { createOrganisation, createUser } from "../../server/src/directory/admin.ts";
import { readEnv } from "../../server/src/env.ts";
import { createServices, type Services } from "../../server/src/services.ts";
import { type ApiClient, deviceAt, signIn } from "../support/api.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";

export const password = "test-password-123";

/**
 * Several server processes (`server/src/main.ts`, as an operator starts them) on one embedded
 * database file, and the admin side (what the CLI runs) opened on the same file beside them.
 */
export interface Cluster {
  dir: string;
  databaseUrl: string;
  instances: ServerProcess[];
  admin: Services;
  addUser(id: string, organisationId: string): Promise<string>;
  /** A device of this user on instance `i`; its session works on every instance. */
  device(email: string, i: number): Promise<ApiClient>;
  /** The same device (session, client group, cursor) talking to instance `i`. */
  through(device: ApiClient, i: number): ApiClient;
  stop(): Promise<void>;
}

export async function startCluster(size: number, organisations: string[]): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), "naast-instances-"));
  const databaseUrl = `file:${join(dir, "naast.db")}`;
  const database: Database = await openDatabase(databaseUrl);
  const admin = createServices(readEnv({ DATABASE_URL: databaseUrl }), database);
  for (const id of organisations) await createOrganisation(admin, { id, name: id, shortName: id });
  const instances: ServerProcess[] = [];
  for (let i = 0; i < size; i++) instances.push(await startServerProcess(databaseUrl));
  const urlOf = (i: number) => {
    const instance = instances[i % instances.length];
    if (!instance) throw new Error(`no instance ${i}`);
    return instance.url;
  };
  return {
    dir,
    databaseUrl,
    instances,
    admin,
    async addUser(id, organisationId) {
      const email = `${id}@test.naast`;
      await createUser(admin, { id, name: `User ${id}`, email, password, organisationId, role: "casemanager" });
      return email;
    },
    device: (email, i) => signIn(urlOf(i), email, password),
    through: (device, i) => {
      const moved = deviceAt(urlOf(i), device.token, device.userId, device.clientGroupId);
      moved.cursor = device.cursor;
      return moved;
    },
    async stop() {
      await Promise.all(instances.map((s) => s.stop()));
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `count` new notes for one client, as one push would carry them. */
export function notes(clientId: string, label: string, count: number): Mutation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    name: "addNote",
    args: { id: randomUUID(), clientId, text: `${label} ${i}`, correctsNoteId: null },
  }));
}
