import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

const due = "2026-12-15";

/** Issue 9, leak 1: an afspraak about a life domain is that domain's information too. */
describe("an afspraak tied to a life domain reaches only organisations that may see both afspraken and that domain", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;

  beforeAll(async () => {
    ({ server, ruben: iris, marieke: ldh } = await teamServer({ ruben: "org-iris", marieke: "org-ldh" }));
  });
  afterAll(() => server.stop());

  async function sandra() {
    const clientId = `client-${randomUUID()}`;
    const ok = async (p: Promise<{ status: string; reason?: string }>) => expect((await p).status).toBe("applied");
    await ok(iris.push("createClient", { id: clientId, alias: "Sandra", birthYear: 1985, epdClientId: null }));
    const add = (text: string, domain: "housing" | "mental_health" | null) =>
      ok(iris.push("addAgreement", { id: `a-${randomUUID()}`, clientId, domain, text, ownerUserId: iris.userId, dueDate: due }));
    await add("Gesprek met woonbegeleiding over de overlastmeldingen", "housing");
    await add("Verwijzing traumabehandeling bespreken met huisarts", "mental_health");
    await add("Samen naar het wijkteam", null);
    return clientId;
  }

  it("gives LDH, with consent for afspraken and housing, the housing afspraak and the one without a domain, never the mental-health one", async () => {
    const clientId = await sandra();
    await grantConsent(iris, clientId, ["org-ldh"], ["agreements", "housing"]);
    const device = new Replica().apply(await ldh.pull());
    expect(
      device
        .of("agreements", clientId)
        .map((a) => a.text)
        .sort(),
    ).toEqual(["Gesprek met woonbegeleiding over de overlastmeldingen", "Samen naar het wijkteam"]);
    // Nor does a later change bring it.
    const trauma = new Replica()
      .apply(await iris.pull())
      .of("agreements", clientId)
      .find((a) => a.domain === "mental_health");
    expect((await iris.push("setAgreementStatus", { clientId, agreementId: trauma?.id ?? "", status: "done" })).status).toBe("applied");
    const later = await ldh.pull();
    expect(JSON.stringify(later.puts)).not.toContain("traumabehandeling");
  });

  it("refuses LDH every write that would touch the mental-health afspraak, without telling it exists", async () => {
    const clientId = await sandra();
    await grantConsent(iris, clientId, ["org-ldh"], ["agreements", "housing"]);
    const trauma = new Replica()
      .apply(await iris.pull())
      .of("agreements", clientId)
      .find((a) => a.domain === "mental_health");
    const status = await ldh.push("setAgreementStatus", { clientId, agreementId: trauma?.id ?? "", status: "cancelled" });
    expect(status).toMatchObject({ status: "rejected", refusal: { code: "agreement.not-found" } });
    const added = await ldh.push("addAgreement", {
      id: `a-${randomUUID()}`,
      clientId,
      domain: "mental_health",
      text: "Mag niet",
      ownerUserId: ldh.userId,
      dueDate: due,
    });
    expect(added).toMatchObject({ status: "rejected", refusal: { code: "access.no-consent" } });
  });

  it("brings the mental-health afspraak once that domain is shared too, and purges it again when only that domain is withdrawn", async () => {
    const clientId = await sandra();
    await grantConsent(iris, clientId, ["org-ldh"], ["agreements", "housing"]);
    const device = new Replica().apply(await ldh.pull());
    device.apply(await ldh.pull());
    expect(device.of("agreements", clientId)).toHaveLength(2);

    const consentId = await grantConsent(iris, clientId, ["org-ldh"], ["mental_health"]);
    device.apply(await ldh.pull());
    expect(device.of("agreements", clientId)).toHaveLength(3);

    await iris.push("withdrawConsent", { id: randomUUID(), clientId, consentId, organisations: null, categories: null, reason: "Alleen wonen" });
    const response = await ldh.pull();
    expect(response.purges).toContainEqual({ clientId, categories: ["mental_health"], hidden: null });
    device.apply(response);
    expect(
      device
        .of("agreements", clientId)
        .map((a) => a.domain)
        .sort(),
    ).toEqual(["housing", null]);
  });

  it("audits a delivered afspraak under both categories it needs", async () => {
    const clientId = await sandra();
    await grantConsent(iris, clientId, ["org-ldh"], ["agreements", "housing"]);
    await ldh.pull();
    const rows = await server.services.db.query.auditLog.findMany();
    const delivery = rows.filter((r) => r.clientId === clientId && r.event === "pull.deliver" && r.userId === ldh.userId);
    expect(delivery).toHaveLength(1);
    expect(JSON.parse(delivery[0]?.categories ?? "[]").sort()).toEqual(["agreements", "client", "housing"]);
  });
});
