import { randomUUID } from "node:crypto";
import { clientRow, overviewOf } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { handoverArgs } from "../handover/helpers.ts";
import { signIn } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
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
  let peter: CaseManagerBrowser | undefined;
  const afspraak = "Budgetbeheer aanvragen bij Plangroep";
  /** Roos (LDH), handed to the procesregisseur for monitoring; he has not acknowledged it yet. */
  const roos = `client-roos-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startDemoStack();
    // A page that is no EPD portal: the panel has no client beside it.
    fatima = await browserBesidePortal(`${stack.server.url}/health`);
    await enterPassword(fatima.panel, "fatima@iriszorg.demo", stack.server.url);
    await fatima.panel.getByText(/Ingelogd als/).waitFor();
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, `${stack.server.url}/health`);
    // Written through the same mutators the panel uses: a new client of Marieke's, consent for the
    // Gemeente, and a monitoring handover to Peter.
    const api = await signIn(stack.server.url, "marieke@ldh.demo", demoPassword);
    const created = await api.push("createClient", { id: roos, alias: "Roos", birthYear: 1994, epdClientId: null });
    if (created.status !== "applied") throw new Error("Roos was not created");
    await grantConsent(api, roos, ["org-gemeente"], ["handovers", "agreements", "housing", "notes"]);
    const handover = await api.push("startHandover", handoverArgs(roos, { kind: "monitoring", toUserId: "u-peter", toOrganisationId: "org-gemeente" }));
    if (handover.status !== "applied") throw new Error(`the monitoring handover was refused: ${JSON.stringify(handover)}`);
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await marieke?.close();
    await peter?.close();
    await stack?.stop();
  });

  const row = (browser: CaseManagerBrowser, alias: string) => browser.panel.getByTestId("client-row").filter({ hasText: alias });
  const view = (browser: CaseManagerBrowser, name: string | RegExp) =>
    browser.panel.getByRole("navigation", { name: "Weergave" }).getByRole("button", { name }).click();

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

  it("Iriszorg sees Marieke's overdue afspraak for Anouk on its own device, and Fatima, whose client Anouk is, has it in Te doen", async () => {
    const { panel } = fatima;
    await panel.getByLabel("Mijn cliënten").check();
    await expect.poll(() => row(fatima, "Anouk").textContent(), { timeout: 15_000 }).toMatch(/1 te laat/);
    await view(fatima, /^Te doen/);
    await expect.poll(() => panel.getByTestId("todo-item").filter({ hasText: afspraak }).count(), { timeout: 15_000 }).toBe(1);
    await view(fatima, "Cliënten");
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

  it("and on Iriszorg's device, after one sync, Anouk has no overdue afspraak any more and it left Fatima's Te doen", async () => {
    await expect.poll(() => row(fatima, "Anouk").textContent(), { timeout: 20_000 }).not.toMatch(/te laat/);
    await view(fatima, /^Te doen/);
    await expect.poll(() => fatima.panel.getByTestId("todo-item").filter({ hasText: afspraak }).count(), { timeout: 20_000 }).toBe(0);
    await view(fatima, "Cliënten");
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

  it("the procesregisseur accepts a monitoring handover, finds the client under Monitoring afterwards and opens her again", async () => {
    peter = await caseManagerBrowser("peter@gemeente.demo", stack.server.url, `${stack.server.url}/health`);
    const { panel } = peter;
    const line = panel.getByTestId("handover-inbox").getByRole("button", { name: /Roos, van Marieke Verhoeven/ });
    await line.click({ timeout: 20_000 });
    await panel.getByRole("button", { name: "Gelezen en bevestigd: ik neem het over" }).click();
    const header = panel.locator("[data-testid=client-view] header");
    await expect.poll(() => header.textContent(), { timeout: 15_000 }).toContain("Verantwoordelijk: Peter Brouwer (Gemeente)");
    expect(await header.textContent()).toContain("monitoring");
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);

    // Later, with no EPD and no inbox line: Cliënten, Monitoring.
    await panel.getByRole("navigation", { name: "Weergave" }).getByRole("button", { name: "Cliënten" }).click();
    await panel.getByLabel("Monitoring").check();
    const roosRow = panel.locator(`[data-testid=client-row][data-client-id="${roos}"]`);
    await expect.poll(() => roosRow.textContent(), { timeout: 15_000 }).toContain("Bij Peter Brouwer (Gemeente)");
    expect(await roosRow.textContent()).toContain("monitoring");
    // Esther, the demo's monitoring client, is his too; nothing else is.
    expect((await panel.getByTestId("client-row").allTextContents()).map((t) => t.split(" ")[0]).sort()).toEqual(["Esther", "Roos"]);
    expect(await axeViolations(panel)).toEqual([]);
    await roosRow.getByRole("button", { name: "Roos" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Roos");
    expect(await panel.getByTestId("handover").first().getAttribute("data-status")).toBe("acknowledged");
    await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
    await expect.poll(() => roosRow.count()).toBe(1);
  }, 90_000);

  it("a contact logged offline counts as the last contact once the device is back online", async () => {
    const { panel, context } = marieke;
    // Jolanda: no contact for three weeks in the demo, so she is in Marieke's Te doen.
    const nav = panel.getByRole("navigation", { name: "Weergave" });
    await nav.getByRole("button", { name: /^Te doen/ }).click();
    const noContact = panel.locator("[data-testid=todo-item][data-source=no-contact][data-client-id=client-jolanda]");
    await expect.poll(() => noContact.count(), { timeout: 15_000 }).toBe(1);

    await context.setOffline(true);
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("offline");
    await nav.getByRole("button", { name: "Cliënten" }).click();
    await panel.getByLabel("Mijn cliënten").check();
    const jolanda = panel.locator("[data-testid=client-row][data-client-id=client-jolanda]");
    expect(await jolanda.textContent()).toContain("laatste contact 21 dagen geleden");
    await jolanda.getByRole("button", { name: "Jolanda" }).click();
    await panel.locator("select[name=contact-type]").selectOption("street");
    await panel.locator("textarea[name=note]").fill("Bij de nachtopvang gesproken; komt donderdag naar het spreekuur.");
    await panel.getByRole("button", { name: "Contact opslaan" }).click();
    await expect.poll(() => panel.getByTestId("contact").first().textContent()).toContain("Bij de nachtopvang gesproken");
    expect(await panel.getByTestId("pending-count").count()).toBe(1);

    await context.setOffline(false);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 20_000 }).toBe(0);
    await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
    await expect.poll(() => jolanda.textContent()).toContain("vandaag contact");
    await nav.getByRole("button", { name: /^Te doen/ }).click();
    await expect.poll(() => panel.getByTestId("todo").count()).toBe(1);
    expect(await noContact.count()).toBe(0);
    // The server has it as her last contact: a fresh device derives the same.
    const device = new Replica().apply(await (await signIn(stack.server.url, "marieke@ldh.demo", demoPassword)).pull());
    const heldOfJolanda = device.clientRecords("client-jolanda");
    if (!heldOfJolanda) throw new Error("Jolanda is not on a fresh device");
    const row = clientRow(overviewOf(heldOfJolanda), new Date().toISOString());
    expect(row.daysSinceContact).toBe(0);
  }, 90_000);
});
