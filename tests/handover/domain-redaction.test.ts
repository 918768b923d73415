import { createClient } from "@libsql/client";
import type { MutationArgs } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";
import { applied, carryAll, handoverArgs, synced } from "./helpers.ts";

describe("a handover's life domains reach only those who may see them", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let ruben: ApiClient;
  let lotte: ApiClient;

  beforeAll(async () => {
    ({ server, fatima, ruben, lotte } = await teamServer({ fatima: "org-iris", ruben: "org-iris", lotte: "org-ggd" }));
  });
  afterAll(() => server.stop());

  /** Within Iriszorg, from Fatima to Ruben: her housing situation and her addiction care. */
  const toRubenWithAddiction = async (clientId: string, overrides: Partial<MutationArgs<"startHandover">> = {}) =>
    handoverArgs(clientId, {
      kind: "colleague",
      toUserId: "ruben",
      domains: [
        { domain: "housing", score: 2, situation: "Slaapt in de nachtopvang." },
        { domain: "addiction", score: 1, situation: "Gebruikt dagelijks; wil nog niet stoppen." },
      ],
      agreements: await carryAll(fatima, clientId, "ruben"),
      ...overrides,
    });

  it("gives an organisation with consent for handovers and housing the housing situation, not the addiction care", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ggd"], ["handovers", "housing"]);
    const args = await toRubenWithAddiction(clientId);
    await applied(fatima.push("startHandover", args));

    expect((await synced(ruben)).of("handovers", clientId)[0]?.domains.map((d) => d.domain)).toEqual(["housing", "addiction"]);
    const atGgd = (await synced(lotte)).of("handovers", clientId);
    expect(atGgd.map((h) => h.id)).toEqual([args.id]);
    expect(atGgd[0]?.domains.map((d) => d.domain)).toEqual(["housing"]);
    expect(JSON.stringify(atGgd)).not.toContain("dagelijks");

    const db = createClient({ url: server.databaseUrl });
    const { rows } = await db.execute({
      sql: "select categories from audit_log where event = 'pull.deliver' and user_id = 'lotte' and client_id = ?",
      args: [clientId],
    });
    db.close();
    const delivered = rows.flatMap((r) => JSON.parse(String(r.categories)) as string[]);
    expect(delivered).toContain("housing");
    expect(delivered).not.toContain("addiction");
  });

  it("gives the GGD the free text about housing, not the risks about her addiction nor the general note, which needs the whole plan", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ggd"], ["handovers", "housing"]);
    const args = handoverArgs(clientId, {
      kind: "colleague",
      toUserId: "ruben",
      risks: "Terugval in gebruik na het weekend.",
      whatWorks: "Samen de woningcorporatie bellen.",
      text: "Vertelde over haar jeugd en de breuk met haar vader.",
      sectionDomains: { risks: "addiction", whatWorks: "housing", text: null },
      agreements: await carryAll(fatima, clientId, "ruben"),
    });
    await applied(fatima.push("startHandover", args));

    expect((await synced(ruben)).of("handovers", clientId).find((h) => h.id === args.id)).toMatchObject({
      risks: args.risks,
      whatWorks: args.whatWorks,
      text: args.text,
    });
    const atGgd = (await synced(lotte)).of("handovers", clientId).find((h) => h.id === args.id);
    expect(atGgd).toMatchObject({ risks: "", whatWorks: "Samen de woningcorporatie bellen.", text: "" });
    expect(JSON.stringify(atGgd)).not.toMatch(/weekend|vader/);
  });

  /** Issue 10, finding 11: what becomes visible of a record arrives at the next pull, without a reset. */
  it("brings the addiction care into the GGD's copy of a handover at its next pull, once the client consents to it", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ggd"], ["handovers", "housing"]);
    const args = await toRubenWithAddiction(clientId, {
      risks: "Terugval in gebruik na het weekend.",
      sectionDomains: { risks: "addiction", whatWorks: "housing", text: "housing" },
    });
    await applied(fatima.push("startHandover", args));
    const device = await synced(lotte);
    const before = device.of("handovers", clientId).find((h) => h.id === args.id);
    expect(before?.domains.map((d) => d.domain)).toEqual(["housing"]);
    expect(before?.risks).toBe("");

    await grantConsent(fatima, clientId, ["org-ggd"], ["addiction"]);
    const response = await lotte.pull();
    // Not a reset: the device keeps its copy, and the pull brings the handover again, whole for her now.
    expect(response.reset).toBe(false);
    const after = device.apply(response).of("handovers", clientId);
    expect(after.map((h) => h.id)).toEqual([args.id]);
    expect(after[0]?.domains.map((d) => d.domain)).toEqual(["housing", "addiction"]);
    expect(after[0]?.risks).toBe("Terugval in gebruik na het weekend.");
  });

  it("takes a withdrawn life domain out of the handover a device keeps, as the extension does", async () => {
    const clientId = await createClientWithPlan(fatima);
    const consentId = await grantConsent(fatima, clientId, ["org-ggd"], ["handovers", "housing", "addiction"]);
    const args = await toRubenWithAddiction(clientId);
    await applied(fatima.push("startHandover", args));
    expect((await synced(lotte)).of("handovers", clientId)[0]?.domains.map((d) => d.domain)).toEqual(["housing", "addiction"]);

    await applied(
      fatima.push("withdrawConsent", {
        id: `w-${args.id}`,
        clientId,
        consentId,
        organisations: ["org-ggd"],
        categories: ["addiction"],
        reason: "Wil het niet meer",
      }),
    );
    const kept = (await synced(lotte)).of("handovers", clientId);
    expect(kept[0]?.domains.map((d) => d.domain)).toEqual(["housing"]);
    expect(JSON.stringify(kept)).not.toContain("dagelijks");
  });
});
