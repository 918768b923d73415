import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";
import { applied, handOverAndAcknowledge, synced } from "./helpers.ts";

describe("the client asks that her former holder stop reading before the period is over", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let marieke: ApiClient;

  beforeAll(async () => {
    ({ server, fatima, marieke } = await teamServer({ fatima: "org-iris", marieke: "org-ldh" }));
  });
  afterAll(() => server.stop());

  it("purges the client from the former holder's device at its next pull", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    await handOverAndAcknowledge(fatima, marieke, clientId, "marieke", "org-ldh");
    const atIriszorg = await synced(fatima);
    expect(atIriszorg.of("planDomains", clientId)).toHaveLength(1);

    expect(await fatima.push("endReadOnlyAccess", { clientId, organisationId: "org-iris" })).toMatchObject({ status: "rejected" });
    await applied(marieke.push("endReadOnlyAccess", { clientId, organisationId: "org-iris" }));

    const response = await fatima.pull();
    expect(response.purges).toContainEqual(expect.objectContaining({ clientId, categories: "all" }));
    atIriszorg.apply(response);
    expect([...atIriszorg.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });
});
