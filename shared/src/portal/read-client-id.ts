import { checkPattern } from "./pattern.ts";
import type { ClientIdSource } from "./schema.ts";

/**
 * What a reader needs of a portal page; the extension gives it the live document (and its
 * frames' documents), `naast adapter test` a parsed saved page.
 */
export interface PortalPage {
  url: string;
  title: string;
  attribute(selector: string, name: string): string | null | undefined;
  /** The visible text of the first element `selector` finds, or of the whole page when null. */
  text(selector: string | null): string | null | undefined;
}

/** How much of a page a pattern runs over: it costs at most this, whatever the page holds. */
export const readLimits = { urlLength: 2_000, titleLength: 300, lineLength: 200, lines: 2_000, textMillis: 50 } as const;

function run(pattern: string, text: string): string | null | undefined {
  return new RegExp(pattern, "u").exec(text)?.[1];
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null; // a malformed escape reads nothing rather than stopping the page
  }
}

/** Line by line, each cut short, until a line matches or the time is up. */
function readText(pattern: string, text: string, now: () => number): string | null {
  const until = now() + readLimits.textMillis;
  const lines = text.split(/\r?\n/, readLimits.lines);
  for (const line of lines) {
    const found = run(pattern, line.trim().slice(0, readLimits.lineLength));
    if (found !== undefined && found !== null) return found;
    if (now() > until) return null;
  }
  return null;
}

/**
 * The EPD id of the client the page shows, as the adapter says to read it; null when none is
 * open, or when the pattern is not one the rules allow (pattern.ts), or broken.
 */
export function readEpdClientId(adapter: { clientId: ClientIdSource }, page: PortalPage, now: () => number = Date.now): string | null {
  const source = adapter.clientId;
  let raw: string | null | undefined;
  if (source.kind !== "dom" && checkPattern(source.pattern) !== null) return null;
  try {
    switch (source.kind) {
      case "url": {
        const found = run(source.pattern, page.url.slice(0, readLimits.urlLength));
        raw = typeof found === "string" ? decode(found) : null;
        break;
      }
      case "dom":
        raw = page.attribute(source.selector, source.attribute);
        break;
      case "text":
        raw = readText(source.pattern, page.text(source.selector) ?? "", now);
        break;
      case "title":
        raw = run(source.pattern, page.title.slice(0, readLimits.titleLength));
        break;
    }
  } catch {
    return null; // a selector the page cannot read, say: nothing rather than stopping
  }
  const id = raw?.trim();
  return id ? id.slice(0, 100) : null;
}
