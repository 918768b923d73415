import type { Page } from "playwright-core";

/** Chromium's real side panel, read through an extension page (see openRealSidePanel). */
export interface RealSidePanel {
  /** The panel's address: without `?tab=` it follows the active tab. */
  url(): Promise<string | null>;
  /** The text of the first element matching `selector` in the panel, null when there is none. */
  text(selector: string): Promise<string | null>;
}

type ExtensionWindow = typeof globalThis & {
  chrome: {
    windows: { getCurrent(): Promise<{ id: number }> };
    sidePanel: { open(o: { windowId: number }): Promise<void> };
    extension: { getViews(): Window[] };
  };
};

/**
 * Opens the side panel of `extensionPage`'s window the way the toolbar icon does, and returns a
 * reader of it. sidePanel.open needs a user gesture, so a button is added to an extension page
 * and clicked for real. The side panel is no tab, so Playwright does not attach to it; any
 * page of the extension reaches it through chrome.extension.getViews (same origin and process).
 */
export async function openRealSidePanel(extensionPage: Page): Promise<RealSidePanel> {
  await extensionPage.bringToFront();
  await extensionPage.evaluate(() => {
    const { chrome } = globalThis as ExtensionWindow;
    const button = document.createElement("button");
    button.id = "test-open-side-panel";
    button.textContent = "Zijpaneel openen";
    button.style.cssText = "position:fixed;top:0;left:0;z-index:2147483647";
    button.addEventListener("click", () => {
      button.dataset.opened = "pending";
      void chrome.windows
        .getCurrent()
        .then((w) => chrome.sidePanel.open({ windowId: w.id }))
        .then(
          () => {
            button.dataset.opened = "yes";
          },
          (error: unknown) => {
            button.dataset.opened = String(error);
          },
        );
    });
    document.body.append(button);
  });
  const button = extensionPage.locator("#test-open-side-panel");
  await button.click();
  await extensionPage.waitForFunction(() => document.querySelector<HTMLElement>("#test-open-side-panel")?.dataset.opened !== "pending", null, {
    timeout: 15_000,
  });
  const opened = await button.getAttribute("data-opened");
  if (opened !== "yes") throw new Error(`the side panel did not open: ${opened}`);
  await button.evaluate((b) => b.remove());

  // The side panel is the extension view that is neither this page nor opened with `?tab=`.
  // (Each callback runs in the page and is self-contained: extension pages allow no eval.)
  return {
    url: () =>
      extensionPage.evaluate(() => {
        const views = (globalThis as ExtensionWindow).chrome.extension.getViews();
        return views.find((v) => v !== window && v.location.pathname === "/sidepanel.html" && v.location.search === "")?.location.href ?? null;
      }),
    text: (selector) =>
      extensionPage.evaluate((selector) => {
        const views = (globalThis as ExtensionWindow).chrome.extension.getViews();
        const panel = views.find((v) => v !== window && v.location.pathname === "/sidepanel.html" && v.location.search === "");
        return panel?.document.querySelector(selector)?.textContent ?? null;
      }, selector),
  };
}
