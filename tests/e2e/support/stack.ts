import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type DemoPortals, startDemoPortals } from "@naast/demo";
import { seedDemo } from "../../../server/src/demo/seed.ts";
import { startTestServer, type TestServer } from "../../support/test-server.ts";

const extensionDir = resolve(import.meta.dirname, "../../../extension");
export const extensionPath = resolve(extensionDir, ".output/chrome-mv3");
/** The Firefox build: Manifest V2, a sidebar instead of the side panel. */
export const firefoxExtensionPath = resolve(extensionDir, ".output/firefox-mv2");

/** The built extension; built here when a test runs without `pnpm test` having built it. */
export function ensureExtensionBuilt(browser: "chromium" | "firefox" = "chromium"): string {
  const path = browser === "firefox" ? firefoxExtensionPath : extensionPath;
  if (!existsSync(resolve(path, "manifest.json"))) {
    execFileSync("pnpm", ["exec", "wxt", "build", ...(browser === "firefox" ? ["-b", "firefox"] : [])], { cwd: extensionDir, stdio: "inherit" });
  }
  return path;
}

export interface DemoStack {
  server: TestServer;
  portals: DemoPortals;
  stop(): Promise<void>;
}

/** Everything `pnpm start` runs, on free ports and a temp database: server, demo portals, demo seed. */
export async function startDemoStack(serverEnv: Record<string, string> = {}): Promise<DemoStack> {
  ensureExtensionBuilt();
  const server = await startTestServer(serverEnv);
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
