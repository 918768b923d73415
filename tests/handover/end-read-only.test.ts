import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { applied, handOverAndAcknowledge, synced } from "./helpers.ts";

describe("the client asks that her former holder stop reading before the period is over", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let marieke: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a", "Iriszorg");
    await server.addOrganisation("org-b", "Leger des Heils");
    fatima = await (await server.addUser("fatima", "org-a")).signIn();
    marieke = await (await server.addUser("marieke", "org-b")).signIn();
  });
  afterAll(() => server.stop());

  it("purges the client from the former holder's device at its next pull", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-b"], ["handovers", "housing"]);
    await handOverAndAcknowledge(fatima, marieke, clientId, "marieke", "org-b");
    const atIriszorg = await synced(fatima);
    expect(atIriszorg.of("planDomains", clientId)).toHaveLength(1);

    expect(await fatima.push("endReadOnlyAccess", { clientId, organisationId: "org-a" })).toMatchObject({ status: "rejected" });
    await applied(marieke.push("endReadOnlyAccess", { clientId, organisationId: "org-a" }));

    const response = await fatima.pull();
    expect(response.purges).toContainEqual(expect.objectContaining({ clientId, categories: "all" }));
    atIriszorg.apply(response);
    expect([...atIriszorg.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });
});
