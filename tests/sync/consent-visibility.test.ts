import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

const hourMs = 3_600_000;

describe("what another organisation receives follows the client's consent", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;
  let ggd: ApiClient;

  beforeAll(async () => {
    ({ server, fatima: iris, marieke: ldh, lotte: ggd } = await teamServer({ fatima: "org-iris", marieke: "org-ldh", lotte: "org-ggd" }));
  });
  afterAll(() => server.stop());
  /** An end date one hour on by the server's clock, which the test moves past it. */
  const inAnHour = () => new Date(server.services.clock.now().getTime() + hourMs).toISOString();

  it("gives the other organisation nothing of a client without consent, then the plan but not the notes, then a purge on withdrawal", async () => {
    const device = new Replica();
    device.apply(await ldh.pull());
    const clientId = await createClientWithPlan(iris);

    device.apply(await ldh.pull());
    expect(device.of("clients")).toEqual([]);
    expect(device.of("planDomains")).toEqual([]);

    const consentId = await grantConsent(iris, clientId, ["org-ldh"], thePlan);
    device.apply(await ldh.pull());
    expect(device.of("clients").map((c) => c.alias)).toEqual(["Anouk"]);
    expect(device.of("planDomains", clientId).map((d) => d.situation)).toEqual(["Slaapt in de nachtopvang."]);
    expect(device.of("zrmScores", clientId).map((s) => s.score)).toEqual([2]);
    expect(device.of("notes", clientId)).toEqual([]);
    expect(device.of("agreements", clientId)).toEqual([]);

    // Edits after the consent arrive as ordinary changes.
    await iris.push("updatePlanDomain", { clientId, domain: "housing", goal: "Skaeve Huse" });
    device.apply(await ldh.pull());
    expect(device.of("planDomains", clientId)[0]?.goal).toBe("Skaeve Huse");

    await iris.push("withdrawConsent", { id: randomUUID(), clientId, consentId, organisations: null, categories: null, reason: "Cliënt trekt toestemming in" });
    const afterWithdrawal = await ldh.pull();
    expect(afterWithdrawal.purges).toContainEqual({ clientId, categories: "all", hidden: { reason: "withdrawn", since: expect.any(String) } });
    expect(afterWithdrawal.puts.filter((p) => JSON.stringify(p.data).includes(clientId))).toEqual([]);
    device.apply(afterWithdrawal);
    expect([...device.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });

  it("lets one organisation see exactly the one category it was given, and the third organisation nothing", async () => {
    const clientId = await createClientWithPlan(iris);
    const general = { id: randomUUID(), clientId, domain: null, text: "Samen naar het wijkteam", ownerUserId: iris.userId, dueDate: "2026-12-01" };
    expect((await iris.push("addAgreement", general)).status).toBe("applied");
    await grantConsent(iris, clientId, ["org-ldh"], ["agreements"]);
    const atLdh = new Replica().apply(await ldh.pull());
    const atGgd = new Replica().apply(await ggd.pull());
    // The fixture's "Aanvraag kamer" is about housing, which LDH was not given (see domain-consent.test.ts).
    expect(atLdh.of("agreements", clientId).map((a) => a.text)).toEqual(["Samen naar het wijkteam"]);
    expect(atLdh.of("planDomains", clientId)).toEqual([]);
    expect(atLdh.of("notes", clientId)).toEqual([]);
    expect([...atGgd.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });

  it("purges only the withdrawn category when a client withdraws one part of her consent", async () => {
    const clientId = await createClientWithPlan(iris);
    const consentId = await grantConsent(iris, clientId, ["org-ldh"], [...thePlan, "agreements"]);
    const device = new Replica().apply(await ldh.pull());
    device.apply(await ldh.pull());
    expect(device.of("agreements", clientId)).toHaveLength(1);
    await ldh.push("withdrawConsent", {
      id: randomUUID(),
      clientId,
      consentId,
      organisations: ["org-ldh"],
      categories: ["agreements"],
      reason: "Alleen het plan",
    });
    const response = await ldh.pull();
    expect(response.purges).toContainEqual({ clientId, categories: ["agreements"], hidden: null });
    device.apply(response);
    expect(device.of("agreements", clientId)).toEqual([]);
    expect(device.of("planDomains", clientId)).toHaveLength(1);
  });

  it("purges at the next pull once a consent has expired, with nobody doing anything", async () => {
    const clientId = await createClientWithPlan(iris);
    await grantConsent(iris, clientId, ["org-ggd"], thePlan, inAnHour());
    const device = new Replica().apply(await ggd.pull());
    device.apply(await ggd.pull());
    expect(device.of("planDomains", clientId)).toHaveLength(1);
    server.services.clock.advance(2 * hourMs); // the server's movable clock: no real-time window
    const response = await ggd.pull();
    expect(response.purges).toContainEqual({ clientId, categories: "all", hidden: { reason: "expired", since: expect.any(String) } });
    device.apply(response);
    expect([...device.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
  });

  it("refuses a write from an organisation without consent, and tells why", async () => {
    const clientId = await createClientWithPlan(iris);
    const result = await ggd.push("addNote", { id: randomUUID(), clientId, text: "Mag niet", correctsNoteId: null });
    expect(result.status).toBe("rejected");
    expect(result).toMatchObject({ kind: "forbidden", refusal: { code: "access.no-consent" } });
    const atOwner = new Replica().apply(await iris.pull());
    expect(atOwner.of("notes", clientId).map((n) => n.text)).not.toContain("Mag niet");
  });
});
