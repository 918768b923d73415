/**
 * Starts the three fake EPD portals on their own ports. `tsx src/serve.ts` runs them and prints the URLs.
 */
import { realpathSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGgdPortal } from "./portals/ggd.ts";
import { createIriszorgPortal } from "./portals/iriszorg.ts";
import { createLdhPortal } from "./portals/ldh.ts";
import type { DemoPortal, DemoPortalKey } from "./portals/shared.ts";

export interface StartDemoPortalsOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Ports per portal; defaults 5171 (GGD), 5172 (Iriszorg), 5173 (LDH). 0 picks a free port. */
  ports?: Partial<Record<DemoPortalKey, number>>;
}

export interface DemoPortals {
  /** Base URL per portal, without trailing slash, e.g. "http://127.0.0.1:5171". */
  urls: Record<DemoPortalKey, string>;
  close(): Promise<void>;
}

export const defaultDemoPortalPorts: Readonly<Record<DemoPortalKey, number>> = { ggd: 5171, iriszorg: 5172, ldh: 5173 };

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    if (!server.listening) return resolveClose();
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

export async function startDemoPortals(options: StartDemoPortalsOptions = {}): Promise<DemoPortals> {
  const host = options.host ?? "127.0.0.1";
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const portals: DemoPortal[] = [createGgdPortal(), createIriszorgPortal(), createLdhPortal()];
  const servers: Server[] = [];
  const urls: Partial<Record<DemoPortalKey, string>> = {};
  const close = async (): Promise<void> => {
    await Promise.all(servers.map(closeServer));
  };
  try {
    for (const portal of portals) {
      const server = createServer(portal.handler);
      servers.push(server);
      const port = await listen(server, options.ports?.[portal.key] ?? defaultDemoPortalPorts[portal.key], host);
      urls[portal.key] = `http://${urlHost}:${port}`;
    }
  } catch (error) {
    await close();
    throw error;
  }
  const { ggd, iriszorg, ldh } = urls;
  if (ggd === undefined || iriszorg === undefined || ldh === undefined) throw new Error("demo portal did not start");
  return { urls: { ggd, iriszorg, ldh }, close };
}

function isDirectRun(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isDirectRun()) {
  const portals = await startDemoPortals();
  console.log("Naast demo EPD portals (DEMO — geen echte gegevens):");
  console.log(`  GGD       ${portals.urls.ggd}/`);
  console.log(`  Iriszorg  ${portals.urls.iriszorg}/`);
  console.log(`  LDH       ${portals.urls.ldh}/`);
  const stop = (): void => {
    void portals.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
