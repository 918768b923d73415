import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createIriszorgOnsPortal } from "@naast/demo";
import type { BrowserContext, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredLoopbackHosts } from "../../extension/src/portal/hosts.ts";
import { demoPassword } from "../../server/src/demo/people.ts";
import { runCli } from "../support/server-process.ts";
import { type LaunchedExtension, launchWithExtension } from "./support/launch-extension.ts";
import { enterPassword } from "./support/panel.ts";
import { type DemoStack, extensionPath, startDemoStack } from "./support/stack.ts";

/**
 * Issue 19: a real partner portal on an origin the extension was not built for. The fourth demo
 * portal ("Ons") runs on 127.0.0.2, which the manifest does not declare; its dossier is a frame
 * and names the client only in visible text.
 *
 * The grant: headless Chromium cannot show the permission prompt that permissions.request opens,
 * so the test first allows the site in the browser's own extension settings (chrome://extensions,
 * the "Site access: add a site" the user has there, which is chrome.developerPrivate.addHostPermission)
 * and then clicks the panel's "Naast laten meelezen op …" button, a real user gesture: its
 * permissions.request resolves at once as granted, without a prompt, and the grant is the
 * extension's own from then on. Revoking is the same settings page (removeHostPermission).
 */

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((done) => server.listen(0, host, done));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function worker(context: BrowserContext): Worker {
  const [w] = context.serviceWorkers();
  if (!w) throw new Error("no extension service worker");
  return w;
}

/** The extension APIs a service-worker callback uses (it runs in the worker, where `chrome` exists). */
type Chrome = {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  permissions: { contains(p: object): Promise<boolean>; getAll(): Promise<{ origins?: string[] }> };
};

/** The extension cannot read a tab's address on a host it has no access to: the new tab is the one that was not there before. */
async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; tabId: number }> {
  const ids = () => worker(context).evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).map((t) => t.id ?? -1));
  const before = new Set(await ids());
  const page = await context.newPage();
  await page.goto(url);
  const tabId = (await ids()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId };
}

const registeredOrigins = (context: BrowserContext) =>
  worker(context).evaluate(async () =>
    (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
  );

/** What the background says the tab shows (the panel's own question), or null. */
const contextOf = (panel: Page, tabId: number) =>
  panel.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ epdClientId: string | null } | null> } } };
    return (await chrome.runtime.sendMessage({ type: "context/get", tabId: id }))?.epdClientId ?? null;
  }, tabId);

/** The browser's extension settings page: allow or take back one site for the extension. */
async function siteAccess(context: BrowserContext, extensionId: string, change: "addHostPermission" | "removeHostPermission", origin: string) {
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${extensionId}`);
  await settings.evaluate(
    async ([id, host, method]) => {
      const dev = (globalThis as unknown as { chrome: { developerPrivate: Record<string, (id: string, host: string) => Promise<void>> } }).chrome
        .developerPrivate;
      await dev[method]?.(id, host);
    },
    [extensionId, origin, change] as const,
  );
  await settings.close();
}

/** `pnpm cli adapter …` as Iriszorg's admin types it, against the running server (the command opens no database). */
async function adapterCli(server: DemoStack["server"], args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli(server.databaseUrl, ["adapter", ...args], {
    NAAST_SERVER: server.url,
    NAAST_EMAIL: "beheer@iriszorg.demo",
    NAAST_PASSWORD: demoPassword,
  });
  if (code !== 0) throw new Error(`naast adapter ${args[0]} failed (${code}): ${stderr}`);
  return stdout;
}

describe("a real partner portal: read only after the grant, in its frame, until the adapter goes", { timeout: 180_000 }, () => {
  let stack: DemoStack;
  const ons = createServer(createIriszorgOnsPortal().handler);
  const elsewhere = createServer();
  let onsUrl = "";
  let elsewhereUrl = "";
  let browser: LaunchedExtension;
  let portal: { page: Page; tabId: number };
  let panel: Page;
  const dossier = (page: Page) => page.frameLocator("iframe[name=dossier]");

  beforeAll(async () => {
    stack = await startDemoStack();
    onsUrl = await listen(ons, "127.0.0.2");
    // A page on yet another origin showing the Iriszorg EPD's dossier in a cross-origin frame.
    elsewhere.on("request", (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><title>Intranet</title><h1>Intranet</h1><iframe title="Dossier" src="${stack.portals.urls.iriszorg}/dossier?patient=IZ-1003"></iframe>`,
      );
    });
    elsewhereUrl = await listen(elsewhere, "127.0.0.3");
    browser = await launchWithExtension({ extensionPath });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => ons.close(done));
    await new Promise((done) => elsewhere.close(done));
    await stack?.stop();
  });

  const origin = () => `${onsUrl}/*`;
  const host = () => onsUrl.replace("http://", "");

  it("does not read the fourth portal before the grant, and offers the grant to the organisation's case manager", async () => {
    // The admin adds the portal with the CLI while the server runs.
    expect(
      await adapterCli(stack.server, [
        "add",
        "--id",
        "adapter-ons",
        "--name",
        "Iriszorg Ons",
        "--match",
        origin(),
        "--text-pattern",
        "Cliëntnummer:\\s*(\\S+)",
      ]),
    ).toContain("adapter-ons");

    portal = await openTab(browser.context, `${onsUrl}/`);
    panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${portal.tabId}`);
    await enterPassword(panel, "fatima@iriszorg.demo", stack.server.url);
    await panel.getByText(/Ingelogd als/).waitFor();

    const grant = panel.getByRole("button", { name: `Naast laten meelezen op ${host()}` });
    await grant.waitFor({ timeout: 20_000 });
    await portal.page.getByRole("link", { name: "Anouk" }).first().click();
    await expect.poll(() => dossier(portal.page).getByText("Cliëntnummer: IZ-1001").count()).toBe(1);
    // Time enough for a content script to have reported, had there been one.
    await panel.waitForTimeout(1_500);
    expect(await contextOf(panel, portal.tabId)).toBeNull();
    expect(await panel.locator("[data-testid=client-view]").count()).toBe(0);
    expect(await registeredOrigins(browser.context)).not.toContain(origin());
    expect(
      await worker(browser.context).evaluate((o) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [o] }), origin()),
    ).toBe(false);
  });

  it("after the grant the panel follows the client in the portal's frame, and the next one she opens there", async () => {
    await siteAccess(browser.context, browser.extensionId, "addHostPermission", origin());
    await panel.getByRole("button", { name: `Naast laten meelezen op ${host()}` }).click();
    await expect.poll(() => registeredOrigins(browser.context), { timeout: 15_000 }).toContain(origin());
    // The tab was open before the grant: the background ran the script in it, frames included.
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Anouk");
    await expect.poll(() => panel.getByRole("button", { name: `Naast laten meelezen op ${host()}` }).count()).toBe(0);
    // Exactly this origin, nothing wider.
    const { origins = [] } = await worker(browser.context).evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.getAll());
    expect(origins.filter((o) => !declaredLoopbackHosts.includes(o))).toEqual([origin()]);

    await portal.page.getByRole("link", { name: "Priscilla" }).first().click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Priscilla");
  });

  it("follows a client whose dossier is a cross-origin frame on another page", async () => {
    const intranet = await openTab(browser.context, `${elsewhereUrl}/`);
    const beside = await browser.context.newPage();
    await beside.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${intranet.tabId}`);
    await expect.poll(() => beside.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Priscilla");
    await beside.close();
    await intranet.page.close();
  });

  it("notices a permission revoked in the browser and offers the grant again", async () => {
    await siteAccess(browser.context, browser.extensionId, "removeHostPermission", origin());
    await expect.poll(() => registeredOrigins(browser.context), { timeout: 15_000 }).not.toContain(origin());
    await panel.getByRole("button", { name: `Naast laten meelezen op ${host()}` }).waitFor({ timeout: 15_000 });
    await expect.poll(() => contextOf(panel, portal.tabId)).toBeNull();
    // Allowed again in the settings: Chromium now grants it outright (an origin the extension held
    // before), so the offer may go before she clicks; if it stays, her click asks as the first time.
    await siteAccess(browser.context, browser.extensionId, "addHostPermission", origin());
    await panel
      .getByRole("button", { name: `Naast laten meelezen op ${host()}` })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Priscilla");
  });

  it("stops reading the portal on the next sync after the admin removes the adapter on the server", async () => {
    expect(await adapterCli(stack.server, ["remove", "--id", "adapter-ons"])).toContain("adapter adapter-ons removed");
    await expect.poll(() => registeredOrigins(browser.context), { timeout: 20_000 }).not.toContain(origin());
    await expect.poll(() => panel.locator("[data-testid=client-view]").count(), { timeout: 15_000 }).toBe(0);
    // The access is given up too, and not offered again.
    expect(
      await worker(browser.context).evaluate((o) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [o] }), origin()),
    ).toBe(false);
    expect(await panel.getByRole("button", { name: /Naast laten meelezen op/ }).count()).toBe(0);
    // The running script stopped: another client in the frame is not reported.
    await portal.page.getByRole("link", { name: "Anouk" }).first().click();
    await expect.poll(() => dossier(portal.page).getByText("Cliëntnummer: IZ-1001").count()).toBe(1);
    await panel.waitForTimeout(1_500);
    expect(await contextOf(panel, portal.tabId)).toBeNull();
  });
});
