import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { errorCode } from "../support/refusal-code.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const applied = async (p: Promise<{ status: string; reason?: string }>) => {
  const result = await p;
  if (result.status !== "applied") throw new Error(`rejected: ${JSON.stringify(result)}`);
};

/**
 * Issue 18, point 4, the Beheer view's server side: an organisation's admin lists her people,
 * deactivates one, and is told her open work for reassignment, then and later, never more than
 * her organisation may see.
 */
describe("the admin's directory procedures over real HTTP", () => {
  let server: TestServer;
  let admin: ApiClient;
  let fatima: ApiClient;
  let ruben: ApiClient;
  let bart: ApiClient;
  const ids = { anouk: "", shared: "", secret: "", secretAgreement: "Geheime afspraak over huisvesting", sharedAgreement: "Samen naar de woningcorporatie" };

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a", "Zorggroep A");
    await server.addOrganisation("org-b", "Zorggroep B");
    admin = await (await server.addUser("admin-a", "org-a", "admin")).signIn();
    fatima = await (await server.addUser("fatima", "org-a")).signIn();
    ruben = await (await server.addUser("ruben", "org-a")).signIn();
    bart = await (await server.addUser("bart", "org-b")).signIn();

    // Her own client, with an afspraak of hers.
    ids.anouk = await createClientWithPlan(fatima);
    // Two clients of Zorggroep B with an afspraak Fatima owns, one still shared with A, one whose consent was withdrawn.
    for (const [key, alias, text] of [
      ["shared", "Gedeeld", ids.sharedAgreement],
      ["secret", "Geheimpje", ids.secretAgreement],
    ] as const) {
      const clientId = `client-${randomUUID()}`;
      ids[key] = clientId;
      await applied(bart.push("createClient", { id: clientId, alias, birthYear: 1990, epdClientId: null }));
      const consentId = await grantConsent(bart, clientId, ["org-a"], ["agreements", "housing"]);
      await applied(bart.push("addAgreement", { id: randomUUID(), clientId, domain: "housing", text, ownerUserId: fatima.userId, dueDate: "2026-12-20" }));
      if (key === "secret") {
        await applied(
          bart.push("withdrawConsent", {
            id: randomUUID(),
            clientId,
            consentId,
            organisations: ["org-a"],
            categories: ["agreements", "housing"],
            reason: "Ze wil het niet meer",
          }),
        );
      }
    }
  });
  afterAll(() => server?.stop());

  it("lists only her own organisation's people, and refuses everyone but the admin", async () => {
    const users = await admin.trpc.directory.listUsers.query();
    expect(users.map((u) => u.id).sort()).toEqual([admin.userId, fatima.userId, ruben.userId].sort());
    expect(users.find((u) => u.id === fatima.userId)).toEqual({
      id: fatima.userId,
      name: "User fatima",
      role: "casemanager",
      active: true,
      email: "fatima@test.naast",
    });
    expect(await errorCode(fatima.trpc.directory.listUsers.query())).toBe("FORBIDDEN");
    expect(await errorCode(fatima.trpc.directory.unassignedWork.query())).toBe("FORBIDDEN");
    expect(await errorCode(bart.trpc.directory.deactivateUser.mutate({ userId: fatima.userId }))).toBe("FORBIDDEN");
  });

  it("answers a deactivation with her open work as her organisation may see it: a client not shared with it never appears, not even as a count", async () => {
    const work = await admin.trpc.directory.deactivateUser.mutate({ userId: fatima.userId });

    expect(work.person).toMatchObject({ id: fatima.userId, active: false });
    expect(work.clients).toEqual([{ id: ids.anouk, alias: "Anouk", ownerOrganisationId: "org-a", status: "active" }]);
    expect(work.agreements.map((a) => [a.clientAlias, a.text])).toEqual([
      ["Anouk", "Aanvraag kamer"],
      ["Gedeeld", ids.sharedAgreement],
    ]);
    const told = JSON.stringify(work);
    expect(told).not.toContain(ids.secret);
    expect(told).not.toContain("Geheimpje");
    expect(told).not.toContain(ids.secretAgreement);
    expect((await admin.trpc.directory.listUsers.query()).find((u) => u.id === fatima.userId)?.active).toBe(false);
  });

  it("keeps the reassignment list reachable afterwards, until each item has a new owner", async () => {
    const [left, ...more] = await admin.trpc.directory.unassignedWork.query();
    expect(more).toEqual([]);
    expect(left?.person.id).toBe(fatima.userId);
    expect(left?.agreements).toHaveLength(2);
    expect(JSON.stringify(left)).not.toContain(ids.secret);

    // A colleague takes over her afspraak about Anouk: it leaves the list.
    const anoukAgreement = left?.agreements.find((a) => a.clientId === ids.anouk);
    await applied(ruben.push("updateAgreement", { clientId: ids.anouk, agreementId: anoukAgreement?.id ?? "", ownerUserId: ruben.userId }));
    const [after] = await admin.trpc.directory.unassignedWork.query();
    expect(after?.agreements.map((a) => a.text)).toEqual([ids.sharedAgreement]);
    expect(after?.clients.map((c) => c.alias)).toEqual(["Anouk"]);
  });

  it("audits what she was told, one row per client shown, and never the client not shared", async () => {
    const log = createClient({ url: server.databaseUrl });
    const { rows } = await log.execute({ sql: "select user_id, organisation_id, client_id from audit_log where event = 'directory.openWork'", args: [] });
    log.close();
    const clients = new Set(rows.map((r) => r.client_id));
    expect(clients).toEqual(new Set([ids.anouk, ids.shared]));
    expect(rows.every((r) => r.user_id === admin.userId && r.organisation_id === "org-a")).toBe(true);
  });
});
