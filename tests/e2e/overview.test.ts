import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { hasFocus, tabTo } from "./support/keyboard.ts";
import { browserBesidePortal, type CaseManagerBrowser, caseManagerBrowser, enterPassword } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/**
 * Issue 13: the team's overview without an EPD page open. Fatima (Iriszorg) and Marieke (Leger des
 * Heils) have no portal tab; Anouk (Iriszorg's) shares everything with LDH, and Marieke's afspraak
 * for her is overdue.
 */
describe("the team's overview, with no portal tab open", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let marieke: CaseManagerBrowser;
  const afspraak = "Budgetbeheer aanvragen bij Plangroep";

  beforeAll(async () => {
    stack = await startDemoStack();
    // A page that is no EPD portal: the panel has no client beside it.
    fatima = await browserBesidePortal(`${stack.server.url}/health`);
    await enterPassword(fatima.panel, "fatima@iriszorg.demo", stack.server.url);
    await fatima.panel.getByText(/Ingelogd als/).waitFor();
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, `${stack.server.url}/health`);
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await marieke?.close();
    await stack?.stop();
  });

  const row = (browser: CaseManagerBrowser, alias: string) => browser.panel.getByTestId("client-row").filter({ hasText: alias });

  it("lists her clients under Cliënten with holder, last contact, afspraken and consent; the filters and the search narrow it; no axe violations", async () => {
    const { panel } = fatima;
    // By keyboard: from the top of the panel to Cliënten.
    const clients = panel.getByRole("navigation", { name: "Weergave" }).getByRole("button", { name: "Cliënten" });
    await tabTo(panel, clients);
    await panel.keyboard.press("Enter");
    await expect.poll(() => panel.getByTestId("client-row").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const mine = await panel.getByTestId("client-row").allTextContents();
    expect(mine.join("\n")).toContain("Priscilla");
    expect(mine.every((line) => line.includes("Fatima El Amrani"))).toBe(true);
    expect(await row(fatima, "Priscilla").textContent()).toMatch(/1 te laat/);
    expect(await row(fatima, "Monique").textContent()).toContain("geen lopende toestemming");
    expect(await axeViolations(panel)).toEqual([]);

    await panel.getByLabel("Stapteam").check();
    await expect.poll(async () => (await panel.getByTestId("client-row").allTextContents()).join("\n")).toContain("Sandra");
    await panel.getByLabel("Zoek op roepnaam").fill("san");
    await expect.poll(() => panel.getByTestId("client-row").count()).toBe(1);
    await panel.getByLabel("Monitoring").check();
    await panel.getByLabel("Zoek op roepnaam").fill("");
    // Esther is in monitoring with the procesregisseur; her consent does not cover Iriszorg.
    expect(await panel.getByTestId("client-row").count()).toBe(0);
  }, 60_000);

  it("Iriszorg sees Marieke's overdue afspraak for Anouk on its own device", async () => {
    const { panel } = fatima;
    await panel.getByLabel("Mijn cliënten").check();
    await expect.poll(() => row(fatima, "Anouk").textContent(), { timeout: 15_000 }).toMatch(/1 te laat/);
  }, 60_000);

  it("Marieke finds the overdue afspraak in Te doen, opens Anouk at her afspraken, marks it done, and it leaves Te doen", async () => {
    const { panel } = marieke;
    await panel
      .getByRole("navigation", { name: "Weergave" })
      .getByRole("button", { name: /^Te doen/ })
      .click();
    const item = panel.getByTestId("todo-item").filter({ hasText: afspraak });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.getByRole("button", { name: /^Te doen \(\d+\)$/ }).count()).toBe(1);
    expect(await axeViolations(panel)).toEqual([]);

    await item.getByRole("button", { name: "Anouk" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Anouk");
    await expect.poll(() => hasFocus(panel.locator("section.agreements"))).toBe(true);
    // Her history: ZRM scores with their level names, a table behind the chart.
    expect(await panel.getByTestId("zrm-table").textContent()).toMatch(
      /van 5: (acute problematiek|niet zelfredzaam|beperkt zelfredzaam|voldoende zelfredzaam|volledig zelfredzaam)/,
    );
    expect(await axeViolations(panel)).toEqual([]);

    const agreement = panel.getByTestId("agreement").filter({ hasText: afspraak });
    await agreement.getByRole("button", { name: "Afgerond" }).click();
    // Closing waits a few seconds with an undo; then it is done.
    await expect.poll(() => agreement.count(), { timeout: 20_000 }).toBe(0);
    expect(await panel.getByTestId("closed-agreement").filter({ hasText: afspraak }).count()).toBe(1);
    await panel.getByRole("button", { name: "Terug naar Te doen" }).click();
    await expect.poll(() => panel.getByTestId("todo-item").filter({ hasText: afspraak }).count()).toBe(0);
  }, 60_000);

  it("and on Iriszorg's device, after one sync, Anouk has no overdue afspraak any more", async () => {
    await expect.poll(() => row(fatima, "Anouk").textContent(), { timeout: 20_000 }).not.toMatch(/te laat/);
  }, 60_000);

  it("the coordinator sees the team's caseload against the norm; a case manager has no Team view", async () => {
    expect(await fatima.panel.getByRole("button", { name: "Team" }).count()).toBe(0);
    const ingrid = await caseManagerBrowser("ingrid@iriszorg.demo", stack.server.url, `${stack.server.url}/health`);
    try {
      const { panel } = ingrid;
      await panel.getByRole("navigation", { name: "Weergave" }).getByRole("button", { name: "Team" }).click();
      const fatimaRow = panel.locator("[data-testid=caseload-row][data-user-id=u-fatima]");
      await expect.poll(() => fatimaRow.count(), { timeout: 15_000 }).toBe(1);
      expect(await panel.getByTestId("team").textContent()).toContain("Norm: 3 tot 4 actieve cliënten per casemanager");
      expect(await panel.getByLabel(/Na hoeveel dagen zonder contact/).inputValue()).toBe("14");
      expect(await axeViolations(panel)).toEqual([]);
    } finally {
      await ingrid.close();
    }
  }, 60_000);
});
