import type { BrowserContext, Page } from "playwright-core";
import { demoPassword } from "../../../server/src/demo/people.ts";
import { type LaunchedExtension, launchWithExtension } from "./launch-extension.ts";
import { extensionPath } from "./stack.ts";

/** One case manager's browser: its own profile, the extension, a portal tab and the panel beside it. */
export interface CaseManagerBrowser extends LaunchedExtension {
  portal: Page;
  panel: Page;
  openPanelFor(portal: Page): Promise<Page>;
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error("no extension service worker");
  // The callback runs inside the service worker, where `chrome` exists; this package has no chrome types.
  const id = await worker.evaluate(async (prefix) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } };
    return (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(prefix))?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/** Launches Chromium with the extension, opens `portalUrl` and the panel beside it, not signed in. */
export async function browserBesidePortal(portalUrl: string, userDataDir?: string): Promise<CaseManagerBrowser> {
  const launched = await launchWithExtension({ extensionPath, ...(userDataDir ? { userDataDir } : {}) });
  const portal = await launched.context.newPage();
  await portal.goto(portalUrl);
  const openPanelFor = async (page: Page) => {
    const panel = await launched.context.newPage();
    await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${await tabIdOf(launched.context, page.url())}`);
    return panel;
  };
  const panel = await openPanelFor(portal);
  return { ...launched, portal, panel, openPanelFor };
}

/** The password step in the panel's sign-in form. */
export async function enterPassword(panel: Page, email: string, serverUrl: string, password = demoPassword): Promise<void> {
  await panel.getByLabel(/Adres van de Naast-server/).fill(serverUrl);
  await panel.getByLabel("E-mailadres").fill(email);
  await panel.getByLabel("Wachtwoord").fill(password);
  await panel.getByRole("button", { name: "Inloggen" }).click();
}

/** Launches Chromium with the extension, signs in through the panel, and opens `portalUrl`. */
export async function caseManagerBrowser(email: string, serverUrl: string, portalUrl: string): Promise<CaseManagerBrowser> {
  const browser = await browserBesidePortal(portalUrl);
  await enterPassword(browser.panel, email, serverUrl);
  await browser.panel.getByText(/Ingelogd als/).waitFor();
  return browser;
}
