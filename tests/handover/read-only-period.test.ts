import { randomUUID } from "node:crypto";
import { defaultReadOnlyDays } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";
import { handOverAndAcknowledge, synced } from "./helpers.ts";

const dayMs = 86_400_000;

/** This file moves the server's clock forward, so it has a server of its own. */
describe("after an acknowledged handover the sender's organisation reads for a while, then loses the client", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let marieke: ApiClient;
  let lotte: ApiClient;

  beforeAll(async () => {
    ({ server, fatima, marieke, lotte } = await teamServer({ fatima: "org-iris", marieke: "org-ldh", lotte: "org-ggd" }));
  });
  afterAll(() => server.stop());

  it(`keeps Iriszorg reading for ${defaultReadOnlyDays} days, purges it after, and leaves the GGD what its consent covers`, async () => {
    const clientId = await createClientWithPlan(fatima);
    // The consent covers LDH for the handover and the GGD for the housing plan, for a year.
    await grantConsent(fatima, clientId, ["org-ldh"], ["handovers", "housing"]);
    await grantConsent(fatima, clientId, ["org-ggd"], ["housing"]);
    await handOverAndAcknowledge(fatima, marieke, clientId, "marieke", "org-ldh");

    const atIriszorg = await synced(fatima);
    const [client] = atIriszorg.of("clients", clientId);
    expect(client).toMatchObject({ ownerOrganisationId: "org-ldh", responsibleUserId: "marieke" });
    const until = Date.parse(client?.formerOwners[0]?.readOnlyUntil ?? "");
    expect(until - Date.parse(client?.updatedAt ?? "")).toBe(defaultReadOnlyDays * dayMs);
    expect(atIriszorg.of("notes", clientId)).toHaveLength(1);
    expect(atIriszorg.of("agreements", clientId).map((a) => a.ownerUserId)).toEqual(["marieke"]);

    // A day before the end: still there, still read-only.
    server.services.clock.advance(until - Date.now() - dayMs);
    const response = await fatima.pull();
    expect(response.purges).toEqual([]);
    atIriszorg.apply(response);
    expect(atIriszorg.of("planDomains", clientId)).toHaveLength(1);
    const note = await fatima.push("addNote", { id: randomUUID(), clientId, text: "Nog iets", correctsNoteId: null });
    expect(note).toMatchObject({ status: "rejected", refusal: { code: "access.read-only" } });

    // Past the end: purged at the next pull, with nobody doing anything.
    server.services.clock.advance(dayMs + 1000);
    const purged = await fatima.pull();
    expect(purged.purges).toContainEqual({ clientId, categories: "all", hidden: { reason: "no-consent", since: null } });
    atIriszorg.apply(purged);
    expect([...atIriszorg.records.values()].filter((r) => r.clientId === clientId)).toEqual([]);
    const late = await fatima.push("addNote", { id: randomUUID(), clientId, text: "Te laat", correctsNoteId: null });
    expect(late).toMatchObject({ status: "rejected", refusal: { code: expect.stringMatching(/^access\.(no-consent|not-shared)$/) } });

    // The GGD's consent outlasts the period; LDH holds the client.
    const atGgd = await synced(lotte);
    expect(atGgd.of("planDomains", clientId)).toHaveLength(1);
    expect(atGgd.of("notes", clientId)).toEqual([]);
    const atLdh = await synced(marieke);
    expect(atLdh.of("clients", clientId)[0]).toMatchObject({ ownerOrganisationId: "org-ldh", responsibleUserId: "marieke" });
    expect(atLdh.of("notes", clientId)).toHaveLength(1);
  });
});
