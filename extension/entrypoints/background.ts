// First: before any module creates a zod schema.
import "../src/zod-jitless.ts";
import { backgroundListener } from "../src/messaging/background-listener.ts";
import type { BackgroundEvent } from "../src/messaging/protocol.ts";
import { notify } from "../src/messaging/send.ts";
import { showToDoCountOnIcon } from "../src/overview/badge.ts";
import { followPortalAccess } from "../src/portal/follow-access.ts";
import { accessOptions, platformAccess } from "../src/portal/platform.ts";
import { TabContexts } from "../src/portal/tab-contexts.ts";
import { db } from "../src/storage/db.ts";
import { followKeyring, idleLockMs } from "../src/storage/follow-keyring.ts";
import { SyncEngine } from "../src/sync/engine.ts";

export default defineBackground(() => {
  const engine = new SyncEngine(db);
  // A frame's script answers a ping while it reads; a frame gone or elsewhere does not.
  const frameAlive = (tabId: number, frameId: number) =>
    browser.tabs.sendMessage(tabId, { type: "portal/ping" }, { frameId }).then((answer) => answer === true);
  const contexts = new TabContexts(db, browser.storage.session, frameAlive);
  const extensionOrigin = browser.runtime.getURL("/");

  // Chromium: the toolbar icon opens the side panel. Firefox shows its sidebar_action instead.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Firefox: the toolbar icon toggles the sidebar. Its sidebarAction is not in Chromium's types.
  const { sidebarAction } = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
  if (sidebarAction) browser.browserAction?.onClicked.addListener(() => void sidebarAction.toggle());

  const broadcast = (event: BackgroundEvent) => notify(event);

  browser.runtime.onMessage.addListener(
    backgroundListener({
      extensionId: browser.runtime.id,
      extensionOrigin,
      contexts,
      engine,
      broadcast,
      activeTabId: () => browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab?.id ?? null),
    }),
  );

  browser.tabs.onRemoved.addListener((tabId) => void contexts.forget(tabId));
  self.addEventListener("online", () => void engine.syncNow());
  engine.start();
  let stopBadge = showToDoCountOnIcon(db);
  // The portals' content script: registered for the adapters' origins the browser grants (decision 0022).
  const followAccess = () =>
    followPortalAccess(db, platformAccess(), accessOptions(), browser.permissions, (readable) => {
      void contexts.keepOnly(readable).then((tabs) => Promise.all(tabs.map((tabId) => broadcast({ type: "context/cleared", tabId }))));
    });
  let stopAccess = followAccess();
  const keys = db.keys;
  if (keys) {
    // Unlocked: send what waited, and count again (a count read while locked has failed).
    keys.onChange(() => {
      stopBadge();
      stopBadge = showToDoCountOnIcon(db);
      stopAccess();
      stopAccess = followAccess();
      if (keys.current()) void engine.syncNow();
    });
    void followKeyring(keys).then(() => engine.syncNow());
    // With the panel closed nobody touches it: the background locks an idle device too.
    setInterval(async () => void (await keys.lockIfIdle(await idleLockMs())), 30_000);
  }
});
