import { accessPattern, hostOfPattern, type PortalAdapter } from "@naast/shared";

/**
 * Which portal origins the extension reads, decided from the adapters that synced (runtime host
 * access, decision 0022). The manifest asks no portal host up front: an origin is read only when
 * an adapter still in use names it AND the browser granted it (the user's click in the panel, or a
 * host the manifest declares). Nothing wider than the adapters' origins is ever asked or used.
 */

/** Firefox's match patterns hold no port: there an origin is scheme and host. */
export interface AccessOptions {
  withPort: boolean;
}

/** The origins the adapters still in use name, each once, in order. */
export function adapterOrigins(adapters: readonly PortalAdapter[], options: AccessOptions): string[] {
  const origins = new Set<string>();
  for (const adapter of adapters) {
    if (adapter.removedAt) continue;
    const origin = accessPattern(adapter.matchPattern, options);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

/** Origins only removed adapters named: the extension gives their access up. */
export function abandonedOrigins(adapters: readonly PortalAdapter[], options: AccessOptions): string[] {
  const inUse = new Set(adapterOrigins(adapters, options));
  const abandoned = new Set<string>();
  for (const adapter of adapters) {
    if (!adapter.removedAt) continue;
    const origin = accessPattern(adapter.matchPattern, options);
    if (origin && !inUse.has(origin)) abandoned.add(origin);
  }
  return [...abandoned];
}

/** One offer in the panel: "Naast laten meelezen op <host>" for an adapter of her own organisation. */
export interface AccessOffer {
  origin: string;
  host: string;
  portalName: string;
}

/** Her organisation's portals, one offer per origin (whether granted is asked of the browser). */
export function accessOffers(adapters: readonly PortalAdapter[], organisationId: string, options: AccessOptions): AccessOffer[] {
  const offers = new Map<string, AccessOffer>();
  for (const adapter of adapters) {
    if (adapter.removedAt || adapter.organisationId !== organisationId) continue;
    const origin = accessPattern(adapter.matchPattern, options);
    if (!origin || offers.has(origin)) continue;
    offers.set(origin, { origin, host: hostOfPattern(origin), portalName: adapter.displayName });
  }
  return [...offers.values()];
}

/** What the browser offers for reading portals; background.ts passes Chromium's or Firefox's. */
export interface AccessPlatform {
  /** Whether the browser lets the extension read this origin now. */
  granted(origin: string): Promise<boolean>;
  /** The origins the content script is registered for now. */
  registered(): Promise<string[]>;
  register(origins: string[]): Promise<void>;
  unregister(origins: string[]): Promise<void>;
  /** Runs the content script in tabs already open on these origins (registering acts on the next load). */
  injectIntoOpenTabs(origins: string[]): Promise<void>;
  /** Tells content scripts already running on these origins to stop reading. */
  stopInOpenTabs(origins: string[]): Promise<void>;
  /** Gives up a granted origin no adapter uses any more (a declared host cannot be given up: ignored). */
  giveUp(origins: string[]): Promise<void>;
}

export interface Reconciled {
  registered: string[];
  unregistered: string[];
}

/**
 * Brings the registrations in line with the adapters and the grants: registered exactly for the
 * origins in use that the browser grants. Idempotent; run on every change of either.
 */
export async function reconcileAccess(adapters: readonly PortalAdapter[], platform: AccessPlatform, options: AccessOptions): Promise<Reconciled> {
  const wanted: string[] = [];
  for (const origin of adapterOrigins(adapters, options)) if (await platform.granted(origin)) wanted.push(origin);
  const current = await platform.registered();
  const unregistered = current.filter((origin) => !wanted.includes(origin));
  const registered = wanted.filter((origin) => !current.includes(origin));
  if (unregistered.length > 0) {
    await platform.unregister(unregistered);
    await platform.stopInOpenTabs(unregistered);
  }
  if (registered.length > 0) {
    await platform.register(registered);
    await platform.injectIntoOpenTabs(registered);
  }
  const abandoned = abandonedOrigins(adapters, options);
  if (abandoned.length > 0) await platform.giveUp(abandoned);
  return { registered, unregistered };
}
