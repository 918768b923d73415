import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "../../server/src/directory/admin.ts";
import { applied } from "../handover/helpers.ts";
import type { ApiClient } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/**
 * Issue 16, point 2, across tables: the active clients per holder and the consent table publish
 * the same total. One woman at the GGD and five at Iriszorg, all six with a consent: on its own the
 * consent table would say "6 with, 0 without, total 6", and beside "GGD <5, Iriszorg x, total x"
 * that gives the GGD's 1 and Iriszorg's 5 away. Asked over real HTTP by the policy officer.
 */
describe("small cells stay hidden across tables that share a total", () => {
  let server: TestServer;
  let nadia: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-ggd", "GGD");
    await server.addOrganisation("org-iris", "Iriszorg");
    await createOrganisation(server.services, { id: "org-gemeente", name: "Gemeente Nijmegen", shortName: "Gemeente", kind: "municipality" });
    const lotte = await (await server.addUser("lotte", "org-ggd")).signIn();
    const fatima = await (await server.addUser("fatima", "org-iris")).signIn();
    nadia = await (await server.addUser("nadia", "org-gemeente", "policy")).signIn();
    for (const [holder, count, partner] of [
      [lotte, 1, "org-iris"],
      [fatima, 5, "org-ggd"],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const id = `client-${randomUUID()}`;
        await applied(holder.push("createClient", { id, alias: `Vrouw${i}`, birthYear: 1990, epdClientId: null }));
        await grantConsent(holder, id, [partner], ["housing"]);
      }
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it("hides the shared total in both tables, and a cell of the consent table so its shown cells do not add up to it", async () => {
    const year = server.services.clock.nowIso().slice(0, 4);
    const figures = await nadia.trpc.figures.read.mutate({ from: `${year}-01-01`, to: `${year}-12-31` });
    expect(figures.activeClients).toEqual({
      rows: [
        { key: "GGD", count: "<5" },
        { key: "Iriszorg", count: "x" },
      ],
      total: "x",
    });
    expect(figures.consent).toMatchObject({ withConsent: "x", withoutConsent: 0, total: "x", share: "<5" });
  });
});
