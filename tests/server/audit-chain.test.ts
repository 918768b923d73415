import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAuditRow } from "../../server/src/audit/entry.ts";
import { verifyAuditChain } from "../../server/src/audit/verify.ts";
import { auditLog } from "../../server/src/db/schema.ts";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { runCli } from "../support/server-process.ts";
import { teamServer } from "../support/team-server.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

describe("the audit log records every write and every delivery, and shows tampering", () => {
  let server: TestServer;
  let owner: ApiClient;
  let other: ApiClient;
  let clientId: string;
  let consentId: string;

  beforeAll(async () => {
    ({ server, owner, other } = await teamServer({ owner: "org-a", other: "org-b" }));
    clientId = await createClientWithPlan(owner);
    consentId = await grantConsent(owner, clientId, ["org-b"], thePlan);
    await other.pull();
  });
  afterAll(() => server.stop());

  it("logs who wrote what, for which client, and who received which categories under which consent", async () => {
    const db = createClient({ url: server.databaseUrl });
    const { rows } = await db.execute({
      sql: "select event, user_id, organisation_id, client_id, categories, consent_id, access_point from audit_log where client_id = ? order by seq",
      args: [clientId],
    });
    db.close();
    const events = rows.map((r) => r.event);
    expect(events).toEqual(["createClient", "updatePlanDomain", "recordZrmScore", "addNote", "addAgreement", "recordConsent", "pull.deliver"]);
    const delivery = rows.at(-1);
    expect(delivery).toMatchObject({ user_id: "other", organisation_id: "org-b", consent_id: consentId, access_point: "api" });
    expect(JSON.parse(String(delivery?.categories))).toEqual(["client", "housing"]);
    // Never the content itself.
    const all = JSON.stringify(rows);
    expect(all).not.toContain("nachtopvang");
    expect(all).not.toContain("Vertrouwelijk");
  });

  it("logs a withdrawal of consent with who did it, for which client, under which consent", async () => {
    // Any case manager of the client may withdraw, also one of the organisation it was shared with.
    const result = await other.push("withdrawConsent", {
      id: `${consentId}-w`,
      clientId,
      consentId,
      organisations: null,
      categories: null,
      reason: "Wil het zelf vertellen.",
    });
    expect(result.status).toBe("applied");
    const db = createClient({ url: server.databaseUrl });
    const { rows } = await db.execute({
      sql: "select event, user_id, organisation_id, consent_id, outcome from audit_log where client_id = ? order by seq desc limit 1",
      args: [clientId],
    });
    db.close();
    expect(rows[0]).toMatchObject({ event: "withdrawConsent", user_id: "other", organisation_id: "org-b", consent_id: consentId, outcome: "ok" });
    expect(JSON.stringify(rows)).not.toContain("Wil het zelf vertellen");
  });

  it("verifies an intact chain and finds an altered, a removed and a reordered row", async () => {
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ ok: true });
    const db = createClient({ url: server.databaseUrl });
    try {
      await db.execute("update audit_log set user_id = 'someone-else' where seq = 3");
      expect(await verifyAuditChain(server.services.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: "altered" });
      // The CLI must fail (exit 1), not merely print.
      expect(await runCli(server.databaseUrl, ["verify-audit"])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining("audit chain broken at row 3 (altered)"),
      });

      await db.execute("delete from audit_log where seq = 3");
      expect(await verifyAuditChain(server.services.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: "missing" });
    } finally {
      db.close();
    }
    // One CLI process is ~2.5 s of CPU (tsx compiles the server's modules as it starts): at load
    // ~20 on two cores that is 10 to 40 s of wall time, past the default 30 s.
  }, 120_000);

  it("finds a row removed with the later rows renumbered and re-hashed, by the link to the row before", async () => {
    const fresh = await startTestServer();
    try {
      await fresh.addOrganisation("org-x");
      const device = await (await fresh.addUser("x", "org-x")).signIn();
      for (const alias of ["Kim", "Lot", "Mo"]) await device.push("createClient", { id: `client-${randomUUID()}`, alias, birthYear: 2001, epdClientId: null });
      // A careful forger: drop row 2, move every later row one place up and give each a hash that
      // matches its own fields. Sequence and own hashes are all fine; only the link to row 1 breaks.
      const before = (await fresh.services.db.select().from(auditLog)).sort((a, b) => a.seq - b.seq);
      expect(before.length).toBeGreaterThanOrEqual(3);
      const db = createClient({ url: fresh.databaseUrl });
      await db.execute("delete from audit_log where seq = 2");
      for (const row of before.slice(2)) {
        const { hash: _old, ...rest } = { ...row, seq: row.seq - 1 };
        await db.execute({ sql: "update audit_log set seq = ?, hash = ? where seq = ?", args: [rest.seq, hashAuditRow(rest), row.seq] });
      }
      db.close();
      expect(await verifyAuditChain(fresh.services.db)).toMatchObject({ ok: false, firstBrokenSeq: 2, problem: "inserted-or-reordered" });
    } finally {
      await fresh.stop();
    }
  });

  it("finds a row moved to another place in the chain", async () => {
    const fresh = await startTestServer();
    try {
      await fresh.addOrganisation("org-x");
      const device = await (await fresh.addUser("x", "org-x")).signIn();
      await device.push("createClient", { id: `client-${randomUUID()}`, alias: "Kim", birthYear: 2001, epdClientId: null });
      const db = createClient({ url: fresh.databaseUrl });
      // Swap rows 2 and 3 wholesale: each row is intact on its own, but the order is not.
      await db.batch(
        ["update audit_log set seq = -2 where seq = 2", "update audit_log set seq = 2 where seq = 3", "update audit_log set seq = 3 where seq = -2"],
        "write",
      );
      db.close();
      expect(await verifyAuditChain(fresh.services.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    } finally {
      await fresh.stop();
    }
  });
});
