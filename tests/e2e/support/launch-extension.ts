import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Flags for Debian's Chromium on a closed network: without them it keeps trying to reach Google. */
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchWithExtension(opts: { extensionPath: string; userDataDir?: string }): Promise<LaunchedExtension> {
  const extensionPath = resolve(opts.extensionPath);
  const ownsUserDataDir = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), "naast-chromium-")));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [...chromiumFlags, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
  });
  try {
    const isExtensionWorker = (w: Worker): boolean => w.url().startsWith("chrome-extension://");
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent("serviceworker", {
        predicate: isExtensionWorker,
        timeout: 15_000,
      }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      async close() {
        await context.close();
        if (ownsUserDataDir) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    if (ownsUserDataDir) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
