import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import type { MutationArgs } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** Issue 14: an opschaling reaches the procesregisseur on consent or the covenant, and nothing of the plan with it. */
describe("an escalation to the procesregisseur over real HTTP", () => {
  let server: TestServer;
  let iris: ApiClient;
  let ldh: ApiClient;
  let peter: ApiClient;
  let policy: ApiClient;

  beforeAll(async () => {
    ({ server, ruben: iris, marieke: ldh } = await teamServer({ ruben: "org-iris", marieke: "org-ldh" }));
    await server.addOrganisation("org-gemeente", "Gemeente Nijmegen", "municipality");
    peter = await (await server.addUser("peter", "org-gemeente", "procesregisseur")).signIn();
    policy = await (await server.addUser("mo", "org-gemeente", "policy")).signIn();
  }, 60_000);
  afterAll(() => server.stop());

  const escalation = (clientId: string, overrides: Partial<MutationArgs<"escalate">> = {}): MutationArgs<"escalate"> => ({
    id: `o-${randomUUID()}`,
    clientId,
    municipalityOrganisationId: "org-gemeente",
    domain: "housing",
    problem: "Geen passende woonplek",
    tried: "Nachtopvang, twee corporaties gebeld.",
    question: "Kan de gemeente voorrang regelen?",
    urgency: "high",
    basis: "covenant",
    covenantReason: "Acute dakloosheid; casus valt onder het ZVH-convenant.",
    fromAgreementId: null,
    ...overrides,
  });

  it("delivers the escalation on the covenant, without Gemeente consent, and no plan record to the procesregisseur's device", async () => {
    const clientId = await createClientWithPlan(iris);
    const args = escalation(clientId);
    expect(await iris.push("escalate", args)).toMatchObject({ status: "applied" });
    const device = new Replica().apply(await peter.pull());
    expect(device.of("clients", clientId)).toMatchObject([{ alias: "Anouk", birthYear: 1991, ownerOrganisationId: "org-iris" }]);
    expect(device.of("escalations", clientId)).toMatchObject([
      { id: args.id, status: "submitted", basis: { kind: "covenant" }, problem: "Geen passende woonplek" },
    ]);
    expect(device.of("escalationEvents", clientId).map((e) => e.type)).toEqual(["submitted"]);
    for (const collection of ["planDomains", "zrmScores", "notes", "agreements", "epdLinks"] as const) expect(device.of(collection, clientId)).toEqual([]);
    expect(JSON.stringify([...device.records.values()])).not.toContain("nachtopvang.");
  });

  it("brings the answer to the case manager's device after one pull, with the decisions as afspraken of the escalation", async () => {
    const clientId = await createClientWithPlan(iris);
    const args = escalation(clientId);
    await iris.push("escalate", args);
    const ruben = new Replica().apply(await iris.pull());
    expect(ruben.of("escalations", clientId)[0]?.status).toBe("submitted");
    new Replica().apply(await peter.pull());
    const step = { clientId, escalationId: args.id };
    expect(await peter.push("takeUpEscalation", step)).toMatchObject({ status: "applied" });
    const answered = await peter.push("answerEscalation", {
      ...step,
      outcome: "resolved",
      answer: "Met de corporatie afgesproken: voorrang op een kamer.",
      decisions: [
        { text: "Urgentieaanvraag indienen", agreementId: `a-${randomUUID()}`, ownerUserId: iris.userId, dueDate: "2026-12-20" },
        { text: "Corporatie terugbellen", agreementId: `a-${randomUUID()}`, ownerUserId: peter.userId, dueDate: "2026-12-10" },
      ],
    });
    expect(answered).toMatchObject({ status: "applied" });
    ruben.apply(await iris.pull());
    expect(ruben.of("escalations", clientId)[0]).toMatchObject({ status: "resolved", answer: "Met de corporatie afgesproken: voorrang op een kamer." });
    expect(
      ruben
        .of("agreements", clientId)
        .filter((a) => a.escalationId === args.id)
        .map((a) => a.text)
        .sort(),
    ).toEqual(["Corporatie terugbellen", "Urgentieaanvraag indienen"]);
    // Her own afspraak reaches the procesregisseur too; the plan's afspraak does not.
    const hers = new Replica().apply(await peter.pull());
    expect(
      hers
        .of("agreements", clientId)
        .map((a) => a.text)
        .sort(),
    ).toEqual(["Corporatie terugbellen", "Urgentieaanvraag indienen"]);
  });

  it("without consent or covenant the municipality never sees the client, not even as a count or a hidden link", async () => {
    const clientId = await createClientWithPlan(iris);
    const refused = await iris.push("escalate", escalation(clientId, { basis: "consent", covenantReason: "" }));
    expect(refused).toMatchObject({
      status: "rejected",
      refusal: { code: "escalation.no-consent", params: { client: "Anouk", organisation: "Gemeente Nijmegen" } },
    });
    for (const user of [peter, policy]) {
      const response = await user.pull();
      expect(JSON.stringify(response)).not.toContain(clientId);
      expect(
        new Replica()
          .apply(response)
          .of("escalations")
          .filter((e) => e.clientId === clientId),
      ).toEqual([]);
    }
  });

  it("on the client's consent for the Gemeente the escalation goes on that consent, still without the plan, audited under it", async () => {
    const clientId = await createClientWithPlan(iris);
    const consentId = await grantConsent(iris, clientId, ["org-gemeente"], ["agreements", "escalations"]);
    const args = escalation(clientId, { basis: "consent", covenantReason: "" });
    expect(await iris.push("escalate", args)).toMatchObject({ status: "applied" });
    const device = new Replica().apply(await peter.pull());
    expect(device.of("escalations", clientId)).toMatchObject([{ basis: { kind: "consent", consentId } }]);
    expect(device.of("planDomains", clientId)).toEqual([]);
    const rows = await server.services.db.query.auditLog.findMany();
    const delivered = rows.filter((r) => r.clientId === clientId && r.event === "pull.deliver" && r.userId === peter.userId);
    expect(delivered.map((r) => r.consentId)).toEqual([consentId]);
  });

  it("audits the covenant as the basis: the escalation's write and every delivery on it name covenant:<escalation>", async () => {
    const clientId = await createClientWithPlan(iris);
    const args = escalation(clientId);
    await iris.push("escalate", args);
    await peter.pull();
    const rows = (await server.services.db.query.auditLog.findMany()).filter((r) => r.clientId === clientId);
    expect(rows.find((r) => r.event === "escalate")).toMatchObject({ userId: iris.userId, consentId: `covenant:${args.id}`, outcome: "ok" });
    const delivery = rows.find((r) => r.event === "pull.deliver" && r.userId === peter.userId);
    expect(delivery).toMatchObject({ organisationId: "org-gemeente", consentId: `covenant:${args.id}` });
    expect(JSON.parse(delivery?.categories ?? "[]").sort()).toEqual(["client", "escalations"]);
  });

  it("refuses in codes: the covenant without a reason, another organisation's case manager, and the procesregisseur writing in the plan", async () => {
    const clientId = await createClientWithPlan(iris);
    expect(await iris.push("escalate", escalation(clientId, { covenantReason: "" }))).toMatchObject({
      status: "rejected",
      refusal: { code: "escalation.covenant-reason-missing" },
    });
    await grantConsent(iris, clientId, ["org-ldh"], ["housing", "agreements", "escalations"]);
    expect(await ldh.push("escalate", escalation(clientId))).toMatchObject({ status: "rejected", refusal: { code: "access.holder-only" } });
    await iris.push("escalate", escalation(clientId));
    expect(await peter.push("updatePlanDomain", { clientId, domain: "housing", situation: "Mag niet", goal: "" })).toMatchObject({
      status: "rejected",
      refusal: { code: "access.role" },
    });
    expect(await peter.push("addNote", { id: randomUUID(), clientId, text: "Mag niet", correctsNoteId: null })).toMatchObject({
      status: "rejected",
      refusal: { code: "access.no-consent" },
    });
  });

  it("ends the covenant basis a month after the answer: the client is then purged from the procesregisseur's device", async () => {
    const clientId = await createClientWithPlan(iris);
    const args = escalation(clientId);
    await iris.push("escalate", args);
    const device = new Replica().apply(await peter.pull());
    await peter.push("answerEscalation", { clientId, escalationId: args.id, outcome: "returned", answer: "Eerst de wachtlijst afwachten.", decisions: [] });
    device.apply(await peter.pull());
    expect(device.of("escalations", clientId)[0]?.status).toBe("returned");
    server.services.clock.advance(31 * 86_400_000);
    device.apply(await peter.pull());
    expect(device.of("clients", clientId)).toEqual([]);
    expect(device.of("escalations", clientId)).toEqual([]);
  });

  describe("the priority list (Prioriteit, zorgbehoefte)", () => {
    it("reaches the procesregisseur and the holder, never a partner that sees the client, nor one that does not; removing it reaches them too", async () => {
      const shared = await createClientWithPlan(iris);
      // LDH sees this client's whole plan and her escalations: still not the municipality's list.
      await grantConsent(iris, shared, ["org-ldh"], ["housing", "agreements", "notes", "escalations"]);
      const notShared = await createClientWithPlan(iris);
      for (const clientId of [shared, notShared]) expect(await iris.push("escalate", escalation(clientId))).toMatchObject({ status: "applied" });
      const ldhDevice = new Replica().apply(await ldh.pull());
      expect(ldhDevice.of("clients", shared)).toHaveLength(1);

      for (const clientId of [shared, notShared]) {
        expect(await peter.push("markPriority", { clientId, reason: "Slaapt buiten, zorgmijdend; verslechtert snel" })).toMatchObject({ status: "applied" });
      }
      const peterDevice = new Replica().apply(await peter.pull());
      expect(peterDevice.of("priorities").filter((p) => p.clientId === shared || p.clientId === notShared)).toHaveLength(2);
      const holder = new Replica().apply(await iris.pull());
      expect(holder.of("priorities", shared)).toMatchObject([
        { organisationId: "org-gemeente", reason: "Slaapt buiten, zorgmijdend; verslechtert snel", removedAt: null },
      ]);
      // The partner: not with the next pull, not on a fresh device, not as a word anywhere.
      ldhDevice.apply(await ldh.pull());
      const fresh = new Replica().apply(await (await server.addUser(`ldh-${randomUUID().slice(0, 6)}`, "org-ldh")).signIn().then((d) => d.pull()));
      for (const device of [ldhDevice, fresh]) {
        expect(device.of("priorities")).toEqual([]);
        expect(device.of("clients", notShared)).toEqual([]);
        expect(JSON.stringify([...device.records.values()])).not.toContain("zorgmijdend");
      }
      // Nor the municipality's policy officer: aggregate figures only.
      expect(new Replica().apply(await policy.pull()).of("priorities")).toEqual([]);

      expect(await peter.push("removePriority", { clientId: shared })).toMatchObject({ status: "applied" });
      holder.apply(await iris.pull());
      expect(holder.of("priorities", shared)[0]).toMatchObject({ removedBy: expect.any(String) });
      expect(new Replica().apply(await ldh.pull()).of("priorities")).toEqual([]);
    });

    it("is refused for a client she may not see, for anyone but the procesregisseur, and without a reason; each in words", async () => {
      const clientId = await createClientWithPlan(iris);
      expect(await peter.push("markPriority", { clientId, reason: "Zorgmijdend" })).toMatchObject({
        status: "rejected",
        refusal: { code: "access.no-consent" },
      });
      await iris.push("escalate", escalation(clientId));
      expect(await iris.push("markPriority", { clientId, reason: "Zorgmijdend" })).toMatchObject({ status: "rejected", refusal: { code: "access.role" } });
      expect(await peter.push("markPriority", { clientId, reason: "  " })).toMatchObject({ status: "rejected", refusal: { code: "priority.reason-missing" } });
      expect(await peter.push("removePriority", { clientId })).toMatchObject({ status: "rejected", refusal: { code: "priority.not-listed" } });
    });

    it("is audited as NEN 7513 asks: who, for which organisation, which client, on which basis (the covenant)", async () => {
      const clientId = await createClientWithPlan(iris);
      const args = escalation(clientId);
      await iris.push("escalate", args);
      expect(await peter.push("markPriority", { clientId, reason: "Zorgmijdend" })).toMatchObject({ status: "applied" });
      const db = createClient({ url: server.databaseUrl });
      const { rows } = await db.execute({
        sql: "select user_id, organisation_id, consent_id, outcome from audit_log where event = 'markPriority' and client_id = ?",
        args: [clientId],
      });
      db.close();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ user_id: peter.userId, organisation_id: "org-gemeente", consent_id: `covenant:${args.id}`, outcome: "ok" });
    });
  });
});
