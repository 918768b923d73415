import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { expenseStates, remainingCents, spentInYear } from "./ledger.ts";

const { setFlexbudget, recordFlexExpense, reverseFlexExpense, decideOverBudgetExpense, closeFlexbudgetYear } = mutators;

/** Iriszorg holds the 2024 budget of €1,000; Anna shares her flexbudget with LDH. */
async function budget2024(): Promise<MemoryStore> {
  const store = await stapteam();
  await store.run(setFlexbudget, validArgs.setFlexbudget, acting("joost"));
  await shareWithLdh(store, ["flexbudget"]);
  return store;
}

const expense = (id: string, amountCents: number, overrides: Partial<typeof validArgs.recordFlexExpense> = {}) => ({
  ...validArgs.recordFlexExpense,
  id,
  amountCents,
  ...overrides,
});

const totals = (store: MemoryStore) => store.get("flexbudgetTotals", "flexbudget-totals:2024");

describe("the flexbudget ledger", () => {
  it("an expense within budget counts at once: besteed aan Anna and what is left of the holder's budget", async () => {
    const store = await budget2024();
    await store.run(recordFlexExpense, expense("e1", 4_995), acting("fatima"));
    await store.run(recordFlexExpense, expense("e2", 1_250, { purpose: "transport", description: "" }), acting("sanne", day(1)));
    expect(spentInYear(store.all("flexbudgetEntries"), 2024)).toBe(6_245);
    expect(totals(store)).toMatchObject({ spentCents: 6_245, awaitingCents: 0, byPurpose: { clothing: 4_995, transport: 1_250 } });
    const budget = store.get("flexbudgets", "flexbudget:2024");
    expect(budget && remainingCents(budget, { spentCents: 6_245 })).toBe(93_755);
    expect(store.get("flexbudgetEntries", "e2")).toMatchObject({ recordedBy: "sanne", recordedByOrganisationId: "ldh", needsApproval: false, year: 2024 });
  });

  it("amounts of zero or less, over €10,000, or in fractions of a cent are refused and nothing is written", async () => {
    const store = await budget2024();
    const before = store.snapshot();
    await expectRejected(store.run(recordFlexExpense, expense("e1", 0), acting("fatima")), "invalid", "money.not-positive");
    await expectRejected(store.run(recordFlexExpense, expense("e1", -500), acting("fatima")), "invalid", "money.not-positive");
    await expectRejected(store.run(recordFlexExpense, expense("e1", 1_000_001), acting("fatima")), "invalid", "money.too-large", { max: 1_000_000 });
    await expectRejected(store.run(recordFlexExpense, expense("e1", 12.5), acting("fatima")), "invalid", "money.not-whole-cents");
    await expectRejected(
      store.run(recordFlexExpense, expense("e1", 500, { purpose: "other", description: "" }), acting("fatima")),
      "invalid",
      "flexbudget.describe-other",
    );
    expect(store.snapshot()).toBe(before);
  });

  it("an expense over budget is refused unless the holder is asked; it waits, and counts only once Iriszorg's coordinator approves it", async () => {
    const store = await budget2024();
    await store.run(recordFlexExpense, expense("e1", 90_000), acting("fatima"));
    await expectRejected(store.run(recordFlexExpense, expense("e2", 20_000), acting("sanne")), "invalid", "flexbudget.over-budget", {
      year: 2024,
      holder: "Iriszorg",
    });
    await store.run(recordFlexExpense, expense("e2", 20_000, { askApprovalOverBudget: true }), acting("sanne"));
    expect(totals(store)).toMatchObject({ spentCents: 90_000, awaitingCents: 20_000 });
    expect(expenseStates(store.all("flexbudgetEntries")).find((s) => s.expense.id === "e2")?.status).toBe("awaiting-approval");
    // The approval is the holder's, a recorded second step: not the spender's, not another organisation's.
    await expectRejected(store.run(decideOverBudgetExpense, validArgs.decideOverBudgetExpense, acting("fatima")), "forbidden", "access.role");
    await store.run(decideOverBudgetExpense, validArgs.decideOverBudgetExpense, acting("joost", day(1)));
    expect(store.get("flexbudgetEntries", "e2-decision")).toMatchObject({ type: "decision", approved: true, recordedBy: "joost" });
    expect(totals(store)).toMatchObject({ spentCents: 110_000, awaitingCents: 0 });
    await expectRejected(
      store.run(decideOverBudgetExpense, { ...validArgs.decideOverBudgetExpense, id: "again" }, acting("joost")),
      "conflict",
      "flexbudget.not-awaiting",
    );
  });

  it("a declined over-budget expense never counts", async () => {
    const store = await budget2024();
    await store.run(recordFlexExpense, expense("e2", 200_000, { askApprovalOverBudget: true }), acting("fatima"));
    await store.run(decideOverBudgetExpense, { ...validArgs.decideOverBudgetExpense, approved: false, note: "Te duur" }, acting("joost"));
    expect(totals(store)).toMatchObject({ spentCents: 0, awaitingCents: 0 });
    expect(spentInYear(store.all("flexbudgetEntries"), 2024)).toBe(0);
  });

  it("another organisation's coordinator cannot approve, and an over-budget expense the holder cannot see is refused", async () => {
    const store = await stapteam();
    await store.run(setFlexbudget, { ...validArgs.setFlexbudget, amountCents: 1_000 }, acting("joost"));
    // Bo is LDH's client: without her consent for Iriszorg, Iriszorg cannot approve what it cannot see.
    await store.run(mutators.createClient, { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: null }, acting("sanne"));
    await expectRejected(
      store.run(recordFlexExpense, expense("e2", 5_000, { clientId: "bo", askApprovalOverBudget: true }), acting("sanne")),
      "invalid",
      "flexbudget.holder-cannot-see",
      { holder: "Iriszorg", client: "Bo" },
    );
    // Within budget, Bo's expense counts in Iriszorg's totals without Iriszorg seeing her.
    await store.run(recordFlexExpense, expense("e3", 500, { clientId: "bo" }), acting("sanne"));
    expect(totals(store)?.spentCents).toBe(500);
  });

  it("a correction is a storno, never an edit: the expense stays, reversed, and the totals go back", async () => {
    const store = await budget2024();
    await store.run(recordFlexExpense, expense("e1", 4_995), acting("fatima"));
    await expectRejected(store.run(recordFlexExpense, expense("e1", 5_995), acting("fatima")), "conflict", "change.duplicate");
    await store.run(reverseFlexExpense, validArgs.reverseFlexExpense, acting("fatima", day(1)));
    expect(store.get("flexbudgetEntries", "e1")).toMatchObject({ type: "expense", amountCents: 4_995 });
    expect(store.get("flexbudgetEntries", "e1-storno")).toMatchObject({ type: "storno", expenseId: "e1", amountCents: 4_995, reason: "Dubbel ingevoerd" });
    expect(expenseStates(store.all("flexbudgetEntries"))[0]?.status).toBe("reversed");
    expect(totals(store)).toMatchObject({ spentCents: 0, byPurpose: { clothing: 0 } });
    await expectRejected(
      store.run(reverseFlexExpense, { ...validArgs.reverseFlexExpense, id: "s2" }, acting("fatima")),
      "conflict",
      "flexbudget.already-reversed",
    );
  });

  it("a closed year, a year without a budget, or a day outside the budget's period takes no expense", async () => {
    const store = await budget2024();
    await store.run(setFlexbudget, { ...validArgs.setFlexbudget, periodStart: "2024-03-01" }, acting("joost"));
    await expectRejected(store.run(recordFlexExpense, expense("e1", 500, { day: "2024-02-01" }), acting("fatima")), "invalid", "flexbudget.outside-period");
    await expectRejected(store.run(recordFlexExpense, expense("e1", 500, { day: "2025-01-02" }), acting("fatima")), "invalid", "flexbudget.no-budget", {
      year: 2025,
    });
    await store.run(recordFlexExpense, expense("e1", 500), acting("fatima"));
    await store.run(closeFlexbudgetYear, validArgs.closeFlexbudgetYear, acting("joost", day(1)));
    const before = store.snapshot();
    await expectRejected(store.run(recordFlexExpense, expense("e2", 500), acting("fatima")), "invalid", "flexbudget.year-closed", { year: 2024 });
    await expectRejected(store.run(reverseFlexExpense, validArgs.reverseFlexExpense, acting("fatima")), "invalid", "flexbudget.year-closed");
    await expectRejected(store.run(setFlexbudget, validArgs.setFlexbudget, acting("joost")), "invalid", "flexbudget.year-closed");
    expect(store.snapshot()).toBe(before);
  });

  it("the budget's holder is fixed per year: another organisation cannot take it over", async () => {
    const store = await budget2024();
    const ldhCoordinator = { ...acting("sanne"), user: { id: "lotte", organisationId: "ldh", role: "coordinator" as const } };
    await expectRejected(
      store.run(setFlexbudget, { ...validArgs.setFlexbudget, holderOrganisationId: "ldh" }, ldhCoordinator),
      "forbidden",
      "flexbudget.held-by-other",
      {
        holder: "Iriszorg",
      },
    );
  });
});
