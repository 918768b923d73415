import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** Debian's Firefox ESR (`scripts/ensure-firefox.sh` installs it). */
export const firefoxPath = "/usr/lib/firefox-esr/firefox-esr";
/** The add-on's id, from `browser_specific_settings.gecko.id` in extension/wxt.config.ts. */
const addonId = "naast@stapteam.nl";

/** A message in Firefox's browser console that the add-on caused: an error, a CSP report, a warning. */
export interface AddonMessage {
  level: string;
  category: string;
  text: string;
  source: string;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`, fixed at launch so pages can be addressed before the add-on runs. */
  origin: string;
  /** Opens an extension page (e.g. `sidepanel.html?tab=3`) in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Reloads an extension page (puppeteer's own reload waits for a load it never sees, as goto does). */
  reloadExtensionPage(page: Page): Promise<void>;
  /** The add-on's id of the tab showing `url` (the panel follows a tab by this id). */
  tabIdOf(extensionPage: Page, url: string): Promise<number>;
  /** Whether Firefox's sidebar is open, and the page it shows. */
  sidebar(): Promise<{ open: boolean; page: string | null }>;
  /**
   * The text of the first element matching `selector` in the real sidebar, "" while there is none.
   * BiDi does not reach into the sidebar; any page of the add-on does, through extension.getViews.
   */
  sidebarText(extensionPage: Page, selector: string): Promise<string>;
  /** Everything the add-on logged as an error or warning since launch, its CSP reports included. */
  addonMessages(): Promise<AddonMessage[]>;
  close(): Promise<void>;
}

/** The raw WebDriver BiDi connection: Firefox-only parameters (`moz:scope`) are not in puppeteer's types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Stock Firefox through puppeteer-core over WebDriver BiDi (playwright's Firefox needs its own
 * patched build). The add-on goes in as a temporary add-on (unsigned, hence the pref), under a
 * fixed UUID. `-remote-allow-system-access` lets BiDi open `moz-extension://` pages and read the
 * browser console, where the add-on's errors land (they never reach puppeteer's console event).
 */
export async function launchFirefoxWithExtension(opts: { extensionPath: string }): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: true,
    args: ["-remote-allow-system-access"],
    extraPrefsFirefox: {
      "xpinstall.signatures.required": false,
      "extensions.webextensions.uuids": JSON.stringify({ [addonId]: uuid }),
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  try {
    await browser.installExtension(resolve(opts.extensionPath));
  } catch (error) {
    await browser.close();
    throw error;
  }

  /** Runs privileged code in the browser window (not a page in it) and returns its result, as JSON. */
  const inBrowserWindow = async (expression: string): Promise<unknown> => {
    const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome", maxDepth: 0 })) as {
      result: { contexts: Array<{ context: string }> };
    };
    const browserWindow = tree.result.contexts[0]?.context;
    if (!browserWindow) throw new Error("no browser window");
    const evaluated = (await connection.send("script.evaluate", {
      expression: `JSON.stringify(${expression})`,
      target: { context: browserWindow },
      awaitPromise: false,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (evaluated.result.type !== "success" || typeof evaluated.result.result?.value !== "string") {
      throw new Error(`evaluating in the browser window failed: ${evaluated.result.exceptionDetails?.text ?? evaluated.result.type}`);
    }
    return JSON.parse(evaluated.result.result.value);
  };
  const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

  return {
    browser,
    origin,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // page.goto never sees a moz-extension:// page finish loading; BiDi's own navigate does.
      await connection.send("browsingContext.navigate", { context: contextOf(page), url: `${origin}/${path}`, wait: "complete" });
      return page;
    },
    async reloadExtensionPage(page) {
      await connection.send("browsingContext.reload", { context: contextOf(page), wait: "complete" });
    },
    sidebarText: (extensionPage, selector) =>
      extensionPage.evaluate((s) => {
        const { browser } = globalThis as unknown as { browser: { extension: { getViews(o: { type: string }): Window[] } } };
        const [sidebar] = browser.extension.getViews({ type: "sidebar" });
        if (!sidebar) throw new Error("the sidebar is closed");
        return sidebar.document.querySelector(s)?.textContent ?? "";
      }, selector),
    async tabIdOf(extensionPage, url) {
      // Runs in the extension's page, where `browser.tabs` exists; this package has no WebExtension types.
      const id = await extensionPage.evaluate(async (prefix) => {
        const { browser } = globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } };
        return (await browser.tabs.query({})).find((tab) => tab.url?.startsWith(prefix))?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab for ${url}`);
      return id;
    },
    async addonMessages() {
      // The console service holds every process's script errors and CSP reports; the console API
      // storage holds console.error/warn calls.
      const messages = (await inBrowserWindow(`[
        ...Services.console.getMessageArray().flatMap((m) => m instanceof Ci.nsIScriptError
          ? [{ level: m.flags & Ci.nsIScriptError.warningFlag ? "warning" : "error", category: m.category, text: m.errorMessage, source: m.sourceName }]
          : []),
        ...Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage).getEvents()
          .filter((e) => e.level === "error" || e.level === "warn")
          .map((e) => ({ level: e.level, category: "console", text: e.arguments.map(String).join(" "), source: e.filename })),
      ]`)) as AddonMessage[];
      return messages.filter((m) => m.source.includes(uuid) || m.text.includes(uuid) || m.source.includes(addonId));
    },
    async sidebar() {
      return (await inBrowserWindow(`({
        open: SidebarController.isOpen,
        page: SidebarController.isOpen ? document.getElementById("sidebar")?.contentDocument?.getElementById("webext-panels-browser")?.currentURI?.spec ?? null : null,
      })`)) as { open: boolean; page: string | null };
    },
    close: () => browser.close(),
  };
}
