import type { BrowserContext, Page } from "playwright-core";
import { type DemoStack, startDemoStack } from "../e2e/support/stack.ts";
import type { GeneratedRecord } from "./data.ts";
import { writeRecords } from "./seed.ts";

export type BrowserStack = DemoStack;

/** What `pnpm start` runs, as the e2e tests start it; the bench signs in more often than a person would. */
export const startBrowserStack = (): Promise<BrowserStack> =>
  startDemoStack({
    LOGIN_LIMIT_PER_ACCOUNT: "1000",
    LOGIN_LIMIT_PER_ADDRESS: "1000",
    // The cold-sync and propagation figures run the extension's sync engine in a plain page
    // served from 127.0.0.1 (harness.ts), which the server's CORS must let in beside the extension.
    ALLOWED_ORIGINS: "chrome-extension://*,moz-extension://*,http://127.0.0.1:*",
  });

/** How many records the extension holds, read straight from its IndexedDB in an extension page. */
export function storedRecordCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("naast");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("records").objectStore("records").count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Waits until the panel shows the plan of `clientId`. */
export async function waitForClient(panel: Page, clientId: string, timeout = 30_000): Promise<void> {
  await panel.locator(`[data-testid=client-view][data-client-id="${clientId}"] section.plan`).waitFor({ timeout });
}

/**
 * The panel as the user has it: visible beside the portal. The tests open it as a tab behind the
 * portal's, where Chromium treats it as a hidden page (timers throttled to once a second, and to
 * once a minute after five minutes: Dexie's live queries wake on a timer), which times the
 * throttling, not the panel. A window of its own keeps both the portal's tab and the panel visible,
 * as the side panel is. Returns the panel page in that window; the tab it came from is closed.
 */
export async function panelInOwnWindow(context: BrowserContext, panel: Page): Promise<Page> {
  const opened = context.waitForEvent("page");
  await panel.evaluate((url) => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: { url: string; focused: boolean }): Promise<unknown> } } };
    return chrome.windows.create({ url, focused: false }).then(() => undefined);
  }, panel.url());
  const page = await opened;
  await page.waitForLoadState();
  await panel.close();
  return page;
}

/** Whether a page is visible to the browser (not a background tab). */
export const visibility = (page: Page): Promise<string> => page.evaluate(() => document.visibilityState);

/**
 * Writes records on the server and waits until the extension's background has stored them all
 * (it hears the live signal and pulls), polling its IndexedDB; `poll` runs at every poll (say, to
 * sample a heap). Returns how long the server's write took and the time from its commit until then.
 */
export async function storedAfterWrite(
  stack: BrowserStack,
  panel: Page,
  records: readonly GeneratedRecord[],
  options: { timeoutMs: number; pollMs: number; poll?: () => Promise<void> },
): Promise<{ seedMs: number; storedMs: number }> {
  const before = await storedRecordCount(panel);
  const seeded = performance.now();
  await writeRecords(stack.server.services, records);
  const start = performance.now();
  while ((await storedRecordCount(panel)) < before + records.length) {
    if (performance.now() - start > options.timeoutMs) throw new Error(`the extension did not sync the records within ${options.timeoutMs / 1000} s`);
    await options.poll?.();
    await new Promise((r) => setTimeout(r, options.pollMs));
  }
  return { seedMs: start - seeded, storedMs: performance.now() - start };
}
