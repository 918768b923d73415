
import { buildWorld } from "../world.ts";
import { openDatabase } from "../../../server/src/db/connect.ts";
import { createServices } from "../../../server/src/services.ts";
import { readEnv } from "../../../server/src/env.ts";
import { lookUpSession, startSession } from "../../../server/src/auth/sessions.ts";
import { claimClientGroup } from "../../../server/src/sync/client-groups.ts";
import { computeVisibleSet, summarise } from "../../../server/src/sync/visible-set.ts";
import { syncState } from "../../../server/src/db/schema.ts";
import { pull } from "../../../server/src/sync/pull.ts";
const world = await buildWorld(Number(process.argv[2] ?? 1000));
const database = await openDatabase(world.databaseUrl);
const services = createServices(readEnv({ DATABASE_URL: world.databaseUrl }), database);
const { db } = services;
const { token } = await startSession(db, "u-bench", "api", 10);
const s = await lookUpSession(db, token);
if (s.status !== "valid") throw new Error("no session");
const user = s.person;
const N = 2000;
async function time(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await f();
  console.log(name.padEnd(30), ((performance.now() - t0) / N * 1000).toFixed(0), "µs");
}
await time("select 1 raw client", () => database.client.execute("select 1"));
await time("sync_state drizzle", () => db.select({ seq: syncState.seq }).from(syncState));
await time("lookUpSession", () => lookUpSession(db, token));
await time("claimClientGroup", () => claimClientGroup(db, "cg-1", "u-bench"));
await time("computeVisibleSet", () => computeVisibleSet(db, user, new Date().toISOString()));
const first = await pull(services, { user, clientGroupId: "cg-1", cursor: null, accessPoint: "api" });
const seq = Number(first.cursor.split(".")[0]);
await time("changed (delta 0)", () => database.client.execute({ sql: "select * from records where version > ? and version <= ?", args: [seq - 5, seq] }));
await time("pull (delta 5 by cursor)", () => pull(services, { user, clientGroupId: "cg-1", cursor: `${seq - 5}.${first.cursor.split(".")[1]}`, accessPoint: "api" }));
await time("pull (delta 0)", () => pull(services, { user, clientGroupId: "cg-1", cursor: first.cursor, accessPoint: "api" }));
database.close();
world.remove();
