import { type ClientRecords, clientRow, defaultOverviewSettings, toDo } from "@naast/shared";
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
    const clients: ClientRecords[] = device.of("clients").map((client) => ({
      client,
      consentEvents: device.of("consentEvents", client.id),
      agreements: device.of("agreements", client.id),
      notes: device.of("notes", client.id),
      handovers: device.of("handovers", client.id),
      handoverEvents: device.of("handoverEvents", client.id),
    }));
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
});
