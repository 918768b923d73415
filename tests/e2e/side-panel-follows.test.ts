import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { openRealSidePanel, type RealSidePanel } from "./support/real-side-panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/**
 * The other e2e tests open the panel as a tab pinned to one portal tab (`?tab=<id>`). This one
 * opens Chromium's real side panel, which has no tab of its own and follows the active tab.
 */
describe("the real side panel follows the tab the case manager looks at", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let sidePanel: RealSidePanel;
  const shownClient = () => sidePanel.text("[data-testid=client-view] h1");

  beforeAll(async () => {
    stack = await startDemoStack();
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    sidePanel = await openRealSidePanel(fatima.panel);
  });
  afterAll(async () => {
    await fatima?.close();
    await stack?.stop();
  });

  it("opens without a pinned tab", async () => {
    expect(await sidePanel.url()).toBe(`chrome-extension://${fatima.extensionId}/sidepanel.html`);
  });

  it("shows the client of the active EPD tab, and follows when she switches tabs", async () => {
    const { context, portal } = fatima;
    const priscilla = await context.newPage();
    await priscilla.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1003`);

    await portal.bringToFront();
    await expect.poll(shownClient).toContain("Anouk");
    await priscilla.bringToFront();
    await expect.poll(shownClient).toContain("Priscilla");
    await portal.bringToFront();
    await expect.poll(shownClient).toContain("Anouk");
  });

  it("follows the active tab to another client, told by the background rather than by a tab switch", async () => {
    const { portal } = fatima;
    await portal.bringToFront();
    await expect.poll(shownClient).toContain("Anouk");
    await portal.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1005`);
    await expect.poll(shownClient).toContain("Monique");
  });
});
