import type { PortalAdapter } from "@naast/shared";

/** The EPD id of the client the page shows, as the adapter says to read it; null when none is open. */
export function readEpdClientId(adapter: Pick<PortalAdapter, "clientId">, document: Pick<Document, "querySelector">, href: string): string | null {
  const source = adapter.clientId;
  let raw: string | null | undefined;
  if (source.kind === "url") {
    try {
      raw = new RegExp(source.pattern).exec(href)?.[1];
      raw = raw === undefined ? null : decodeURIComponent(raw);
    } catch {
      return null; // a broken pattern or a malformed escape reads nothing rather than stopping
    }
  } else {
    raw = document.querySelector(source.selector)?.getAttribute(source.attribute);
  }
  const id = raw?.trim();
  return id ? id.slice(0, 100) : null;
}
