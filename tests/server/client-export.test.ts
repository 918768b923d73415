import { randomUUID } from "node:crypto";
import { clientExportSchema } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { refusalCode } from "../support/refusal-code.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** Issue 9, point 6: everything Naast holds about a client, for her holder, over the real server. */
describe("export of all of a client's data (AVG art. 15/20)", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let marieke: ApiClient;

  beforeAll(async () => {
    ({ server, fatima, marieke } = await teamServer({ fatima: "org-iris", marieke: "org-ldh" }));
  }, 60_000);
  afterAll(() => server.stop());

  it("gives the holder every record with her id, whoever wrote it, and the access log, as JSON; audited", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "notes", "agreements"]);
    await fatima.push("recordConsentConversation", {
      id: randomUUID(),
      clientId,
      askedOn: server.services.clock.nowIso().slice(0, 10),
      outcome: "partly",
      clientWords: "Alleen over wonen.",
      askAgainOn: null,
    });
    await marieke.push("linkEpdRecord", { clientId, epdClientId: "LDH-3141" });
    await marieke.push("addNote", { id: randomUUID(), clientId, text: "Gesproken bij de inloop.", correctsNoteId: null });
    await marieke.pull();

    const exported = clientExportSchema.parse(await fatima.trpc.rights.export.mutate({ clientId }));
    expect(exported).toMatchObject({ format: "naast-client-export/1", clientId, alias: "Anouk", holderName: "Iriszorg" });
    expect(Object.keys(exported.records).sort()).toEqual(
      expect.arrayContaining(["agreements", "clients", "consentConversations", "consentEvents", "epdLinks", "notes", "planDomains", "zrmScores"]),
    );
    expect(exported.records.notes?.map((n) => n.text)).toEqual(["Vertrouwelijk gesprek op straat.", "Gesproken bij de inloop."]);
    expect(exported.records.epdLinks?.map((l) => l.epdClientId)).toContain("LDH-3141");
    expect(exported.records.consentConversations?.[0]).toMatchObject({ outcome: "partly", clientWords: "Alleen over wonen." });
    expect(exported.accessLog.some((e) => e.kind === "read" && e.organisationName === "Leger des Heils" && e.basis === "consent")).toBe(true);
    // The export itself is in the access log, as a request by the holder.
    expect(exported.accessLog.filter((e) => e.event === "rights.export")).toEqual([expect.objectContaining({ personName: "User fatima", outcome: "ok" })]);
    // Nothing of another client.
    const other = await createClientWithPlan(fatima, `client-other-${randomUUID()}`);
    expect(JSON.stringify(exported)).not.toContain(other);
  });

  it("is refused to a partner who may read her whole file, and the refusal is audited", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "notes", "agreements", "handovers"]);
    expect(await refusalCode(marieke.trpc.rights.export.mutate({ clientId }))).toBe("access.holder-only");
    const exported = await fatima.trpc.rights.export.mutate({ clientId });
    expect(exported.accessLog.filter((e) => e.event === "rights.export").map((e) => [e.organisationName, e.outcome])).toEqual([
      ["Leger des Heils", "denied"],
      ["Iriszorg", "ok"],
    ]);
  });
});
