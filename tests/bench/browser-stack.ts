import { type DemoPortals, startDemoPortals } from "@naast/demo";
import type { Page } from "playwright-core";
import { seedDemo } from "../../server/src/demo/seed.ts";
import { ensureExtensionBuilt } from "../e2e/support/stack.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

export interface BrowserStack {
  server: TestServer;
  portals: DemoPortals;
  stop(): Promise<void>;
}

/** What `pnpm start` runs, on free ports and a temp database: server, demo portals, demo seed. */
export async function startBrowserStack(): Promise<BrowserStack> {
  ensureExtensionBuilt();
  // The bench signs in more often than a person would.
  const server = await startTestServer({ LOGIN_LIMIT_PER_ACCOUNT: "1000", LOGIN_LIMIT_PER_ADDRESS: "1000" });
  const portals = await startDemoPortals({ ports: { ggd: 0, iriszorg: 0, ldh: 0 } });
  await seedDemo(server.services, portals.urls);
  return {
    server,
    portals,
    async stop() {
      await portals.close();
      await server.stop();
    },
  };
}

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
