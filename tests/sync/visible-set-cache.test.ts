import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

const hourMs = 3_600_000;

// The server keeps each user's visible set between pulls (server/src/sync/visible-set.ts): these
// check that it still answers what she may see *now*, by the clock as well as by the data.
describe("a pull answers what the user may see now, with the visible set kept between pulls", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;

  beforeAll(async () => {
    ({ server, fatima: iris, marieke: ldh } = await teamServer({ fatima: "org-iris", marieke: "org-ldh" }));
  });
  afterAll(() => server.stop());
  /** An end date one hour on by the server's clock, which the test moves past it. */
  const inAnHour = () => new Date(server.services.clock.now().getTime() + hourMs).toISOString();

  it("purges a client whose consent ran out between two pulls, with no write in between", async () => {
    const clientId = await createClientWithPlan(iris);
    await grantConsent(iris, clientId, ["org-ldh"], thePlan, inAnHour());
    const device = new Replica().apply(await ldh.pull());
    expect(device.of("clients").map((c) => c.id)).toContain(clientId);
    device.apply(await ldh.pull()); // the set is now kept
    server.services.clock.advance(2 * hourMs); // the server's movable clock: no real-time window
    const afterExpiry = await ldh.pull();
    expect(afterExpiry.purges).toContainEqual({ clientId, categories: "all", hidden: { reason: "expired", since: expect.any(String) } });
    device.apply(afterExpiry);
    expect([...device.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });

  it("brings a newly shared client at the next pull, although her organisation's set was kept", async () => {
    const device = new Replica().apply(await ldh.pull());
    device.apply(await ldh.pull());
    const clientId = await createClientWithPlan(iris);
    device.apply(await ldh.pull());
    expect(device.of("clients").map((c) => c.id)).not.toContain(clientId);
    await grantConsent(iris, clientId, ["org-ldh"], ["housing"]);
    device.apply(await ldh.pull());
    expect(device.of("planDomains", clientId).map((d) => d.domain)).toEqual(["housing"]);
  });
});
