import { matchesPattern, type PortalAdapter, type PortalPage, readEpdClientId } from "@naast/shared";

/**
 * Checking the open tab against her organisation's adapters (Beheer, issue 19 point 3): what each
 * frame of the page shows is taken once (address, title, the visible text and attributes the
 * adapters name), and every adapter reads it the way the content script would.
 */
export interface FrameSnapshot {
  url: string;
  title: string;
  /** Visible text per selector the adapters name; "" stands for the whole page. */
  texts: Record<string, string | null>;
  /** Attribute values, keyed `${selector}\n${attribute}`. */
  attributes: Record<string, string | null>;
}

/** What the page is asked for: the selectors and attributes the adapters read. */
export interface SnapshotRequest {
  texts: string[];
  attributes: Array<[selector: string, attribute: string]>;
}

export function snapshotRequest(adapters: readonly PortalAdapter[]): SnapshotRequest {
  const texts = new Set<string>();
  const attributes = new Map<string, [string, string]>();
  for (const { clientId } of adapters) {
    if (clientId.kind === "text") texts.add(clientId.selector ?? "");
    if (clientId.kind === "dom") attributes.set(`${clientId.selector}\n${clientId.attribute}`, [clientId.selector, clientId.attribute]);
  }
  return { texts: [...texts], attributes: [...attributes.values()] };
}

/**
 * Runs in each frame of the page (scripting.executeScript serialises it: self-contained, no
 * imports). Reads only what the request names, each text cut at 20,000 characters.
 */
export function takeSnapshot(request: SnapshotRequest): FrameSnapshot {
  const text = (selector: string) => {
    try {
      const element = selector === "" ? document.body : document.querySelector(selector);
      // biome-ignore lint/performance/useDomNodeTextContent: read as the content script reads it (shared/src/portal/document-page.ts): the visible text
      const value = element ? ((element as HTMLElement).innerText ?? element.textContent) : null;
      return value === null ? null : value.slice(0, 20_000);
    } catch {
      return null;
    }
  };
  const attribute = (selector: string, name: string) => {
    try {
      return document.querySelector(selector)?.getAttribute(name) ?? null;
    } catch {
      return null;
    }
  };
  let url = location.href;
  if (location.protocol === "about:") {
    try {
      url = parent.location.href;
    } catch {
      // a frame of another origin: its own address it is
    }
  }
  return {
    url,
    title: document.title,
    texts: Object.fromEntries(request.texts.map((s) => [s, text(s)])),
    attributes: Object.fromEntries(request.attributes.map(([s, a]) => [`${s}\n${a}`, attribute(s, a)])),
  };
}

function pageOf(snapshot: FrameSnapshot): PortalPage {
  return {
    url: snapshot.url,
    title: snapshot.title,
    attribute: (selector, name) => snapshot.attributes[`${selector}\n${name}`] ?? null,
    text: (selector) => snapshot.texts[selector ?? ""] ?? null,
  };
}

export type AdapterCheck =
  | { adapterId: string; outcome: "recognised"; epdClientId: string }
  | { adapterId: string; outcome: "no-client"; url: string }
  | { adapterId: string; outcome: "other-address" }
  | { adapterId: string; outcome: "removed" };

/** Per adapter: the client it recognises in some frame, or why not. */
export function checkAdapters(adapters: readonly PortalAdapter[], frames: readonly FrameSnapshot[], now: () => number = Date.now): AdapterCheck[] {
  return adapters.map((adapter): AdapterCheck => {
    if (adapter.removedAt) return { adapterId: adapter.id, outcome: "removed" };
    const matching = frames.filter((f) => matchesPattern(adapter.matchPattern, f.url));
    for (const frame of matching) {
      const epdClientId = readEpdClientId(adapter, pageOf(frame), now);
      if (epdClientId !== null) return { adapterId: adapter.id, outcome: "recognised", epdClientId };
    }
    const [first] = matching;
    return first ? { adapterId: adapter.id, outcome: "no-client", url: first.url } : { adapterId: adapter.id, outcome: "other-address" };
  });
}

/** The frames of a tab as the adapters see them; null when the browser lets Naast not read that tab. */
export async function snapshotTab(tabId: number, request: SnapshotRequest): Promise<FrameSnapshot[] | null> {
  try {
    if (import.meta.env.MANIFEST_VERSION === 2) {
      // Firefox's MV2 build: tabs.executeScript with the same function as code.
      const tabs = browser.tabs as unknown as {
        executeScript(tabId: number, details: { code: string; allFrames: boolean; matchAboutBlank: boolean }): Promise<unknown[]>;
      };
      const results = await tabs.executeScript(tabId, {
        code: `(${takeSnapshot.toString()})(${JSON.stringify(request)})`,
        allFrames: true,
        matchAboutBlank: true,
      });
      return results as FrameSnapshot[];
    }
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: takeSnapshot, args: [request] });
    return results.flatMap((r) => (r.result ? [r.result as FrameSnapshot] : []));
  } catch {
    return null;
  }
}
