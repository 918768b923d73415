import type { PortalAdapter } from "@naast/shared";
import { type BackgroundEvent, contentMessageSchema, type DetectedClient, panelMessageSchema, type TabContext } from "./protocol.ts";
import { isOwnContentScript, isOwnExtensionPage, type MessageSender } from "./sender.ts";

/** What the background's message listener works with; background.ts passes the real ones. */
export interface BackgroundParts {
  extensionId: string;
  /** browser.runtime.getURL("/") */
  extensionOrigin: string;
  contexts: {
    adapterForUrl(url: string): Promise<PortalAdapter | null>;
    report(tabId: number, detected: DetectedClient, frameId?: number): Promise<TabContext | null>;
    get(tabId: number): Promise<TabContext | null>;
  };
  engine: { syncNow(): Promise<unknown>; restartLive(): Promise<unknown> };
  /** The tab the user looks at, for a side panel that follows the active tab. */
  activeTabId(): Promise<number | null>;
  broadcast(event: BackgroundEvent): Promise<unknown>;
}

/**
 * The background's runtime.onMessage listener: content messages only from its own content
 * scripts in a tab, panel messages only from its own pages, each only in its known shapes;
 * anything else is ignored (returns false, no reply). Lives here, not in background.ts, so the
 * listener that is wired is the one the tests drive.
 */
export function backgroundListener(parts: BackgroundParts) {
  const { extensionId, extensionOrigin, contexts, engine } = parts;
  return (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    const reply = (work: Promise<unknown>) => {
      work.then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
      return true;
    };
    if (isOwnContentScript(sender, extensionId, extensionOrigin)) {
      const parsed = contentMessageSchema.safeParse(message);
      const tabId = sender.tab?.id;
      if (!parsed.success || tabId === undefined) return false;
      if (parsed.data.type === "portal/which-adapter") return reply(contexts.adapterForUrl(parsed.data.url));
      return reply(
        contexts.report(tabId, parsed.data.detected, sender.frameId ?? 0).then(async (context) => {
          if (context) await parts.broadcast({ type: "context/changed", context });
          return null;
        }),
      );
    }
    if (isOwnExtensionPage(sender, extensionId, extensionOrigin)) {
      const parsed = panelMessageSchema.safeParse(message);
      if (!parsed.success) return false;
      switch (parsed.data.type) {
        case "context/get": {
          const { tabId } = parsed.data;
          return reply((tabId !== null ? Promise.resolve(tabId) : parts.activeTabId()).then((id) => (id === null ? null : contexts.get(id))));
        }
        case "sync/now":
          return reply(engine.syncNow().then(() => null));
        case "session/changed":
          return reply(
            engine
              .restartLive()
              .then(() => engine.syncNow())
              .then(() => null),
          );
      }
    }
    return false; // anything else is ignored
  };
}
