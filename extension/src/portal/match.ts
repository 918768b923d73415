import { matchesPattern, type PortalAdapter } from "@naast/shared";

/** The first adapter still in use whose pattern matches the page, or null. */
export function adapterFor(adapters: readonly PortalAdapter[], url: string): PortalAdapter | null {
  return adapters.find((a) => !a.removedAt && matchesPattern(a.matchPattern, url)) ?? null;
}
