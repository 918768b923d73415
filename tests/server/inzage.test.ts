import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOverAndAcknowledge } from "../handover/helpers.ts";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { refusalCode } from "../support/refusal-code.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** Issue 9, point 5: the inzage, from the audit log, over the real server. */
describe("inzage: who read or changed what of a client, when, and on which basis", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let marieke: ApiClient;
  let lotte: ApiClient;
  let policy: ApiClient;

  beforeAll(async () => {
    ({
      server,
      fatima,
      marieke,
      lotte,
      nadia: policy,
    } = await teamServer({ fatima: "org-iris", marieke: "org-ldh", lotte: "org-ggd", nadia: ["org-iris", "policy"] }));
  }, 60_000);
  afterAll(() => server.stop());

  it("lists a partner's read under the consent, the holder's changes, and the request itself, by name", async () => {
    const clientId = await createClientWithPlan(fatima);
    const consentId = await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "notes"]);
    await marieke.pull();

    const report = await fatima.trpc.rights.accessReport.mutate({ clientId });
    expect(report).toMatchObject({ clientId, alias: "Anouk", holderName: "Iriszorg" });
    const read = report.entries.find((e) => e.kind === "read" && e.organisationId === "org-ldh");
    expect(read).toMatchObject({ personName: "User marieke", organisationName: "Leger des Heils", basis: "consent", consentId, outcome: "ok" });
    expect(read?.categories).toEqual(expect.arrayContaining(["housing", "notes"]));
    expect(report.entries.find((e) => e.event === "addNote")).toMatchObject({ kind: "change", personName: "User fatima", basis: "holder" });
    // Nothing of the content: categories and names only.
    expect(JSON.stringify(report)).not.toContain("Vertrouwelijk gesprek");

    // Asking for it is audited before it is answered: each report shows its own request and those before it.
    const request = expect.objectContaining({ kind: "request", personName: "User fatima", basis: "holder", outcome: "ok" });
    expect(report.entries.filter((e) => e.event === "rights.accessReport")).toEqual([request]);
    const again = await fatima.trpc.rights.accessReport.mutate({ clientId });
    expect(again.entries.filter((e) => e.event === "rights.accessReport")).toEqual([request, request]);
  });

  it("is refused to everyone but the holder, by code, and the refusals show in the holder's report", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], thePlan);
    expect(await refusalCode(marieke.trpc.rights.accessReport.mutate({ clientId }))).toBe("access.holder-only");
    expect(await refusalCode(lotte.trpc.rights.accessReport.mutate({ clientId }))).toBe("access.not-shared");
    expect(await refusalCode(policy.trpc.rights.accessReport.mutate({ clientId }))).toBe("access.no-data-role");
    expect(await refusalCode(fatima.trpc.rights.accessReport.mutate({ clientId: "no-such-client" }))).toBe("client.not-found");
    const report = await fatima.trpc.rights.accessReport.mutate({ clientId });
    const denied = report.entries.filter((e) => e.event === "rights.accessReport" && e.outcome === "denied").map((e) => e.organisationName);
    expect(denied.sort()).toEqual(["GGD", "Iriszorg", "Leger des Heils"]);
    expect(report.entries.filter((e) => e.outcome === "denied").every((e) => e.basis === "none")).toBe(true);
  });

  it("names the read-only period after a handover as the basis of the former holder's reads", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "handovers", "agreements"]);
    await handOverAndAcknowledge(fatima, marieke, clientId, marieke.userId, "org-ldh");
    // The consent named only LDH: Iriszorg reads on because it handed her over.
    await fatima.pull();
    const report = await marieke.trpc.rights.accessReport.mutate({ clientId });
    expect(report.holderName).toBe("Leger des Heils");
    const lastIrisRead = report.entries.filter((e) => e.kind === "read" && e.organisationId === "org-iris").at(-1);
    expect(lastIrisRead).toMatchObject({ basis: "handover", personName: "User fatima" });
    expect(report.entries.find((e) => e.event === "createClient")).toMatchObject({ basis: "holder", organisationName: "Iriszorg" });
    expect(await refusalCode(fatima.trpc.rights.accessReport.mutate({ clientId }))).toBe("access.holder-only");
  });
});
