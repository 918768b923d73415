/**
 * Starts the three fake EPD portals on their own ports, and the fourth ("Ons", issue 19) on an
 * origin of its own. `tsx src/serve.ts` runs them and prints the URLs.
 */
import { realpathSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGgdPortal } from "./portals/ggd.ts";
import { createIriszorgPortal } from "./portals/iriszorg.ts";
import { createIriszorgOnsPortal } from "./portals/iriszorg-ons.ts";
import { createLdhPortal } from "./portals/ldh.ts";
import type { DemoPortal, DemoPortalKey } from "./portals/shared.ts";

export interface StartDemoPortalsOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Ports per portal; defaults 5171 (GGD), 5172 (Iriszorg), 5173 (LDH). 0 picks a free port. */
  ports?: Partial<Record<DemoPortalKey, number>>;
  /**
   * The fourth portal, Iriszorg's "Ons": on another loopback address (default 127.0.0.2, port
   * 5174), an origin the extension's declared loopback hosts do not cover, so the extension reads
   * it only after the user's grant. Left out when not asked for.
   */
  ons?: { host?: string; port?: number };
}

export interface DemoPortals {
  /** Base URL per portal, without trailing slash, e.g. "http://127.0.0.1:5171"; `ons` when started. */
  urls: Record<DemoPortalKey, string> & { ons?: string };
  close(): Promise<void>;
}

export const defaultDemoPortalPorts: Readonly<Record<DemoPortalKey, number>> = { ggd: 5171, iriszorg: 5172, ldh: 5173 };
/** Where the fourth portal runs by default: not 127.0.0.1, so not a declared host. */
export const defaultOnsPortal = { host: "127.0.0.2", port: 5174 } as const;

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
  let ons: string | undefined;
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
    if (options.ons) {
      const onsHost = options.ons.host ?? defaultOnsPortal.host;
      const server = createServer(createIriszorgOnsPortal().handler);
      servers.push(server);
      let bound = onsHost;
      let port: number;
      try {
        port = await listen(server, options.ons.port ?? defaultOnsPortal.port, onsHost);
      } catch (error) {
        // macOS has no 127.0.0.2 without an alias: IPv6 loopback is another origin all the same.
        if (options.ons.host !== undefined || (error as NodeJS.ErrnoException).code !== "EADDRNOTAVAIL") throw error;
        bound = "::1";
        port = await listen(server, options.ons.port ?? defaultOnsPortal.port, bound);
      }
      ons = `http://${bound.includes(":") ? `[${bound}]` : bound}:${port}`;
    }
  } catch (error) {
    await close();
    throw error;
  }
  const { ggd, iriszorg, ldh } = urls;
  if (ggd === undefined || iriszorg === undefined || ldh === undefined) throw new Error("demo portal did not start");
  return { urls: { ggd, iriszorg, ldh, ...(ons ? { ons } : {}) }, close };
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
  const portals = await startDemoPortals({ ons: {} });
  console.log("Naast demo EPD portals (DEMO — geen echte gegevens):");
  console.log(`  GGD       ${portals.urls.ggd}/`);
  console.log(`  Iriszorg  ${portals.urls.iriszorg}/`);
  console.log(`  LDH       ${portals.urls.ldh}/`);
  console.log(`  Ons       ${portals.urls.ons}/ (Iriszorg's second EPD, another origin: grant it in the panel)`);
  const stop = (): void => {
    void portals.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
