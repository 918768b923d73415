import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { openDatabase } from "../../server/src/db/connect.ts";
import { createOrganisation, createUser } from "../../server/src/directory/admin.ts";
import { readEnv } from "../../server/src/env.ts";
import { createServices } from "../../server/src/services.ts";
import { type ApiClient, signIn } from "../support/api.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { caseload } from "./data.ts";
import { type BulkResult, bulkInsertOtherOrganisations, writeRecords } from "./seed.ts";

export const benchPassword = "bench-password-2026";
export const benchEmail = "bench@bench.test";
/** Her colleagues in the same organisation, who see the same clients: the pulls-with-writes users. */
export const colleagueEmails = [2, 3, 4, 5].map((n) => `bench${n}@bench.test`);
const ownClients = 20;
const ownRecordsPerClient = 49;
/** The bench user's own world: her organisation, her account, her caseload (980 records). */
const ownCaseload = () =>
  caseload({
    organisationId: "org-bench",
    responsibleUserId: "u-bench",
    prefix: "own",
    clients: ownClients,
    recordsPerClient: ownRecordsPerClient,
    seed: 7,
    minBytes: 500,
    maxBytes: 5_000,
  });
export const ownClientIds = Array.from({ length: ownClients }, (_, i) => `own-client-${i}`);

export interface World {
  dir: string;
  databaseUrl: string;
  storedChanges: number;
  fileBytes: number;
  bulk: BulkResult | null;
  seedMs: number;
  remove(): void;
}

/**
 * A database file holding `total` stored changes: the bench user's own world (always the same,
 * ~1,000 records) and, to make up the total, other organisations' clients inserted in bulk.
 */
export async function buildWorld(total: number): Promise<World> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "naast-bench-"));
  const databaseUrl = `file:${join(dir, "naast.db")}`;
  const own = ownCaseload();
  const directoryRows = 2; // her organisation and her person record
  (await openDatabase(databaseUrl)).close(); // creates and migrates the schema
  const bulkRows = total - own.length - directoryRows;
  const bulk = bulkRows > 0 ? await bulkInsertOtherOrganisations(databaseUrl, bulkRows) : null;
  const database = await openDatabase(databaseUrl);
  const services = createServices(readEnv({ DATABASE_URL: databaseUrl }), database);
  await createOrganisation(services, { id: "org-bench", name: "Bench zorg", shortName: "Bench" });
  await createUser(services, {
    id: "u-bench",
    name: "Bench Casemanager",
    email: benchEmail,
    password: benchPassword,
    organisationId: "org-bench",
    role: "casemanager",
  });
  for (const [i, email] of colleagueEmails.entries()) {
    await createUser(services, {
      id: `u-bench-${i + 2}`,
      name: `Bench Collega ${i + 2}`,
      email,
      password: benchPassword,
      organisationId: "org-bench",
      role: "casemanager",
    });
  }
  await writeRecords(services, own);
  database.close();
  const client = createClient({ url: databaseUrl });
  const storedChanges = Number((await client.execute("select count(*) as n from records")).rows[0]?.n ?? 0);
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  return {
    dir,
    databaseUrl,
    storedChanges,
    fileBytes: statSync(join(dir, "naast.db")).size,
    bulk,
    seedMs: performance.now() - started,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunningWorld {
  server: ServerProcess;
  user: ApiClient;
  /** A cursor a few changes behind the head: every pull with it gets the same small delta. */
  deltaCursor: string;
  deltaSize: number;
  /** A fresh device's first (full) pull, in ms. */
  fullPullMs: number;
  fullPullRecords: number;
}

/** Serves the world from its own process, signs the bench user in and makes a small delta. */
export async function serveWorld(world: World, deltaSize = 5, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningWorld> {
  const server = await startServerProcess(world.databaseUrl, nodeArgs, env);
  try {
    const user = await signIn(server.url, benchEmail, benchPassword);
    const t0 = performance.now();
    const full = await user.pull();
    const fullPullMs = performance.now() - t0;
    const deltaCursor = user.cursor;
    if (!deltaCursor) throw new Error("no cursor after the first pull");
    for (let i = 0; i < deltaSize; i++) {
      const result = await user.push("updatePlanDomain", {
        clientId: ownClientIds[i % ownClientIds.length] ?? "own-client-0",
        domain: "housing",
        situation: `Slaapt sinds deze week in een eigen kamer (wijziging ${i}).`,
        goal: "Huur betalen via budgetbeheer.",
      });
      if (result.status !== "applied") throw new Error(`delta push rejected: ${JSON.stringify(result.refusal)}`);
    }
    const delta = await user.trpc.sync.pull.query({ clientGroupId: user.clientGroupId, cursor: deltaCursor });
    if (delta.puts.length !== deltaSize) throw new Error(`expected a delta of ${deltaSize}, got ${delta.puts.length}`);
    return { server, user, deltaCursor, deltaSize, fullPullMs, fullPullRecords: full.puts.length };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
