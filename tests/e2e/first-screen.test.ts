import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** Issue 11, point 2: what a worker between two contacts needs, at side-panel width, without scrolling. */
describe("the first screen at side-panel width", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let serverStopped = false;

  beforeAll(async () => {
    stack = await startDemoStack();
    // Monique is Iriszorg's client; her consent for Leger des Heils expired a month ago.
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1005`);
    await fatima.panel.setViewportSize({ width: 400, height: 720 });
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    if (serverStopped) await stack?.portals.close();
    else await stack?.stop();
  });

  it("answers who she is, who may see what, who works with her, what is open and when she was seen, above the fold", async () => {
    const { panel } = fatima;
    const glance = panel.getByTestId("at-a-glance");
    await expect.poll(() => glance.count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.locator("[data-testid=client-view] h1").textContent()).toContain("Monique");
    expect(await panel.locator("[data-testid=client-view] header").textContent()).toContain("Verantwoordelijk: Fatima El Amrani (Iriszorg)");
    // The expired consent reads as a sentence in the past tense.
    expect(await glance.getByTestId("glance-consent").allTextContents()).toContainEqual(expect.stringMatching(/^LDH mocht .* zien tot .* \(verlopen\)\.$/));
    expect(await glance.getByTestId("glance-team").textContent()).toMatch(/^Werken met haar: Iriszorg\. Casemanagers: Fatima El Amrani \(Iriszorg\)/);
    expect(await glance.getByTestId("glance-agreements").textContent()).toMatch(/^\d+ open afspra(ak|ken)/);
    expect(await glance.getByTestId("glance-contact").textContent()).toMatch(/^Laatste contact: \d+ \w+ \d{4}/);
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("connected");
    expect(await panel.getByTestId("sync-status").textContent()).toMatch(/^Verbonden · laatst bijgewerkt /);

    // All of it within the first 720 px at 400 px wide, with nothing scrolled.
    expect(await panel.evaluate(() => scrollY)).toBe(0);
    const box = await glance.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(720);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  }, 60_000);

  it("never says 'Verbonden' while offline, and says it again once the server answered", async () => {
    const { panel, context } = fatima;
    await context.setOffline(true);
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("offline");
    expect(await panel.getByTestId("sync-status").textContent()).not.toContain("Verbonden");
    // The time of the last sync that worked stays in view.
    expect(await panel.getByTestId("last-sync").textContent()).toContain("laatst bijgewerkt");
    await context.setOffline(false);
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("connected");
  }, 60_000);

  it("stops saying 'Verbonden' when the server stops answering, though the network is up", async () => {
    const { panel } = fatima;
    await stack.server.stop();
    serverStopped = true;
    await expect.poll(() => panel.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).not.toBe("connected");
    expect(await panel.getByTestId("sync-status").textContent()).not.toContain("Verbonden");
  }, 60_000);
});
