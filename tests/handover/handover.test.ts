import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { handoversAwaiting } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";
import { applied, carryAll, handoverArgs, handoverStates, synced } from "./helpers.ts";

describe("warm handover over the sync server", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let ruben: ApiClient;
  let marieke: ApiClient;
  let joost: ApiClient;
  let lotte: ApiClient;
  const mariekeUser = { id: "marieke", organisationId: "org-ldh", role: "casemanager" as const };

  beforeAll(async () => {
    ({ server, fatima, ruben, marieke, joost, lotte } = await teamServer({
      fatima: "org-iris",
      ruben: "org-iris",
      marieke: "org-ldh",
      joost: "org-ldh",
      lotte: "org-ggd",
    }));
  });
  afterAll(() => server.stop());

  it("refuses a handover to an organisation the consent does not cover, with a clear message, and stores nothing", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], ["housing", "agreements"]);
    const args = handoverArgs(clientId, { kind: "colleague", toUserId: "marieke", agreements: await carryAll(fatima, clientId, "marieke") });
    const result = await fatima.push("startHandover", args);
    expect(result).toMatchObject({
      status: "rejected",
      refusal: { code: "handover.consent-missing", params: { organisation: "Leger des Heils" } },
    });

    const atSender = await synced(fatima);
    expect(atSender.of("handovers", clientId)).toEqual([]);
    expect(atSender.of("clients", clientId)[0]).toMatchObject({ ownerOrganisationId: "org-iris", responsibleUserId: "fatima" });
    expect(atSender.of("agreements", clientId).map((a) => a.ownerUserId)).toEqual(["fatima"]);
    const atReceiver = await synced(marieke);
    expect(atReceiver.of("handovers", clientId)).toEqual([]);

    // With that consent recorded first, the same handover goes through.
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    await applied(fatima.push("startHandover", { ...args, id: `handover-${randomUUID()}` }));
  });

  it("moves responsibility and the open agreements on acknowledgement, after a question and its answer", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    const args = handoverArgs(clientId, { kind: "colleague", toUserId: "marieke", agreements: await carryAll(fatima, clientId, "marieke") });
    await applied(fatima.push("startHandover", args));

    // Marieke sees it waiting for her, with the client, before anything else of hers.
    const before = await synced(marieke);
    expect(handoversAwaiting(mariekeUser, before.of("handovers"), before.of("handoverEvents")).map((s) => s.handover.id)).toContain(args.id);
    expect(before.of("handovers", clientId)[0]).toMatchObject({ fromUserId: "fatima", fromOrganisationId: "org-iris", toOrganisationId: "org-ldh" });
    expect(before.of("agreements", clientId)).toEqual([]);
    // Of the plan, only what the consent gives her organisation (the handover's own domains included).
    expect(before.of("planDomains", clientId).map((d) => d.domain)).toEqual(["housing"]);

    await applied(marieke.push("replyToHandover", { id: randomUUID(), clientId, handoverId: args.id, text: "Weet ze dat ik het word?" }));
    await applied(fatima.push("replyToHandover", { id: randomUUID(), clientId, handoverId: args.id, text: "Ja, ik stel je dinsdag voor." }));
    const thread = await handoverStates(marieke, clientId);
    expect(thread[0]?.messages.map((m) => [m.by, m.text])).toEqual([
      ["marieke", "Weet ze dat ik het word?"],
      ["fatima", "Ja, ik stel je dinsdag voor."],
    ]);
    expect((await handoverStates(fatima, clientId))[0]?.messages).toHaveLength(2);

    await applied(marieke.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id }));
    const after = await synced(marieke);
    expect(after.of("clients", clientId)[0]).toMatchObject({ ownerOrganisationId: "org-ldh", responsibleUserId: "marieke", status: "active" });
    expect(after.of("agreements", clientId).map((a) => [a.ownerUserId, a.ownerOrganisationId, a.status])).toEqual([["marieke", "org-ldh", "open"]]);
    expect(after.of("planDomains", clientId).map((d) => d.situation)).toEqual(["Slaapt in de nachtopvang."]);
    expect(handoversAwaiting(mariekeUser, after.of("handovers"), after.of("handoverEvents")).map((s) => s.handover.id)).not.toContain(args.id);

    // The sender sees who acknowledged it and when, and reads, but no longer writes.
    const [state] = await handoverStates(fatima, clientId);
    expect(state).toMatchObject({ status: "acknowledged", outcome: { by: "marieke", byOrganisationId: "org-ldh" } });
    const atSender = await synced(fatima);
    expect(atSender.of("clients", clientId)[0]?.formerOwners).toEqual([{ organisationId: "org-iris", userId: "fatima", readOnlyUntil: expect.any(String) }]);
    const note = await fatima.push("addNote", { id: randomUUID(), clientId, text: "Nog even iets", correctsNoteId: null });
    expect(note).toMatchObject({ status: "rejected", refusal: { code: "access.read-only", params: { until: expect.any(String) } } });
    // Marieke's colleague writes as the holder now.
    await applied(joost.push("addNote", { id: randomUUID(), clientId, text: "Kennismaking gepland", correctsNoteId: null }));
  });

  it("lets only the receiver acknowledge: not another organisation, not the sender's side, not a colleague it was not addressed to", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh", "org-ggd"], ["handovers", "agreements", "housing"]);
    const args = handoverArgs(clientId, { kind: "colleague", toUserId: "marieke", agreements: await carryAll(fatima, clientId, "marieke") });
    await applied(fatima.push("startHandover", args));
    for (const [who, pattern] of [
      [lotte, "handover.receiver-only"],
      [fatima, "handover.receiver-only"],
      [ruben, "handover.receiver-only"],
      [joost, "handover.receiver-only"],
    ] as const) {
      const result = await who.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id });
      expect(result).toMatchObject({ status: "rejected", refusal: { code: pattern } });
    }
    const unchanged = await synced(fatima);
    expect(unchanged.of("clients", clientId)[0]).toMatchObject({ ownerOrganisationId: "org-iris", responsibleUserId: "fatima" });
    expect((await handoverStates(fatima, clientId))[0]?.status).toBe("open");
    await applied(marieke.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id }));
    const again = await marieke.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: args.id });
    expect(again).toMatchObject({ status: "rejected", refusal: { code: "handover.not-open", params: { status: "acknowledged" } } });
  });

  it("keeps one open handover per client; a correction supersedes it and is the one to acknowledge", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    const first = handoverArgs(clientId, { toOrganisationId: "org-ldh", agreements: await carryAll(fatima, clientId, "marieke") });
    await applied(fatima.push("startHandover", first));
    const second = await fatima.push("startHandover", { ...first, id: `handover-${randomUUID()}` });
    expect(second).toMatchObject({ status: "rejected", refusal: { code: "handover.open-exists" } });

    const correction = { ...first, id: `handover-${randomUUID()}`, risks: "Ook: schulden bij de dealer.", correctsHandoverId: first.id };
    await applied(ruben.push("startHandover", correction));
    const states = await handoverStates(joost, clientId);
    expect(states.map((s) => [s.handover.id, s.status])).toEqual([
      [correction.id, "open"],
      [first.id, "superseded"],
    ]);
    // Anyone of LDH may take a handover addressed to LDH.
    const stale = await joost.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: first.id });
    expect(stale).toMatchObject({ status: "rejected", refusal: { code: "handover.not-open", params: { status: "superseded" } } });
    await applied(joost.push("acknowledgeHandover", { id: randomUUID(), clientId, handoverId: correction.id }));
    const after = await synced(joost);
    expect(after.of("clients", clientId)[0]).toMatchObject({ ownerOrganisationId: "org-ldh", responsibleUserId: "joost" });
  });

  it("moves nothing when the receiver declines; the sender sees by whom, when and why, and may write a new one", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    const args = handoverArgs(clientId, { kind: "colleague", toUserId: "marieke", agreements: await carryAll(fatima, clientId, "marieke") });
    await applied(fatima.push("startHandover", args));
    const before = await synced(fatima);
    const [clientBefore, agreementsBefore] = [before.of("clients", clientId), before.of("agreements", clientId)];
    await applied(marieke.push("declineHandover", { id: randomUUID(), clientId, handoverId: args.id, reason: "Mijn caseload is vol." }));
    const after = await synced(fatima);
    expect(after.of("clients", clientId)).toEqual(clientBefore);
    expect(after.of("agreements", clientId)).toEqual(agreementsBefore);
    const [state] = await handoverStates(fatima, clientId);
    expect(state).toMatchObject({ status: "declined", outcome: { by: "marieke", reason: "Mijn caseload is vol.", at: expect.any(String) } });
    await applied(fatima.push("startHandover", { ...args, id: `handover-${randomUUID()}`, toUserId: "joost" }));
  });

  it("records an export package, which the team sees and the audit log lists with what it held", async () => {
    const clientId = await createClientWithPlan(fatima);
    const args = handoverArgs(clientId, {
      kind: "other-municipality",
      toExternal: "Gemeente Arnhem",
      agreements: (await carryAll(fatima, clientId, "fatima")).map((a) => ({ agreementId: a.agreementId, action: "done" as const })),
    });
    await applied(fatima.push("startHandover", args));
    const exportId = randomUUID();
    await applied(
      fatima.push("recordHandoverExport", {
        id: exportId,
        clientId,
        handoverId: args.id,
        formats: ["pdf", "fhir"],
        categories: ["handovers", "housing", "agreements"],
      }),
    );
    const atRuben = await synced(ruben);
    expect(atRuben.of("handoverExports", clientId)).toEqual([
      { id: exportId, clientId, handoverId: args.id, formats: ["pdf", "fhir"], exportedAt: expect.any(String), exportedBy: "fatima" },
    ]);
    expect(atRuben.of("clients", clientId)[0]?.status).toBe("closed");
    expect(atRuben.of("agreements", clientId).map((a) => a.status)).toEqual(["done"]);

    const db = createClient({ url: server.databaseUrl });
    const { rows } = await db.execute({
      sql: "select event, user_id, organisation_id, categories, outcome from audit_log where client_id = ? and event like '%Handover%' order by seq",
      args: [clientId],
    });
    db.close();
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { event: "startHandover", user_id: "fatima", organisation_id: "org-iris", categories: JSON.stringify(["agreements", "handovers"]), outcome: "ok" },
      {
        event: "recordHandoverExport",
        user_id: "fatima",
        organisation_id: "org-iris",
        categories: JSON.stringify(["agreements", "handovers", "housing"]),
        outcome: "ok",
      },
    ]);
  });
});
