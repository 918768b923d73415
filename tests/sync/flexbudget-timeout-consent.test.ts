import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/**
 * Issue 15, point 3: the flexbudget and the time-out live under their consent categories. Iriszorg
 * holds both; LDH may see the client's flexbudget and time-out, the GGD only her plan.
 */
describe("flexbudget and time-out over the real server, with and without their consent categories", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let joost: ApiClient;
  let marieke: ApiClient;
  let kees: ApiClient;
  let year: number;
  let today: string;
  const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    ({ server, fatima, joost, marieke, kees } = await teamServer({
      fatima: "org-iris",
      joost: ["org-iris", "coordinator"],
      marieke: "org-ldh",
      kees: "org-ggd",
    }));
    today = server.services.clock.nowIso().slice(0, 10);
    year = Number(today.slice(0, 4));
    const budget = await joost.push("setFlexbudget", {
      year,
      holderOrganisationId: "org-iris",
      amountCents: 100_000,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    });
    const rate = await joost.push("setTimeoutSettings", { year, holderOrganisationId: "org-iris", dayRateCents: 13_927, trajectoriesPerYear: 6 });
    expect([budget.status, rate.status]).toEqual(["applied", "applied"]);
  });
  afterAll(() => server.stop());

  /** What a fresh device of this user holds after one pull: everything she may see now. */
  const everything = async (device: ApiClient) => {
    device.cursor = null;
    return new Replica().apply(await device.pull());
  };

  const expense = (clientId: string, amountCents: number, description = "Slaapzak") => ({
    id: `expense-${randomUUID()}`,
    clientId,
    day: today,
    amountCents,
    purpose: "shelter" as const,
    description,
    receiptReference: "bon 17",
    askApprovalOverBudget: false,
  });

  /** Anouk, held by Iriszorg: LDH sees her flexbudget and time-out, the GGD only her plan. */
  async function anouk() {
    const clientId = await createClientWithPlan(fatima);
    await grantConsent(fatima, clientId, ["org-ldh"], [...thePlan, "flexbudget", "timeout"]);
    await grantConsent(fatima, clientId, ["org-ggd"], thePlan);
    return clientId;
  }

  it("an organisation without the flexbudget and time-out categories receives neither the entries nor their amounts", async () => {
    const clientId = await anouk();
    expect(await fatima.push("recordFlexExpense", expense(clientId, 4_321, "Winterjas maat 38"))).toMatchObject({ status: "applied" });
    const stayId = `stay-${randomUUID()}`;
    const request = { id: stayId, clientId, reason: "Rust na een zware week op de zone", proposedStart: inDays(1), proposedEnd: inDays(8) };
    expect(await marieke.push("requestTimeoutStay", request)).toMatchObject({ status: "applied" });
    expect(await joost.push("decideTimeoutStay", { id: `${stayId}-d`, clientId, stayId, approved: true, note: "" })).toMatchObject({ status: "applied" });

    const atLdh = await everything(marieke);
    expect(atLdh.of("flexbudgetEntries", clientId).map((e) => e.type === "expense" && e.amountCents)).toEqual([4_321]);
    expect(atLdh.of("timeoutEvents", clientId).map((e) => e.type)).toEqual(expect.arrayContaining(["requested", "decided"]));

    const atGgd = await everything(kees);
    expect(atGgd.of("planDomains", clientId)).toHaveLength(1);
    expect(atGgd.of("flexbudgetEntries", clientId)).toEqual([]);
    expect(atGgd.of("timeoutEvents", clientId)).toEqual([]);
    const everythingAtGgd = JSON.stringify([...atGgd.records.values()]);
    for (const secret of ["Winterjas", "4321", "zware week", stayId]) expect(everythingAtGgd).not.toContain(secret);
    // The GGD cannot write what it cannot see.
    expect(await kees.push("recordFlexExpense", expense(clientId, 500))).toMatchObject({
      status: "rejected",
      kind: "forbidden",
      refusal: { code: "access.no-consent" },
    });
  });

  it("the holder's totals are aggregate and reach only the holding organisation; a client not shared never appears there", async () => {
    // Bo is LDH's own client, shared with nobody; LDH spends for her from Iriszorg's budget.
    const bo = `client-${randomUUID()}`;
    expect(await marieke.push("createClient", { id: bo, alias: "Bo", birthYear: 1990, epdClientId: null })).toMatchObject({ status: "applied" });
    const before = (await everything(joost)).of("flexbudgetTotals")[0]?.spentCents ?? 0;
    expect(await marieke.push("recordFlexExpense", expense(bo, 2_500, "OV-dagkaart voor Bo"))).toMatchObject({ status: "applied" });

    const atIriszorg = await everything(joost);
    const [totals, ...more] = atIriszorg.of("flexbudgetTotals");
    expect(more).toEqual([]);
    expect(totals).toMatchObject({ year, holderOrganisationId: "org-iris" });
    expect(totals?.spentCents).toBe(before + 2_500);
    expect(Object.keys(totals ?? {}).sort()).toEqual(["awaitingCents", "byPurpose", "holderOrganisationId", "id", "spentCents", "year"]);
    const everythingAtIriszorg = JSON.stringify([...atIriszorg.records.values()]);
    expect(everythingAtIriszorg).not.toContain(bo);
    expect(everythingAtIriszorg).not.toContain("OV-dagkaart");
    expect(atIriszorg.of("timeoutTotals")).toHaveLength(1);

    // Another organisation sees the year's budget (a setting), never the holder's totals.
    for (const other of [marieke, kees]) {
      const device = await everything(other);
      expect(device.of("flexbudgets").map((b) => b.amountCents)).toEqual([100_000]);
      expect(device.of("flexbudgetTotals")).toEqual([]);
      expect(device.of("timeoutTotals")).toEqual([]);
    }
    expect(JSON.stringify([...(await everything(kees)).records.values()])).not.toContain(bo);
  });

  it("bad amounts and stays are refused with their codes over HTTP, and nothing is written", async () => {
    const clientId = await anouk();
    const totalsBefore = (await everything(joost)).of("flexbudgetTotals")[0];
    for (const [amountCents, code] of [
      [0, "money.not-positive"],
      [-100, "money.not-positive"],
      [1_000_001, "money.too-large"],
      [12.5, "money.not-whole-cents"],
    ] as const) {
      expect(await fatima.push("recordFlexExpense", expense(clientId, amountCents))).toMatchObject({ status: "rejected", kind: "invalid", refusal: { code } });
    }
    const stay = (proposedStart: string, proposedEnd: string) => ({ id: `stay-${randomUUID()}`, clientId, reason: "Rust", proposedStart, proposedEnd });
    expect(await fatima.push("requestTimeoutStay", stay(inDays(1), inDays(16)))).toMatchObject({
      refusal: { code: "timeout.too-long", params: { nights: 15 } },
    });
    expect(await fatima.push("requestTimeoutStay", stay(inDays(3), inDays(2)))).toMatchObject({ refusal: { code: "timeout.ends-before-start" } });
    expect(await fatima.push("requestTimeoutStay", stay(inDays(1), inDays(5)))).toMatchObject({ status: "applied" });
    expect(await fatima.push("requestTimeoutStay", stay(inDays(4), inDays(6)))).toMatchObject({ refusal: { code: "timeout.overlap" } });
    const device = await everything(fatima);
    expect(device.of("flexbudgetEntries", clientId)).toEqual([]);
    expect(device.of("timeoutEvents", clientId)).toHaveLength(1);
    expect((await everything(joost)).of("flexbudgetTotals")[0]).toEqual(totalsBefore);
  });

  it("an expense on a closed year, and a day rate that is no whole number of cents, are refused over HTTP with their codes, and nothing is written", async () => {
    const clientId = await anouk();
    const last = year - 1;
    const budget = { year: last, holderOrganisationId: "org-iris", amountCents: 100_000, periodStart: `${last}-01-01`, periodEnd: `${last}-12-31` };
    expect(await joost.push("setFlexbudget", budget)).toMatchObject({ status: "applied" });
    expect(await joost.push("closeFlexbudgetYear", { year: last, holderOrganisationId: "org-iris" })).toMatchObject({ status: "applied" });
    expect(await fatima.push("recordFlexExpense", { ...expense(clientId, 1_000), day: `${last}-06-01` })).toMatchObject({
      status: "rejected",
      refusal: { code: "flexbudget.year-closed", params: { year: last } },
    });
    const rate = { year, holderOrganisationId: "org-iris", trajectoriesPerYear: 6 };
    expect(await joost.push("setTimeoutSettings", { ...rate, dayRateCents: 139.27 })).toMatchObject({ refusal: { code: "money.not-whole-cents" } });
    expect(await joost.push("setTimeoutSettings", { ...rate, dayRateCents: 0 })).toMatchObject({ refusal: { code: "money.not-positive" } });
    expect(await joost.push("setTimeoutSettings", { ...rate, dayRateCents: 13_927, trajectoriesPerYear: 6.5 })).toMatchObject({
      refusal: { code: "timeout.trajectories-invalid" },
    });
    const device = await everything(joost);
    expect(device.of("flexbudgetEntries", clientId)).toEqual([]);
    expect(device.of("timeoutSettings").find((r) => r.year === year)).toMatchObject({ dayRateCents: 13_927, trajectoriesPerYear: 6 });
  });

  it("every write and every delivery of these entries is audited under its category", async () => {
    const clientId = await anouk();
    await fatima.push("recordFlexExpense", expense(clientId, 1_000));
    await marieke.pull();
    await kees.pull();
    const rows = (await server.services.db.query.auditLog.findMany()).filter((r) => r.clientId === clientId);
    const write = rows.find((r) => r.event === "recordFlexExpense");
    expect(write).toMatchObject({ userId: fatima.userId, organisationId: "org-iris", outcome: "ok" });
    expect(JSON.parse(write?.categories ?? "[]")).toEqual(["flexbudget"]);
    const delivered = (userId: string) =>
      rows.filter((r) => r.event === "pull.deliver" && r.userId === userId).flatMap((r) => JSON.parse(r.categories) as string[]);
    expect(delivered(marieke.userId)).toContain("flexbudget");
    expect(delivered(kees.userId)).not.toContain("flexbudget");
  });
});
