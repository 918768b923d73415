import { type ClientRecords, clientList, clientRow, currentContacts, defaultOverviewSettings, overviewOf, toDo } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { seedDemo } from "../../server/src/demo/seed.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const portals = { ggd: "http://127.0.0.1:1", iriszorg: "http://127.0.0.1:2", ldh: "http://127.0.0.1:3" };
const dayMs = 86_400_000;

/**
 * The demo is told relative to the server's clock when it is seeded, not the wall clock: on a
 * server whose clock runs 400 days ahead (as a test moves it), Marieke's overview still shows
 * Chantal's consent ending in ten days, Jolanda unseen for three weeks and an overdue afspraak.
 */
describe("the demo seed on a server whose clock was moved ahead", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    server.services.clock.advance(400 * dayMs);
    await seedDemo(server.services, portals);
  });
  afterAll(() => server?.stop());

  it("shows the overview's story relative to the server's now", async () => {
    const now = server.services.clock.nowIso();
    const device = new Replica().apply(await (await signIn(server.url, "marieke@ldh.demo", demoPassword)).pull());
    const clients = device.overviews();
    const items = toDo(clients, { user: { id: "u-marieke", organisationId: "org-ldh", role: "casemanager" }, now, settings: defaultOverviewSettings });
    const rows = clients.map((c) => clientRow(c, now));

    expect(rows.find((r) => r.alias === "Jolanda")?.daysSinceContact).toBe(21);
    const chantal = items.find((i) => i.source === "consent-ending" && i.clientId === "client-chantal");
    const daysLeft = Math.round((Date.parse(chantal?.day ?? "") - Date.parse(now)) / dayMs);
    expect(daysLeft).toBeGreaterThanOrEqual(9);
    expect(daysLeft).toBeLessThanOrEqual(10);
    expect(items).toContainEqual(
      expect.objectContaining({ source: "agreement-overdue", clientId: "client-anouk", about: "Budgetbeheer aanvragen bij Plangroep" }),
    );
    // Anouk's consent began 30 days before the server's now: in force, not "ended a year ago".
    expect(rows.find((r) => r.alias === "Anouk")?.consentEndsAt).not.toBeNull();
  });

  it("shows the other points too: a closed client with her reason and history, contacts of several kinds, an afspraak of the ervaringsdeskundige", async () => {
    const now = server.services.clock.nowIso();
    const device = new Replica().apply(await (await signIn(server.url, "marieke@ldh.demo", demoPassword)).pull());
    const records = (clientId: string): ClientRecords => {
      const held = device.clientRecords(clientId);
      if (!held) throw new Error(`${clientId} is not on Marieke's device`);
      return held;
    };
    const marieke = { id: "u-marieke" };
    const rows = device.of("clients").map((c) => clientRow(overviewOf(records(c.id)), now));
    // Gesloten: Linda, moved to Arnhem ten days ago; not among her own or the team's active clients.
    expect(clientList(rows, "closed", "", marieke).map((r) => r.alias)).toEqual(["Linda"]);
    expect(clientList(rows, "mine", "", marieke).map((r) => r.alias)).not.toContain("Linda");
    const linda = records("client-linda");
    expect(linda.client.closure).toMatchObject({ reason: "moved" });
    expect(Math.round((Date.parse(now) - Date.parse(linda.client.closure?.closedAt ?? "")) / dayMs)).toBe(10);
    expect(linda.agreements).toEqual([
      expect.objectContaining({ status: "cancelled", cancelReason: "Linda woont nu in Arnhem; de hulp daar neemt het over." }),
    ]);
    expect(currentContacts(linda.notes).map((c) => [c.type, c.noShow])).toEqual([
      ["phone", false],
      ["drop_in", true],
      ["drop_in", false],
    ]);
    // The no-show of 25 days ago is not her last contact: the call of 14 days ago is.
    expect(clientRow(overviewOf(linda), now).daysSinceContact).toBe(14);
    expect(
      device
        .of("zrmScores", "client-linda")
        .map((s) => s.score)
        .sort(),
    ).toEqual([1, 3]);
    // Nothing of a closed client is in Te doen.
    const items = toDo([overviewOf(linda)], {
      user: { id: "u-marieke", organisationId: "org-ldh", role: "casemanager" },
      now,
      settings: defaultOverviewSettings,
    });
    expect(items).toEqual([]);

    expect(
      records("client-jolanda")
        .agreements.filter((a) => a.status === "open")
        .map((a) => a.ownerUserId),
    ).toContain("u-sanne");
    expect(currentContacts(records("client-anouk").notes).map((c) => c.type)).toEqual(["drop_in", "with_peer"]);
  });
});
