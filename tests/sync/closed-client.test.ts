import { randomUUID } from "node:crypto";
import { closingPeriodDays } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

const dayMs = 86_400_000;

/** Issue 9, leak 3. This file moves the server's clock forward, so it has a server of its own. */
describe("closing a client ends sharing with every other organisation after the period after closing", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;

  beforeAll(async () => {
    ({ server, fatima: iris, marieke: ldh } = await teamServer({ fatima: "org-iris", marieke: "org-ldh" }));
  });
  afterAll(() => server.stop());

  it(`lets LDH finish its notes for ${closingPeriodDays} days, then purges the client from its device though the consent still runs`, async () => {
    const clientId = await createClientWithPlan(iris);
    await grantConsent(iris, clientId, ["org-ldh"], [...thePlan, "notes", "agreements"]);
    const device = new Replica().apply(await ldh.pull());
    expect(device.of("planDomains", clientId)).toHaveLength(1);

    expect((await iris.push("setClientStatus", { clientId, status: "closed" })).status).toBe("applied");
    const closed = new Replica().apply(await iris.pull()).of("clients", clientId)[0];
    const endsAt = Date.parse(closed?.closure?.sharingEndsAt ?? "");
    expect(endsAt - Date.parse(closed?.closure?.closedAt ?? "")).toBe(closingPeriodDays * dayMs);

    // A day before the end LDH still reads and still writes its last note.
    server.services.clock.advance(endsAt - server.services.clock.now().getTime() - dayMs);
    device.apply(await ldh.pull());
    expect(device.of("clients", clientId).map((c) => c.status)).toEqual(["closed"]);
    expect((await ldh.push("addNote", { id: randomUUID(), clientId, text: "Laatste gesprek gehad.", correctsNoteId: null })).status).toBe("applied");

    // Past the end: purged at the next pull, with nobody doing anything, and told why.
    server.services.clock.advance(dayMs + 1000);
    const response = await ldh.pull();
    expect(response.purges).toContainEqual({ clientId, categories: "all", hidden: { reason: "closed", since: closed?.closure?.sharingEndsAt } });
    device.apply(response);
    expect([...device.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
    const late = await ldh.push("addNote", { id: randomUUID(), clientId, text: "Te laat", correctsNoteId: null });
    expect(late).toMatchObject({ status: "rejected", refusal: { code: "access.closed" } });
    // A fresh device of LDH gets nothing of her either.
    const fresh = await (await server.addUser(`joost-${randomUUID().slice(0, 8)}`, "org-ldh")).signIn();
    const freshDevice = new Replica().apply(await fresh.pull());
    expect([...freshDevice.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);

    // The holder keeps everything, LDH's last note included.
    const atIris = new Replica().apply(await iris.pull());
    expect(atIris.of("notes", clientId).map((n) => n.text)).toContain("Laatste gesprek gehad.");
  });

  it("reopening the client before the end keeps sharing as the consent says", async () => {
    const clientId = await createClientWithPlan(iris);
    await grantConsent(iris, clientId, ["org-ldh"], thePlan);
    await iris.push("setClientStatus", { clientId, status: "closed" });
    await iris.push("setClientStatus", { clientId, status: "active" });
    const reopened = new Replica().apply(await iris.pull()).of("clients", clientId)[0];
    expect(reopened).toMatchObject({ status: "active", closure: null });
    server.services.clock.advance((closingPeriodDays + 1) * dayMs);
    const device = new Replica().apply(await ldh.pull());
    expect(device.of("planDomains", clientId)).toHaveLength(1);
  });
});
