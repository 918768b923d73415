/**
 * WebExtension match patterns ("https://*.ggd.nl/*"), as adapters name the portal they read,
 * plus an optional port (Chromium reads one; the demo portals need it).
 */
const patternShape = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+)(?::(\d+|\*))?(\/.*)$/;
const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
const defaultPorts: Record<string, string> = { "http:": "80", "https:": "443" };

export type MatchPatternProblem = "match-pattern-invalid" | "match-pattern-too-wide";

/**
 * Why a match pattern may not name a portal, or null when it may. The extension asks the user for
 * exactly the pattern's origin, so a pattern for every host ("<all_urls>", "*://*\/*") or for a
 * whole top-level domain ("https://*.nl/*") is refused: nothing wider than one organisation's portal.
 */
export function checkMatchPattern(pattern: string): MatchPatternProblem | null {
  const m = patternShape.exec(pattern);
  if (!m || pattern.length > 300) return "match-pattern-invalid";
  const host = m[2] ?? "";
  if (host === "*") return "match-pattern-too-wide";
  const bare = host.startsWith("*.") ? host.slice(2) : host;
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/i.test(bare) && !/^\[[0-9a-f:.]+\]$/i.test(bare)) return "match-pattern-invalid";
  if (host.startsWith("*.") && !bare.includes(".")) return "match-pattern-too-wide";
  const port = m[3];
  if (port !== undefined && port !== "*" && (Number(port) < 1 || Number(port) > 65535)) return "match-pattern-invalid";
  return null;
}

/**
 * The origin pattern the extension asks access for and runs its content script on: the
 * adapter's scheme, host and port, every path ("http://127.0.0.2:5174/*"). Firefox's match
 * patterns hold no port, so there it is left out (any port on that host).
 */
export function accessPattern(matchPattern: string, options: { withPort: boolean } = { withPort: true }): string | null {
  const m = patternShape.exec(matchPattern);
  if (!m) return null;
  const [, scheme, host, port] = m;
  return `${scheme}://${host}${options.withPort && port !== undefined ? `:${port}` : ""}/*`;
}

/** The host (and port) a person recognises, for "Naast laten meelezen op 127.0.0.2:5174". */
export function hostOfPattern(matchPattern: string): string {
  const m = patternShape.exec(matchPattern);
  return m ? `${m[2]}${m[3] !== undefined ? `:${m[3]}` : ""}` : matchPattern;
}

/**
 * Whether a page address matches: without a port (or with `*`) any port matches; hosts compare
 * without regard to case.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = patternShape.exec(pattern);
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
