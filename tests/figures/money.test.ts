import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applied } from "../handover/helpers.ts";
import type { ApiClient } from "../support/api.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** Issue 16 (and 15, point 5): the flexbudget and the time-out stays in the figures, small amounts hidden. */
describe("the municipality's figures of money and stays", () => {
  let server: TestServer;
  let fatima: ApiClient;
  let karin: ApiClient;
  let nadia: ApiClient;
  let today: string;
  /** From the start of this year to the day the stay ends (which may be in the next). */
  let period: { from: string; to: string };

  const client = async () => {
    const id = `client-${randomUUID()}`;
    await applied(fatima.push("createClient", { id, alias: "Anouk", birthYear: 1990, epdClientId: null }));
    return id;
  };
  const spend = async (clientId: string, purpose: "clothing" | "food" | "transport", amountCents: number) =>
    applied(
      fatima.push("recordFlexExpense", {
        id: randomUUID(),
        clientId,
        day: today,
        amountCents,
        purpose,
        description: "",
        receiptReference: "bon",
        askApprovalOverBudget: false,
      }),
    );

  beforeAll(async () => {
    ({ server, fatima, karin, nadia } = await teamServer({ fatima: "org-iris", karin: ["org-iris", "coordinator"], nadia: ["org-iris", "policy"] }));
    today = server.services.clock.nowIso().slice(0, 10);
    const year = Number(today.slice(0, 4));
    await applied(
      karin.push("setFlexbudget", { year, holderOrganisationId: "org-iris", amountCents: 100_000, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` }),
    );
    await applied(karin.push("setTimeoutSettings", { year, holderOrganisationId: "org-iris", dayRateCents: 13_927, trajectoriesPerYear: 6 }));
    // Clothing for two women, food for five, transport for six (each of them 10 euro).
    for (let i = 0; i < 2; i++) await spend(await client(), "clothing", 1_000);
    for (let i = 0; i < 5; i++) await spend(await client(), "food", 1_000);
    for (let i = 0; i < 6; i++) await spend(await client(), "transport", 1_000);
    // One stay of three nights.
    const clientId = await client();
    const stayId = randomUUID();
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    period = { from: `${year}-01-01`, to: end };
    await applied(fatima.push("requestTimeoutStay", { id: stayId, clientId, reason: "Rust", proposedStart: today, proposedEnd: end }));
    await applied(karin.push("decideTimeoutStay", { id: randomUUID(), clientId, stayId, approved: true, note: "" }));
    await applied(fatima.push("startTimeoutStay", { id: randomUUID(), clientId, stayId, day: today, location: "Time-outhuis" }));
    await applied(fatima.push("endTimeoutStay", { id: randomUUID(), clientId, stayId, day: end }));
  }, 240_000);
  afterAll(() => server?.stop());

  it("shows the budget and what was spent by purpose, hiding clothing (two women) and food beside it", async () => {
    const figures = await nadia.trpc.figures.read.mutate(period);
    expect(figures.flexbudget).toEqual({
      budgetCents: 100_000,
      spent: {
        rows: [
          { key: "clothing", cents: "<5" },
          { key: "food", cents: "x" },
          { key: "shelter", cents: 0 },
          { key: "transport", cents: 6_000 },
          { key: "identity", cents: 0 },
          { key: "other", cents: 0 },
        ],
        total: 13_000,
      },
    });
  });

  it("hides the nights and cost of one woman's stay", async () => {
    const figures = await nadia.trpc.figures.read.mutate(period);
    expect(figures.timeout).toEqual({ trajectories: "<5", nights: "<5", costCents: "<5" });
  });
});
