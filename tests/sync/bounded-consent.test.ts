import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/**
 * Issue 10, finding 1: one partner could slow every pull for seconds with withdrawals naming
 * 100,000 organisations. Every list in a consent is bounded and de-duplicated, and a withdrawal
 * names only organisations of the directory.
 */
describe("a consent's lists are bounded, de-duplicated and checked against the directory", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;
  let clientId: string;
  let consentId: string;

  beforeAll(async () => {
    ({ server, ruben: iris, marieke: ldh } = await teamServer({ ruben: "org-iris", marieke: "org-ldh" }));
    clientId = await createClientWithPlan(iris);
    const plan = await iris.push("updatePlanDomain", { clientId, domain: "justice", situation: "Boete openstaand.", goal: "Regeling treffen." });
    expect(plan.status).toBe("applied");
    consentId = await grantConsent(iris, clientId, ["org-ldh"], thePlan);
  }, 60_000);
  afterAll(() => server?.stop());

  async function consentRows() {
    const db = createClient({ url: server.databaseUrl });
    try {
      const rows = await db.execute({ sql: "select data from records where collection = 'consentEvents' and client_id = ?", args: [clientId] });
      return rows.rows.map((r) => JSON.parse(String(r.data)) as { type: string; organisations?: string[] | null; categories?: string[] | null });
    } finally {
      db.close();
    }
  }

  const withdrawal = (organisations: string[] | null, categories: string[] | null = null) => ({
    id: randomUUID(),
    name: "withdrawConsent",
    args: { id: `w-${randomUUID()}`, clientId, consentId, organisations, categories, reason: "Cliënt wil het niet meer" },
  });

  async function refusedPush(mutation: ReturnType<typeof withdrawal>) {
    const error = await iris.trpc.sync.push.mutate({ clientGroupId: iris.clientGroupId, mutations: [mutation] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    return (error as TRPCClientError<never>).data as unknown as { refusal: { code: string }; issues: { path: string }[]; mutation: { index: number } };
  }

  it("refuses a withdrawal naming 100,000 organisations as an unreadable change, and writes nothing", async () => {
    const before = await consentRows();
    const many = Array.from({ length: 100_000 }, (_, i) => i.toString(36));
    const data = await refusedPush(withdrawal(many));
    expect(data.refusal.code).toBe("sync.unreadable-change");
    expect(data.mutation.index).toBe(0);
    expect(data.issues.map((i) => i.path)).toContain("organisations");
    expect(await consentRows()).toEqual(before);
    // LDH still sees the plan: nothing was withdrawn.
    expect((await ldh.pull()).puts.some((p) => p.collection === "planDomains")).toBe(true);
  }, 60_000);

  it("refuses one organisation repeated 10,000 times too, before de-duplicating it", async () => {
    const before = await consentRows();
    const data = await refusedPush(withdrawal(Array.from({ length: 10_000 }, () => "org-ldh")));
    expect(data.refusal.code).toBe("sync.unreadable-change");
    expect(await consentRows()).toEqual(before);
  }, 60_000);

  it("refuses a withdrawal naming an organisation the directory does not know, by name, and writes nothing", async () => {
    const before = await consentRows();
    const { results } = await iris.trpc.sync.push.mutate({ clientGroupId: iris.clientGroupId, mutations: [withdrawal(["org-ldh", "org-invented"])] });
    expect(results[0]).toMatchObject({ status: "rejected", refusal: { code: "organisation.unknown", params: { organisation: "org-invented" } } });
    expect(await consentRows()).toEqual(before);
  });

  it("stores a withdrawal with repeated organisations and categories once each, and it withdraws what it names", async () => {
    const { results } = await iris.trpc.sync.push.mutate({
      clientGroupId: iris.clientGroupId,
      mutations: [withdrawal(["org-ldh", "org-ldh", "org-ldh"], ["housing", "housing", "finances"])],
    });
    expect(results[0]).toMatchObject({ status: "applied" });
    const stored = (await consentRows()).filter((e) => e.type === "withdrawn");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organisations: ["org-ldh"], categories: ["housing", "finances"] });
    ldh.cursor = null;
    const domains = (await ldh.pull()).puts.filter((p) => p.collection === "planDomains").map((p) => (p.data as { domain: string }).domain);
    expect(domains).not.toContain("housing");
    expect(domains).not.toContain("finances");
    expect(domains).toContain("justice");
  });

  it("narrows a withdrawal stored before the bound to the organisations its consent granted, so pulls read it again", async () => {
    const db = createClient({ url: server.databaseUrl });
    try {
      // As the old server stored it: 30,000 invented organisations, LDH among them, and a category 30 times.
      const id = `w-${randomUUID()}`;
      const organisations = [...Array.from({ length: 30_000 }, (_, i) => `x${i}`), "org-ldh", "org-ldh"];
      const data = {
        id,
        clientId,
        consentId,
        type: "withdrawn",
        organisations,
        categories: Array.from({ length: 30 }, () => "justice"),
        reason: "Oud",
        withdrawnAt: new Date().toISOString(),
        withdrawnBy: iris.userId,
      };
      await db.execute("update sync_state set seq = seq + 1");
      await db.execute({
        sql: "insert into records (collection, id, client_id, visibility, data, version) values ('consentEvents', ?, ?, 'client', ?, (select seq from sync_state where id = 1))",
        args: [id, clientId, JSON.stringify(data)],
      });
      ldh.cursor = null;
      await expect(ldh.pull()).rejects.toThrow();

      const migration = readFileSync(new URL("../../server/drizzle/0007_bounded_consent_lists.sql", import.meta.url), "utf8");
      for (const statement of migration.split("--> statement-breakpoint")) await db.execute(statement);
      const [row] = (await db.execute({ sql: "select data from records where collection = 'consentEvents' and id = ?", args: [id] })).rows;
      expect(JSON.parse(String(row?.data))).toMatchObject({ organisations: ["org-ldh"], categories: ["justice"] });
      await db.execute("update sync_state set seq = seq + 1");
      await db.execute("update sync_state set seq = (select seq from sync_state where id = 1) where id = 2");
    } finally {
      db.close();
    }
    const domains = (await ldh.pull()).puts.filter((p) => p.collection === "planDomains").map((p) => (p.data as { domain: string }).domain);
    expect(domains).not.toContain("justice");
  });
});
