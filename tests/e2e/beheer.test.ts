import { demoClients } from "@naast/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { hasFocus, tabTo } from "./support/keyboard.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/**
 * Issue 18, point 4, in the panel: Iriszorg's admin opens Beheer with the keyboard, ends Fatima's
 * account after a confirmation that names her, and sees what Fatima leaves for reassignment, then
 * and in the list that stays; a case manager has no Beheer at all.
 */
describe("the Beheer view of an organisation's admin", () => {
  let stack: DemoStack;
  let admin: CaseManagerBrowser;
  let ruben: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    admin = await caseManagerBrowser("beheer@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  });
  afterAll(async () => {
    await admin?.close();
    await ruben?.close();
    await stack?.stop();
  });

  it("opens by keyboard, ends a colleague's account after naming her, and lists her clients and afspraken for reassignment; axe clean", async () => {
    const { panel } = admin;
    const fold = panel.locator("summary", { hasText: "Beheer" });
    await tabTo(panel, fold);
    await panel.keyboard.press("Enter");
    const view = panel.getByTestId("beheer");
    await view.getByRole("heading", { name: "Beheer van uw organisatie" }).waitFor();
    const users = view.getByTestId("beheer-user");
    await expect.poll(() => users.count()).toBeGreaterThanOrEqual(4);
    // Only Iriszorg's people, and no button to end her own account.
    const names = await users.locator("th").allTextContents();
    expect(names.some((n) => n.includes("Marieke"))).toBe(false);
    expect(await view.getByRole("button", { name: "Account van Beheer Iriszorg beëindigen" }).count()).toBe(0);
    await view.getByTestId("unassigned-work").getByText("Er ligt geen werk van gestopte collega's meer").waitFor();
    expect(await axeViolations(panel)).toEqual([]);

    const end = view.getByRole("button", { name: "Account van Fatima El Amrani beëindigen" });
    await tabTo(panel, end);
    await panel.keyboard.press("Enter");
    const question = view.getByRole("heading", { name: "Het account van Fatima El Amrani beëindigen?" });
    await question.waitFor();
    expect(await hasFocus(question)).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);

    await tabTo(panel, view.getByRole("button", { name: "Ja, beëindig het account van Fatima El Amrani" }));
    await panel.keyboard.press("Enter");
    const result = view.getByTestId("beheer-result");
    await result.getByText("Het account van Fatima El Amrani is beëindigd.").waitFor({ timeout: 15_000 });
    const heldByIriszorg = demoClients.filter((c) => c.owner === "iriszorg").map((c) => c.alias);
    const listed = await result.getByTestId("open-work-clients").locator("li").allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    for (const alias of listed) expect(heldByIriszorg).toContain(alias);
    expect(await result.getByTestId("open-work-agreements").locator("li").count()).toBeGreaterThan(0);
    await expect.poll(() => users.filter({ hasText: "Fatima El Amrani" }).locator("td").last().textContent()).toContain("beëindigd");

    // The reassignment list stays reachable: the same work, under "Werk zonder nieuwe eigenaar".
    const unassigned = view.getByTestId("unassigned-work");
    await unassigned.getByRole("heading", { name: "Over te dragen werk van Fatima El Amrani" }).waitFor();
    expect(await unassigned.getByTestId("open-work-clients").locator("li").allTextContents()).toEqual(listed);
    // Nothing of a client that Iriszorg may not see (those held elsewhere and not shared with it).
    const text = (await view.textContent()) ?? "";
    for (const client of demoClients.filter((c) => !("iriszorg" in c.epdIds))) expect(text).not.toContain(client.alias);
    expect(await axeViolations(panel)).toEqual([]);
  }, 120_000);

  it("is not there for a case manager", async () => {
    ruben = await caseManagerBrowser("ruben@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    const { panel } = ruben;
    await panel.getByRole("navigation", { name: "Weergave" }).waitFor();
    expect(await panel.locator("summary", { hasText: "Beheer" }).count()).toBe(0);
    expect(await panel.getByTestId("beheer").count()).toBe(0);
  }, 60_000);
});
