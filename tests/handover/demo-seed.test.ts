import { clientRow, defaultOverviewSettings, deriveStays, handoversAwaiting, remainingCents, type SessionUser, toDo } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { seedDemo } from "../../server/src/demo/seed.ts";
import { waitingHandovers } from "../../server/src/demo/waiting.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const portals = { ggd: "http://127.0.0.1:1", iriszorg: "http://127.0.0.1:2", ldh: "http://127.0.0.1:3" };

describe("the demo seed", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedDemo(server.services, portals);
  });
  afterAll(() => server.stop());

  async function awaiting(email: string, user: SessionUser) {
    const device = new Replica().apply(await (await signIn(server.url, email, demoPassword)).pull());
    return { device, waiting: handoversAwaiting(user, device.of("handovers"), device.of("handoverEvents")) };
  }

  /** What the overview of this user's device shows, from one pull. */
  async function overview(email: string, user: SessionUser) {
    const device = new Replica().apply(await (await signIn(server.url, email, demoPassword)).pull());
    const now = new Date().toISOString();
    const clients = device.overviews();
    return {
      rows: clients.map((c) => clientRow(c, now)),
      items: toDo(clients, { user, now, settings: defaultOverviewSettings }),
    };
  }

  it("shows each part of the overview (issue 13): no contact for three weeks, an overdue afspraak, a consent ending in ten days, a monitoring client", async () => {
    const marieke = await overview("marieke@ldh.demo", { id: "u-marieke", organisationId: "org-ldh", role: "casemanager" });
    expect(marieke.items).toContainEqual(expect.objectContaining({ source: "no-contact", clientId: "client-jolanda" }));
    expect(marieke.rows.find((r) => r.clientId === "client-jolanda")?.daysSinceContact).toBe(21);
    expect(marieke.items).toContainEqual(expect.objectContaining({ source: "agreement-overdue", clientId: "client-anouk" }));
    const chantal = marieke.items.find((i) => i.source === "consent-ending" && i.clientId === "client-chantal");
    expect(Math.round((Date.parse(chantal?.day ?? "") - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(9);
    expect(Math.round((Date.parse(chantal?.day ?? "") - Date.now()) / 86_400_000)).toBeLessThanOrEqual(10);
    const peter = await overview("peter@gemeente.demo", { id: "u-peter", organisationId: "org-gemeente", role: "procesregisseur" });
    expect(peter.rows.filter((r) => r.status === "monitoring").map((r) => [r.alias, r.responsibleUserId])).toEqual([["Esther", "u-peter"]]);
  });

  it("has one handover waiting for Ruben (Iriszorg): Chantal's, from Marieke, with all her open agreements", async () => {
    const { device, waiting } = await awaiting("ruben@iriszorg.demo", { id: "u-ruben", organisationId: "org-iriszorg", role: "casemanager" });
    expect(waiting.map((s) => [s.handover.clientId, s.handover.fromUserId])).toEqual([["client-chantal", "u-marieke"]]);
    const open = device.of("agreements", "client-chantal").filter((a) => a.status === "open");
    expect(waiting[0]?.handover.agreements.map((a) => a.agreementId).sort()).toEqual(open.map((a) => a.id).sort());
  });

  it("leaves Fatima's count empty and Sandra without a handover, for the panel tests that write their own", async () => {
    const { device, waiting } = await awaiting("fatima@iriszorg.demo", { id: "u-fatima", organisationId: "org-iriszorg", role: "casemanager" });
    expect(waiting).toEqual([]);
    expect(device.of("handovers").map((h) => h.clientId)).toEqual(["client-chantal"]);
  });

  it("gives Iriszorg Sandra's afspraak about housing but not the one about her trauma, which her consent for Iriszorg leaves out", async () => {
    const { device } = await awaiting("ruben@iriszorg.demo", { id: "u-ruben", organisationId: "org-iriszorg", role: "casemanager" });
    const texts = device.of("agreements", "client-sandra").map((a) => a.text);
    expect(texts).toContain("Gesprek met woonbegeleiding over de overlastmeldingen");
    expect(texts.some((t) => t.includes("traumabehandeling"))).toBe(false);
  });

  it("gives the procesregisseur one open and one answered escalation, on the covenant, and nothing of those clients' plans", async () => {
    const { device } = await awaiting("peter@gemeente.demo", { id: "u-peter", organisationId: "org-gemeente", role: "procesregisseur" });
    expect(
      device
        .of("escalations")
        .map((e) => [e.clientId, e.status, e.basis.kind])
        .sort(),
    ).toEqual([
      ["client-anouk", "submitted", "covenant"],
      ["client-sandra", "returned", "covenant"],
    ]);
    // Of Anouk and Sandra nothing but the escalations; Esther he holds himself, in monitoring.
    const escalated = new Set(["client-anouk", "client-sandra"]);
    expect(device.of("planDomains").filter((p) => escalated.has(p.clientId))).toEqual([]);
    expect(
      device
        .of("agreements")
        .filter((a) => escalated.has(a.clientId))
        .map((a) => a.escalationId),
    ).toEqual(["escalation-sandra"]);
  });

  it("holds Iriszorg's 2024 flexbudget with a few expenses, and two time-out stays of 2024, one still ongoing", async () => {
    const { device } = await awaiting("ingrid@iriszorg.demo", { id: "u-ingrid", organisationId: "org-iriszorg", role: "coordinator" });
    const budget = device.of("flexbudgets").find((b) => b.year === 2024);
    const totals = device.of("flexbudgetTotals").find((b) => b.year === 2024);
    expect(budget?.amountCents).toBe(100_000);
    expect(budget && totals && remainingCents(budget, totals)).toBe(100_000 - 4_995 - 3_450 - 1_280);
    const stays = deriveStays(device.of("timeoutEvents"));
    expect(stays.map((s) => [s.clientId, s.status])).toEqual([
      ["client-anouk", "ended"],
      ["client-priscilla", "ongoing"],
    ]);
    expect(device.of("timeoutTotals").find((t) => t.year === 2024)).toMatchObject({ trajectories: 2, nights: 10, costCents: 10 * 13_927 });
  });

  it("tells a story in order: an ended consent was recorded when it began, and the contacts lie in the past, newest first", async () => {
    const { device } = await awaiting("fatima@iriszorg.demo", { id: "u-fatima", organisationId: "org-iriszorg", role: "casemanager" });
    const now = Date.now();
    for (const event of device.of("consentEvents").filter((e) => e.type === "recorded")) {
      expect(Date.parse(event.recordedAt), event.consentId).toBeLessThanOrEqual(Math.max(Date.parse(event.validFrom), now));
      expect(Date.parse(event.recordedAt), event.consentId).toBeLessThan(Date.parse(event.validUntil));
    }
    const monique = device.of("consentEvents", "client-monique").find((e) => e.type === "recorded");
    expect(Date.parse(monique?.type === "recorded" ? monique.recordedAt : "")).toBeLessThan(now - 300 * 86_400_000);
    const client = device.of("clients").find((c) => c.id === "client-monique");
    expect(Date.parse(client?.createdAt ?? "")).toBeLessThanOrEqual(Date.parse(monique?.type === "recorded" ? monique.recordedAt : ""));
    const contacts = device.of("notes", "client-anouk").map((n) => Date.parse(n.contactAt ?? ""));
    expect(contacts.length).toBeGreaterThan(1);
    for (const at of contacts) expect(at).toBeLessThan(now - 86_400_000);
  });

  it("derives the start-up hint from the data: the open handover addressed to Ruben, by her roepnaam", async () => {
    expect(await waitingHandovers(server.services.db)).toEqual([{ email: "ruben@iriszorg.demo", alias: "Chantal" }]);
    const ruben = await signIn(server.url, "ruben@iriszorg.demo", demoPassword);
    await ruben.push("declineHandover", { id: "decline-chantal", clientId: "client-chantal", handoverId: "handover-chantal-1", reason: "Niet nu" });
    expect(await waitingHandovers(server.services.db)).toEqual([]);
  });
});
