import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOverAndAcknowledge } from "../handover/helpers.ts";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/** Issue 9, point 8: what the client said when asked stays with the organisation that holds her. */
describe("a consent conversation, over the real server", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let fatimaLaptop: ApiClient;
  let marieke: ApiClient;
  let mariekeId: string;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-iris", "Iriszorg");
    await server.addOrganisation("org-ldh", "Leger des Heils");
    const fatimaUser = await server.addUser("fatima", "org-iris");
    fatima = await fatimaUser.signIn();
    fatimaLaptop = await fatimaUser.signIn();
    marieke = await (await server.addUser("marieke", "org-ldh")).signIn();
    mariekeId = marieke.userId;
  });
  afterAll(() => server.stop());

  const conversation = (clientId: string) => ({
    id: `conversation-${randomUUID()}`,
    clientId,
    askedOn: server.services.clock.nowIso().slice(0, 10),
    outcome: "not-yet" as const,
    clientWords: "Eerst wil ik weten wie het allemaal leest.",
    askAgainOn: new Date(server.services.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
  });

  it("reaches the holder's other devices and never another organisation, whatever that one may see", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "notes", "agreements", "handovers"]);
    const asked = conversation(clientId);
    expect(await fatima.push("recordConsentConversation", asked)).toEqual({ id: expect.any(String), status: "applied" });

    const laptop = new Replica().apply(await fatimaLaptop.pull());
    expect(laptop.of("consentConversations", clientId)).toEqual([expect.objectContaining({ ...asked, recordedBy: fatima.userId })]);
    const atLdh = new Replica().apply(await marieke.pull());
    expect(atLdh.of("planDomains", clientId)).toHaveLength(1);
    expect(atLdh.of("consentConversations", clientId)).toEqual([]);
    expect(JSON.stringify([...atLdh.records.values()])).not.toContain("wie het allemaal leest");
  });

  it("refuses the other organisation's own conversation, and a second one with the same id", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], thePlan);
    expect(await marieke.push("recordConsentConversation", conversation(clientId))).toMatchObject({
      status: "rejected",
      kind: "forbidden",
      refusal: { code: "access.holder-only" },
    });
    const asked = conversation(clientId);
    await fatima.push("recordConsentConversation", asked);
    expect(await fatima.push("recordConsentConversation", { ...asked, outcome: "refused" })).toMatchObject({
      status: "rejected",
      refusal: { code: "change.duplicate" },
    });
  });

  it("goes along to the organisation that takes the client over in a handover", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "handovers", "agreements"]);
    const asked = conversation(clientId);
    await fatima.push("recordConsentConversation", asked);
    const device = new Replica().apply(await marieke.pull());
    expect(device.of("consentConversations", clientId)).toEqual([]);

    await handOverAndAcknowledge(fatima, marieke, clientId, mariekeId, "org-ldh");
    device.apply(await marieke.pull());
    expect(device.of("clients", clientId)[0]?.ownerOrganisationId).toBe("org-ldh");
    expect(device.of("consentConversations", clientId).map((c) => c.clientWords)).toEqual([asked.clientWords]);
  });
});
