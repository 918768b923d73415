import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../../server/src/demo/people.ts";
import { type FirefoxWithExtension, launchFirefoxWithExtension } from "../support/launch-firefox.ts";
import { type DemoStack, ensureExtensionBuilt, startDemoStack } from "../support/stack.ts";

/** The text of the first element matching `selector`, or "" while there is none. */
const textOf = (page: Page, selector: string): Promise<string> => page.evaluate((s) => document.querySelector(s)?.textContent ?? "", selector);
const clientShown = (panel: Page) => textOf(panel, "[data-testid=client-view] h1");
const slow = { timeout: 20_000 };

/**
 * Clicks a client's link in the LDH single-page portal. Through the DOM: the portal's tab sits
 * behind the panel's, and puppeteer's locator waits for animation frames a background tab barely gets.
 */
const openInLdhPortal = (portal: Page, name: string): Promise<void> =>
  portal.evaluate((n) => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>("a[data-spa]")].find((a) => a.textContent?.includes(n));
    if (!link) throw new Error(`no link to ${n}`);
    link.click();
  }, name);

describe("the Firefox build (Manifest V2, a sidebar) in a real Firefox ESR", { timeout: 90_000 }, () => {
  let stack: DemoStack;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    stack = await startDemoStack();
    firefox = await launchFirefoxWithExtension({ extensionPath: ensureExtensionBuilt("firefox") });
  });
  afterAll(async () => {
    await firefox?.close();
    await stack?.stop();
  });

  /** A portal tab and the panel page following it (`?tab=`), signed in as `email`. */
  async function openBeside(portalUrl: string, email: string): Promise<{ portal: Page; panel: Page }> {
    const portal = await firefox.browser.newPage();
    await portal.goto(portalUrl);
    const probe = await firefox.openExtensionPage("sidepanel.html");
    const tabId = await firefox.tabIdOf(probe, portal.url());
    await probe.close();
    const panel = await firefox.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await signIn(panel, email);
    return { portal, panel };
  }

  async function signIn(panel: Page, email: string): Promise<void> {
    await panel.locator("input[type=url]").fill(stack.server.url);
    await panel.locator("input[name=email]").fill(email);
    await panel.locator("input[name=password]").fill(demoPassword);
    await panel.locator("button[type=submit]").click();
    await expect.poll(() => textOf(panel, ".signed-in"), slow).toContain("Ingelogd als");
  }

  async function signOut(panel: Page): Promise<void> {
    await panel.locator("nav.top button").click();
    await expect.poll(() => textOf(panel, "form.sign-in h1"), slow).toBe("Inloggen bij Naast");
  }

  it("opens its sidebar on the panel page when installed", async () => {
    await expect.poll(() => firefox.sidebar(), slow).toEqual({ open: true, page: `${firefox.origin}/sidepanel.html` });
  });

  it("follows the tab in front and the EPD's navigation in the real sidebar", async () => {
    const first = await firefox.browser.newPage();
    await first.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    const second = await firefox.browser.newPage();
    await second.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1002`);
    // Signing in on a page of the add-on signs the sidebar in too (one IndexedDB).
    const page = await firefox.openExtensionPage("sidepanel.html");
    await signIn(page, "fatima@iriszorg.demo");
    const sidebarShows = () => firefox.sidebarText(page, "[data-testid=client-view] h1");

    await first.bringToFront();
    await expect.poll(sidebarShows, slow).toContain("Anouk");
    await second.bringToFront();
    await expect.poll(sidebarShows, slow).toContain("Sandra");
    await second.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1003`);
    await expect.poll(sidebarShows, slow).toContain("Priscilla");
    await signOut(page);
    await Promise.all([first.close(), second.close(), page.close()]);
  });

  it("shows an Iriszorg case manager the plan of the client open in her EPD, and follows the EPD to the next client", async () => {
    const { portal, panel } = await openBeside(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`, "fatima@iriszorg.demo");
    await expect.poll(() => clientShown(panel), slow).toContain("Anouk");
    await expect.poll(() => textOf(panel, '[data-domain="housing"]')).toContain("Slaapt wisselend bij een kennis");
    expect(await textOf(panel, "[data-testid=score-housing]")).toBe("2");

    await portal.goto(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1002`);
    await expect.poll(() => clientShown(panel), slow).toContain("Sandra");

    // IndexedDB (the session, the records) and storage.session (which client each tab shows) survive a reload.
    await firefox.reloadExtensionPage(panel);
    await expect.poll(() => clientShown(panel), slow).toContain("Sandra");
    await signOut(panel);
    await Promise.all([portal.close(), panel.close()]);
  });

  it("shows a GGD case manager the plan of a client her consent shares with the GGD, beside the GGD portal", async () => {
    const { portal, panel } = await openBeside(`${stack.portals.urls.ggd}/clienten/5501`, "lotte@ggd.demo");
    await expect.poll(() => clientShown(panel), slow).toContain("Anouk");
    await expect.poll(() => textOf(panel, '[data-domain="housing"]')).toContain("Slaapt wisselend bij een kennis");
    await portal.goto(`${stack.portals.urls.ggd}/clienten/5503`);
    await expect.poll(() => clientShown(panel), slow).toContain("Kim");
    await signOut(panel);
    await Promise.all([portal.close(), panel.close()]);
  });

  it("follows the Leger des Heils single-page portal from client to client without a page load", async () => {
    const { portal, panel } = await openBeside(stack.portals.urls.ldh, "marieke@ldh.demo");
    await openInLdhPortal(portal, "Anouk de Vries");
    await expect.poll(() => clientShown(panel), slow).toContain("Anouk");
    await openInLdhPortal(portal, "Sandra Jansen");
    await expect.poll(() => clientShown(panel), slow).toContain("Sandra");
    await signOut(panel);
  });

  it("logs no error or CSP report from the add-on's background, panel or content script", async () => {
    // The add-on ran in all three places above; zod's eval probe would show here as a CSP report.
    // Left out: Firefox's note that a page was unloaded (the reload above) while one of its
    // runtime messages was still on its way; nothing of the add-on failed, the page was gone.
    const unloadedMidMessage = /^Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage'/;
    // Warnings are not counted: one came up once in several runs and could not be caught again.
    const errors = (await firefox.addonMessages()).filter((m) => m.level === "error" && !unloadedMidMessage.test(m.text));
    expect(errors).toEqual([]);
  });
});
