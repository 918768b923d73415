import { showAwaitingCountOnIcon } from "../src/handover/badge.ts";
import { type BackgroundEvent, contentMessageSchema, panelMessageSchema } from "../src/messaging/protocol.ts";
import { isOwnContentScript, isOwnExtensionPage } from "../src/messaging/sender.ts";
import { TabContexts } from "../src/portal/tab-contexts.ts";
import { db } from "../src/storage/db.ts";
import { SyncEngine } from "../src/sync/engine.ts";

export default defineBackground(() => {
  const engine = new SyncEngine(db);
  const contexts = new TabContexts(db, browser.storage.session);
  const extensionOrigin = browser.runtime.getURL("/");

  // Chromium: the toolbar icon opens the side panel. Firefox shows its sidebar_action instead.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Firefox: the toolbar icon toggles the sidebar. Its sidebarAction is not in Chromium's types.
  const { sidebarAction } = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
  if (sidebarAction) browser.browserAction?.onClicked.addListener(() => void sidebarAction.toggle());

  const broadcast = (event: BackgroundEvent) => browser.runtime.sendMessage(event).catch(() => undefined);

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const reply = (work: Promise<unknown>) => {
      work.then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
      return true;
    };
    if (isOwnContentScript(sender, browser.runtime.id, extensionOrigin)) {
      const parsed = contentMessageSchema.safeParse(message);
      const tabId = sender.tab?.id;
      if (!parsed.success || tabId === undefined) return false;
      if (parsed.data.type === "portal/which-adapter") return reply(contexts.adapterForUrl(parsed.data.url));
      return reply(
        contexts.report(tabId, parsed.data.detected).then(async (context) => {
          if (context) await broadcast({ type: "context/changed", context });
          return null;
        }),
      );
    }
    if (isOwnExtensionPage(sender, browser.runtime.id, extensionOrigin)) {
      const parsed = panelMessageSchema.safeParse(message);
      if (!parsed.success) return false;
      switch (parsed.data.type) {
        case "context/get": {
          const { tabId } = parsed.data;
          return reply(
            (tabId !== null ? Promise.resolve(tabId) : browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab?.id ?? null)).then(
              (id) => (id === null ? null : contexts.get(id)),
            ),
          );
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
  });

  browser.tabs.onRemoved.addListener((tabId) => void contexts.forget(tabId));
  self.addEventListener("online", () => void engine.syncNow());
  engine.start();
  showAwaitingCountOnIcon(db);
});
