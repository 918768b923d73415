import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type DemoPortals, startDemoPortals } from "@naast/demo";
import { seedDemo } from "../../../server/src/demo/seed.ts";
import { startTestServer, type TestServer } from "../../support/test-server.ts";

export const extensionPath = resolve(import.meta.dirname, "../../../extension/.output/chrome-mv3");

/** The built extension; built here when a test runs without `pnpm test` having built it. */
export function ensureExtensionBuilt(): string {
  if (!existsSync(resolve(extensionPath, "manifest.json"))) {
    execFileSync("pnpm", ["exec", "wxt", "build"], { cwd: resolve(extensionPath, "../.."), stdio: "inherit" });
  }
  return extensionPath;
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
