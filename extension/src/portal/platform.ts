import type { PortalCommand } from "../messaging/protocol.ts";
import type { AccessOptions, AccessPlatform } from "./access.ts";

/** The content script as built (WXT: entrypoints/content.ts, registration "runtime"). */
export const contentScriptFile = "/content-scripts/content.js" as const;
const idPrefix = "naast-portal ";

/** What every reading of a portal stops on: the content script checks the origin is its own. */
export const stopMessage = (origins: string[]): PortalCommand => ({ type: "portal/stop", origins });

/** Chromium's match patterns hold a port; Firefox's do not (the MV2 build). */
export const accessOptions = (): AccessOptions => ({ withPort: import.meta.env.MANIFEST_VERSION !== 2 });

async function tabsOn(origins: string[]): Promise<number[]> {
  const tabs = await browser.tabs.query({ url: origins }).catch(() => []);
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}

async function stopInOpenTabs(origins: string[]): Promise<void> {
  // The permission may be gone already, so the tabs' addresses are not readable: tell every tab;
  // a content script reading another origin, or none, ignores it.
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, stopMessage(origins)).catch(() => undefined))));
}

const granted = (origin: string) => browser.permissions.contains({ origins: [origin] }).catch(() => false);
const giveUp = async (origins: string[]) => {
  // A host the manifest declares cannot be removed; that is no failure.
  for (const origin of origins) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
};

/** Chromium (MV3): scripting.registerContentScripts, kept across browser restarts and reconciled at start. */
export function chromiumAccess(): AccessPlatform {
  return {
    granted,
    giveUp,
    stopInOpenTabs,
    async registered() {
      const scripts = await browser.scripting.getRegisteredContentScripts();
      return scripts.filter((s) => s.id.startsWith(idPrefix)).map((s) => s.id.slice(idPrefix.length));
    },
    async register(origins) {
      await browser.scripting.registerContentScripts(
        origins.map((origin) => ({
          id: `${idPrefix}${origin}`,
          matches: [origin],
          js: [contentScriptFile],
          // The dossier is often a frame of the portal; an about:blank or srcdoc frame counts as its parent's origin.
          allFrames: true,
          matchOriginAsFallback: true,
          runAt: "document_start" as const,
          persistAcrossSessions: true,
        })),
      );
    },
    async unregister(origins) {
      await browser.scripting.unregisterContentScripts({ ids: origins.map((origin) => `${idPrefix}${origin}`) });
    },
    async injectIntoOpenTabs(origins) {
      for (const tabId of await tabsOn(origins)) {
        await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [contentScriptFile] }).catch(() => undefined);
      }
    },
  };
}

/** Firefox's MV2 contentScripts API: a registration lives as long as the background page. */
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    js: Array<{ file: string }>;
    allFrames: boolean;
    matchAboutBlank: boolean;
    runAt: "document_start" | "document_end" | "document_idle";
  }): Promise<{ unregister(): Promise<void> }>;
}
interface FirefoxTabs {
  executeScript(tabId: number, details: { file: string; allFrames: boolean; matchAboutBlank: boolean }): Promise<unknown>;
}

/** Firefox (MV2): contentScripts.register; the background registers again each time it starts. */
export function firefoxAccess(): AccessPlatform {
  const api = browser as unknown as { contentScripts: FirefoxContentScripts; tabs: FirefoxTabs };
  const handles = new Map<string, { unregister(): Promise<void> }>();
  return {
    granted,
    giveUp,
    stopInOpenTabs,
    registered: async () => [...handles.keys()],
    async register(origins) {
      for (const origin of origins) {
        handles.set(
          origin,
          await api.contentScripts.register({
            matches: [origin],
            js: [{ file: contentScriptFile }],
            allFrames: true,
            matchAboutBlank: true,
            runAt: "document_start",
          }),
        );
      }
    },
    async unregister(origins) {
      for (const origin of origins) {
        await handles.get(origin)?.unregister();
        handles.delete(origin);
      }
    },
    async injectIntoOpenTabs(origins) {
      for (const tabId of await tabsOn(origins)) {
        await api.tabs.executeScript(tabId, { file: contentScriptFile, allFrames: true, matchAboutBlank: true }).catch(() => undefined);
      }
    },
  };
}

export const platformAccess = (): AccessPlatform => (import.meta.env.MANIFEST_VERSION === 2 ? firefoxAccess() : chromiumAccess());
