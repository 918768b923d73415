import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { tabTo } from "./support/keyboard.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/**
 * Issue 19, point 3, in the panel: Iriszorg's admin finds her organisation's EPD portals in Beheer
 * (only Iriszorg's) and checks the open tab against them: recognised with the client number, or
 * why not.
 */
describe("the EPD portals in the admin's Beheer view", () => {
  let stack: DemoStack;
  let admin: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    admin = await caseManagerBrowser("beheer@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it("lists her organisation's adapters and recognises the client in the open tab, or says why not; keyboard and axe", async () => {
    const { panel, portal } = admin;
    const fold = panel.locator("summary", { hasText: "Beheer" });
    await tabTo(panel, fold);
    await panel.keyboard.press("Enter");
    const section = panel.getByTestId("beheer-adapters");
    await section.getByRole("heading", { name: "EPD-portalen" }).waitFor();
    const adapters = section.getByTestId("beheer-adapter");
    await expect.poll(() => adapters.count()).toBe(1);
    expect(await adapters.first().getAttribute("data-adapter")).toBe("adapter-iriszorg");

    const check = section.getByRole("button", { name: "Open tabblad controleren" });
    await tabTo(panel, check);
    await panel.keyboard.press("Enter");
    await expect.poll(() => section.getByTestId("beheer-adapter-check").textContent()).toBe("Herkend: cliëntnummer IZ-1001");
    expect(await axeViolations(panel)).toEqual([]);

    await portal.goto(`${stack.portals.urls.iriszorg}/`);
    await check.click();
    await expect.poll(() => section.getByTestId("beheer-adapter-check").getAttribute("data-outcome")).toBe("no-client");
    expect(await section.getByTestId("beheer-adapter-check").textContent()).toContain("Niet herkend: het adres past");
  });
});
