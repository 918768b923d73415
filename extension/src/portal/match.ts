import type { PortalAdapter } from "@naast/shared";

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
const defaultPorts: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * Match patterns as Chrome reads them ("https://*.ggd.nl/*"), plus an optional port: without a
 * port (or with `*`) any port matches; hosts compare without regard to case.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+)(?::(\d+|\*))?(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme = "", host = "", port, path = "/"] = m;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === "*" ? !["http", "https"].includes(targetScheme) : scheme !== targetScheme) return false;
  const targetHost = target.hostname.toLowerCase();
  const wanted = host.toLowerCase();
  if (wanted !== "*") {
    const ok = wanted.startsWith("*.") ? targetHost === wanted.slice(2) || targetHost.endsWith(wanted.slice(1)) : targetHost === wanted;
    if (!ok) return false;
  }
  if (port !== undefined && port !== "*" && port !== (target.port || defaultPorts[target.protocol])) return false;
  return new RegExp(`^${escapeRegExp(path).replace(/\*/g, ".*")}$`).test(target.pathname + target.search);
}

export function adapterFor(adapters: readonly PortalAdapter[], url: string): PortalAdapter | null {
  return adapters.find((a) => matchesPattern(a.matchPattern, url)) ?? null;
}
