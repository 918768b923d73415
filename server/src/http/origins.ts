/**
 * Which web origins may call the server from a browser: the extension's own. An entry is an
 * exact origin (`chrome-extension://<id>`) or a scheme with `*` (`moz-extension://*`: Firefox
 * gives each installation its own random id). A web page's origin (`https://…`) never matches a
 * default entry, so no page can read the server's answers with a user's token.
 */
export function parseOrigins(list: string): string[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function isAllowedOrigin(origin: string | undefined | null, allowed: readonly string[]): boolean {
  if (!origin) return false;
  return allowed.some((entry) => (entry.endsWith("*") ? origin.startsWith(entry.slice(0, -1)) && origin.length > entry.length - 1 : origin === entry));
}
