import type { PortalAdapter } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { type AccessPlatform, accessOffers, adapterOrigins, reconcileAccess } from "./access.ts";

const adapter = (id: string, organisationId: string, matchPattern: string, removedAt: string | null = null): PortalAdapter => ({
  id,
  organisationId,
  displayName: `Portal ${id}`,
  matchPattern,
  clientId: { kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: null },
  removedAt,
});

/** A browser that writes down what it was asked; `grants` is what the user (or the manifest) allowed. */
function fakeBrowser(grants: string[], registered: string[] = []) {
  const log: string[] = [];
  const platform: AccessPlatform = {
    granted: async (origin) => grants.includes(origin),
    registered: async () => [...registered],
    register: async (origins) => {
      registered.push(...origins);
      log.push(`register ${origins.join(" ")}`);
    },
    unregister: async (origins) => {
      for (const o of origins) registered.splice(registered.indexOf(o), 1);
      log.push(`unregister ${origins.join(" ")}`);
    },
    injectIntoOpenTabs: async (origins) => void log.push(`inject ${origins.join(" ")}`),
    stopInOpenTabs: async (origins) => void log.push(`stop ${origins.join(" ")}`),
    giveUp: async (origins) => void log.push(`give up ${origins.join(" ")}`),
  };
  return { platform, log, registered };
}

const chromium = { withPort: true };
const ons = adapter("ons", "org-iriszorg", "https://ons.iriszorg.nl/*");
const ggd = adapter("ggd", "org-ggd", "http://127.0.0.1:5171/clienten/*");

describe("which portals the extension reads (runtime host access)", () => {
  it("asks for an adapter's origin only: scheme, host and port; Firefox without the port", () => {
    expect(adapterOrigins([ggd, ons], chromium)).toEqual(["http://127.0.0.1:5171/*", "https://ons.iriszorg.nl/*"]);
    expect(adapterOrigins([ggd], { withPort: false })).toEqual(["http://127.0.0.1/*"]);
    expect(adapterOrigins([adapter("x", "org-ggd", "https://x.nl/*", "2026-12-01T00:00:00.000Z")], chromium)).toEqual([]);
  });

  it("offers her own organisation's portals only, each origin once", () => {
    const twice = adapter("ons-2", "org-iriszorg", "https://ons.iriszorg.nl/dossier/*");
    expect(accessOffers([ons, twice, ggd], "org-iriszorg", chromium)).toEqual([
      { origin: "https://ons.iriszorg.nl/*", host: "ons.iriszorg.nl", portalName: "Portal ons" },
    ]);
    expect(accessOffers([{ ...ons, removedAt: "2026-12-01T00:00:00.000Z" }], "org-iriszorg", chromium)).toEqual([]);
  });

  it("registers nothing before the grant, and registers and injects into open tabs after it", async () => {
    const before = fakeBrowser([]);
    expect(await reconcileAccess([ons], before.platform, chromium)).toEqual({ registered: [], unregistered: [] });
    expect(before.log).toEqual([]);
    const after = fakeBrowser(["https://ons.iriszorg.nl/*"]);
    await reconcileAccess([ons], after.platform, chromium);
    expect(after.log).toEqual(["register https://ons.iriszorg.nl/*", "inject https://ons.iriszorg.nl/*"]);
    // Idempotent: nothing more to do the second time.
    await reconcileAccess([ons], after.platform, chromium);
    expect(after.log).toHaveLength(2);
  });

  it("unregisters, stops and gives up the origin of an adapter removed on the server", async () => {
    const { platform, log, registered } = fakeBrowser(["https://ons.iriszorg.nl/*"], ["https://ons.iriszorg.nl/*"]);
    await reconcileAccess([{ ...ons, removedAt: "2026-12-02T00:00:00.000Z" }], platform, chromium);
    expect(log).toEqual(["unregister https://ons.iriszorg.nl/*", "stop https://ons.iriszorg.nl/*", "give up https://ons.iriszorg.nl/*"]);
    expect(registered).toEqual([]);
  });

  it("keeps an origin another adapter still uses", async () => {
    const { platform, log } = fakeBrowser(["https://ons.iriszorg.nl/*"], ["https://ons.iriszorg.nl/*"]);
    await reconcileAccess(
      [{ ...ons, removedAt: "2026-12-02T00:00:00.000Z" }, adapter("ons-2", "org-iriszorg", "https://ons.iriszorg.nl/x/*")],
      platform,
      chromium,
    );
    expect(log).toEqual([]);
  });

  it("unregisters an origin whose permission the user revoked in the browser, keeping the adapter", async () => {
    const { platform, log } = fakeBrowser([], ["https://ons.iriszorg.nl/*"]);
    await reconcileAccess([ons], platform, chromium);
    expect(log).toEqual(["unregister https://ons.iriszorg.nl/*", "stop https://ons.iriszorg.nl/*"]);
  });
});
