import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** Issue 15: an expense recorded offline reaches the budget holder, whose remaining budget drops. */
describe("the flexbudget in the panel", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let ingrid: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
  });
  afterAll(async () => {
    await fatima?.close();
    await ingrid?.close();
    await stack?.stop();
  }, 120_000);

  it("an expense recorded offline is sent when the network returns, and the budget holder sees what is left drop", async () => {
    ingrid = await caseManagerBrowser("ingrid@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    // The seed spent € 22,50 of this year's € 1.000,00.
    await expect.poll(() => ingrid.panel.getByTestId("budget-left").textContent(), { timeout: 20_000 }).toContain("977,50");

    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    const { panel, context } = fatima;
    await expect.poll(() => panel.getByTestId("spent-on-client").textContent(), { timeout: 20_000 }).toContain("22,50");
    // The flexbudget is folded under "Meer", off the short Tab path.
    await panel.getByTestId("more-sections").locator("summary").click();
    await context.setOffline(true);
    const form = panel.getByTestId("expense-form");
    await form.locator("input[name=expense-amount]").fill("25,00");
    await form.locator("select[name=expense-purpose]").selectOption("food");
    await form.locator("input[name=expense-description]").fill("Warme maaltijd");
    await form.locator("button[type=submit]").click();
    await expect.poll(() => panel.getByTestId("spent-on-client").textContent()).toContain("47,50");
    await expect.poll(() => panel.getByTestId("pending-count").textContent()).toContain("1");

    await context.setOffline(false);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => ingrid.panel.getByTestId("budget-left").textContent(), { timeout: 20_000 }).toContain("952,50");
    expect(await ingrid.panel.getByTestId("budget-left").textContent()).toContain("1.000,00");

    // Her history (point 4): the seed's ended stay of May 2024 and every expense counted for her,
    // today's first; the ongoing stay of another client is not hers and nothing is pending.
    const history = panel.getByTestId("history");
    await expect.poll(() => history.getByTestId("history-expense").count()).toBe(4);
    expect(await history.getByTestId("history-expense").first().textContent()).toContain("25,00");
    expect(await history.getByTestId("history-stay").count()).toBe(1);
    expect(await history.getByTestId("history-stay").textContent()).toContain("10 nachten");
  }, 120_000);

  it("the holder's coordinator raises the year's budget in the panel, and what is left grows with it", async () => {
    const { panel } = ingrid;
    await panel.getByText(/Flexbudget \d{4} instellen/).click();
    const form = panel.getByTestId("budget-settings");
    expect(await form.locator("input[name=budget-amount]").inputValue()).toBe("1000,00");
    await form.locator("input[name=budget-amount]").fill("12,505");
    await form.locator("button[type=submit]").click();
    await form.getByRole("alert").waitFor();
    await form.locator("input[name=budget-amount]").fill("1.200,00");
    await form.locator("button[type=submit]").click();
    await form.getByRole("status").waitFor();
    await expect.poll(() => panel.getByTestId("budget-left").textContent(), { timeout: 20_000 }).toContain("1.200,00");
    expect(await panel.getByTestId("budget-left").textContent()).toContain("1.152,50");
  }, 120_000);

  it("the holder's coordinator sets the year's time-out day rate and trajectories, and reads the year's ledger with every expense and storno; axe clean", async () => {
    const { panel } = ingrid;
    await panel.getByText(/Time-out \d{4} instellen/).click();
    const form = panel.getByTestId("timeout-settings");
    expect(await form.locator("input[name=timeout-day-rate]").inputValue()).toBe("139,27");
    await form.locator("input[name=timeout-day-rate]").fill("139,275");
    await form.locator("button[type=submit]").click();
    await form.getByRole("alert").waitFor();
    // No trajectory is agreed this year any more: the next request is beyond it.
    await form.locator("input[name=timeout-day-rate]").fill("145,00");
    await form.locator("input[name=timeout-trajectories]").fill("0");
    await form.locator("button[type=submit]").click();
    await form.getByRole("status").waitFor();
    await expect.poll(() => panel.getByTestId("trajectories").textContent(), { timeout: 20_000 }).toMatch(/: 0 van 0,/);

    // The ledger: the seed's groceries and Fatima's warm meal, then a storno of the meal as a line of its own.
    await panel.getByTestId("holder-ledger").locator("summary").click();
    const lines = panel.getByTestId("ledger-line");
    await expect.poll(() => lines.filter({ hasText: "Warme maaltijd" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await lines.filter({ hasText: "Boodschappen voor het weekend" }).count()).toBe(1);
    expect(await axeViolations(panel)).toEqual([]);

    const fatimaPanel = fatima.panel;
    const meal = fatimaPanel.getByTestId("expense").filter({ hasText: "Warme maaltijd" });
    await meal.getByRole("button", { name: "Terugboeken" }).click();
    await meal.locator("input[name=storno-reason]").fill("Dubbel geboekt");
    await meal.locator("button[type=submit]").click();
    await expect.poll(() => fatimaPanel.getByTestId("spent-on-client").textContent()).toContain("22,50");
    await expect.poll(() => panel.locator("[data-testid=ledger-line][data-kind=storno]").count(), { timeout: 20_000 }).toBe(1);
    expect(await panel.locator("[data-testid=ledger-line][data-kind=storno]").textContent()).toContain("Dubbel geboekt");
    await expect.poll(() => panel.getByTestId("budget-left").textContent(), { timeout: 20_000 }).toContain("1.177,50");
  }, 120_000);

  it("warns the case manager before she sends a request beyond the year's trajectories, and the flexbudget and time-out sections pass axe", async () => {
    const { panel } = fatima;
    const today = new Date().toISOString().slice(0, 10);
    const request = panel.locator("form", { has: panel.locator("input[name=stay-reason]") });
    await request.locator("input[name=stay-proposed-start]").fill(today);
    await panel.getByTestId("trajectory-warning").waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId("trajectory-warning").textContent()).toContain("traject 1 van de 0");
    expect(await axeViolations(panel)).toEqual([]);
  }, 120_000);
});
