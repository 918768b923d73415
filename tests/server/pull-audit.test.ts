import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientWithPlan } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * A pull's audit rows are appended apart from the pull's reads, group-committed with other pulls'
 * (server/src/audit/appender.ts): the answer still waits for them, and no rows means no data.
 */
describe("a pull answers only with data whose delivery is in the audit log", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a");
  });
  afterAll(() => server.stop());

  const deliveries = async (clientId: string) => {
    const db = createClient({ url: server.databaseUrl });
    try {
      const rows = await db.execute({ sql: "select count(*) n from audit_log where event = 'pull.deliver' and client_id = ?", args: [clientId] });
      return Number(rows.rows[0]?.n);
    } finally {
      db.close();
    }
  };

  it("refuses the pull when its audit rows cannot be written, and delivers once they can", async () => {
    const owner = await (await server.addUser("a1", "org-a")).signIn();
    const clientId = await createClientWithPlan(owner);
    const device = await (await server.addUser("a2", "org-a")).signIn();
    const database = server.services.database;
    const append = database.appendAudit;
    database.appendAudit = () => Promise.reject(new Error("the disk is full"));
    try {
      await expect(device.pull()).rejects.toThrow();
    } finally {
      database.appendAudit = append;
    }
    expect(device.cursor, "no answer, so no cursor").toBeNull();
    expect(await deliveries(clientId)).toBe(0);
    const answer = await device.pull();
    expect(answer.puts.some((p) => p.collection === "clients" && p.id === clientId)).toBe(true);
    expect(await deliveries(clientId)).toBe(1);
  }, 60_000);
});
