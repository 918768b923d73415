import "../../extension/src/testing/fake-indexeddb.ts";
import { createClient } from "@libsql/client";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn as signInDevice } from "../../extension/src/session/session.ts";
import { SyncEngine } from "../../extension/src/sync/engine.ts";
import { freshDatabase } from "../../extension/src/testing/device.ts";
import { type ApiClient, signedInAnswer, trpcClient } from "../support/api.ts";
import { createClientWithPlan } from "../support/fixtures.ts";
import { openStream } from "../support/live-stream.ts";
import { runCli } from "../support/server-process.ts";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";

/** Reads the live stream until it closes; answers the names of the events it saw. */
const eventsUntilClosed = async (url: string, token: string) => (await openStream(url, token).closed).map((e) => e.split(":")[0]);

/** What a refused call says, as codes. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return { code: error.data?.code, session: error.data?.session };
    throw error;
  }
  throw new Error("the call was not refused");
}

describe("an account that ends", () => {
  let server: TestServer;
  let admin: ApiClient;
  let fatima: { email: string; signIn(): Promise<ApiClient> };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a", "Zorggroep A");
    await server.addOrganisation("org-b", "Zorggroep B");
    admin = await (await server.addUser("admin-a", "org-a", "admin")).signIn();
    fatima = await server.addUser("fatima", "org-a");
    await server.addUser("bart", "org-b");
    await server.addUser("bea", "org-b");
  });
  afterAll(() => server.stop());

  it("refuses a deactivated user's session at once, ends her live stream, wipes her device at its next contact, and lists her work for reassignment", async () => {
    const her = await fatima.signIn();
    const clientId = await createClientWithPlan(her);
    const device = freshDatabase();
    await signInDevice(server.url, fatima.email, testPassword, device);
    const engine = new SyncEngine(device);
    await engine.syncNow();
    expect(await device.records.where("[collection+clientId]").equals(["clients", clientId]).count()).toBe(1);
    const stream = eventsUntilClosed(server.url, her.token);
    await new Promise((r) => setTimeout(r, 300)); // the stream is open and has said "ready"

    const work = await admin.trpc.directory.deactivateUser.mutate({ userId: her.userId });

    expect(work.clients).toEqual([{ id: clientId, alias: "Anouk", ownerOrganisationId: "org-a", status: "active" }]);
    expect(work.agreements).toEqual([expect.objectContaining({ clientId, text: "Aanvraag kamer", dueDate: "2026-12-01" })]);
    expect(await refusal(her.pull())).toEqual({ code: "UNAUTHORIZED", session: "inactive" });
    expect(await stream).toEqual(["ready", "ended"]);
    await expect(fatima.signIn()).rejects.toThrow(/not right/);

    await engine.syncNow();
    expect(await device.records.count()).toBe(0);
    expect(await device.getMeta("session")).toBeUndefined();

    const log = createClient({ url: server.databaseUrl });
    const { rows } = await log.execute({
      sql: "select user_id, organisation_id, responsible_user_id, access_point from audit_log where event = 'admin.deactivateUser'",
      args: [],
    });
    log.close();
    expect(rows.map((r) => ({ ...r }))).toEqual([{ user_id: admin.userId, organisation_id: "org-a", responsible_user_id: her.userId, access_point: "api" }]);
  }, 60_000);

  it("lets an organisation's admin deactivate only her own organisation's people", async () => {
    const bart = await server.addUser("bart-2", "org-b");
    const before = await bart.signIn();
    expect(await refusal(admin.trpc.directory.deactivateUser.mutate({ userId: before.userId }))).toEqual({ code: "NOT_FOUND", session: undefined });
    const caseManager = await (await server.addUser("joost", "org-a")).signIn();
    expect(await refusal(caseManager.trpc.directory.deactivateUser.mutate({ userId: before.userId }))).toEqual({ code: "FORBIDDEN", session: undefined });
    expect((await before.pull()).cursor).toBeTruthy();
  });

  it("deactivates a whole organisation from the command line: every session of it is refused, the other organisations' are not", async () => {
    const bea = signedInAnswer(await trpcClient(server.url).auth.login.mutate({ email: "bea@test.naast", password: testPassword }));
    const other = await (await server.addUser("other-a", "org-a")).signIn();

    const { code, stdout } = await runCli(server.databaseUrl, ["deactivate-organisation", "--id", "org-b"]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/organisation org-b: 3 people deactivated/);
    expect(await refusal(trpcClient(server.url, bea.token).sync.pull.query({ clientGroupId: "cg-bea", cursor: null }))).toEqual({
      code: "UNAUTHORIZED",
      session: "inactive",
    });
    expect((await other.pull()).cursor).toBeTruthy();
    // One CLI process is ~2.5 s of CPU (tsx compiles the server's modules as it starts): at load
    // ~20 on two cores that is 10 to 40 s of wall time, and 60 s was seen reached.
  }, 120_000);
});
