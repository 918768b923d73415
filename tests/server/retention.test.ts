import { randomUUID } from "node:crypto";
import { closingPeriodDays, defaultRetentionMonths } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/src/audit/verify.ts";
import { readEnv } from "../../server/src/env.ts";
import { runDailyRetention } from "../../server/src/retention/daily.ts";
import { runRetention } from "../../server/src/retention/erase.ts";
import { type RunningServer, startServer } from "../../server/src/server.ts";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { runCli } from "../support/server-process.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const dayMs = 86_400_000;

/** Issue 9, point 7. Moves the server's clock two years on, so it has servers of its own. */
describe("retention: a client closed longer than the period is erased from the server and every device", () => {
  let server: TestServer;
  let second: RunningServer;
  let fatima: ApiClient;
  let marieke: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    // A second instance on the same database, as behind a load balancer.
    second = await startServer(readEnv({ DATABASE_URL: server.databaseUrl, PORT: "0", SECOND_FACTOR: "optional" }));
    await server.addOrganisation("org-iris", "Iriszorg");
    await server.addOrganisation("org-ldh", "Leger des Heils");
    fatima = await (await server.addUser("fatima", "org-iris")).signIn();
    marieke = await (await server.addUser("marieke", "org-ldh")).signIn();
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await server?.stop();
  });

  /** What the server's database holds of a client, read with plain SQL. */
  const rowsOf = async (table: "records" | "audit_log", clientId: string) =>
    (await server.services.database.client.execute({ sql: `select * from ${table} where client_id = ? order by rowid`, args: [clientId] })).rows;

  const advance = (ms: number) => {
    server.services.clock.advance(ms);
    second.services.clock.advance(ms);
  };

  let kept = "";

  it(`erases her ${defaultRetentionMonths} months after closing, once a day whichever instance comes first, and purges every device, EPD links too`, async () => {
    const gone = await createClientWithPlan(fatima);
    await grantConsent(fatima, gone, ["org-ldh"], [...thePlan, "notes", "agreements"]);
    expect((await marieke.push("linkEpdRecord", { clientId: gone, epdClientId: "LDH-7781" })).status).toBe("applied");
    expect((await fatima.push("setClientStatus", { clientId: gone, status: "closed" })).status).toBe("applied");
    const atIris = new Replica().apply(await fatima.pull());
    const atLdh = new Replica().apply(await marieke.pull());
    expect(atLdh.of("epdLinks", gone)).toHaveLength(1);

    // After the period after closing LDH keeps only its own EPD link; a year on Iriszorg closes another client.
    advance((closingPeriodDays + 1) * dayMs);
    atLdh.apply(await marieke.pull());
    expect([...atLdh.records.values()].filter((r) => r.clientId === gone).map((r) => r.collection)).toEqual(["epdLinks"]);
    advance(365 * dayMs);
    kept = await createClientWithPlan(fatima);
    await fatima.push("setClientStatus", { clientId: kept, status: "closed" });
    atIris.apply(await fatima.pull());

    // Just before the period ends nothing goes; the dry run a day later lists her, and only her, and erases nothing.
    const closedAt = Date.parse(atIris.of("clients", gone)[0]?.closure?.closedAt ?? "");
    const erasableAt = new Date(closedAt);
    erasableAt.setUTCMonth(erasableAt.getUTCMonth() + defaultRetentionMonths);
    advance(erasableAt.getTime() - server.services.clock.now().getTime() - dayMs);
    expect((await runRetention(server.services, { dryRun: true, accessPoint: "cli" })).clients).toEqual([]);
    advance(2 * dayMs);
    const dry = await runRetention(server.services, { dryRun: true, accessPoint: "cli" });
    expect(dry.clients.map((c) => c.clientId)).toEqual([gone]);
    expect(dry.clients[0]?.records).toMatchObject({ clients: 1, planDomains: 1, notes: 1, agreements: 1, epdLinks: 1 });
    expect(dry.erased).toBe(false);
    expect((await rowsOf("records", gone)).length).toBeGreaterThan(0);

    // Both instances reach for today's run at once: the database lets one of them do it.
    const runs = await Promise.all([runDailyRetention(server.services), runDailyRetention(second.services)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(runs.find((r) => r !== null)?.clients.map((c) => c.clientId)).toEqual([gone]);
    expect(await runDailyRetention(second.services)).toBeNull();

    // Nothing of her on the server but the audit log, which holds no content and still verifies.
    expect(await rowsOf("records", gone)).toEqual([]);
    const audit = await rowsOf("audit_log", gone);
    expect(audit.at(-1)).toMatchObject({ event: "retention.erase", access_point: "server", outcome: "ok", categories: "[]" });
    expect(JSON.stringify(audit)).not.toContain("nachtopvang");
    expect((await verifyAuditChain(server.services.db)).ok).toBe(true);

    // Every device drops her at its next pull, LDH its own EPD link too; the other closed client stays.
    atIris.apply(await fatima.pull());
    expect([...atIris.records.values()].filter((r) => r.clientId === gone)).toEqual([]);
    expect(atIris.of("clients", kept)).toHaveLength(1);
    const ldhPull = await marieke.pull();
    expect(ldhPull.purges).toContainEqual({ clientId: gone, categories: "all", hidden: null, erased: true });
    atLdh.apply(ldhPull);
    expect([...atLdh.records.values()].filter((r) => r.clientId === gone)).toEqual([]);
    // A fresh device of Iriszorg, through the other instance: nothing of her either.
    const fresh = new Replica().apply(await fatima.trpc.sync.pull.query({ clientGroupId: `cg-${randomUUID()}`, cursor: null }));
    expect([...fresh.records.values()].filter((r) => r.clientId === gone)).toEqual([]);
    expect(fresh.of("clients", kept)).toHaveLength(1);
  }, 120_000);

  it("`pnpm cli retention --dry-run` lists what would go, by id and count, and erases nothing", async () => {
    const cli = (...args: string[]) => runCli(server.databaseUrl, ["retention", ...args]);
    const fresh = new Replica().apply(await fatima.trpc.sync.pull.query({ clientGroupId: `cg-${randomUUID()}`, cursor: null }));
    const closedAt = fresh.of("clients", kept)[0]?.closure?.closedAt ?? "";
    const later = new Date(Date.parse(closedAt) + (defaultRetentionMonths * 31 + 1) * dayMs).toISOString().slice(0, 10);
    const { code, stdout } = await cli("--dry-run", "--as-of", later);
    expect(code).toBe(0);
    expect(stdout).toContain(`client ${kept}\tclosed ${closedAt.slice(0, 10)}`);
    expect(stdout).toMatch(/1 clients, \d+ records would be erased/);
    expect(stdout).not.toContain("Anouk");
    expect((await rowsOf("records", kept)).length).toBeGreaterThan(0);
    // Without --dry-run it erases as of today, and --as-of is refused there.
    expect(await cli("--as-of", later)).toMatchObject({ code: 1, stderr: expect.stringContaining("--as-of only with --dry-run") });
  }, 120_000);
});
