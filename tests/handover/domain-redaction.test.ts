import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { applied, carryAll, handoverArgs, synced } from "./helpers.ts";

describe("a handover's life domains reach only those who may see them", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let ruben: ApiClient;
  let lotte: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a", "Iriszorg");
    await server.addOrganisation("org-c", "GGD");
    fatima = await (await server.addUser("fatima", "org-a")).signIn();
    ruben = await (await server.addUser("ruben", "org-a")).signIn();
    lotte = await (await server.addUser("lotte", "org-c")).signIn();
  });
  afterAll(() => server.stop());

  it("gives an organisation with consent for handovers and housing the housing situation, not the addiction care", async () => {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-c"], ["handovers", "housing"]);
    // Within Iriszorg: from Fatima to Ruben, with her addiction care in it.
    const args = handoverArgs(clientId, {
      kind: "colleague",
      toUserId: "ruben",
      domains: [
        { domain: "housing", score: 2, situation: "Slaapt in de nachtopvang." },
        { domain: "addiction", score: 1, situation: "Gebruikt dagelijks; wil nog niet stoppen." },
      ],
      agreements: await carryAll(fatima, clientId, "ruben"),
    });
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
    await grantConsent(fatima, clientId, ["org-c"], ["handovers", "housing"]);
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
});
